package refparam

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error that [Parse] and the encoders return wraps
// exactly one of them, so callers classify failures with [errors.Is]; the
// wrapping [*SyntaxError] or [*EncodeError] says where.
var (
	// ErrTooLong: the text is longer than [MaxLen] bytes.
	ErrTooLong = errors.New("longer than " + strconv.Itoa(MaxLen) + " bytes")
	// ErrEmptyName: there is no flow name before the first separator.
	ErrEmptyName = errors.New("empty name")
	// ErrEmptyFieldID: a (field id, value) pair has an empty id.
	ErrEmptyFieldID = errors.New("empty field id")
	// ErrSeparator: the encoder was given a name or value containing a
	// separator ("--", an en, em or horizontal-bar dash, or two hyphen-like
	// runes in a row), which the grammar cannot escape.
	ErrSeparator = errors.New("contains a separator")
	// ErrTypographicDash: the encoder was given a name or value containing a
	// single typographic hyphen (U+2010 and the others in the package
	// documentation), which Parse reads as '-'.
	ErrTypographicDash = errors.New("contains a typographic dash")
	// ErrEdgeHyphen: a name or value begins or ends with '-', so the text
	// around a separator would read two ways ("a---b").
	ErrEdgeHyphen = errors.New("'-' at the start or end of a segment")
	// ErrJSONMarker: the jsondata marker is there but no JSON follows it, or
	// the encoder was given a name ending in "jsondata" or a payload equal to
	// "jsondata", which would read as the marker.
	ErrJSONMarker = errors.New("jsondata marker without a JSON document")
	// ErrJSONMixed: the encoder was given JSON together with a payload or
	// fields; the grammar carries one or the other.
	ErrJSONMixed = errors.New("JSON together with a payload or fields")
	// ErrJSON: the JSON document is not valid JSON, is not an object or an
	// array, or does not begin with '{' or '['.
	ErrJSON = errors.New("invalid JSON document")
	// ErrBase64: the JSON part is neither raw nor percent-encoded JSON and is
	// not valid base64url (RFC 4648 §5).
	ErrBase64 = errors.New("invalid base64url")
	// ErrPercent: a percent-encoded JSON part has a malformed escape.
	ErrPercent = errors.New("invalid percent-encoding")
	// ErrUTF8: the text is not valid UTF-8.
	ErrUTF8 = errors.New("invalid UTF-8")
	// ErrControl: the text contains a control character (U+0000–U+001F,
	// U+007F–U+009F).
	ErrControl = errors.New("control character")
)

// A SyntaxError records why [Parse] rejected its input and where.
type SyntaxError struct {
	Input  string // the text given to Parse
	Offset int    // byte offset in Input of the offending part
	Err    error  // one of the package's sentinel errors
}

// maxQuoted is how much of a long input an error message quotes.
const maxQuoted = 64

// Error returns a message that quotes the input (eliding the middle of a
// long one) and says what is wrong where:
// `refparam: Parse("a----v"): empty field id at offset 3`.
func (e *SyntaxError) Error() string {
	return "refparam: Parse(" + quoteTrunc(e.Input) + "): " + e.Err.Error() + " at offset " + strconv.Itoa(e.Offset)
}

// Unwrap returns the sentinel error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// A Part names a component of a [Ref].
type Part uint8

// The parts of a Ref, as an [*EncodeError] reports them.
const (
	PartName       Part = iota // Ref.Name
	PartPayload                // Ref.Payload
	PartFieldID                // Ref.Fields[i].ID
	PartFieldValue             // Ref.Fields[i].Value
	PartJSON                   // Ref.JSON
	PartText                   // the encoded text as a whole (its length, for ErrTooLong)
)

var partNames = [...]string{
	PartName:       "name",
	PartPayload:    "payload",
	PartFieldID:    "field id",
	PartFieldValue: "field value",
	PartJSON:       "JSON",
	PartText:       "encoded text",
}

// String returns the part's name as error messages use it: "name",
// "payload", "field id", "field value", "JSON" or "encoded text".
func (p Part) String() string {
	if int(p) < len(partNames) {
		return partNames[p]
	}
	return "Part(" + strconv.Itoa(int(p)) + ")"
}

// An EncodeError records why a [Ref] cannot be written as text.
type EncodeError struct {
	Part   Part   // which component is at fault
	Index  int    // for PartFieldID and PartFieldValue, the index into Ref.Fields; otherwise 0
	Value  string // the offending component (for PartText, empty)
	Offset int    // byte offset in Value of the offending rune
	Len    int    // for ErrTooLong, the length the encoded text would have; otherwise 0
	Err    error  // one of the package's sentinel errors
}

// Error returns a message that names the part, quotes it and says what is
// wrong where: `refparam: field 0 value "a--b": contains a separator at offset 1`.
func (e *EncodeError) Error() string {
	s := "refparam: "
	switch e.Part {
	case PartFieldID, PartFieldValue:
		s += "field " + strconv.Itoa(e.Index) + " " + e.Part.String()[len("field "):]
	default:
		s += e.Part.String()
	}
	if e.Part == PartText {
		return s + " is " + strconv.Itoa(e.Len) + " bytes: " + e.Err.Error()
	}
	s += " " + quoteTrunc(e.Value) + ": " + e.Err.Error()
	if e.Value != "" {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// Unwrap returns the sentinel error.
func (e *EncodeError) Unwrap() error { return e.Err }

// quoteTrunc quotes s for an error message, eliding the middle of a long s.
func quoteTrunc(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	// Cut at rune boundaries so the quoted text stays valid.
	head, tail := maxQuoted/2, len(s)-maxQuoted/2
	for head > 0 && !runeStart(s[head]) {
		head--
	}
	for tail < len(s) && !runeStart(s[tail]) {
		tail++
	}
	return strconv.Quote(s[:head]) + "..." + strconv.Quote(s[tail:])
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }
