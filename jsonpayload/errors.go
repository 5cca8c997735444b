package jsonpayload

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinel errors. Every error the package returns is an [*Error] whose Err
// is one of these; match them with [errors.Is].
//
// The three outcomes of a lookup are a value, [ErrNotFound] and
// [ErrInvalidDocument]; [ErrNull] is a fourth answer, "found, but null".
// [ErrTooLarge] and [ErrTooDeep] wrap [ErrInvalidDocument], so
// errors.Is(err, ErrInvalidDocument) is true for them too.
var (
	// Path errors, reported by Compile (and by Extract and Lookup, which
	// compile their paths first).
	ErrSyntax      = errors.New("malformed path")                 // a path that breaks its dialect's grammar
	ErrUnsupported = errors.New("unsupported selector")           // wildcards, filters, slices, unions, recursive descent, negative indexes
	ErrPathTooLong = errors.New("path longer than MaxPathLength") // a path over [MaxPathLength] bytes
	ErrRule        = errors.New("invalid rule")                   // empty FieldID, unknown Type or Dialect

	// Document errors: the whole call fails.
	ErrInvalidDocument = errors.New("document is not valid JSON")                             // bad syntax or invalid UTF-8
	ErrTooLarge        = &wrapped{"document larger than MaxDocumentSize", ErrInvalidDocument} // over [MaxDocumentSize] bytes
	ErrTooDeep         = &wrapped{"document nested deeper than MaxDepth", ErrInvalidDocument} // nested deeper than [MaxDepth]

	// Value errors, per path.
	ErrNotFound = errors.New("path not found")              // nothing at the path
	ErrNull     = errors.New("value is null")               // found, but null: no value
	ErrType     = errors.New("value does not fit the type") // found, but not convertible to the rule's Type
)

// wrapped is a sentinel that is also another sentinel.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// MaxValueInError is the longest value, in bytes, that an [Error] quotes;
// longer values are cut at a rune boundary and marked with "...".
const MaxValueInError = 64

// An Error describes a failed Compile, Extract or Lookup. Err is one of the
// package's sentinel errors.
type Error struct {
	Op      string // "Compile", "Extract" or "Lookup"
	Rule    int    // index of the rule in the rule set; -1 for document errors and Lookup
	Path    string // the rule's path as written; "" for document errors
	FieldID string // the rule's field id; "" for document errors and Lookup
	Type    Type   // the rule's type (meaningful for ErrType)
	// Offset is a byte offset: into Path for path errors (ErrSyntax,
	// ErrUnsupported, ErrPathTooLong), into the document for document
	// errors, ErrNull and ErrType (in the repaired text when quotes were
	// repaired); -1 when unknown.
	Offset int
	// Value is the offending JSON text for ErrType. A text longer than
	// MaxValueInError bytes is cut at the last rune boundary at or before
	// MaxValueInError bytes and followed by "...".
	Value string
	// Err is the sentinel error that classifies the failure.
	Err error
	// Detail says what exactly is wrong, such as "unclosed [".
	Detail string
}

// Error returns a message naming the package, the operation, the rule and
// the problem, for example:
//
//	jsonpayload: Extract: rule 1 (path "$.price", field "738"): value "abc" does not fit the type Number at offset 16
//
// The value is written as the JSON text it is, quotes included; a value
// with white space other than spaces, or other bytes that do not print, is
// written as a Go string literal instead.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("jsonpayload: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Rule >= 0 {
		b.WriteString("rule ")
		b.WriteString(strconv.Itoa(e.Rule))
		b.WriteString(" (")
	}
	if e.Rule >= 0 || e.Path != "" {
		b.WriteString("path ")
		b.WriteString(strconv.Quote(e.Path))
	}
	if e.Rule >= 0 {
		b.WriteString(", field ")
		b.WriteString(strconv.Quote(e.FieldID))
		b.WriteString(")")
	}
	if e.Rule >= 0 || e.Path != "" {
		b.WriteString(": ")
	}
	switch {
	case errors.Is(e.Err, ErrType):
		// Value is JSON text, which its own quotes or brackets delimit:
		// it is written as it is, and quoted only if it would not print
		// on one line.
		b.WriteString("value ")
		if printable(e.Value) {
			b.WriteString(e.Value)
		} else {
			b.WriteString(strconv.Quote(e.Value))
		}
		b.WriteString(" does not fit the type ")
		b.WriteString(e.Type.String())
	default:
		b.WriteString(e.Err.Error())
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Offset >= 0 {
		b.WriteString(" at offset ")
		b.WriteString(strconv.Itoa(e.Offset))
	}
	return b.String()
}

// printable reports whether s is valid UTF-8 and prints on one line:
// every rune is a graphic character or a space (strconv.IsPrint).
func printable(s string) bool {
	return utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) < 0
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// clip cuts s to at most MaxValueInError bytes at a rune boundary.
func clip(s string) string {
	if len(s) <= MaxValueInError {
		return strings.Clone(s) // an error must not keep the document alive
	}
	n := MaxValueInError
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}
