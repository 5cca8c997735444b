package entrylink

import (
	"errors"
	"strconv"

	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// Build returns the default link of channel k to target carrying r. See
// [BuildLink] for how the ref's text is chosen and checked.
func Build(k channel.Kind, target string, r refparam.Ref) (string, error) {
	return BuildLink(channel.Link{Kind: k, Target: target}, r)
}

// BuildLink returns the link l describes, with l.Ref replaced by the text of
// r. Use it for the variants that [channel.Link] has fields for: Telegram
// startgroup and startapp links, a Mini App, another WebChat page, an e-mail
// subject.
//
// The ref is written canonically, with its JSON document raw. If the
// channel's alphabet does not allow raw JSON ('{' and '"' are outside the
// alphabets of Messenger, Instagram and Telegram), the document is written
// as unpadded base64url instead. If the text is then too long for the
// channel, the error is a [*FitError] that says by how much. Other errors are
// the [*refparam.EncodeError] of a Ref that cannot be written, or the
// [*channel.LinkError] of a target, variant or ref the channel refuses.
func BuildLink(l channel.Link, r refparam.Ref) (string, error) {
	enc := refparam.Encoder{}
	// A JSON document starts with '{' or '['; where the channel's alphabet
	// lacks that byte, raw JSON can never fit, so go straight to base64url.
	if len(r.JSON) > 0 && !channel.InAlphabet(l.Kind, string(r.JSON[:1])) {
		enc = enc.WithJSONEncoding(refparam.JSONBase64URL)
	}
	text, err := enc.Encode(r)
	if err != nil {
		return "", err
	}
	l.Ref = text
	link, err := l.URL()
	if err != nil && len(r.JSON) > 0 && enc.JSONEncoding() == refparam.JSONRaw && errors.Is(err, channel.ErrAlphabet) {
		// The first byte fit, a later one did not.
		enc = enc.WithJSONEncoding(refparam.JSONBase64URL)
		if text, err = enc.Encode(r); err != nil {
			return "", err
		}
		l.Ref = text
		link, err = l.URL()
	}
	if err != nil {
		var le *channel.LinkError
		if errors.Is(err, channel.ErrTooLong) && errors.As(err, &le) {
			return "", &FitError{Link: l, JSON: enc.JSONEncoding(), Len: le.Len, Limit: le.Limit, Err: err}
		}
		return "", err
	}
	return link, nil
}

// A FitError reports a ref that is too long for the channel it is built
// into, after the transport the channel needs was chosen.
type FitError struct {
	Link  channel.Link          // the link that was being built; Link.Ref is the text that did not fit
	JSON  refparam.JSONEncoding // how the JSON document was written
	Len   int                   // the length of the ref text
	Limit int                   // the channel's limit
	Err   error                 // the channel's error, which matches channel.ErrTooLong
}

// Error returns a message such as "entrylink: Telegram allows 64
// characters; this ref needs 97 after base64url encoding".
func (e *FitError) Error() string {
	where := e.Link.Kind.String()
	if e.Link.Kind == channel.Telegram && e.Link.Param != channel.Start {
		where += " " + e.Link.Param.String()
	}
	s := "entrylink: " + where + " allows " + strconv.Itoa(e.Limit) + " characters; this ref needs " + strconv.Itoa(e.Len)
	if len(e.Link.Ref) > 0 && e.JSON == refparam.JSONBase64URL {
		s += " after base64url encoding"
	}
	return s
}

// Unwrap returns the channel's error.
func (e *FitError) Unwrap() error { return e.Err }

// A RefError reports a ref that package channel read from a link or a
// webhook but that does not decode.
type RefError struct {
	Kind channel.Kind // the channel
	Raw  string       // the raw ref text
	Err  error        // the *refparam.SyntaxError
}

// Error returns the channel and the decoding error, such as
// `entrylink: Telegram ref: refparam: Parse("a---b"): '-' at the start or end of a segment at offset 3`.
func (e *RefError) Error() string {
	return "entrylink: " + e.Kind.String() + " ref: " + e.Err.Error()
}

// Unwrap returns the decoding error.
func (e *RefError) Unwrap() error { return e.Err }
