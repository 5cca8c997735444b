package jsonpayload

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/internal/jsonscan"
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
		if got := validate(tt.doc, nil); got != tt.want {
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
			var root rootIndex
			got, want := validate(d, &root), slowValid(d)
			if got != want || validate(d, nil) != want {
				t.Fatalf("validate(%q) = %v, reference %v", d, got, want)
			}
			if got {
				checkRootIndex(t, d, &root)
			}
		}
	})
}

// checkRootIndex checks what validate recorded of the valid doc against
// gjson's own reading of its root members.
func checkRootIndex(t *testing.T, doc string, root *rootIndex) {
	t.Helper()
	r := gjson.Parse(doc)
	if root.object != r.IsObject() {
		t.Fatalf("validate(%q): object = %v", doc, root.object)
	}
	if !root.object {
		return
	}
	n := 0
	r.ForEach(func(k, v gjson.Result) bool {
		if n < maxRootMembers {
			m := root.members[n]
			if key := doc[m.key:jsonscan.StringEnd(doc, m.key+1)]; key != k.Raw || doc[m.value:m.end] != v.Raw {
				t.Fatalf("validate(%q): member %d is %q: %q, gjson reads %q: %q", doc, n, key, doc[m.value:m.end], k.Raw, v.Raw)
			}
		}
		n++
		return true
	})
	if root.n != min(n, maxRootMembers) || root.partial != (n > maxRootMembers) {
		t.Fatalf("validate(%q): %d members recorded, partial %v; gjson reads %d", doc, root.n, root.partial, n)
	}
}

// TestFindEmptyKeys holds the root index to gjson alone over every small
// document and pointer made of the keys "" and "a", duplicates included:
// the keys where gjson's path syntax needs care ("..", split steps).
func TestFindEmptyKeys(t *testing.T) {
	values := []string{`1`, `{}`, `{"":1}`, `{"a":1}`, `{"":{},"":{"":1}}`, `{"":{"":1}}`, `{"a":{"":1},"a":{"":2}}`}
	var members []string
	for _, k := range []string{`""`, `"a"`} {
		for _, v := range values {
			members = append(members, k+":"+v)
		}
	}
	var docs []string
	for _, m1 := range members {
		docs = append(docs, "{"+m1+"}")
		for _, m2 := range members {
			docs = append(docs, "{"+m1+","+m2+"}")
			for _, m3 := range members {
				docs = append(docs, "{"+m1+","+m2+","+m3+"}")
			}
		}
	}
	var ptrs []string
	for n := 1; n <= 4; n++ {
		for bits := range 1 << n {
			var b strings.Builder
			for i := range n {
				b.WriteByte('/')
				if bits>>i&1 == 1 {
					b.WriteByte('a')
				}
			}
			ptrs = append(ptrs, b.String())
		}
	}
	for _, ptr := range ptrs {
		p, e := compilePath(ptr, Pointer)
		if e != nil {
			t.Fatalf("compilePath(%q): %v", ptr, e)
		}
		for _, doc := range docs {
			var root rootIndex
			if !validate(doc, &root) {
				t.Fatalf("validate(%q) = false", doc)
			}
			got, gotOff := find(doc, p, &root)
			want, wantOff := find(doc, p, &rootIndex{})
			if got.Raw != want.Raw || gotOff != wantOff {
				t.Fatalf("find(%q, %q) = %q at %d; gjson alone: %q at %d", doc, ptr, got.Raw, gotOff, want.Raw, wantOff)
			}
		}
	}
}

// FuzzFind checks that a lookup through the root index finds exactly what
// gjson finds on the whole document, duplicate keys included, for a JSON
// Pointer path (which can spell any keys).
func FuzzFind(f *testing.F) {
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"k` + strconv.Itoa(i%40) + `":{"v":` + strconv.Itoa(i) + `}`)
		}
		return b.String() + "}"
	}
	for _, tt := range []struct{ doc, ptr string }{
		{`{"a":1}`, "/a"},
		{`{"a":1,"a":{"b":2}}`, "/a/b"},
		{`{"a":1,"a":{"b":2}}`, "/a"},
		{`{"a":{"c":1},"a":{"b":2},"a":null}`, "/a/b"},
		{`{"a":[0,{"b":[1]}],"a":{"1":{"b":[2]}}}`, "/a/1/b/0"},
		{`{"a\u0062":1,"ab":2}`, "/ab"},
		{`{"a.b":1,"a":{"b":2}}`, "/a.b"},
		{`{"":{"":{"a":1}}}`, "//a"},
		{`{"":{"":{"a":1}}}`, "///a"},
		{`{"":{},"":{"":0}}`, "//"}, // the first "" member, alone, as gjson's first step takes it
		{`{"":{},"":{"":{"a":1}}}`, "//a"},
		{`{"a":{"":{},"":{"":1}}}`, "/a//"}, // one step for gjson, whose tail is split
		{`{"a":{"":{},"":{"":{"b":1}}}}`, "/a///b"},
		{`{"01":1,"1":2}`, "/01"},
		{` {"x" : "y" } `, "/x"},
		{`{"a":"{"b":1}"}`, "/a/b"},
		{`[{"a":1}]`, "/0/a"},
		{many(33), "/k32/v"},
		{many(80), "/k39/v"},
		{many(80), "/k5/v"},
		{many(80), "/k50"},
	} {
		f.Add(tt.doc, tt.ptr)
	}
	f.Fuzz(func(t *testing.T, doc, ptr string) {
		var root rootIndex
		if !validate(doc, &root) {
			return
		}
		p, e := compilePath(ptr, Pointer)
		if e != nil {
			return
		}
		got, gotOff := find(doc, p, &root)
		want, wantOff := find(doc, p, &rootIndex{}) // gjson alone
		if got.Exists() != want.Exists() || got.Type != want.Type || got.Raw != want.Raw || got.Str != want.Str || gotOff != wantOff {
			t.Fatalf("find(%q, %q) = %v %q %q at %d; gjson alone: %v %q %q at %d",
				doc, ptr, got.Type, got.Raw, got.Str, gotOff, want.Type, want.Raw, want.Str, wantOff)
		}
	})
}
