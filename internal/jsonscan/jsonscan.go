// Package jsonscan checks JSON text (RFC 8259) in one pass, without
// recursion and without allocating for documents of ordinary depth. It is
// the document check of packages refparam and jsonpayload, and its token
// readers are the ones jsonpayload and channel walk documents with.
// [ValidPrintable] is a faster check for the common document of printable
// ASCII, which refparam tries first.
//
// The grammar, as [Valid] reads it:
//
//	JSON-text = ws value ws
//	value     = object / array / string / number / "true" / "false" / "null"
//	object    = "{" ws [ string ws ":" ws value ws *( "," ws string ws ":" ws value ws ) ] "}"
//	array     = "[" ws [ value ws *( "," ws value ws ) ] "]"
//	string    = DQUOTE *( unescaped / "\" ( DQUOTE / "\" / "/" / "b" / "f" / "n" / "r" / "t" / "u" 4HEXDIG ) ) DQUOTE
//	unescaped = any UTF-8 encoded code point but DQUOTE, "\" and U+0000-U+001F
//	number    = see [NumberEnd]
//	ws        = *( SP / HTAB / LF / CR )
//
// It accepts what encoding/json.Valid accepts, except text that is not
// UTF-8 (RFC 8259 §8.1), which Valid refuses and encoding/json does not,
// and documents nested deeper than the caller's limit.
package jsonscan

import "unicode/utf8"

// Text is the JSON text the functions read: a string, or the bytes of one.
type Text interface{ ~string | ~[]byte }

// Valid reports whether doc is exactly one JSON text, in valid UTF-8, with
// no object or array nested deeper than maxDepth.
//
// The open containers are a stack of bits, one per level (set for an
// object); the first 64 levels live in a word, so only a document nested
// deeper than that allocates.
func Valid[T Text](doc T, maxDepth int) bool {
	var word [1]uint64
	stack := word[:] // bit d%64 of stack[d/64]: the container at depth d+1 is an object
	depth := 0
	i := SkipSpace(doc, 0)
	for {
		// A value starts at i.
		if i >= len(doc) {
			return false
		}
		switch c := doc[i]; c {
		case '{', '[':
			if depth == maxDepth {
				return false
			}
			closer := c + 2 // '{'+2 is '}', '['+2 is ']'
			if i = SkipSpace(doc, i+1); i < len(doc) && doc[i] == closer {
				i++ // {} or []: a whole value
				break
			}
			if depth/64 == len(stack) {
				stack = append(stack, 0)
			}
			w, bit := &stack[depth/64], uint64(1)<<(depth%64)
			depth++
			if c == '{' {
				*w |= bit
				if i = Member(doc, i); i < 0 {
					return false
				}
			} else {
				*w &^= bit
			}
			continue // to the first value inside
		case '"':
			i = StringEnd(doc, i+1)
		default:
			i = ScalarEnd(doc, i)
		}
		if i < 0 {
			return false
		}
		// A value ends at i: close containers until one goes on.
		for {
			i = SkipSpace(doc, i)
			if depth == 0 {
				return i == len(doc)
			}
			if i == len(doc) {
				return false
			}
			d := depth - 1
			object := stack[d/64]>>(d%64)&1 != 0
			closer := byte(']')
			if object {
				closer = '}'
			}
			c := doc[i]
			if c == closer {
				depth--
				i++
				continue
			}
			if c != ',' {
				return false
			}
			i = SkipSpace(doc, i+1)
			if object {
				if i = Member(doc, i); i < 0 {
					return false
				}
			}
			break // to the next value
		}
	}
}

// MaxPrintableDepth is how deep [ValidPrintable] lets objects and arrays
// nest: the open containers are the bits of one word.
const MaxPrintableDepth = 64

// ValidPrintable reports whether doc is exactly one JSON text made of
// printable ASCII alone (U+0020–U+007E, so its only white space is the
// space) with no object or array nested deeper than [MaxPrintableDepth].
//
// It is Valid for the common document, which needs no UTF-8 decoding, in
// one loop with no calls on its common path; false does not mean that
// Valid is false too.
func ValidPrintable[T Text](doc T) bool {
	var stack uint64 // bit d: the container at depth d+1 from the top is an object
	depth := 0
	i, n := 0, len(doc)
	for {
		// A value starts at i.
		for uint(i) < uint(n) && doc[i] == ' ' {
			i++
		}
		if uint(i) >= uint(n) {
			return false
		}
		switch c := doc[i]; c {
		case '{', '[':
			if depth == MaxPrintableDepth {
				return false
			}
			if i = skipSpaces(doc, i+1); uint(i) < uint(n) && doc[i] == c+2 { // '{'+2 is '}', '['+2 is ']'
				i++ // {} or []: a whole value
				break
			}
			depth++
			stack = stack<<1 | uint64(c>>5&1) // of '{' and '[', only '{' has bit 5
			if c == '{' {
				goto member
			}
			continue // to the first value inside
		case '"':
			// The string's plain bytes, then its closing quote, inline: a
			// call per string costs more than the rest of the check.
			for i++; uint(i) < uint(n) && printable[doc[i]]; i++ {
			}
			if uint(i) < uint(n) && doc[i] == '"' {
				i++
			} else {
				i = printableEscapes(doc, i)
			}
		default:
			i = ScalarEnd(doc, i)
		}
		if i < 0 {
			return false
		}
		// A value ends at i: close containers until one goes on.
		for {
			i = skipSpaces(doc, i)
			if depth == 0 {
				return i == n
			}
			if uint(i) >= uint(n) {
				return false
			}
			c := doc[i]
			i++
			if c == ',' {
				break
			}
			if c != ']'|byte(stack&1)<<5 { // ']'|0x20 is '}'
				return false
			}
			stack >>= 1
			depth--
		}
		if stack&1 == 0 {
			continue // to the next value of an array
		}
	member:
		// An object's member starts at i: `ws string ws ":"`, then its value.
		if i = skipSpaces(doc, i); uint(i) >= uint(n) || doc[i] != '"' {
			return false
		}
		for i++; uint(i) < uint(n) && printable[doc[i]]; i++ {
		}
		if uint(i) < uint(n) && doc[i] == '"' {
			i++
		} else if i = printableEscapes(doc, i); i < 0 {
			return false
		}
		if i = skipSpaces(doc, i); uint(i) >= uint(n) || doc[i] != ':' {
			return false
		}
		i++
	}
}

