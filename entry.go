package entrylink

import (
	"unicode"
	"unicode/utf8"

	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// An Entry is an entry link taken apart and its ref decoded.
type Entry struct {
	// Link is the link as package channel reads it. Link.Ref is the raw
	// ref text, exactly as the link carried it after %-decoding.
	Link channel.Link
	// Ref is Link.Ref decoded. It is the zero Ref when the link carries no
	// ref (a bare t.me/<bot> link).
	//
	// Where the ref rides in message text the user can edit (WhatsApp,
	// LINE, SMS, Email), Ref is read as the bot's webhook reads the text
	// "/" and Link.Ref, the text Build prefills (see [channel.Referrals]):
	// it is the first word of Link.Ref decoded, and the zero Ref if
	// Link.Ref starts with white space ("/ giveaway" carries no ref). The
	// words after it are the user's message, not part of the ref. A text
	// that had no "/" to drop is read the same way.
	Ref refparam.Ref
}

// Parse reads an entry link of any channel and decodes its ref. It returns
// the link's error (a [*channel.LinkError]) if the link is not a channel's
// entry link, or a [*RefError] if the link is one but its ref does not
// decode. A link without a ref is not an error: Entry.Ref is then zero.
//
// Parse recognises WebChat links on the default host only; for white-label
// hosts, parse with a [channel.Parser] and pass the result to [Decode].
func Parse(rawURL string) (Entry, error) {
	var e Entry
	var err error
	if e.Link, err = channel.Parse(rawURL); err != nil {
		return Entry{}, err
	}
	if err := e.decode(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// Decode decodes the ref of a link that package channel has read, with the
// same rules and errors as [Parse].
func Decode(l channel.Link) (Entry, error) {
	e := Entry{Link: l}
	if err := e.decode(); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// decode sets e.Ref from e.Link.Ref. It works in place because an Entry is
// a large value: copying it through return values costs more than the
// decoding of a short ref.
func (e *Entry) decode() error {
	raw := e.Link.Ref
	if e.Link.Kind.InText() {
		// The webhook reads a ref only right after the "/": FirstWord
		// would skip the white space that ends it there.
		if r, _ := utf8.DecodeRuneInString(raw); unicode.IsSpace(r) {
			return nil
		}
		raw = channel.FirstWord(raw)
	}
	if raw == "" {
		return nil
	}
	var err error
	if e.Ref, err = refparam.Parse(raw); err != nil {
		re := &RefError{Kind: e.Link.Kind, Raw: raw, Err: err}
		if se, ok := err.(*refparam.SyntaxError); ok {
			re.Offset = se.Offset
		}
		return re
	}
	return nil
}
