package jsonscan

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// slowValid is the reference Valid must agree with: encoding/json's Valid,
// utf8.ValidString and the obvious depth scan.
func slowValid(doc string, maxDepth int) bool {
	return json.Valid([]byte(doc)) && utf8.ValidString(doc) && slowDepth(doc) <= maxDepth
}

// slowDepth returns how deep the objects and arrays of doc, a valid JSON
// text, nest.
func slowDepth(doc string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
			deepest = max(deepest, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

// nest wraps doc in n containers, the k-th an object when bit k%64 of
// objects is set.
func nest(doc string, n int, objects uint64) string {
	var open, close strings.Builder
	for k := range n {
		if objects>>(k%64)&1 != 0 {
			open.WriteString(`{"k":`)
		} else {
			open.WriteString(`[`)
		}
	}
	for k := n - 1; k >= 0; k-- {
		if objects>>(k%64)&1 != 0 {
			close.WriteString(`}`)
		} else {
			close.WriteString(`]`)
		}
	}
	return open.String() + doc + close.String()
}

var validCases = []struct {
	doc  string
	want bool
}{
	{``, false},
	{` `, false},
	{`1`, true},
	{" \t\r\n1 \t\r\n", true},
	{"\f1", false},
	{"\u00a01", false},
	{`1 2`, false},
	{`[] []`, false},
	{`-0`, true},
	{`01`, false},
	{`1.`, false},
	{`.5`, false},
	{`1.5e+`, false},
	{`1.5E-07`, true},
	{`+1`, false},
	{`true`, true},
	{`truex`, false},
	{`[true,false,null]`, true},
	{`[True]`, false},
	{`""`, true},
	{`"\"`, false},
	{`"\/\b\f\n\r\t\u00e9\uD83D\uDE00"`, true},
	{`"\ud800"`, true},
	{`"\u12G4"`, false},
	{"\"\x01\"", false},
	{"\"\xff\"", false},
	{`"é€😀"`, true},
	{`{"a":1,"b":[1,2,{"c":null}]}`, true},
	{`{"a":1,}`, false},
	{`[1,]`, false},
	{`{"a" 1}`, false},
	{`{1:1}`, false},
	{`{"a":1]`, false},
	{`[1}`, false},
	{`{"a":[}`, false},
	{`[[[]]]`, true},
	{`[[[]]`, false},
	{`{ "a" : { } , "b" : [ ] }`, true},
}

func TestValid(t *testing.T) {
	for _, tt := range validCases {
		if got := Valid(tt.doc, 64); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.doc, got, tt.want)
		}
		if ref := slowValid(tt.doc, 64); ref != tt.want {
			t.Errorf("reference(%q) = %v, want %v", tt.doc, ref, tt.want)
		}
	}
}

// Depth is counted exactly, past the first word of the stack too, and a
// container closes with the bracket of its own kind at every level.
func TestValidDepth(t *testing.T) {
	for _, objects := range []uint64{0, ^uint64(0), 0xAAAAAAAAAAAAAAAA, 1 << 63} {
		for _, n := range []int{1, 63, 64, 65, 127, 128, 129, 200} {
			doc := nest(`1`, n, objects)
			if !Valid(doc, n) {
				t.Errorf("Valid(%.20q…, %d) = false for %d levels", doc, n, n)
			}
			if Valid(doc, n-1) {
				t.Errorf("Valid(%.20q…, %d) = true for %d levels", doc, n-1, n)
			}
			// The same levels closed in the wrong order.
			bad := strings.NewReplacer("}", "]", "]", "}").Replace(doc)
			if Valid(bad, n) {
				t.Errorf("Valid(%.20q…) = true with mismatched brackets", bad)
			}
		}
	}
}

// slowPrintable is the reference ValidPrintable must agree with.
func slowPrintable(doc string) bool {
	for i := 0; i < len(doc); i++ {
		if doc[i] < 0x20 || doc[i] > 0x7e {
			return false
		}
	}
	return slowValid(doc, MaxPrintableDepth)
}

