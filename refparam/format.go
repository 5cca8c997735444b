package refparam

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
)

// JSONEncoding selects how an [Encoder] writes a Ref's JSON document.
type JSONEncoding uint8

const (
	// JSONRaw writes the document as it is: {"a":1}. It is the default,
	// and fits channels that percent-encode the ref (Messenger's m.me does
	// not forbid it, WhatsApp and the other text channels carry anything).
	JSONRaw JSONEncoding = iota
	// JSONBase64URL writes the document as unpadded base64url (RFC 4648 §5),
	// which stays inside [A-Za-z0-9_-]: the only alphabet Telegram's start
	// parameter and Instagram's ig.me ref accept.
	JSONBase64URL
)

// String returns "raw" or "base64url".
func (j JSONEncoding) String() string {
	switch j {
	case JSONRaw:
		return "raw"
	case JSONBase64URL:
		return "base64url"
	}
	return "JSONEncoding(" + strconv.Itoa(int(j)) + ")"
}

// An Encoder writes refs as canonical text. The zero Ref, which carries
// nothing, is written as the empty text (as netip.Addr's zero value
// marshals to ""); every other Ref needs a name. The zero Encoder is the
// default:
// "--" separators, the default-payload slot written whenever there are
// fields, and the JSON document raw. An Encoder is an immutable value, safe
// for concurrent use; the With methods return a modified copy.
type Encoder struct {
	json JSONEncoding
}

// WithJSONEncoding returns a copy of e that writes JSON documents as j.
// It panics if j is not one of the declared JSONEncoding values.
func (e Encoder) WithJSONEncoding(j JSONEncoding) Encoder {
	if j > JSONBase64URL {
		panic("refparam: invalid JSONEncoding " + strconv.Itoa(int(j)))
	}
	e.json = j
	return e
}

// JSONEncoding returns how e writes JSON documents.
func (e Encoder) JSONEncoding() JSONEncoding { return e.json }

// AppendText appends the canonical text of r to b. If r cannot be written
// (see [Encoder.Check]) it returns b unchanged and an [*EncodeError].
func (e Encoder) AppendText(b []byte, r Ref) ([]byte, error) {
	if len(r.JSON) == 0 && r.Name != "" && plainParts(&r) {
		return appendParts(b, &r), nil
	}
	n, err := e.encodedLen(r)
	if err != nil {
		return b, err
	}
	b = slices.Grow(b, n)
	if len(r.JSON) > 0 {
		b = append(b, r.Name...)
		b = append(b, jsonMarker+"--"...)
		if e.json == JSONBase64URL {
			return base64.RawURLEncoding.AppendEncode(b, r.JSON), nil
		}
		return append(b, r.JSON...), nil
	}
	return appendParts(b, &r), nil
}

// plainParts reports whether r, which has a name and no JSON, is the
// commonest Ref: every part printable ASCII that checkPart accepts as it
// stands, no jsondata marker, and a text that fits in MaxLen. Such a Ref
// needs none of encodedLen's checks; anything else goes to encodedLen,
// which finds and reports the error.
func plainParts(r *Ref) bool {
	if !plainPart(r.Name) || strings.HasSuffix(r.Name, jsonMarker) {
		return false
	}
	n := len(r.Name)
	if r.Payload != "" || len(r.Fields) > 0 {
		if !plainPart(r.Payload) || r.Payload == jsonMarker {
			return false
		}
		n += 2 + len(r.Payload)
	}
	for _, f := range r.Fields {
		if f.ID == "" || !plainPart(f.ID) || !plainPart(f.Value) {
			return false
		}
		n += 4 + len(f.ID) + len(f.Value)
	}
	return n <= MaxLen
}

// appendParts appends the text of r, which has no JSON: the name, then the
// default slot and the pairs when there are any.
func appendParts(b []byte, r *Ref) []byte {
	b = append(b, r.Name...)
	if r.Payload == "" && len(r.Fields) == 0 {
		return b
	}
	b = append(b, "--"...)
	b = append(b, r.Payload...)
	for _, f := range r.Fields {
		b = append(b, "--"...)
		b = append(b, f.ID...)
		b = append(b, "--"...)
		b = append(b, f.Value...)
	}
	return b
}

