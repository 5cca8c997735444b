package channel

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"
)

// sms reads a Twilio Messaging webhook: an application/x-www-form-urlencoded
// body with From, To, Body and MessageSid; the ref comes from Body (see
// textRef). The form is read with net/url's rules (url.ParseQuery): at most
// MaxFormFields pairs separated by '&', a ';' anywhere is an error, '+' is a
// space, every '%' starts a two-digit hex escape. A field read here that occurs twice is
// ambiguous; decoded values must be UTF-8.
func (r *refReader) sms(body []byte) ([]Referral, error) {
	if n := bytes.Count(body, []byte{'&'}) + 1; n > MaxFormFields {
		return nil, &BodyError{Kind: SMS, Offset: nthIndex(body, '&', MaxFormFields), Err: ErrBodyTooLarge}
	}
	s := string(body) // the one copy the results share
	const (
		from = iota
		to
		text
		sid
		nFields
	)
	names := [nFields]string{"From", "To", "Body", "MessageSid"}
	var raw [nFields]string
	var at [nFields]int
	for i := range at {
		at[i] = -1
	}
	for off := 0; off < len(s); {
		pair, _, _ := strings.Cut(s[off:], "&")
		if err := checkFormPair(pair); err >= 0 {
			return nil, &BodyError{Kind: SMS, Offset: off + err, Err: ErrBody}
		}
		key, value, _ := strings.Cut(pair, "=")
		if strings.ContainsAny(key, "%+") {
			key, _ = url.QueryUnescape(key) // checked above: cannot fail
		}
		for i, name := range names {
			if key != name {
				continue
			}
			if at[i] >= 0 {
				return nil, &BodyError{Kind: SMS, Offset: off, Key: name, Err: ErrBodyAmbiguous}
			}
			raw[i], at[i] = value, off
		}
		off += len(pair) + 1
	}
	var val [nFields]string
	decode := func(i int) error {
		v := raw[i]
		if strings.ContainsAny(v, "%+") {
			v, _ = url.QueryUnescape(v) // checked above: cannot fail
		}
		if !utf8.ValidString(v) {
			return &BodyError{Kind: SMS, Offset: at[i], Key: names[i], Err: ErrBody}
		}
		val[i] = v
		return nil
	}
	if err := decode(text); err != nil {
		return nil, err
	}
	ref, ok := textRef(val[text], r.bare)
	if !ok {
		return nil, nil
	}
	for _, i := range [...]int{from, to, sid} {
		if err := decode(i); err != nil {
			return nil, err
		}
	}
	return []Referral{{
		Kind:        SMS,
		UserID:      val[from],
		Ref:         ref,
		Origin:      FromText,
		RecipientID: val[to],
		MessageID:   val[sid],
	}}, nil
}

// checkFormPair returns the offset in pair of the first byte that makes
// url.ParseQuery refuse it (a ';', a '%' not followed by two hex digits), or
// -1.
func checkFormPair(pair string) int {
	for i := 0; i < len(pair); i++ {
		switch pair[i] {
		case ';':
			return i
		case '%':
			if i+2 >= len(pair) || !formHexDigit(pair[i+1]) || !formHexDigit(pair[i+2]) {
				return i
			}
			i += 2
		}
	}
	return -1
}

func formHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// nthIndex returns the offset of the n-th (from 1) byte c in b, or -1.
func nthIndex(b []byte, c byte, n int) int {
	off := 0
	for ; n > 0; n-- {
		i := bytes.IndexByte(b[off:], c)
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off - 1
}
