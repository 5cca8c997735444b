package jsonpayload

import (
	"strings"
	"testing"
)

// slowDepthExceeded is the obvious byte-by-byte scan that depthExceeded
// must agree with.
func slowDepthExceeded(doc string) int {
	depth, inString := 0, false
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			if depth > MaxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return -1
}

func FuzzDepthExceeded(f *testing.F) {
	f.Add(`{"a": "[[\"]]", "b": [1, {"c": "\\"}]}`, uint8(MaxDepth))
	f.Add(`"abcdefgh\"ijklmnop[[[[[[[[" [`, uint8(MaxDepth-1))
	f.Add(`["\\\\\\\\\\\\\\\\\\\\", "é\u00e9"]`, uint8(200))
	f.Fuzz(func(t *testing.T, doc string, pad uint8) {
		doc = strings.Repeat("[", int(pad)) + doc
		if got, want := depthExceeded(doc), slowDepthExceeded(doc); got != want {
			t.Fatalf("depthExceeded(%q) = %d, want %d", doc, got, want)
		}
	})
}
