package refsig

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error the package returns is an [*Error] whose Err
// matches one of these (or, from [Sign], a refparam sentinel) under
// [errors.Is], which is how callers classify failures. For ErrMalformed,
// Err is a value that names the rule broken and matches ErrMalformed.
var (
	// ErrMalformed: the text given to [Verify] is not in the signed form:
	// no signature segments, a key id, expiry or tag that breaks the
	// grammar in the package documentation, or more than refparam.MaxLen
	// bytes. The Error's message names the rule.
	ErrMalformed = errors.New("malformed signed ref")
	// ErrUnknownKey: the key id in the signed text names no key of the
	// [Keys] given to [Verify], because it never existed or was retired.
	ErrUnknownKey = errors.New("unknown key")
	// ErrBadSignature: the tag does not match the text: the text was
	// altered, signed with another secret, or forged.
	ErrBadSignature = errors.New("bad signature")
	// ErrExpired: the signature is valid but the expiry has passed.
	ErrExpired = errors.New("expired")
	// ErrNowRange: [Verify] was given a now before the Unix epoch, such as
	// the zero time.Time of a clock never set. Every expiry is at or after
	// the epoch, so such a now would make every link valid; Verify refuses
	// it, whatever the text, rather than trust it.
	ErrNowRange = errors.New("now before 1970-01-01T00:00:00Z")

	// ErrWeakKey: [NewKey] was given a secret shorter than [MinKeyLen].
	ErrWeakKey = errors.New("secret shorter than " + strconv.Itoa(MinKeyLen) + " bytes")
	// ErrKeyID: [NewKey] was given a key id that breaks the key-id rule:
	// 1 to [MaxKeyIDLen] characters of A-Z a-z 0-9 _, the first a letter.
	ErrKeyID = errors.New("invalid key id")
	// ErrDuplicateKeyID: [NewKeys] was given two keys with the same id.
	ErrDuplicateKeyID = errors.New("duplicate key id")
	// ErrNoKey: the zero [Key] was given to [Sign] or [NewKeys]; build keys
	// with [NewKey].
	ErrNoKey = errors.New("zero Key (not made by NewKey)")
	// ErrExpiryRange: [Sign] was given an expiry before the Unix epoch or
	// after [MaxExpiryUnix] (3058-10-26T03:46:07Z), which the signed form
	// cannot carry.
	ErrExpiryRange = errors.New("expiry outside 1970-01-01T00:00:00Z..3058-10-26T03:46:07Z")
)

// An Error records why a function of the package failed.
type Error struct {
	Func   string // "Verify", "Sign", "NewKey" or "NewKeys"
	Input  string // Verify: the signed text; NewKey, NewKeys: the key id; Sign: ""
	Offset int    // Verify: byte offset in Input of the offending part (-1 for ErrNowRange); otherwise -1
	Err    error  // matches one of the sentinels with errors.Is; from Sign, maybe a refparam error
}

// maxQuoted is how much of a long input an error message quotes.
const maxQuoted = 80

// Error returns "refsig: " and the function, the input quoted (for
// [Verify], and when there is one), the reason and the byte offset:
//
//	refsig: Verify("login--83121--k9--1LG97M4QJ5F9SHNOG1KGQ8BO9DD"): unknown key at offset 14
//
// An input longer than 80 bytes is quoted with its middle elided.
func (e *Error) Error() string {
	s := "refsig: " + e.Func
	if e.Input != "" || e.Func == "Verify" {
		s += "(" + quoteTrunc(e.Input) + ")"
	}
	s += ": " + e.Err.Error()
	if e.Offset >= 0 {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// A malformed is an [ErrMalformed] that names the rule broken.
type malformed string

func (m malformed) Error() string        { return ErrMalformed.Error() + ": " + string(m) }
func (m malformed) Is(target error) bool { return target == ErrMalformed }

// The rules behind ErrMalformed.
const (
	errTooLong  malformed = "longer than refparam.MaxLen bytes"
	errNoSig    malformed = "no signature (want REF--KEYID--EXPIRYTAG)"
	errKeyID    malformed = "invalid key id"
	errDigit    malformed = "not a base32hex digit (0-9 A-V)"
	errEmptyRef malformed = "empty ref before the signature"
	errRef      malformed = "signed ref does not parse"
)

// quoteTrunc quotes s for an error message, eliding the middle of a long s.
// The cut may split a UTF-8 sequence; strconv.Quote escapes the pieces.
func quoteTrunc(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:maxQuoted/2]) + "..." + strconv.Quote(s[len(s)-maxQuoted/2:])
}
