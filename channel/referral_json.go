package channel

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/internal/jsonscan"
)

// Reading a JSON body in two passes over its bytes.
//
// First scanJSON checks the body (one JSON value as encoding/json.Valid
// reads it, nested at most MaxBodyDepth deep) without recursion, and on the
// way records where each object and array ends: the containerIndex.
//
// Then Referrals walks the objects it needs with the small reader below
// instead of gjson's ForEach. ForEach finds the end of a nested object or
// array by scanning it, so a body read level by level (entry, event,
// referral, …) was scanned once per enclosing level; here a nested container
// is skipped in constant time through the index, so each object read is
// walked once, over its own members. gjson still decodes strings that hold
// escapes. The reader trusts the check: it runs only on a body scanJSON
// accepted, and never builds a path from the body.

// maxIndexed is how many objects and arrays, in body order, the index
// records; the ends of later ones are found by scanning, which is correct
// but slower. Webhook bodies of a few events hold a few dozen.
const maxIndexed = 128

// containerIndex maps the offset of each of the first maxIndexed '{' and '['
// of a body to the offset of the bracket that closes it.
type containerIndex struct {
	n     int
	open  [maxIndexed]int32 // ascending
	close [maxIndexed]int32
}

// scanJSON reports whether b is one JSON value (RFC 8259, as
// encoding/json.Valid reads it) whose objects and arrays nest at most
// MaxBodyDepth deep, and fills ix with the ends of its containers. It reads
// each byte once, without recursion; it does not check UTF-8.
func scanJSON(b []byte, ix *containerIndex) bool {
	const (
		wantValue  = iota // a value starts at i
		wantKey           // a member's key starts at i
		afterValue        // a value ended just before i
	)
	var open [MaxBodyDepth]byte  // '{' or '[' per open container
	var slot [MaxBodyDepth]int32 // its slot in ix, or -1
	depth := 0
	ix.n = 0
	state := wantValue
	i := jsonscan.SkipSpace(b, 0)
	for {
		switch state {
		case wantValue:
			if i >= len(b) {
				return false
			}
			switch c := b[i]; c {
			case '{', '[':
				if depth == MaxBodyDepth {
					return false
				}
				open[depth], slot[depth] = c, -1
				if ix.n < maxIndexed {
					slot[depth] = int32(ix.n)
					ix.open[ix.n] = int32(i)
					ix.n++
				}
				depth++
				i = jsonscan.SkipSpace(b, i+1)
				if i < len(b) && b[i] == c+2 { // '{'+2 == '}', '['+2 == ']'
					state = afterValue
					continue // the close is handled there
				}
				if c == '{' {
					state = wantKey
				}
				continue
			case '"':
				i = jsonString(b, i)
			default:
				i = jsonscan.ScalarEnd(b, i)
			}
			if i < 0 {
				return false
			}
			state = afterValue
		case wantKey:
			if i >= len(b) || b[i] != '"' {
				return false
			}
			if i = jsonString(b, i); i < 0 {
				return false
			}
			if i = jsonscan.SkipSpace(b, i); i >= len(b) || b[i] != ':' {
				return false
			}
			i = jsonscan.SkipSpace(b, i+1)
			state = wantValue
		case afterValue:
			i = jsonscan.SkipSpace(b, i)
			if depth == 0 {
				return i == len(b)
			}
			if i >= len(b) {
				return false
			}
			switch c := b[i]; {
			case c == ',':
				i = jsonscan.SkipSpace(b, i+1)
				state = wantValue
				if open[depth-1] == '{' {
					state = wantKey
				}
			case c == open[depth-1]+2:
				depth--
				if k := slot[depth]; k >= 0 {
					ix.close[k] = int32(i)
				}
				i++
			default:
				return false
			}
		}
	}
}

// jsonString returns the offset just past the string whose '"' is at b[i],
// or -1 when it is not a valid JSON string (an unknown escape, a control
// byte, no closing quote).
func jsonString(b []byte, i int) int {
	for i++; ; {
		if i = plainRun(b, i); i >= len(b) {
			return -1
		}
		switch c := b[i]; {
		case !jsonStringSpecial[c]:
			i++
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		default: // a backslash
			if i = jsonscan.EscapeEnd(b, i); i < 0 {
				return -1
			}
		}
	}
}

