package refsig

import (
	"crypto/hmac"
	"errors"
	"strings"
	"time"

	"github.com/entrylink/entrylink/refparam"
)

// Verify checks the signed text s against keys at the time now and returns
// the ref that was signed, without the signature field. It reads only the
// exact text [Sign] wrote: a text whose dashes were retyped, or that was
// changed in any other byte, fails.
//
// Verify checks now first: a now before the Unix epoch, such as the zero
// time.Time, fails with [ErrNowRange] (Offset -1) whatever s is. It then
// works from the end of s, in this order, and fails with an [*Error] whose
// Offset points at the part at fault:
//
//   - the signature's shape (REF--KEYID--EXPIRYTAG, at most refparam.MaxLen
//     bytes): [ErrMalformed];
//   - the key id, looked up in keys: [ErrUnknownKey];
//   - the tag, recomputed and compared in constant time: [ErrBadSignature];
//   - the expiry, against now: [ErrExpired] once now is at or after it;
//   - the ref, parsed with [refparam.Parse] only now that it is known to be
//     authentic: [ErrMalformed] (Sign never writes such a text).
//
// A tampered text is therefore never reported as expired, and an expired
// one is reported as such only when its tag is valid. On error the Ref is
// the zero Ref.
func Verify(s string, keys Keys, now time.Time) (refparam.Ref, error) {
	fail := func(off int, err error) (refparam.Ref, error) {
		return refparam.Ref{}, &Error{Func: "Verify", Input: s, Offset: off, Err: err}
	}
	unix := now.Unix()
	if unix < 0 {
		return fail(-1, ErrNowRange)
	}
	if len(s) > refparam.MaxLen {
		return fail(refparam.MaxLen, errTooLong)
	}
	// s = ref "--" keyid "--" expiry tag
	val := len(s) - valueLen
	if val < 2 || s[val-2:val] != "--" {
		return fail(max(val-2, 0), errNoSig)
	}
	exp, bad := parseDigits(s[val : val+expiryLen])
	if bad >= 0 {
		return fail(val+bad, errDigit)
	}
	tag := val + expiryLen
	if _, bad := parseDigits(s[tag:]); bad >= 0 {
		return fail(tag+bad, errDigit)
	}
	kidEnd := val - 2
	sep := strings.LastIndex(s[:kidEnd], "--")
	if sep < 0 {
		return fail(0, errNoSig)
	}
	kid := s[sep+2 : kidEnd]
	if bad := checkKeyID(kid); bad >= 0 {
		return fail(sep+2+bad, errKeyID)
	}
	if sep == 0 {
		return fail(0, errEmptyRef)
	}
	k, ok := keys.Lookup(kid)
	if !ok {
		return fail(sep+2, ErrUnknownKey)
	}
	ref := s[:sep]
	mac := sum(&k, exp, ref)
	var want, got [tagLen]byte
	appendTag(want[:0], &mac)
	copy(got[:], s[tag:])
	if !hmac.Equal(want[:], got[:]) {
		return fail(tag, ErrBadSignature)
	}
	if unix >= exp {
		return fail(val, ErrExpired)
	}
	r, err := refparam.Parse(ref)
	if err != nil {
		off := 0
		var se *refparam.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		return fail(off, errRef)
	}
	return r, nil
}
