package jsonpayload_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/jsonpayload"
)

// TestMaxValueInError checks the value an ErrType error quotes at the
// limit and one byte past it. The value is the JSON text of a string that
// is not a number, so it is read as Number to fail; its text is the
// quoted string, quotes included.
func TestMaxValueInError(t *testing.T) {
	const n = jsonpayload.MaxValueInError
	// str returns the JSON text of a string: its content is filler ASCII
	// then tail, and the whole text, quotes included, is size bytes.
	str := func(size int, tail string) string {
		return `"` + strings.Repeat("a", size-2-len(tail)) + tail + `"`
	}
	tests := []struct {
		name  string
		value string // the JSON text of the value, as it stands in the document
		want  string // Error.Value
	}{
		{"N bytes", str(n, ""), str(n, "")},
		{"N bytes ending in a 2-byte rune", str(n, "é"), str(n, "é")},
		{"N bytes ending in a 4-byte rune", str(n, "😀"), str(n, "😀")},
		{"N+1 bytes", str(n+1, ""), str(n+1, "")[:n] + "..."},
		{"N+1 bytes ending in a 3-byte rune", str(n+1, "€"), str(n+1, "€")[:n] + "..."},
		// The rune that crosses the cut is left out whole: the value
		// keeps the bytes before it.
		{"2-byte rune across the cut", str(n+2, "é"), str(n+2, "é")[:n-1] + "..."},
		{"3-byte rune across the cut, 1 byte in", str(n+3, "€"), str(n+3, "€")[:n-1] + "..."},
		{"3-byte rune across the cut, 2 bytes in", str(n+2, "€"), str(n+2, "€")[:n-2] + "..."},
		{"4-byte rune across the cut, 3 bytes in", str(n+2, "😀"), str(n+2, "😀")[:n-3] + "..."},
		{"4-byte rune just after the cut", str(n+5, "😀"), str(n+5, "😀")[:n] + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(`{"v": ` + tt.value + `}`)
			_, err := jsonpayload.Lookup(doc, "v", jsonpayload.Number)
			var e *jsonpayload.Error
			if !errors.Is(err, jsonpayload.ErrType) || !errors.As(err, &e) {
				t.Fatalf("Lookup(%q) = %v; want ErrType", doc, err)
			}
			if diff := cmp.Diff(tt.want, e.Value); diff != "" {
				t.Errorf("Lookup(%q) Error.Value mismatch (-want +got):\n%s", doc, diff)
			}
			// What the test expects, said independently of the table.
			kept, cut := strings.CutSuffix(e.Value, "...")
			switch {
			case len(tt.value) <= n && (cut || e.Value != tt.value):
				t.Errorf("a value of %d bytes was cut: %q", len(tt.value), e.Value)
			case len(tt.value) > n && (!cut || len(kept) > n || len(kept) < n-utf8.UTFMax+1 || !strings.HasPrefix(tt.value, kept)):
				t.Errorf("a value of %d bytes cut to %q; want a prefix of at most %d bytes and \"...\"", len(tt.value), e.Value, n)
			case !utf8.ValidString(e.Value):
				t.Errorf("Error.Value %q is not valid UTF-8", e.Value)
			}
		})
	}
}

// TestErrTypeMessage checks how an ErrType error writes its value: as the
// JSON text it is, or quoted when it would not print on one line.
func TestErrTypeMessage(t *testing.T) {
	tests := []struct {
		doc  string
		want string
	}{
		{`{"v": "abc"}`, `jsonpayload: Lookup: path "v": value "abc" does not fit the type Number at offset 6`},
		{`{"v": true}`, `jsonpayload: Lookup: path "v": value true does not fit the type Number at offset 6`},
		{`{"v": ["a b", "é"]}`, `jsonpayload: Lookup: path "v": value ["a b", "é"] does not fit the type Number at offset 6`},
		{"{\"v\": [1,\n2]}", `jsonpayload: Lookup: path "v": value "[1,\n2]" does not fit the type Number at offset 6`},
		{"{\"v\": [1,\t2]}", `jsonpayload: Lookup: path "v": value "[1,\t2]" does not fit the type Number at offset 6`},
		{`{"v": "a\u2028b"}`, `jsonpayload: Lookup: path "v": value "a\u2028b" does not fit the type Number at offset 6`},
		{"{\"v\": \"a\u2028b\"}", `jsonpayload: Lookup: path "v": value "\"a\u2028b\"" does not fit the type Number at offset 6`},
	}
	for _, tt := range tests {
		_, err := jsonpayload.Lookup([]byte(tt.doc), "v", jsonpayload.Number)
		if !errors.Is(err, jsonpayload.ErrType) {
			t.Fatalf("Lookup(%q) = %v; want ErrType", tt.doc, err)
		}
		if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
			t.Errorf("Lookup(%q) message mismatch (-want +got):\n%s", tt.doc, diff)
		}
	}
}
