package jsonpayload_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/jsonpayload"
	"github.com/entrylink/entrylink/refparam"
)

// benchDoc builds, deterministically, an integration response of at least
// size bytes: a user, request metadata, n order items and a summary last.
func benchDoc(size int) (doc []byte, items int) {
	var b strings.Builder
	item := func(i int) string {
		return `{"sku": "SKU-` + strconv.Itoa(100000+i) + `", "name": "Item number ` + strconv.Itoa(i) +
			`", "price": ` + strconv.Itoa(i%97) + `.` + strconv.Itoa(10+i%89) +
			`, "tags": ["a", "b\u00e9", "c"], "stock": {"warehouse": "W` + strconv.Itoa(i%7) + `", "count": ` + strconv.Itoa(i*3) + `}}`
	}
	for n := 1; ; n++ {
		b.Reset()
		b.WriteString(`{"user": {"id": "120226305854810726", "name": "Ana", "vip": true},` +
			` "meta": {"request_id": "req-8f2c", "time": "2024-05-01T10:00:00Z"}, "items": [`)
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(item(i))
		}
		b.WriteString(`], "summary": {"count": ` + strconv.Itoa(n) + `, "total": 1234.56}}`)
		if b.Len() >= size {
			return []byte(b.String()), n
		}
	}
}

// benchRules are five rules in four dialects: near the start, in the
// middle, on the last item and at the very end of the document.
func benchRules(items int) []jsonpayload.Rule {
	mid, last := strconv.Itoa(items/2), strconv.Itoa(items-1)
	return []jsonpayload.Rule{
		{Path: "$.user.id", FieldID: "1", Type: jsonpayload.Number},
		{Path: "/meta/request_id", FieldID: "2"},
		{Path: "$.items[" + mid + "].price", FieldID: "3", Type: jsonpayload.Number},
		{Path: "x.items[" + last + "].name", FieldID: "4"},
		{Path: "summary.total", FieldID: "5", Type: jsonpayload.Number},
	}
}

// naiveExtract is the comparator: encoding/json into map[string]any and a
// manual walk of the same five paths, split by hand.
func naiveExtract(doc []byte, paths [][]string, ids []string) ([]refparam.Field, error) {
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		return nil, err
	}
	fields := make([]refparam.Field, 0, len(paths))
	for i, p := range paths {
		var v any = m
		for _, k := range p {
			switch x := v.(type) {
			case map[string]any:
				v = x[k]
			case []any:
				n, _ := strconv.Atoi(k)
				if n < len(x) {
					v = x[n]
				} else {
					v = nil
				}
			}
		}
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case float64:
			s = strconv.FormatFloat(x, 'f', -1, 64)
		default:
			continue
		}
		fields = append(fields, refparam.Field{ID: ids[i], Value: s})
	}
	return fields, nil
}

func naivePaths(items int) ([][]string, []string) {
	mid, last := strconv.Itoa(items/2), strconv.Itoa(items-1)
	return [][]string{
		{"user", "id"}, {"meta", "request_id"}, {"items", mid, "price"}, {"items", last, "name"}, {"summary", "total"},
	}, []string{"1", "2", "3", "4", "5"}
}

var benchSizes = []struct {
	name string
	size int
}{{"2KiB", 2 << 10}, {"64KiB", 64 << 10}}

func BenchmarkExtract(b *testing.B) {
	for _, s := range benchSizes {
		doc, items := benchDoc(s.size)
		e := jsonpayload.MustCompile(benchRules(items))
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if f, err := e.Extract(doc); err != nil || len(f) != 5 {
					b.Fatal(f, err)
				}
			}
		})
	}
}

func BenchmarkExtractString(b *testing.B) {
	for _, s := range benchSizes {
		doc, items := benchDoc(s.size)
		str := string(doc)
		e := jsonpayload.MustCompile(benchRules(items))
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if f, err := e.ExtractString(str); err != nil || len(f) != 5 {
					b.Fatal(f, err)
				}
			}
		})
	}
}

func BenchmarkNaiveExtract(b *testing.B) {
	for _, s := range benchSizes {
		doc, items := benchDoc(s.size)
		paths, ids := naivePaths(items)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if f, err := naiveExtract(doc, paths, ids); err != nil || len(f) != 5 {
					b.Fatal(f, err)
				}
			}
		})
	}
}

// BenchmarkValidate measures the document check alone: the one pass that
// Extract runs against the three checks it does the work of, run in turn.
func BenchmarkValidate(b *testing.B) {
	for _, s := range benchSizes {
		doc, _ := benchDoc(s.size)
		str := string(doc)
		for _, v := range []struct {
			name  string
			check func(string) bool
		}{{"OnePass", jsonpayload.Validate}, {"InTurn", jsonpayload.ValidateInTurn}} {
			b.Run(s.name+"/"+v.name, func(b *testing.B) {
				b.SetBytes(int64(len(str)))
				b.ReportAllocs()
				for b.Loop() {
					if !v.check(str) {
						b.Fatal("invalid")
					}
				}
			})
		}
	}
}

// TestBenchAgrees keeps the benchmark honest: both sides find the same
// values (the prices and total are exact in float64 here).
func TestBenchAgrees(t *testing.T) {
	for _, s := range benchSizes {
		doc, items := benchDoc(s.size)
		got, err := jsonpayload.Extract(doc, benchRules(items))
		paths, ids := naivePaths(items)
		want, err2 := naiveExtract(doc, paths, ids)
		if err != nil || err2 != nil || len(got) != 5 {
			t.Fatalf("%s: %v, %v, %v", s.name, got, err, err2)
		}
		for i := range want {
			if i == 2 || i == 4 { // numbers: compare as numbers
				a, _ := strconv.ParseFloat(got[i].Value, 64)
				b, _ := strconv.ParseFloat(want[i].Value, 64)
				if a != b {
					t.Errorf("%s rule %d: %q vs %q", s.name, i, got[i].Value, want[i].Value)
				}
			} else if got[i] != want[i] {
				t.Errorf("%s rule %d: %q vs %q", s.name, i, got[i], want[i])
			}
		}
	}
}

// TestAllocs pins the allocations of a pre-compiled Extract: the result
// slice, plus for []byte the one copy of the document.
func TestAllocs(t *testing.T) {
	doc, items := benchDoc(2 << 10)
	str := string(doc)
	e := jsonpayload.MustCompile(benchRules(items))
	if n := testing.AllocsPerRun(100, func() { _, _ = e.ExtractString(str) }); n > 1 {
		t.Errorf("ExtractString: %v allocations, want at most 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = e.Extract(doc) }); n > 2 {
		t.Errorf("Extract: %v allocations, want at most 2", n)
	}
}
