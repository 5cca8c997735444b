package jsonpayload

import (
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/entrylink/entrylink/refparam"
)

// Limits on the documents Extract and Lookup read. Documents are untrusted:
// they come from links and from integrations.
const (
	// MaxDocumentSize is the largest document, in bytes, that is read.
	MaxDocumentSize = 4 << 20

	// MaxDepth is the deepest nesting of objects and arrays that is read:
	// [] and {} have depth 1, a bare scalar 0.
	MaxDepth = 128
)

// docError is a document error before it is wrapped in an *Error.
type docError struct {
	err    error
	off    int
	detail string
}

// checkDocument returns doc, or its repaired form, once it is known to be
// a valid JSON text within the limits, and records its root members in
// root (see [validate]).
func checkDocument(doc string, repair bool, root *rootIndex) (string, *docError) {
	if len(doc) > MaxDocumentSize {
		return "", &docError{ErrTooLarge, MaxDocumentSize, ""}
	}
	if e := checkText(doc, root); e == nil {
		return doc, nil
	} else if !repair || e.err != ErrInvalidDocument || e.detail != "" {
		return "", e
	}
	// Only a document that is not valid as it stands is repaired: in a
	// valid one, typographic quotes are text inside strings.
	fixed, _, err := transform.String(refparam.StraightQuotes(), doc)
	if err != nil || fixed == doc {
		return "", checkText(doc, nil)
	}
	if checkText(fixed, root) != nil {
		return "", checkText(doc, nil) // report the caller's text, not ours
	}
	return fixed, nil
}

// checkText returns nil when doc is a valid JSON text within MaxDepth, in
// UTF-8: when [validate] accepts it, in one pass. Only a document that
// validate refuses is read again, by the slower checks below, to say why
// and where, in the documented order: depth first, then encoding, then
// syntax.
func checkText(doc string, root *rootIndex) *docError {
	if validate(doc, root) {
		return nil
	}
	if off := depthExceeded(doc); off >= 0 {
		return &docError{ErrTooDeep, off, ""}
	}
	if !utf8.ValidString(doc) {
		return &docError{ErrInvalidDocument, invalidUTF8At(doc), "invalid UTF-8"}
	}
	return &docError{ErrInvalidDocument, syntaxOffset(doc), ""}
}

// Byte classes for depthExceeded, outside and inside strings.
const (
	plain = iota
	quote
	open
	close
	escape
)

var (
	outsideString = [256]uint8{'"': quote, '[': open, '{': open, ']': close, '}': close}
	insideString  = [256]uint8{'"': quote, '\\': escape}
)

// depthExceeded returns the offset of the bracket that opens level
// MaxDepth+1, or -1. Brackets inside strings do not count. It does not
// validate: an unterminated string simply ends the scan. It runs only on
// documents that validate refused, to tell ErrTooDeep from other faults.
func depthExceeded(doc string) int {
	// Fewer brackets than MaxDepth, counted with the vectorised
	// strings.Count, cannot nest deeper than MaxDepth.
	if strings.Count(doc, "[")+strings.Count(doc, "{") <= MaxDepth {
		return -1
	}
	depth := 0
	for i := 0; i < len(doc); {
		switch outsideString[doc[i]] {
		case quote:
			i++
			for i < len(doc) {
				k := insideString[doc[i]]
				if k == plain {
					i++
					continue
				}
				if k == quote {
					break
				}
				i += 2 // a backslash and the byte it escapes
			}
			i++ // the closing quote
		case open:
			depth++
			if depth > MaxDepth {
				return i
			}
			i++
		case close:
			depth--
			i++
		default:
			i++
		}
	}
	return -1
}

// syntaxOffset asks encoding/json where doc goes wrong; it runs only on
// the error path. It is -1 if encoding/json finds no fault.
func syntaxOffset(doc string) int {
	var se *json.SyntaxError
	if errors.As(json.Unmarshal([]byte(doc), new(json.RawMessage)), &se) {
		return int(se.Offset)
	}
	return -1
}