// skipSpaces returns the offset of the first byte at or after i that is
// not a space.
func skipSpaces[T Text](doc T, i int) int {
	for uint(i) < uint(len(doc)) && doc[i] == ' ' {
		i++
	}
	return i
}

// printable marks the printable ASCII bytes that stand for themselves in
// a JSON string.
var printable = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// printableEscapes returns the offset after the closing quote of a string
// of printable ASCII that goes on at doc[i:] with an escape, or -1 if it
// does not: it is [StringEnd] for printable ASCII.
func printableEscapes[T Text](doc T, i int) int {
	for i < len(doc) {
		switch c := doc[i]; {
		case printable[c]:
			i++
		case c == '"':
			return i + 1
		case c != '\\':
			return -1
		default:
			if i = EscapeEnd(doc, i); i < 0 {
				return -1
			}
		}
	}
	return -1
}

// Member reads the `string ws ":" ws` that starts an object member at
// doc[i:] and returns the offset of its value, or -1.
func Member[T Text](doc T, i int) int {
	if i == len(doc) || doc[i] != '"' {
		return -1
	}
	if i = StringEnd(doc, i+1); i < 0 {
		return -1
	}
	if i = SkipSpace(doc, i); i == len(doc) || doc[i] != ':' {
		return -1
	}
	return SkipSpace(doc, i+1)
}

// IsSpace reports whether c is JSON white space.
func IsSpace(c byte) bool { return white[c] }

// white marks JSON white space: one load where four compares would do, on
// the path every token passes.
var white = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// SkipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func SkipSpace[T Text](doc T, i int) int {
	for i < len(doc) && IsSpace(doc[i]) {
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

// StringEnd returns the offset after the closing quote of the string whose
// content starts at doc[i:], or -1 when the string is not well formed:
// unterminated, holding a control character, an unknown escape or invalid
// UTF-8. A \u escape of a lone surrogate is well formed, as RFC 8259 §8.2
// allows.
func StringEnd[T Text](doc T, i int) int {
	for i < len(doc) {
		c := doc[i]
		switch {
		case unescaped[c]:
			i++
		case c == '"':
			return i + 1
		case c == '\\':
			if i = EscapeEnd(doc, i); i < 0 {
				return -1
			}
		case c < ' ':
			return -1
		default:
			// A code point is at most utf8.UTFMax bytes: the conversion
			// of so few bytes is made on the stack.
			r, n := utf8.DecodeRuneInString(string(doc[i:min(i+utf8.UTFMax, len(doc))]))
			if r == utf8.RuneError && n == 1 {
				return -1
			}
			i += n
		}
	}
	return -1
}

// EscapeEnd returns the offset after the escape sequence of a JSON string
// that starts at doc[i], a backslash: \" \\ \/ \b \f \n \r \t or \u and
// four hex digits. It returns -1 if no valid escape starts there.
func EscapeEnd[T Text](doc T, i int) int {
	if i+1 >= len(doc) {
		return -1
	}
	switch doc[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return i + 2
	case 'u':
		if _, n := Hex4(doc, i+2); n < 0 {
			return -1
		}
		return i + 6
	}
	return -1
}

// Hex4 decodes four hex digits at s[i:]; n is -1 when they are not there.
func Hex4[T Text](s T, i int) (r rune, n int) {
	if i+4 > len(s) {
		return 0, -1
	}
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, -1
		}
		r = r<<4 | rune(c)
	}
	return r, 4
}

// ScalarEnd returns the offset after the literal (true, false, null) or
// number that starts at doc[i:], or -1 if none does; i < len(doc).
func ScalarEnd[T Text](doc T, i int) int {
	switch doc[i] {
	case 't':
		return LiteralEnd(doc, i, "true")
	case 'f':
		return LiteralEnd(doc, i, "false")
	case 'n':
		return LiteralEnd(doc, i, "null")
	}
	return NumberEnd(doc, i)
}

// LiteralEnd returns the offset after lit at doc[i:], or -1.
func LiteralEnd[T Text](doc T, i int, lit string) int {
	if len(doc)-i >= len(lit) && string(doc[i:i+len(lit)]) == lit {
		return i + len(lit)
	}
	return -1
}

// NumberEnd returns the offset after the JSON number (RFC 8259 §6) that
// starts at s[i:], or -1 if none does:
//
//	number = [ "-" ] ( "0" / %x31-39 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
//
// It stops at the first byte that cannot continue the number; the caller
// decides whether that byte may follow it.
func NumberEnd[T Text](s T, i int) int {
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = Digits(s, i)
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		j := Digits(s, i+1)
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
		j := Digits(s, i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

// Digits returns the offset of the first byte at or after i that is not an
// ASCII digit.
func Digits[T Text](s T, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
