package entrylink

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// Build returns the default link of channel k to target carrying r. See
// [BuildLink] for how the ref's text is chosen and checked.
//
// Build makes one allocation, the link, when the link is short (256 bytes
// or less): the ref's text is written on the stack, and the link over it
// by [channel.AppendLink], which reads the text as bytes.
func Build(k channel.Kind, target string, r refparam.Ref) (string, error) {
	var l channel.Link
	l.Kind, l.Target = k, target
	var buf [256]byte
	text, enc, err := appendRef(buf[:0], &l, &r)
	if err != nil {
		return "", err
	}
	if err := checkWords(k, text); err != nil {
		return "", err
	}
	// The text is at the start of buf, or on the heap if it outgrew it,
	// and AppendLink reads a ref there before it writes over it.
	link, err := channel.AppendLink(buf[:0], k, target, text)
	if err != nil {
		return "", linkError(&l, string(text), enc, err)
	}
	return string(link), nil
}

// BuildLink returns the link l describes, with l.Ref replaced by the text of
// r. Use it for the variants that [channel.Link] has fields for: Telegram
// startgroup and startapp links, a Mini App, another WebChat page, an e-mail
// subject. The zero Ref is no ref: the link is written without one.
//
// The ref is written canonically, with its JSON document raw where the
// channel's alphabet has the '{' or '[' it starts with, and as unpadded
// base64url where it does not (Messenger, Instagram, Telegram) or where
// the channel carries the ref in message text and the document has white
// space, which would end the ref there (WhatsApp, LINE, SMS, Email). If the text
// is then too long for the channel, the error is a [*FitError] that says by
// how much. Other errors are the [*refparam.EncodeError] of a Ref that
// cannot be written, the [*channel.LinkError] of a target, variant or
// ref the channel refuses, or a [*RefError] wrapping [ErrWhiteSpace] for
// a ref with white space outside its JSON document where the channel
// carries it in message text.
func BuildLink(l channel.Link, r refparam.Ref) (string, error) {
	var buf [128]byte
	b, enc, err := appendRef(buf[:0], &l, &r)
	if err != nil {
		return "", err
	}
	if err := checkWords(l.Kind, b); err != nil {
		return "", err
	}
	l.Ref = string(b)
	link, err := l.URL()
	if err != nil {
		return "", linkError(&l, l.Ref, enc, err)
	}
	return link, nil
}

// appendRef appends the text of r to dst, written with the JSON encoding
// that l's channel needs, which it returns; or it returns the error of a
// Ref that cannot be written.
func appendRef(dst []byte, l *channel.Link, r *refparam.Ref) ([]byte, refparam.JSONEncoding, error) {
	enc := refparam.Encoder{}
	if len(r.JSON) > 0 && (!channel.InAlphabet(l.Kind, string(r.JSON[:1])) ||
		l.Kind.InText() && indexSpace(r.JSON) >= 0) {
		enc = enc.WithJSONEncoding(refparam.JSONBase64URL)
	}
	b, err := enc.AppendText(dst, *r)
	if err != nil {
		// Longer than refparam allows is longer than any channel allows.
		var ee *refparam.EncodeError
		if errors.Is(err, refparam.ErrTooLong) && errors.As(err, &ee) {
			return nil, 0, &FitError{Link: *l, JSON: enc.JSONEncoding(), Len: ee.Len, Limit: refLimit(*l), Err: err}
		}
		return nil, 0, err
	}
	return b, enc.JSONEncoding(), nil
}

// checkWords refuses text, a ref's text, if channel k carries it in
// message text and it has white space (as unicode.IsSpace has it, the
// rule of [channel.FirstWord]): the bot reads a ref from message text only
// up to the first white space, so it would arrive cut short. The error's
// offset is that of the first white space, the end of the first word.
func checkWords(k channel.Kind, text []byte) error {
	if !k.InText() {
		return nil
	}
	i := indexSpace(text)
	if i < 0 {
		return nil
	}
	return &RefError{Kind: k, Raw: string(text), Offset: i, Err: ErrWhiteSpace}
}

