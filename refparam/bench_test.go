package refparam_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/refparam"
)

// naiveParse is the comparator: the code a typical developer writes for
// this grammar (a strings.Replacer for the dashes, strings.Split, a map),
// with the same validation of the JSON part that Parse does (json.Valid).
// It is not correct (it guesses at "a---b", splits base64url that contains
// "--", and loses field order); it is here only to show what speed the
// straightforward approach gets.
var naiveDashes = strings.NewReplacer("\u2013", "--", "\u2014", "--", "\u2015", "--")

type naiveRef struct {
	name, payload string
	fields        map[string]string
	json          []byte
}

func naiveParse(s string) (naiveRef, error) {
	s = naiveDashes.Replace(s)
	parts := strings.Split(s, "--")
	var r naiveRef
	r.name = parts[0]
	if r.name == "" {
		return r, errors.New("empty name")
	}
	if strings.HasSuffix(r.name, "jsondata") && len(parts) > 1 {
		r.name = strings.TrimSuffix(r.name, "jsondata")
		doc := strings.Join(parts[1:], "--")
		var b []byte
		if doc[0] == '{' || doc[0] == '[' {
			b = []byte(doc)
		} else {
			var err error
			if b, err = base64.RawURLEncoding.DecodeString(doc); err != nil {
				return r, err
			}
		}
		if !json.Valid(b) {
			return r, errors.New("bad json")
		}
		r.json = b
		return r, nil
	}
	rest := parts[1:]
	if len(rest)%2 == 1 {
		r.payload = rest[0]
		rest = rest[1:]
	}
	if len(rest) > 0 {
		r.fields = make(map[string]string)
		for i := 0; i+1 < len(rest); i += 2 {
			if rest[i] == "" {
				return r, errors.New("empty field id")
			}
			r.fields[rest[i]] = rest[i+1]
		}
	}
	return r, nil
}

// pairsText returns a canonical ref of about n bytes made of field pairs.
func pairsText(n int) string {
	var b strings.Builder
	b.WriteString("survey--start")
	for i := 0; b.Len() < n-len("--1000--answer-0000"); i++ {
		b.WriteString("--")
		b.WriteString(strconv.Itoa(1000 + i))
		b.WriteString("--answer-")
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}

var benchInputs = []struct{ name, in string }{
	{"name", "giveaway"},
	{"payload", "giveaway--456"},
	{"pairs", "giveaway--value1--738--value2--514--value3"},
	{"pairs-endash", "giveaway–value1–738–value2–514–value3"},
	{"json-raw", `orderjsondata--{"sku":"A1","qty":2,"note":"gift wrap"}`},
	{"json-base64url", "orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Miwibm90ZSI6ImdpZnQgd3JhcCJ9"},
	{"pairs-1KiB", pairsText(1024)},
	{"pairs-4KiB", pairsText(4096)},
}

func BenchmarkParse(b *testing.B) {
	for _, bb := range benchInputs {
		if _, err := refparam.Parse(bb.in); err != nil {
			b.Fatalf("%s: %v", bb.name, err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bb.in)))
			for b.Loop() {
				refparam.Parse(bb.in)
			}
		})
	}
}

func BenchmarkNaiveParse(b *testing.B) {
	for _, bb := range benchInputs {
		if _, err := naiveParse(bb.in); err != nil {
			b.Fatalf("%s: %v", bb.name, err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bb.in)))
			for b.Loop() {
				naiveParse(bb.in)
			}
		})
	}
}

func BenchmarkAppendText(b *testing.B) {
	for _, bb := range benchInputs {
		r := refparam.MustParse(bb.in)
		buf := make([]byte, 0, refparam.MaxLen)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = r.AppendText(buf[:0])
			}
		})
	}
}

// TestAllocs proves the allocation bounds on canonical input: the name and
// payload are substrings of the input, fields cost one slice, and writing
// into a buffer with room costs nothing.
func TestAllocs(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"giveaway", 0},
		{"giveaway--456", 0},
		{"giveaway--value1--738--value2--514--value3", 1},
		{"giveaway–value1–738–value2–514–value3", 1},
		{pairsText(4096), 1},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, func() { refparam.Parse(tt.in) }); got > tt.want {
			t.Errorf("Parse(%.40q…) allocates %v times, want at most %v", tt.in, got, tt.want)
		}
		r := refparam.MustParse(tt.in)
		buf := make([]byte, 0, refparam.MaxLen)
		if got := testing.AllocsPerRun(100, func() { r.AppendText(buf[:0]) }); got != 0 {
			t.Errorf("AppendText(%.40q…) allocates %v times, want 0", tt.in, got)
		}
	}
}

func TestEncodeAllocs(t *testing.T) {
	r := refparam.MustParse("giveaway--value1--738--value2--514--value3")
	if got := testing.AllocsPerRun(100, func() { refparam.Encoder{}.Encode(r) }); got != 1 {
		t.Errorf("Encode allocates %v times, want 1 (the string)", got)
	}
	if got := testing.AllocsPerRun(100, func() { _ = r.String() }); got != 1 {
		t.Errorf("String allocates %v times, want 1 (the string)", got)
	}
}
