package refsig

import (
	"slices"
	"time"

	"github.com/entrylink/entrylink/refparam"
)

// encoder writes the ref part of every signed text: canonical, with a JSON
// document as unpadded base64url so that it stays inside [A-Za-z0-9_-].
var encoder = refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL)

// Sign returns the signed text of r: its canonical text followed by a
// signature field that carries k's id, the expiry and a tag. The link is
// valid until expiry (exclusive), to the second: a fraction of a second is
// dropped, so a link never lives longer than asked.
//
// Sign fails with an [*Error] wrapping [ErrNoKey] for the zero Key,
// [ErrExpiryRange] for an expiry before the Unix epoch or after
// [MaxExpiryUnix], the [*refparam.EncodeError] for a ref that has no
// canonical text (the zero Ref included: it is no ref, and has no name), or [refparam.ErrTooLong] when the signed text would be
// longer than refparam.MaxLen.
func Sign(r refparam.Ref, k Key, expiry time.Time) (string, error) {
	var buf [128]byte // enough for most links, so the string is the one allocation
	b, err := AppendSign(buf[:0], r, k, expiry)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendSign appends the signed text of r to b, as [Sign] returns it. On
// error it returns b unchanged.
func AppendSign(b []byte, r refparam.Ref, k Key, expiry time.Time) ([]byte, error) {
	if k.m == nil {
		return b, &Error{Func: "Sign", Offset: -1, Err: ErrNoKey}
	}
	exp := expiry.Unix()
	if exp < 0 || exp > MaxExpiryUnix {
		return b, &Error{Func: "Sign", Offset: -1, Err: ErrExpiryRange}
	}
	n, err := encoder.EncodedLen(r)
	if err != nil {
		return b, &Error{Func: "Sign", Offset: -1, Err: err}
	}
	if n == 0 {
		// The zero Ref writes as the empty text, which is no ref: there is
		// nothing to sign, and Verify would refuse the result.
		return b, &Error{Func: "Sign", Offset: -1, Err: &refparam.EncodeError{Part: refparam.PartName, Err: refparam.ErrEmptyName}}
	}
	if n+fixedLen+len(k.id) > refparam.MaxLen {
		return b, &Error{Func: "Sign", Offset: -1, Err: refparam.ErrTooLong}
	}
	b = slices.Grow(b, n+fixedLen+len(k.id))
	start := len(b)
	b, err = encoder.AppendText(b, r)
	if err != nil { // EncodedLen said it would not fail
		return b[:start], &Error{Func: "Sign", Offset: -1, Err: err}
	}
	mac := sum(&k, exp, b[start:])
	b = append(b, "--"...)
	b = append(b, k.id...)
	b = append(b, "--"...)
	b = appendExpiry(b, exp)
	return appendTag(b, &mac), nil
}
