package jsonpayload

import (
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Exports for the benchmarks in package jsonpayload_test.

// Validate is the one-pass document check, recording the root members as
// Extract does.
func Validate(doc string) bool {
	var root rootIndex
	return validate(doc, &root)
}

// ValidateInTurn is the work Validate does in one pass, done as three
// checks in turn: the depth scan, utf8.ValidString and gjson.Valid.
func ValidateInTurn(doc string) bool {
	return depthExceeded(doc) < 0 && utf8.ValidString(doc) && gjson.Valid(doc)
}
