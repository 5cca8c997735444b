package channel

import (
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// Reading a checked body. After checkBodyJSON has accepted a body (valid
// UTF-8 JSON within MaxBodyDepth), Referrals walks it with the small reader
// below instead of gjson's ForEach: ForEach finds the end of a nested object
// or array by scanning it, so a body read level by level (entry, event,
// referral, …) was scanned once per enclosing level. Here the end of each
// container comes from an index built by the depth scan, so each object
// that is read is walked once over its own members, and a nested value is
// skipped in constant time. gjson still decodes the strings that hold escapes.

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

// indexBody scans b once: it fills ix with the ends of its containers and
// returns the offset of the first '{' or '[' that opens a level deeper than
// MaxBodyDepth, or -1. Brackets inside strings do not count. The index is
// meaningful only for a body that is then found valid; the depth check, like
// tooDeep's, is meaningful for any body.
func indexBody(b []byte, ix *containerIndex) int {
	var stack [MaxBodyDepth]int32 // index slots of the open containers; -1 when not recorded
	depth := 0
	ix.n = 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			i = quoteEnd(b, i)
		case '{', '[':
			if depth >= MaxBodyDepth {
				return i
			}
			slot := int32(-1)
			if ix.n < maxIndexed {
				slot = int32(ix.n)
				ix.open[ix.n] = int32(i)
				ix.n++
			}
			stack[depth] = slot
			depth++
		case '}', ']':
			if depth > 0 { // an invalid body may close more than it opens
				depth--
				if slot := stack[depth]; slot >= 0 {
					ix.close[slot] = int32(i)
				}
			}
		}
	}
	return -1
}

// quoteEnd returns the offset of the '"' that closes the string whose
// opening '"' is at b[i], or len(b) when the string does not end.
func quoteEnd(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '"':
			return i
		case '\\':
			i++
		}
	}
	return len(b)
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
	i := skipSpace(d.s, 0)
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
		switch s[i] {
		case '"':
			return i + 1, esc
		case '\\':
			esc = true
			i++
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// members calls f with each key (decoded), the key's offset and the value of the object o, in order, until f returns false.
func (d *jsonDoc) members(o jsonValue, f func(key string, at int, v jsonValue) bool) {
	s := d.s
	for i := skipSpace(s, o.off+1); s[i] != '}'; {
		at := i
		end, esc := stringEnd(s, i)
		key := s[at+1 : end-1]
		if esc {
			key = gjson.Parse(s[at:end]).Str
		}
		i = skipSpace(s, end) + 1 // the ':'
		i = skipSpace(s, i)
		vEnd := d.valueEnd(i)
		if !f(key, at, jsonValue{raw: s[i:vEnd], off: i}) {
			return
		}
		i = skipSpace(s, vEnd)
		if s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
}

// elems calls f with each element of the array a, in order, until f returns
// false.
func (d *jsonDoc) elems(a jsonValue, f func(v jsonValue) bool) {
	s := d.s
	for i := skipSpace(s, a.off+1); s[i] != ']'; {
		vEnd := d.valueEnd(i)
		if !f(jsonValue{raw: s[i:vEnd], off: i}) {
			return
		}
		i = skipSpace(s, vEnd)
		if s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
}