// indexSpace returns the offset of the first white space in text (as
// unicode.IsSpace has it), or -1. Printable ASCII without a space, the
// common ref, is passed over without decoding runes.
func indexSpace(text []byte) int {
	for i, c := range text {
		if c-'!' > '~'-'!' { // c is not in '!'–'~'; the bytes before it are no space
			if j := bytes.IndexFunc(text[i:], unicode.IsSpace); j >= 0 {
				return i + j
			}
			return -1
		}
	}
	return -1
}

// linkError returns the error of the channel refusing link l carrying
// text: a [*FitError], holding a copy of text, when the ref is too long;
// err itself otherwise, as when an e-mail subject is too long.
func linkError(l *channel.Link, text string, json refparam.JSONEncoding, err error) error {
	var le *channel.LinkError
	if errors.Is(err, channel.ErrTooLong) && errors.As(err, &le) && le.Input == text {
		fe := &FitError{Link: *l, JSON: json, Len: le.Len, Limit: le.Limit, Err: err}
		fe.Link.Ref = strings.Clone(text)
		return fe
	}
	return err
}

// refLimit returns the longest ref l's channel and parameter carry.
func refLimit(l channel.Link) int {
	if l.Kind == channel.Telegram {
		return l.Param.MaxLen()
	}
	return l.Kind.MaxRefLen()
}

// A FitError reports a ref that is too long for the channel it is built
// into, after the transport the channel needs was chosen. Every FitError
// matches [channel.ErrTooLong]; one for a ref longer than refparam writes
// at all ([refparam.MaxLen]) also matches [refparam.ErrTooLong].
type FitError struct {
	Link  channel.Link          // the link that was being built; Link.Ref is the text that did not fit, if it was written
	JSON  refparam.JSONEncoding // how the JSON document was written
	Len   int                   // the length of the ref text, in the channel's unit
	Limit int                   // the channel's limit, in the same unit
	Err   error                 // the underlying error: channel's, or refparam's for a ref over refparam.MaxLen
}

// Error returns a message such as "entrylink: Telegram allows 64
// characters; this ref needs 97 after base64url encoding". The unit is
// characters for the channels whose alphabets are ASCII (Messenger,
// Instagram, Telegram) and bytes for the others.
func (e *FitError) Error() string {
	where := e.Link.Kind.String()
	if e.Link.Kind == channel.Telegram && e.Link.Param != channel.Start {
		where += " " + e.Link.Param.String()
	}
	unit := " bytes"
	switch e.Link.Kind {
	case channel.Messenger, channel.Instagram, channel.Telegram:
		unit = " characters"
	}
	s := "entrylink: " + where + " allows " + strconv.Itoa(e.Limit) + unit + "; this ref needs " + strconv.Itoa(e.Len)
	if e.JSON == refparam.JSONBase64URL {
		s += " after base64url encoding"
	}
	return s
}

// Unwrap returns the underlying error.
func (e *FitError) Unwrap() error { return e.Err }

// Is reports whether target is [channel.ErrTooLong], which every FitError
// matches, so that one errors.Is test catches a ref too long at any
// length.
func (e *FitError) Is(target error) bool { return target == channel.ErrTooLong }

// ErrWhiteSpace is the error, wrapped in a [*RefError], of a ref with white
// space built into a channel that carries it in message text (WhatsApp,
// LINE, SMS, Email): the bot reads such a ref only up to the first space.
var ErrWhiteSpace = errors.New("white space in a ref carried in message text")

// A RefError reports a ref that does not decode, or that cannot travel in
// the channel's message text.
type RefError struct {
	Kind   channel.Kind // the channel
	Raw    string       // the raw ref text
	Offset int          // byte offset in Raw of the offending part
	Err    error        // the *refparam.SyntaxError, or ErrWhiteSpace
}

// Error returns the channel and the reason, such as
// `entrylink: Telegram ref: refparam: Parse("a---b"): '-' at the start or end of a segment at offset 3`.
func (e *RefError) Error() string {
	s := "entrylink: " + e.Kind.String() + " ref: "
	if e.Err == ErrWhiteSpace {
		return s + strconv.Quote(e.Raw) + ": " + e.Err.Error() + " at offset " + strconv.Itoa(e.Offset) +
			" (the bot reads the ref up to the first space)"
	}
	return s + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RefError) Unwrap() error { return e.Err }