// plainRun returns the offset of the first byte at or after i, within the
// last 8-byte word that fits in b, that is a '"', a '\\' or a control byte;
// len(b) or an offset in the last 7 bytes when there is none. It reads 8
// bytes at a time: strings are most of a webhook body.
func plainRun[T string | []byte](b T, i int) int {
	for ; i+8 <= len(b); i += 8 {
		w := load8(b, i)
		q := w ^ ('"' * ones)   // a zero byte where w has '"'
		bs := w ^ ('\\' * ones) // a zero byte where w has '\\'
		// A byte of x below n (n <= 0x80) sets the high bit of its byte in
		// (x - n*ones) &^ x & highs; a borrow only sets bits above a byte
		// that is truly below n, so the lowest set bit is exact.
		m := ((q-ones)&^q | (bs-ones)&^bs | (w-0x20*ones)&^w) & highs
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i
}

// jsonStringSpecial marks the bytes that jsonString looks at: the quote, the
// backslash and the control bytes.
var jsonStringSpecial = [256]bool{'"': true, '\\': true,
	0x00: true, 0x01: true, 0x02: true, 0x03: true, 0x04: true, 0x05: true, 0x06: true, 0x07: true,
	0x08: true, 0x09: true, 0x0a: true, 0x0b: true, 0x0c: true, 0x0d: true, 0x0e: true, 0x0f: true,
	0x10: true, 0x11: true, 0x12: true, 0x13: true, 0x14: true, 0x15: true, 0x16: true, 0x17: true,
	0x18: true, 0x19: true, 0x1a: true, 0x1b: true, 0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true,
}

// tooDeep returns the offset of the first '{' or '[' that opens a level
// deeper than MaxBodyDepth, or -1. Brackets inside strings do not count. It
// tells a body scanJSON refused for its depth from one with a syntax error.
func tooDeep(b []byte) int {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			if depth > MaxBodyDepth {
				return i
			}
		case '}', ']':
			depth--
		}
	}
	return -1
}

// A jsonValue is one value of a checked body: its text and the offset of the
// text in the body. The zero jsonValue stands for an absent value.
type jsonValue struct {
	raw string
	off int
}

// absent reports whether v is missing or null.
func (v jsonValue) absent() bool   { return v.raw == "" || v.raw == "null" }
func (v jsonValue) isObject() bool { return v.raw != "" && v.raw[0] == '{' }
func (v jsonValue) isArray() bool  { return v.raw != "" && v.raw[0] == '[' }
func (v jsonValue) isString() bool { return v.raw != "" && v.raw[0] == '"' }
func (v jsonValue) isNumber() bool {
	return v.raw != "" && (v.raw[0] == '-' || '0' <= v.raw[0] && v.raw[0] <= '9')
}
func (v jsonValue) is(s string) bool { return v.isString() && v.text() == s }

// text returns the decoded text of a string value.
func (v jsonValue) text() string {
	s := v.raw[1 : len(v.raw)-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	return gjson.Parse(v.raw).Str
}

// jsonDoc is a checked body and its container index.
type jsonDoc struct {
	s  string
	ix containerIndex
}

// root returns the body's top-level value.
func (d *jsonDoc) root() jsonValue {
	i := jsonscan.SkipSpace(d.s, 0)
	return jsonValue{raw: d.s[i:d.valueEnd(i)], off: i}
}

// valueEnd returns the offset just past the value that starts at offset i.
func (d *jsonDoc) valueEnd(i int) int {
	s := d.s
	switch s[i] {
	case '"':
		end, _ := stringEnd(s, i)
		return end
	case '{', '[':
		if k, found := slices.BinarySearch(d.ix.open[:d.ix.n], int32(i)); found {
			return int(d.ix.close[k]) + 1
		}
		depth := 0
		for ; ; i++ {
			switch s[i] {
			case '"':
				end, _ := stringEnd(s, i)
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
	}
	for i < len(s) {
		switch s[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// stringEnd returns the offset just past the string whose opening '"' is at
// s[i], and whether the string holds an escape.
func stringEnd(s string, i int) (end int, esc bool) {
	for i++; ; i++ {
		i = plainRun(s, i) // a checked string holds no control byte
		switch s[i] {
		case '"':
			return i + 1, esc
		case '\\':
			esc = true
			i++
		}
	}
}

// members calls f with each key (decoded), the key's offset and the value
// of the object o, in order, until f returns false.
func (d *jsonDoc) members(o jsonValue, f func(key string, at int, v jsonValue) bool) {
	s := d.s
	for i := jsonscan.SkipSpace(s, o.off+1); s[i] != '}'; {
		at := i
		end, esc := stringEnd(s, i)
		key := s[at+1 : end-1]
		if esc {
			key = gjson.Parse(s[at:end]).Str
		}
		i = jsonscan.SkipSpace(s, end) + 1 // the ':'
		i = jsonscan.SkipSpace(s, i)
		vEnd := d.valueEnd(i)
		if !f(key, at, jsonValue{raw: s[i:vEnd], off: i}) {
			return
		}
		i = jsonscan.SkipSpace(s, vEnd)
		if s[i] == ',' {
			i = jsonscan.SkipSpace(s, i+1)
		}
	}
}

// elems calls f with each element of the array a, in order, until f returns
// false.
func (d *jsonDoc) elems(a jsonValue, f func(v jsonValue) bool) {
	s := d.s
	for i := jsonscan.SkipSpace(s, a.off+1); s[i] != ']'; {
		vEnd := d.valueEnd(i)
		if !f(jsonValue{raw: s[i:vEnd], off: i}) {
			return
		}
		i = jsonscan.SkipSpace(s, vEnd)
		if s[i] == ',' {
			i = jsonscan.SkipSpace(s, i+1)
		}
	}
}
