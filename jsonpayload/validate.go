package jsonpayload

import "github.com/entrylink/entrylink/internal/jsonscan"

// validate reports whether doc is exactly one JSON text as RFC 8259 defines
// it, in valid UTF-8 (RFC 8259 §8.1), with no object or array nested deeper
// than MaxDepth. It is the whole check of a document before any lookup:
//
//	JSON-text = ws value ws
//	value     = object / array / string / number / "true" / "false" / "null"
//	object    = "{" ws [ string ws ":" ws value ws *( "," ws string ws ":" ws value ws ) ] "}"
//	array     = "[" ws [ value ws *( "," ws value ws ) ] "]"
//	string    = DQUOTE *( unescaped / "\" ( DQUOTE / "\" / "/" / "b" / "f" / "n" / "r" / "t" / "u" 4HEXDIG ) ) DQUOTE
//	unescaped = any UTF-8 encoded code point but DQUOTE, "\" and U+0000-U+001F
//	number    = see [jsonscan.NumberEnd]
//	ws        = *( SP / HTAB / LF / CR )
//
// It reads doc once, left to right, with no recursion and no allocation:
// the open containers are a fixed array of MaxDepth closing brackets, so
// depth is bounded before anything deeper is read.
//
// validate does, in one pass, the work of the three checks that would
// otherwise run in turn (a depth scan, utf8.ValidString and gjson.Valid), and
// is at least as strict as each: gjson.Valid and encoding/json's Valid
// accept exactly the grammar above but for UTF-8, which neither checks, and
// depth, which neither bounds (gjson.Valid recurses once per level).
// FuzzValidate checks that validate accepts exactly what the depth scan,
// utf8.ValidString, gjson.Valid and json.Valid all accept.
//
// When root is not nil, validate records in it where the members of a root
// object are.
func validate(doc string, root *rootIndex) bool {
	var closers [MaxDepth]byte // closers[d] closes the container at depth d+1
	depth := 0
	if root != nil {
		root.reset()
	}
	i := jsonscan.SkipSpace(doc, 0)
	for {
		// A value starts at i.
		if i >= len(doc) {
			return false
		}
		switch c := doc[i]; c {
		case '{', '[':
			if depth == MaxDepth {
				return false
			}
			if depth == 0 && root != nil {
				root.object = c == '{'
			}
			closer := c + 2 // '{'+2 is '}', '['+2 is ']'
			if i = jsonscan.SkipSpace(doc, i+1); i < len(doc) && doc[i] == closer {
				i++ // {} or []: a whole value
				break
			}
			closers[depth] = closer
			depth++
			if c == '{' {
				key := i
				i = jsonscan.Member(doc, i)
				if depth == 1 && root != nil {
					root.add(key, i)
				}
			}
			if i < 0 {
				return false
			}
			continue // to the first value inside
		case '"':
			i = jsonscan.StringEnd(doc, i+1)
		default:
			i = jsonscan.ScalarEnd(doc, i)
		}
		if i < 0 {
			return false
		}
		// A value ends at i: close containers until one goes on.
		for {
			if depth == 1 && root != nil && root.object {
				root.ended(i)
			}
			i = jsonscan.SkipSpace(doc, i)
			if depth == 0 {
				return i == len(doc)
			}
			if i == len(doc) {
				return false
			}
			c, closer := doc[i], closers[depth-1]
			if c == closer {
				depth--
				i++
				continue
			}
			if c != ',' {
				return false
			}
			i = jsonscan.SkipSpace(doc, i+1)
			if closer == '}' {
				key := i
				if i = jsonscan.Member(doc, i); i < 0 {
					return false
				}
				if depth == 1 && root != nil {
					root.add(key, i)
				}
			}
			break // to the next value
		}
	}
}
