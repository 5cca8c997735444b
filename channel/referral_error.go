package channel

import (
	"encoding/json"
	"errors"
	"strconv"
)

// The errors [Referrals] returns, wrapped in a [*BodyError]. Match them with
// errors.Is.
var (
	// ErrBody: the body is not valid UTF-8 JSON, or for SMS not a valid
	// form (a bad %-escape, a ';' separator, a field that is not UTF-8).
	ErrBody = errors.New("invalid webhook body")
	// ErrBodyTooLarge: the body is longer than MaxBodySize, or an SMS form
	// has more than MaxFormFields fields.
	ErrBodyTooLarge = errors.New("webhook body too large")
	// ErrBodyTooDeep: JSON objects and arrays nest deeper than MaxBodyDepth.
	ErrBodyTooDeep = errors.New("webhook body nested too deeply")
	// ErrBodyAmbiguous: a key the referral is read from occurs twice in one
	// JSON object, or a form field (From, To, Body, MessageSid) twice in an
	// SMS body; which one counts is not decided by any standard, so
	// neither is taken.
	ErrBodyAmbiguous = errors.New("webhook body is ambiguous: repeated key")
	// ErrBodyField: a field the referral is read from has the wrong JSON
	// type (a ref that is not a string, an id that is an object, a
	// referral that is not an object).
	ErrBodyField = errors.New("webhook body field has the wrong type")
	// ErrReferralUnsupported: the channel has no webhook shape to read
	// (WebChat, Email).
	ErrReferralUnsupported = errors.New("channel has no webhook referrals")
)

// A BodyError reports a webhook body that [Referrals] refuses: the channel,
// the rule (Err, one of the ErrBody… sentinels or [ErrReferralUnsupported])
// and where.
type BodyError struct {
	Kind   Kind   // the channel the body was read as
	Offset int    // byte offset in the body of the offending part; -1 if none
	Key    string // the JSON key or form field concerned, if any
	Err    error  // the sentinel
}

// Error returns a message such as
// `channel: Messenger webhook body: webhook body is ambiguous: repeated key "referral" at offset 120`.
func (e *BodyError) Error() string {
	s := "channel: " + e.Kind.String() + " webhook body: " + e.Err.Error()
	if e.Key != "" {
		s += " " + strconv.Quote(e.Key)
	}
	if e.Offset >= 0 {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// Unwrap returns the sentinel.
func (e *BodyError) Unwrap() error { return e.Err }

// syntaxErrorAt returns the offset of the syntax error in a body that
// scanJSON refused, as encoding/json finds it (the offending byte;
// the last one when the body ends too soon), or -1 when
// encoding/json finds none. It runs only on the error path.
func syntaxErrorAt(body []byte) int {
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.Unmarshal(body, &raw); errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included; a
		// body that ends too soon is reported at its last byte.
		return max(int(se.Offset)-1, 0)
	}
	return -1
}
