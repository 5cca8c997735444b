package refparam_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/refparam"
)

// f builds a Fields slice from id, value pairs.
func f(kv ...string) []refparam.Field {
	fs := make([]refparam.Field, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		fs = append(fs, refparam.Field{ID: kv[i], Value: kv[i+1]})
	}
	return fs
}

// parseTests covers every example of REFERENCE.md §1 and the copy-paste
// forms. The same table seeds the fuzz targets.
var parseTests = []struct {
	name    string
	in      string
	want    refparam.Ref
	wantErr error
	wantOff int
}{
	// The product documents' forms.
	{name: "name only", in: "giveaway", want: refparam.Ref{Name: "giveaway"}},
	{name: "default payload", in: "giveaway--456", want: refparam.Ref{Name: "giveaway", Payload: "456"}},
	{name: "payload and pairs", in: "tutorial--value1--738--value2--514--value3",
		want: refparam.Ref{Name: "tutorial", Payload: "value1", Fields: f("738", "value2", "514", "value3")}},
	{name: "pairs only (general format)", in: "giveaway--738--value2",
		want: refparam.Ref{Name: "giveaway", Fields: f("738", "value2")}},
	{name: "empty default then pairs", in: "giveaway----738--value2",
		want: refparam.Ref{Name: "giveaway", Fields: f("738", "value2")}},
	{name: "empty field value", in: "giveaway----738--",
		want: refparam.Ref{Name: "giveaway", Fields: f("738", "")}},
	{name: "trailing separator is an empty payload", in: "giveaway--", want: refparam.Ref{Name: "giveaway"}},
	{name: "single hyphens stay", in: "spring-sale--a-b--7--x-y",
		want: refparam.Ref{Name: "spring-sale", Payload: "a-b", Fields: f("7", "x-y")}},
	{name: "spaces and punctuation are content", in: "a b--c d:e",
		want: refparam.Ref{Name: "a b", Payload: "c d:e"}},
	{name: "non-ASCII content", in: "café--ünïcödé", want: refparam.Ref{Name: "café", Payload: "ünïcödé"}},

	// JSON.
	{name: "jsondata suffix raw", in: `giveawayjsondata--{"a":1}`,
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata segment raw", in: `giveaway--jsondata--{"a":1}`,
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata array", in: `giveawayjsondata--[1,2]`,
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`[1,2]`)}},
	{name: "jsondata raw keeps separators inside", in: `ajsondata--{"s":"x--y–z"}`,
		want: refparam.Ref{Name: "a", JSON: []byte(`{"s":"x--y–z"}`)}},
	{name: "jsondata percent-encoded", in: "giveawayjsondata--%7B%22a%22%3A1%7D",
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata percent-encoded plus stays", in: "gjsondata--%7B%22a%22%3A%22x+y%22%7D",
		want: refparam.Ref{Name: "g", JSON: []byte(`{"a":"x+y"}`)}},
	{name: "jsondata partly percent-encoded", in: `gjsondata--{%22a%22:1}`,
		want: refparam.Ref{Name: "g", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata valid JSON with percent kept", in: `gjsondata--{"d":"50%25"}`,
		want: refparam.Ref{Name: "g", JSON: []byte(`{"d":"50%25"}`)}},
	{name: "jsondata base64url", in: "giveawayjsondata--eyJhIjoxfQ",
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata base64url padded", in: "giveawayjsondata--eyJhIjoxfQ==",
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata base64url containing --", in: "giveawayjsondata--eyJrIjoi4K--In0",
		want: refparam.Ref{Name: "giveaway", JSON: []byte("{\"k\":\"\u0bfe\"}")}},
	{name: "jsondata curly quotes repaired", in: `giveawayjsondata—{“a”:“it’s”}`,
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":"it's"}`)}},
	{name: "jsondata valid curly quotes kept", in: `gjsondata--{"q":"“hi”"}`,
		want: refparam.Ref{Name: "g", JSON: []byte(`{"q":"“hi”"}`)}},
	{name: "jsondata em dash as in the product doc", in: `giveawayjsondata—{"a":1}`,
		want: refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}},
	{name: "jsondata base64url, eight characters at a time", in: "ojsondata--eyJza3UiOiJBMSIsInF0eSI6Miwibm90ZSI6ImdpZnQgd3JhcCJ9",
		want: refparam.Ref{Name: "o", JSON: []byte(`{"sku":"A1","qty":2,"note":"gift wrap"}`)}},
	{name: "jsondata base64url, tail of 3", in: "ojsondata--eyJhIjoxMn0",
		want: refparam.Ref{Name: "o", JSON: []byte(`{"a":12}`)}},
	{name: "jsondata base64url, block and tail of 2", in: "ojsondata--eyJhYiI6MTIzfQ",
		want: refparam.Ref{Name: "o", JSON: []byte(`{"ab":123}`)}},
	{name: "jsondata base64url, block and tail of 3", in: "ojsondata--eyJhYmMiOjEyM30",
		want: refparam.Ref{Name: "o", JSON: []byte(`{"abc":123}`)}},
	{name: "jsondata base64url of UTF-8", in: "ojsondata--WyLDqSJd",
		want: refparam.Ref{Name: "o", JSON: []byte(`["é"]`)}},
	{name: "jsondata base64url with '-' and '_'", in: "ojsondata--W3siayI6IngtX3kifSxbMSwyLDNdLHsieiI6bnVsbH1d",
		want: refparam.Ref{Name: "o", JSON: []byte(`[{"k":"x-_y"},[1,2,3],{"z":null}]`)}},
	{name: "jsondata raw 65 levels deep", in: "ojsondata--" + strings.Repeat("[", 65) + strings.Repeat("]", 65),
		want: refparam.Ref{Name: "o", JSON: []byte(strings.Repeat("[", 65) + strings.Repeat("]", 65))}},
	{name: "jsondata raw with spaces", in: `ojsondata--{ "a" : [ 1 , 2 ] } `,
		want: refparam.Ref{Name: "o", JSON: []byte(`{ "a" : [ 1 , 2 ] } `)}},
	{name: "jsondata inside a name is plain", in: "myjsondatax--1",
		want: refparam.Ref{Name: "myjsondatax", Payload: "1"}},

	// Copy-paste separators.
	{name: "en dash", in: "tutorial–456", want: refparam.Ref{Name: "tutorial", Payload: "456"}},
	{name: "em dash", in: "tutorial—456", want: refparam.Ref{Name: "tutorial", Payload: "456"}},
	{name: "horizontal bar", in: "tutorial―456", want: refparam.Ref{Name: "tutorial", Payload: "456"}},
	{name: "en dashes everywhere", in: "tutorial–value1–738–value2–514–value3",
		want: refparam.Ref{Name: "tutorial", Payload: "value1", Fields: f("738", "value2", "514", "value3")}},
	{name: "two en dashes: empty default", in: "giveaway––738–v",
		want: refparam.Ref{Name: "giveaway", Fields: f("738", "v")}},
	{name: "mixed separators", in: "a—b--c‐‐d",
		want: refparam.Ref{Name: "a", Payload: "b", Fields: f("c", "d")}},
	{name: "hyphen pair", in: "a\u2010\u2010b", want: refparam.Ref{Name: "a", Payload: "b"}},
	{name: "minus pair", in: "a\u2212\u2212b", want: refparam.Ref{Name: "a", Payload: "b"}},
	{name: "fullwidth pair", in: "a\uff0d\uff0db", want: refparam.Ref{Name: "a", Payload: "b"}},
	{name: "ascii and typographic pair", in: "a-\ufe63b", want: refparam.Ref{Name: "a", Payload: "b"}},
	{name: "single typographic hyphens read as -", in: "spring\u2011sale--a\u2212b",
		want: refparam.Ref{Name: "spring-sale", Payload: "a-b"}},

	// Errors.
	{name: "empty", in: "", wantErr: refparam.ErrEmptyName, wantOff: 0},
	{name: "no name", in: "--456", wantErr: refparam.ErrEmptyName, wantOff: 0},
	{name: "no name en dash", in: "–456", wantErr: refparam.ErrEmptyName, wantOff: 0},
	{name: "empty field id", in: "a----v", wantErr: refparam.ErrEmptyFieldID, wantOff: 3},
	{name: "empty second field id", in: "a--p--1--x----y", wantErr: refparam.ErrEmptyFieldID, wantOff: 12},
	{name: "three hyphens", in: "a---b", wantErr: refparam.ErrEdgeHyphen, wantOff: 3},
	{name: "name ends with hyphen", in: "a-", wantErr: refparam.ErrEdgeHyphen, wantOff: 1},
	{name: "name starts with hyphen", in: "-a", wantErr: refparam.ErrEdgeHyphen, wantOff: 0},
	{name: "value ends with hyphen", in: "a--b-", wantErr: refparam.ErrEdgeHyphen, wantOff: 4},
	{name: "em dash then hyphen", in: "a—-b", wantErr: refparam.ErrEdgeHyphen, wantOff: 4},
	{name: "typographic hyphen at the edge", in: "a--\u2010b", wantErr: refparam.ErrEdgeHyphen, wantOff: 3},
	{name: "NUL", in: "a--b\x00", wantErr: refparam.ErrControl, wantOff: 4},
	{name: "newline", in: "a\n", wantErr: refparam.ErrControl, wantOff: 1},
	{name: "DEL", in: "a--\x7f", wantErr: refparam.ErrControl, wantOff: 3},
	{name: "C1 control", in: "a--b\u0085", wantErr: refparam.ErrControl, wantOff: 4},
	{name: "control before a structural error", in: "-a--b\x01", wantErr: refparam.ErrControl, wantOff: 5},
	{name: "invalid UTF-8", in: "a--\xff", wantErr: refparam.ErrUTF8, wantOff: 3},
	{name: "truncated UTF-8", in: "a--\xe2\x80", wantErr: refparam.ErrUTF8, wantOff: 3},
	{name: "jsondata suffix alone", in: "giveawayjsondata", wantErr: refparam.ErrJSONMarker, wantOff: 8},
	{name: "jsondata segment alone", in: "giveaway--jsondata", wantErr: refparam.ErrJSONMarker, wantOff: 10},
	{name: "jsondata then nothing", in: "giveawayjsondata--", wantErr: refparam.ErrJSONMarker, wantOff: 8},
	{name: "jsondata without name", in: `jsondata--{}`, wantErr: refparam.ErrEmptyName, wantOff: 0},
	{name: "jsondata name ends with hyphen", in: `a-jsondata--{}`, wantErr: refparam.ErrEdgeHyphen, wantOff: 1},
	{name: "broken raw JSON", in: `gjsondata--{"a":}`, wantErr: refparam.ErrJSON, wantOff: 16},
	{name: "broken JSON after quote repair", in: `xjsondata--{“a”:}`, wantErr: refparam.ErrJSON, wantOff: 20},
	{name: "raw JSON control character", in: "gjsondata--{\"a\":\n1}", wantErr: refparam.ErrControl, wantOff: 16},
	{name: "broken percent-encoding", in: "gjsondata--%7B%2", wantErr: refparam.ErrPercent, wantOff: 14},
	{name: "percent-encoded scalar", in: "gjsondata--%221%22", wantErr: refparam.ErrJSON, wantOff: 11},
	{name: "percent-encoded control", in: "gjsondata--%7B%0A%7D", wantErr: refparam.ErrControl, wantOff: 11},
	{name: "broken base64url", in: "gjsondata--eyJhIjoxfQ!", wantErr: refparam.ErrBase64, wantOff: 21},
	{name: "base64url with a line break", in: "gjsondata--eyJh\nIjoxfQ", wantErr: refparam.ErrControl, wantOff: 15},
	{name: "base64url with '=' inside", in: "gjsondata--eyJh=joxfQ", wantErr: refparam.ErrBase64, wantOff: 15},
	{name: "raw JSON with a tab", in: "gjsondata--{\"a\":\t1}", wantErr: refparam.ErrControl, wantOff: 16},
	{name: "raw JSON with DEL", in: "gjsondata--{\"a\":\"\x7f\"}", wantErr: refparam.ErrControl, wantOff: 17},
	{name: "base64url with bad trailing bits", in: "gjsondata--eyJhIjoxfR", wantErr: refparam.ErrBase64, wantOff: 19},
	{name: "base64url of a string", in: "gjsondata--ImEi", wantErr: refparam.ErrJSON, wantOff: 11},
	{name: "base64url of leading space", in: "gjsondata--IHt9", wantErr: refparam.ErrJSON, wantOff: 11},
	{name: "base64url of invalid UTF-8", in: "gjsondata--WyL_Il0", wantErr: refparam.ErrUTF8, wantOff: 11},
	{name: "JSON name ending in jsondata", in: "xjsondatajsondata--{}", wantErr: refparam.ErrJSONMarker, wantOff: 1},
	{name: "JSON name ending in jsondata, segment form", in: "xjsondata--jsondata--{}", wantErr: refparam.ErrBase64, wantOff: 21},
	{name: "edge hyphen in a field id", in: "a--p---1--x", wantErr: refparam.ErrEdgeHyphen, wantOff: 6},
	{name: "edge hyphen in a field value", in: "a--p--1--x-", wantErr: refparam.ErrEdgeHyphen, wantOff: 10},
	{name: "percent-encoded JSON with curly quotes", in: "gjsondata--%7B%E2%80%9Ca%E2%80%9D:1%7D",
		want: refparam.Ref{Name: "g", JSON: []byte(`{"a":1}`)}},
	{name: "payload jsondata is a marker", in: "g--jsondata--1--2", wantErr: refparam.ErrUTF8, wantOff: 13},
	{name: "base64url of the wrong length", in: "g--jsondata--1", wantErr: refparam.ErrBase64, wantOff: 13},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := refparam.Parse(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.wantErr)
				}
				var se *refparam.SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("Parse(%q) error %T is not a *SyntaxError", tt.in, err)
				}
				if se.Offset != tt.wantOff || se.Input != tt.in {
					t.Errorf("Parse(%q) error at offset %d of %q, want offset %d", tt.in, se.Offset, se.Input, tt.wantOff)
				}
				if diff := cmp.Diff(refparam.Ref{}, got); diff != "" {
					t.Errorf("Parse(%q) returned a partial result with its error (-want +got):\n%s", tt.in, diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseMaxLen(t *testing.T) {
	atLimit := strings.Repeat("a", refparam.MaxLen)
	if _, err := refparam.Parse(atLimit); err != nil {
		t.Errorf("Parse of %d bytes: %v", len(atLimit), err)
	}
	over := atLimit + "a"
	_, err := refparam.Parse(over)
	if !errors.Is(err, refparam.ErrTooLong) {
		t.Errorf("Parse of %d bytes: error %v, want ErrTooLong", len(over), err)
	}
	// Over the limit fails before scanning: a NUL in the text is not reported.
	_, err = refparam.Parse("\x00" + atLimit)
	if !errors.Is(err, refparam.ErrTooLong) {
		t.Errorf("Parse of %d bytes with a NUL: error %v, want ErrTooLong", len(over), err)
	}
}

// Parse accepts only text whose canonical form fits in MaxLen; a pairs-only
// text grows by the empty default slot.
func TestParseMaxLenCanonical(t *testing.T) {
	pairs := func(n int) string { return "a--1--" + strings.Repeat("v", n-len("a--1--")) }
	if _, err := refparam.Parse(pairs(refparam.MaxLen - 2)); err != nil {
		t.Errorf("pairs-only text of MaxLen-2 bytes: %v", err)
	}
	_, err := refparam.Parse(pairs(refparam.MaxLen - 1))
	var se *refparam.SyntaxError
	if !errors.Is(err, refparam.ErrTooLong) || !errors.As(err, &se) || se.Offset != refparam.MaxLen-1 {
		t.Errorf("pairs-only text of MaxLen-1 bytes: %v, want ErrTooLong at the end", err)
	}
	// En dashes shrink to "--": such text fits even when its own length is near the limit.
	s := "a–1–" + strings.Repeat("v", refparam.MaxLen-len("a–1–")-1)
	if r, err := refparam.Parse(s); err != nil || len(r.String()) > refparam.MaxLen {
		t.Errorf("pairs-only text with en dashes: %v", err)
	}
}

// Parse reads short printable ASCII refs on a fast path that knows where
// the first 16 separators are, and keeps the first 16 segments of other
// text from its first pass; around those counts, and with an error in the
// last segments, it must agree with the reference parser exactly.
func TestParseSeparatorCount(t *testing.T) {
	for n := 0; n <= 20; n++ {
		segs := []string{"giveaway"}
		for i := 1; i <= n; i++ {
			segs = append(segs, "v"+strconv.Itoa(i))
		}
		base := strings.Join(segs, "--")
		for _, s := range []string{
			base,
			base + "-",    // a '-' ends the last segment
			base + "--",   // an empty last segment
			base + "---x", // a '-' begins the last segment
			strings.Replace(base, "v"+strconv.Itoa(max(n-1, 1)), "", 1), // an empty id or value near the end
			base + "--jsondata",
		} {
			for _, s := range []string{s, strings.ReplaceAll(s, "--", "–"), strings.ReplaceAll(s, "v", "‑v")} {
				got, err := refparam.Parse(s)
				want, wantOff, wantErr := slowParse(s)
				if wantErr != nil {
					var se *refparam.SyntaxError
					if !errors.Is(err, wantErr) || !errors.As(err, &se) || se.Offset != wantOff {
						t.Errorf("Parse(%q) error = %v, want %v at offset %d", s, err, wantErr, wantOff)
					}
					continue
				}
				if err != nil {
					t.Errorf("Parse(%q) error = %v, want %#v", s, err, want)
					continue
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Parse(%q) (-want +got):\n%s", s, diff)
				}
			}
		}
	}
}

func TestUnmarshalText(t *testing.T) {
	var r refparam.Ref
	if err := r.UnmarshalText([]byte("giveaway--456")); err != nil {
		t.Fatal(err)
	}
	want := refparam.Ref{Name: "giveaway", Payload: "456"}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("UnmarshalText mismatch (-want +got):\n%s", diff)
	}
	err := r.UnmarshalText([]byte("a---b"))
	if !errors.Is(err, refparam.ErrEdgeHyphen) {
		t.Errorf("UnmarshalText(a---b) error = %v, want ErrEdgeHyphen", err)
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("UnmarshalText changed the Ref on error (-want +got):\n%s", diff)
	}
}

func TestMustParse(t *testing.T) {
	if got := refparam.MustParse("a--b"); got.Payload != "b" {
		t.Errorf("MustParse(a--b).Payload = %q", got.Payload)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"\") did not panic")
		}
	}()
	refparam.MustParse("")
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := refparam.Parse("a----v")
	want := `refparam: Parse("a----v"): empty field id at offset 3`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	// Long inputs are elided in the message, not in the error value.
	long := strings.Repeat("x", 200) + "\x00"
	_, err = refparam.Parse(long)
	var se *refparam.SyntaxError
	if !errors.As(err, &se) || se.Input != long || len(err.Error()) > 160 {
		t.Errorf("long input: %v", err)
	}
}

func TestEqualAndLookup(t *testing.T) {
	a := refparam.Ref{Name: "n", Fields: f("1", "x", "1", "y")}
	b := refparam.Ref{Name: "n", Fields: f("1", "x", "1", "y"), JSON: []byte{}}
	if !a.Equal(b) {
		t.Error("Equal: nil and empty JSON differ")
	}
	if a.Equal(refparam.Ref{Name: "n", Fields: f("1", "x")}) {
		t.Error("Equal ignores a field")
	}
	if v, ok := a.Lookup("1"); !ok || v != "x" {
		t.Errorf("Lookup(1) = %q, %v; want the first, x", v, ok)
	}
	if _, ok := a.Lookup("2"); ok {
		t.Error("Lookup(2) found a missing field")
	}
}
