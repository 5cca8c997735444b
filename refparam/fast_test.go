package refparam

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzFastPaths checks Parse, which takes its fast paths for printable
// ASCII where it can, against the general parser alone (parser.parse,
// reading the text rune by rune): the same Ref, or the same sentinel at
// the same offset.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{
		"giveaway", "giveaway--456", "giveaway--value1--738--value2--514--value3", "g----738--v",
		"a---b", "a--p---1--x", "-a--1", "a--1--", "g--jsondata--1--2", "myjsondatax--1",
		`orderjsondata--{"sku":"A1","qty":2,"note":"gift wrap"}`, `ojsondata--{ "a" : [ 1 , 2 ] } `,
		"orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Miwibm90ZSI6ImdpZnQgd3JhcCJ9", "ojsondata--eyJhIjoxMn0",
		"ojsondata--eyJhYiI6MTIzfQ", "gjsondata--eyJhIjoxfR", "gjsondata--eyJhIjoxfQ==", "gjsondata--eyJh\nIjoxfQ",
		"gjsondata--%7B%22a%22%3A1%7D", `gjsondata--{%22a%22:1}`, "gjsondata--{\"a\":\t1}", `xjsondata--{“a”:1}`,
		"ojsondata--WyLDqSJd", "jsondata--{}", "a-jsondata--{}", "xjsondatajsondata--{}", "xjsondata--jsondata--{}",
		"ojsondata--" + strings.Repeat("[", 65) + strings.Repeat("]", 65), "giveaway–456", "a\x7f--1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > MaxLen {
			return // refused before either parser reads it
		}
		got, err := Parse(s)
		var want Ref
		p := parser{in: s}
		werr := p.parse(&want)
		if werr != nil {
			var se, wse *SyntaxError
			if !errors.As(err, &se) || !errors.As(werr, &wse) || se.Err != wse.Err || se.Offset != wse.Offset {
				t.Fatalf("Parse(%q) = %v, %v; the general parser says %v", s, got, err, werr)
			}
			return
		}
		if err != nil {
			t.Fatalf("Parse(%q) error %v; the general parser reads %#v", s, err, want)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Parse(%q) mismatch with the general parser (-general +Parse):\n%s", s, diff)
		}
	})
}

// TestDecodeBase64URL checks decodeBase64URL against the strict unpadded
// decoder of encoding/base64 at every length up to three blocks of eight
// and past them, with each character in turn replaced by a byte outside
// the alphabet, and with each last character that leaves bits over.
func TestDecodeBase64URL(t *testing.T) {
	const text = "eyJza3UiOiJBMSIsInF0eSI6Miwibm90ZSI6ImdpZnQgd3JhcCJ9-_w"
	check := func(s string) {
		t.Helper()
		want, err := base64.RawURLEncoding.Strict().DecodeString(s)
		wantOK := err == nil && s != "" && !strings.ContainsAny(s, "\r\n")
		got, ok := decodeBase64URL(s)
		if ok != wantOK || ok && !bytes.Equal(got, want) || ok && cap(got) != len(got) {
			t.Errorf("decodeBase64URL(%q) = %q, %v; want %q, %v", s, got, ok, want, wantOK)
		}
	}
	for n := range len(text) + 1 {
		s := text[:n]
		check(s)
		for i := range n {
			for _, c := range []byte{'=', '+', '/', '\n', '\r', 0x80, 0xff} {
				check(s[:i] + string([]byte{c}) + s[i+1:])
			}
		}
		for _, last := range "ABCEIQw" {
			check(s + string(last))
		}
	}
}
