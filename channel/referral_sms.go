package channel

import (
	"bytes"
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
	const (
		from = iota
		to
		text
		sid
		nFields
	)
	names := [nFields]string{"From", "To", "Body", "MessageSid"}
	var raw [nFields][]byte
	var at [nFields]int
	for i := range at {
		at[i] = -1
	}
	size := 0 // the decoded fields take at most this many bytes
	for off := 0; off < len(body); {
		// One pass over the pair finds its end and its '=', makes the
		// checks url.ParseQuery makes, and notes whether the key needs
		// decoding.
		end, eq, keyEsc := off, -1, false
	pair:
		for ; end < len(body); end++ {
			if !formSpecial[body[end]] {
				continue
			}
			switch body[end] {
			case '&':
				break pair
			case ';':
				return nil, &BodyError{Kind: SMS, Offset: end, Err: ErrBody}
			case '%':
				if end+2 >= len(body) || !formHexDigit(body[end+1]) || !formHexDigit(body[end+2]) {
					return nil, &BodyError{Kind: SMS, Offset: end, Err: ErrBody}
				}
				keyEsc = keyEsc || eq < 0
				end += 2
			case '+':
				keyEsc = keyEsc || eq < 0
			case '=':
				if eq < 0 {
					eq = end
				}
			}
		}
		key, value := body[off:end], []byte(nil)
		if eq >= 0 {
			key, value = body[off:eq], body[eq+1:end]
		}
		for i, name := range names {
			if keyEsc && !formKeyIs(key, name) || !keyEsc && string(key) != name {
				continue
			}
			if at[i] >= 0 {
				return nil, &BodyError{Kind: SMS, Offset: off, Key: name, Err: ErrBodyAmbiguous}
			}
			raw[i], at[i] = value, off
			size += len(value)
		}
		off = end + 1
	}
	// The fields returned are decoded into one string, which is all that
	// the result keeps of the body.
	var sb strings.Builder
	sb.Grow(size)
	var val [nFields]string
	decode := func(i int) error {
		start := sb.Len()
		appendFormValue(&sb, raw[i])
		v := sb.String()[start:]
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

// appendFormValue writes the form-decoded raw to sb: '+' is a space, %XX
// the byte XX. Every '%' in raw is followed by two hex digits.
func appendFormValue(sb *strings.Builder, raw []byte) {
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '+':
			sb.WriteByte(' ')
		case '%':
			sb.WriteByte(unhexByte(raw[i+1])<<4 | unhexByte(raw[i+2]))
			i += 2
		default:
			sb.WriteByte(c)
		}
	}
}

// formKeyIs reports whether the form-encoded key raw, in which every '%' is
// followed by two hex digits, decodes to name.
func formKeyIs(raw []byte, name string) bool {
	j := 0
	for i := 0; i < len(raw); i, j = i+1, j+1 {
		c := raw[i]
		switch c {
		case '+':
			c = ' '
		case '%':
			c = unhexByte(raw[i+1])<<4 | unhexByte(raw[i+2])
			i += 2
		}
		if j >= len(name) || name[j] != c {
			return false
		}
	}
	return j == len(name)
}

func unhexByte(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// formSpecial marks the bytes the pair loop in sms looks at.
var formSpecial = [256]bool{'&': true, ';': true, '%': true, '+': true, '=': true}

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
