package jsonpayload

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// slowValid is the reference validate must agree with: the three checks it
// replaces (the obvious depth scan, utf8.ValidString and gjson.Valid), and
// encoding/json's Valid besides.
func slowValid(doc string) bool {
	return slowDepthExceeded(doc) < 0 && utf8.ValidString(doc) && gjson.Valid(doc) && json.Valid([]byte(doc))
}

// validCases are documents on every edge of the grammar, the encoding and
// the depth limit.
var validCases = []struct {
	doc  string
	want bool
}{
	{``, false},
	{` `, false},
	{`1`, true},
	{" \t\r\n1 \t\r\n", true},
	{"\f1", false},
	{"1\v", false},
	{"\u00a01", false},
	{`1 2`, false},
	{`[] []`, false},
	{`-`, false},
	{`-0`, true},
	{`01`, false},
	{`-01`, false},
	{`1.`, false},
	{`.5`, false},
	{`1.5e`, false},
	{`1.5e+`, false},
	{`1.5E-07`, true},
	{`+1`, false},
	{`1e5`, true},
	{`0x1F`, false},
	{`true`, true},
	{`tru`, false},
	{`truex`, false},
	{`[true,false,null]`, true},
	{`[True]`, false},
	{`nul`, false},
	{`""`, true},
	{`"`, false},
	{`"\"`, false},
	{`"\\"`, true},
	{`"\/\b\f\n\r\t\u00e9\uD83D\uDE00"`, true},
	{`"\ud800"`, true},
	{`"\u12"`, false},
	{`"\u12G4"`, false},
	{`"\x41"`, false},
	{`"\'"`, false},
	{"\"a\tb\"", false},
	{"\"\x00\"", false},
	{"\"\x7f\"", true},
	{"\"é😀\"", true},
	{"\"\xff\"", false},
	{"\"\xc3\"", false},
	{"\"\xc0\xaf\"", false},     // overlong
	{"\"\xed\xa0\x80\"", false}, // a surrogate in UTF-8
	{"\"\xef\xbf\xbd\"", true},  // U+FFFD itself
	{"[1]\xff", false},
	{`{}`, true},
	{`{ }`, true},
	{`[ ]`, true},
	{`{"a":1}`, true},
	{` { "a" : [ 1 , { "b" : null } ] } `, true},
	{`{"a":1,}`, false},
	{`[1,]`, false},
	{`[,1]`, false},
	{`[1 2]`, false},
	{`{"a" 1}`, false},
	{`{"a":}`, false},
	{`{a:1}`, false},
	{`{1:1}`, false},
	{`{"a":1 "b":2}`, false},
	{`{"a":1]`, false},
	{`[1}`, false},
	{`[`, false},
	{`[[]`, false},
	{`]`, false},
	{`{"a":1}}`, false},
	{`{"a":"[[[{"}`, true},
	{strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), true},
	{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), false},
	{strings.Repeat(`{"a":`, MaxDepth-1) + "{}" + strings.Repeat("}", MaxDepth-1), true},
	{strings.Repeat(`{"a":`, MaxDepth) + "{}" + strings.Repeat("}", MaxDepth), false},
	{strings.Repeat(`[{"a":`, MaxDepth/2) + "1" + strings.Repeat("}]", MaxDepth/2), true},
	{strings.Repeat("[", MaxDepth+1), false},
}

func TestValidate(t *testing.T) {
	for _, tt := range validCases {
		if got := validate(tt.doc); got != tt.want {
			t.Errorf("validate(%q) = %v, want %v", tt.doc, got, tt.want)
		}
		if ref := slowValid(tt.doc); ref != tt.want {
			t.Errorf("reference(%q) = %v, want %v", tt.doc, ref, tt.want)
		}
	}
}

// FuzzValidate checks that validate accepts exactly the documents that the
// depth scan, utf8.ValidString, gjson.Valid and json.Valid all accept, doc
// itself and doc nested pad levels deeper in arrays or objects, so that
// the fuzzer reaches the depth limit with valid documents.
func FuzzValidate(f *testing.F) {
	for _, tt := range validCases {
		f.Add(tt.doc, uint8(0), false)
	}
	f.Add(`{"a":[1,{"b":"c"}]}`, uint8(MaxDepth-3), false)
	f.Add(`[]`, uint8(MaxDepth-1), true)
	f.Add(`{}`, uint8(MaxDepth), true)
	f.Fuzz(func(t *testing.T, doc string, pad uint8, objects bool) {
		open, close := "[", "]"
		if objects {
			open, close = `{"":`, "}"
		}
		for _, d := range []string{doc, strings.Repeat(open, int(pad)) + doc + strings.Repeat(close, int(pad))} {
			if got, want := validate(d), slowValid(d); got != want {
				t.Fatalf("validate(%q) = %v, reference %v", d, got, want)
			}
		}
	})
}
