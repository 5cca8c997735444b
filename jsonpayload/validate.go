package jsonpayload

import (
	"strings"
	"unicode/utf8"
)

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
//	number    = see [numberEnd]
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
	i := skipSpace(doc, 0)
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
			if i = skipSpace(doc, i+1); i < len(doc) && doc[i] == closer {
				i++ // {} or []: a whole value
				break
			}
			closers[depth] = closer
			depth++
			if c == '{' {
				key := i
				i = member(doc, i)
				if depth == 1 && root != nil {
					root.add(key, i)
				}
			}
			if i < 0 {
				return false
			}
			continue // to the first value inside
		case '"':
			i = stringEnd(doc, i+1)
		case 't':
			i = literalEnd(doc, i, "true")
		case 'f':
			i = literalEnd(doc, i, "false")
		case 'n':
			i = literalEnd(doc, i, "null")
		default:
			i = numberEnd(doc, i)
		}
		if i < 0 {
			return false
		}
		// A value ends at i: close containers until one goes on.
		for {
			if depth == 1 && root != nil && root.object {
				root.ended(i)
			}
			i = skipSpace(doc, i)
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
			i = skipSpace(doc, i+1)
			if closer == '}' {
				key := i
				if i = member(doc, i); i < 0 {
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

// member reads the `string ws ":" ws` that starts an object member at
// doc[i:] and returns the offset of its value, or -1.
func member(doc string, i int) int {
	if i == len(doc) || doc[i] != '"' {
		return -1
	}
	if i = stringEnd(doc, i+1); i < 0 {
		return -1
	}
	if i = skipSpace(doc, i); i == len(doc) || doc[i] != ':' {
		return -1
	}
	return skipSpace(doc, i+1)
}

// skipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func skipSpace(doc string, i int) int {
	for i < len(doc) && isSpace(doc[i]) {
		i++
	}
	return i
}

// unescaped marks the ASCII bytes that stand for themselves in a JSON
// string; the bytes of other code points are checked as UTF-8.
var unescaped = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// stringEnd returns the offset after the closing quote of the string whose
// content starts at doc[i:], or -1 when the string is not well formed:
// unterminated, holding a control character, an unknown escape or invalid
// UTF-8. A \u escape of a lone surrogate is well formed, as RFC 8259 §8.2
// allows.
func stringEnd(doc string, i int) int {
	for i < len(doc) {
		c := doc[i]
		switch {
		case unescaped[c]:
			i++
		case c == '"':
			return i + 1
		case c == '\\':
			if i+1 == len(doc) {
				return -1
			}
			switch doc[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, n := hex4(doc, i+2); n < 0 {
					return -1
				}
				i += 6
			default:
				return -1
			}
		case c < ' ':
			return -1
		default:
			r, n := utf8.DecodeRuneInString(doc[i:])
			if r == utf8.RuneError && n == 1 {
				return -1
			}
			i += n
		}
	}
	return -1
}

// literalEnd returns the offset after lit at doc[i:], or -1.
func literalEnd(doc string, i int, lit string) int {
	if strings.HasPrefix(doc[i:], lit) {
		return i + len(lit)
	}
	return -1
}

// numberEnd returns the offset after the JSON number (RFC 8259 §6) that
// starts at s[i:], or -1 if none does:
//
//	number = [ "-" ] ( "0" / %x31-39 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
//
// It stops at the first byte that cannot continue the number; the caller
// decides whether that byte may follow it.
func numberEnd(s string, i int) int {
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}