func TestValidPrintable(t *testing.T) {
	for _, tt := range validCases {
		want := slowPrintable(tt.doc)
		if got := ValidPrintable(tt.doc); got != want {
			t.Errorf("ValidPrintable(%q) = %v, want %v", tt.doc, got, want)
		}
		if got := ValidPrintable([]byte(tt.doc)); got != want {
			t.Errorf("ValidPrintable([]byte(%q)) = %v, want %v", tt.doc, got, want)
		}
	}
	tests := []struct {
		doc  string
		want bool
	}{
		{`{"sku":"A1","qty":2,"note":"gift wrap"}`, true},
		{` [ 1 , { "a" : [ ] } , { } , "x\u00e9\n" ] `, true},
		{"[1,\n2]", false},    // white space other than the space
		{"[1,\t2]", false},    // the same
		{`["été"]`, false},    // valid JSON, but not ASCII
		{"[\"\x7f\"]", false}, // DEL
		{`{"a" "b"}`, false},
		{`{"a":1,}`, false},
		{`[1,]`, false},
		{`{"a":1]`, false},
		{`[1}`, false},
		{`"\u12"`, false},
		{`"\x"`, false},
		{`"abc\`, false},
	}
	for _, tt := range tests {
		if got := ValidPrintable(tt.doc); got != tt.want {
			t.Errorf("ValidPrintable(%q) = %v, want %v", tt.doc, got, tt.want)
		}
		if ref := slowPrintable(tt.doc); ref != tt.want {
			t.Errorf("reference(%q) = %v, want %v", tt.doc, ref, tt.want)
		}
	}
	for _, objects := range []uint64{0, ^uint64(0), 0xAAAAAAAAAAAAAAAA, 1 << 63} {
		doc := nest(`1`, MaxPrintableDepth, objects)
		if !ValidPrintable(doc) {
			t.Errorf("ValidPrintable(%.20q…) = false for %d levels", doc, MaxPrintableDepth)
		}
		if doc := nest(`1`, MaxPrintableDepth+1, objects); ValidPrintable(doc) {
			t.Errorf("ValidPrintable(%.20q…) = true for %d levels", doc, MaxPrintableDepth+1)
		}
		if bad := strings.NewReplacer("}", "]", "]", "}").Replace(doc); ValidPrintable(bad) {
			t.Errorf("ValidPrintable(%.20q…) = true with mismatched brackets", bad)
		}
	}
}

// FuzzValidPrintable checks ValidPrintable against the reference, as
// FuzzValid checks Valid.
func FuzzValidPrintable(f *testing.F) {
	for _, tt := range validCases {
		f.Add(tt.doc, uint8(0), uint64(0))
	}
	f.Add(`{"a":[1,{"b":"c\"\u0041"}]}`, uint8(62), uint64(0x0F0F))
	f.Add(` [ ] `, uint8(64), uint64(0xAAAA))
	f.Fuzz(func(t *testing.T, doc string, pad uint8, objects uint64) {
		for _, d := range []string{doc, nest(doc, int(pad%80), objects)} {
			if got, want := ValidPrintable(d), slowPrintable(d); got != want {
				t.Fatalf("ValidPrintable(%q) = %v, reference %v", d, got, want)
			}
			if ValidPrintable([]byte(d)) != ValidPrintable(d) {
				t.Fatalf("ValidPrintable(%q) differs for the bytes and the string", d)
			}
		}
	})
}

func TestEscapeEnd(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{`\"`, 2}, {`\\`, 2}, {`\/`, 2}, {`\b`, 2}, {`\f`, 2}, {`\n`, 2}, {`\r`, 2}, {`\t`, 2},
		{`\u00e9x`, 6}, {`\uD83D`, 6}, {`\u00e`, -1}, {`\u00eg`, -1}, {`\x`, -1}, {`\'`, -1}, {`\`, -1},
	} {
		if got := EscapeEnd(tt.in, 0); got != tt.want {
			t.Errorf("EscapeEnd(%q, 0) = %d, want %d", tt.in, got, tt.want)
		}
		// The table, checked against encoding/json: the escape it takes
		// ends a string; one it refuses cannot.
		doc := tt.in
		if tt.want > 0 {
			doc = tt.in[:tt.want]
		}
		if ok := json.Valid([]byte(`"` + doc + `"`)); ok != (tt.want > 0) {
			t.Errorf("json.Valid(%q) = %v, against the table's %d", `"`+doc+`"`, ok, tt.want)
		}
	}
}

func TestValidAllocs(t *testing.T) {
	doc := nest(`{"sku":"A1","qty":2,"note":"été ✓","ok":true,"v":null}`, 60, 0x5555)
	if got := testing.AllocsPerRun(100, func() { Valid(doc, 100) }); got != 0 {
		t.Errorf("Valid of a document 61 deep allocates %v times, want 0", got)
	}
	b := []byte(doc)
	if got := testing.AllocsPerRun(100, func() { Valid(b, 100) }); got != 0 {
		t.Errorf("Valid of the document's bytes allocates %v times, want 0", got)
	}
}

// FuzzValid checks Valid against the reference, on doc itself and on doc
// nested pad levels deeper, in containers chosen by the bits of objects.
func FuzzValid(f *testing.F) {
	for _, tt := range validCases {
		f.Add(tt.doc, uint8(0), uint64(0), uint8(64))
	}
	f.Add(`{"a":[1,{"b":"c"}]}`, uint8(62), uint64(0x0F0F), uint8(64))
	f.Add(`[]`, uint8(130), uint64(0xAAAA), uint8(131))
	f.Fuzz(func(t *testing.T, doc string, pad uint8, objects uint64, maxDepth uint8) {
		for _, d := range []string{doc, nest(doc, int(pad), objects)} {
			if got, want := Valid(d, int(maxDepth)), slowValid(d, int(maxDepth)); got != want {
				t.Fatalf("Valid(%q, %d) = %v, reference %v", d, maxDepth, got, want)
			}
			if Valid([]byte(d), int(maxDepth)) != Valid(d, int(maxDepth)) {
				t.Fatalf("Valid(%q, %d) differs for the bytes and the string", d, maxDepth)
			}
		}
	})
}

func BenchmarkValid(b *testing.B) {
	doc := `{"sku":"A1","qty":2,"note":"gift wrap","tags":["a","b"],"price":12.50}`
	b.Run("jsonscan", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(doc)))
		for b.Loop() {
			Valid(doc, 64)
		}
	})
	b.Run("printable", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(doc)))
		for b.Loop() {
			ValidPrintable(doc)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(doc)))
		for b.Loop() {
			json.Valid([]byte(doc))
		}
	})
}