// Encode returns the canonical text of r, or an [*EncodeError].
func (e Encoder) Encode(r Ref) (string, error) {
	b, err := e.AppendText(make([]byte, 0, stackBuf), r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// stackBuf is the size of the buffer that Encode and String start from:
// the buffer stays on the stack, so text up to this length costs one
// allocation, the string itself.
const stackBuf = 128

// Check reports whether e can write r, returning the same [*EncodeError]
// that [Encoder.AppendText] would, without writing anything.
func (e Encoder) Check(r Ref) error {
	_, err := e.encodedLen(r)
	return err
}

// EncodedLen returns the length in bytes of the text e writes for r.
func (e Encoder) EncodedLen(r Ref) (int, error) {
	return e.encodedLen(r)
}

// String returns the canonical text of r, written by the zero [Encoder], so
// that Parse(r.String()) returns r. It returns "" for the zero Ref and for a
// Ref that cannot be written; use [Ref.MarshalText] or [Encoder.Check] to
// learn why.
func (r Ref) String() string {
	b, err := Encoder{}.AppendText(make([]byte, 0, stackBuf), r)
	if err != nil {
		return ""
	}
	return string(b)
}

// AppendText implements [encoding.TextAppender] with the zero [Encoder].
func (r Ref) AppendText(b []byte) ([]byte, error) {
	return Encoder{}.AppendText(b, r)
}

// MarshalText implements [encoding.TextMarshaler] with the zero [Encoder].
func (r Ref) MarshalText() ([]byte, error) {
	return Encoder{}.AppendText(nil, r)
}

// encodedLen checks r and returns the length of its text.
func (e Encoder) encodedLen(r Ref) (int, error) {
	if r.IsZero() {
		return 0, nil
	}
	if r.Name == "" {
		return 0, &EncodeError{Part: PartName, Err: ErrEmptyName}
	}
	if err := checkPart(PartName, 0, r.Name); err != nil {
		return 0, err
	}
	if strings.HasSuffix(r.Name, jsonMarker) {
		return 0, &EncodeError{Part: PartName, Value: r.Name, Offset: len(r.Name) - len(jsonMarker), Err: ErrJSONMarker}
	}
	n := len(r.Name)
	if len(r.JSON) > 0 {
		if r.Payload != "" || len(r.Fields) > 0 {
			return 0, &EncodeError{Part: PartJSON, Value: string(r.JSON), Err: ErrJSONMixed}
		}
		if off, err := checkJSON(r.JSON); err != nil {
			return 0, &EncodeError{Part: PartJSON, Value: string(r.JSON), Offset: off, Err: err}
		}
		n += len(jsonMarker) + 2
		if e.json == JSONBase64URL {
			n += base64.RawURLEncoding.EncodedLen(len(r.JSON))
		} else {
			n += len(r.JSON)
		}
		return checkLen(n)
	}
	if r.Payload != "" || len(r.Fields) > 0 {
		if err := checkPart(PartPayload, 0, r.Payload); err != nil {
			return 0, err
		}
		if r.Payload == jsonMarker {
			return 0, &EncodeError{Part: PartPayload, Value: r.Payload, Err: ErrJSONMarker}
		}
		n += 2 + len(r.Payload)
	}
	for i, f := range r.Fields {
		if f.ID == "" {
			return 0, &EncodeError{Part: PartFieldID, Index: i, Err: ErrEmptyFieldID}
		}
		if err := checkPart(PartFieldID, i, f.ID); err != nil {
			return 0, err
		}
		if err := checkPart(PartFieldValue, i, f.Value); err != nil {
			return 0, err
		}
		n += 4 + len(f.ID) + len(f.Value)
	}
	return checkLen(n)
}

func checkLen(n int) (int, error) {
	if n > MaxLen {
		return 0, &EncodeError{Part: PartText, Len: n, Err: ErrTooLong}
	}
	return n, nil
}

// checkPart checks one name, payload, id or value: valid UTF-8, no control
// characters, no separator, no typographic hyphen, no '-' at either end.
func checkPart(part Part, index int, v string) error {
	if plainPart(v) {
		return nil
	}
	seg, off, err := nextSegment(v, 0)
	switch {
	case err != nil:
	case seg.sep:
		off, err = seg.end, ErrSeparator
	case seg.typo:
		off, err = typoOffset(v), ErrTypographicDash
	default:
		if off = edgeHyphen(v); off >= 0 {
			err = ErrEdgeHyphen
		}
	}
	if err != nil {
		return &EncodeError{Part: part, Index: index, Value: v, Offset: off, Err: err}
	}
	return nil
}

// plainPart reports whether v is printable ASCII that checkPart accepts:
// no "--" and no '-' at either end. Printable ASCII holds no other dash,
// no control character and no encoding error; anything else, or a '-' in
// the wrong place, is left to checkPart's full scan.
func plainPart(v string) bool {
	if v != "" && (v[0] == '-' || v[len(v)-1] == '-') {
		return false
	}
	var prev byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		if byteClass[c] != clPlain && (c != '-' || prev == '-') {
			return false
		}
		prev = c
	}
	return true
}

// typoOffset returns the offset of the first typographic hyphen in v.
func typoOffset(v string) int {
	for i, r := range v {
		if classify(r) == typoHyphen {
			return i
		}
	}
	return 0
}

// checkJSON applies the rules for a Ref's JSON document: valid UTF-8, no
// control characters (so no newlines: compact it with json.Compact), an
// object or an array beginning at the first byte, valid JSON.
func checkJSON(doc []byte) (int, error) {
	if off, err := checkText(doc); err != nil {
		return off, err
	}
	if doc[0] != '{' && doc[0] != '[' {
		return 0, ErrJSON
	}
	if !validJSON(doc) {
		return jsonErrorOffset(doc), ErrJSON
	}
	return 0, nil
}
