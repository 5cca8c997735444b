package jsonpayload

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkLiteralSteps fails unless every step is a path gjson reads
// literally: nothing gjson's Get treats as special at the start (modifier,
// static value, sub-selector, JSON Lines) and no unescaped pipe, query,
// wildcard or dot-led modifier or sub-selector anywhere.
func checkLiteralSteps(t *testing.T, toks []string, steps []string) {
	t.Helper()
	for _, s := range steps {
		if strings.HasPrefix(s, "..") {
			t.Errorf("tokens %q: step %q starts with ..", toks, s)
		}
		if s != "" && strings.ContainsRune("@![{", rune(s[0])) {
			t.Errorf("tokens %q: step %q starts with %q", toks, s, s[0])
		}
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '\\':
				i++
			case '|', '#', '*', '?', '@', '[', '{', '!', '=':
				t.Errorf("tokens %q: step %q has %q unescaped at %d", toks, s, c, i)
			}
		}
	}
}

func TestGJSONSteps(t *testing.T) {
	tests := []struct {
		toks []string
		want []string
	}{
		{nil, nil},
		{[]string{"a", "b"}, []string{"a.b"}},
		{[]string{"a.b", "*", "@this", "x|y", "#"}, []string{`a\.b.\*.\@this.x\|y.\#`}},
		{[]string{"0", "01", "10"}, []string{`0.\01.10`}},
		{[]string{"", "", "a"}, []string{"", ".a"}},
		{[]string{"", "", ""}, []string{"", "", ""}},
		{[]string{"", "a", "", ""}, []string{".a.."}},
		{[]string{"!true"}, []string{`\!true`}},
	}
	for _, tt := range tests {
		got := gjsonSteps(tt.toks)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("gjsonSteps(%q) mismatch (-want +got):\n%s", tt.toks, diff)
		}
		checkLiteralSteps(t, tt.toks, got)
	}
}

func FuzzGJSONSteps(f *testing.F) {
	f.Add("a", "b.c", "")
	f.Add("", "", "@this")
	f.Add("#(a==1)", "!", "..")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		toks := []string{a, b, c}
		steps := gjsonSteps(toks)
		checkLiteralSteps(t, toks, steps)
		for n := 1; n <= len(toks); n++ {
			if got, want := tailSteps(toks[:n], gjsonSteps(toks[:n])), gjsonSteps(toks[1:n]); !cmp.Equal(got, want) {
				t.Fatalf("tailSteps(%q) = %q, want %q", toks[:n], got, want)
			}
		}
	})
}
