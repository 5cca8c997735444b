package channel_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/entrylink/entrylink/channel"
)

func TestFirstWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"giveaway--456", "giveaway--456"},
		// Around the eight-byte words of the fast path.
		{"giveaway--value1--738--value2 x", "giveaway--value1--738--value2"},
		{"giveaway x", "giveaway"},
		{"giveawa\x7fy z", "giveawa\x7fy"},
		{"giveawa~y\u00a0z", "giveawa~y"},
		{"abcdefg!\u0085abcdefgh", "abcdefg!"}, // U+0085 (NEL) is white space
		{"abcdefgh\rabcdefgh", "abcdefgh"},
		{"giveaway--456 please send it", "giveaway--456"},
		{"  \tgiveaway\n", "giveaway"},
		{"a\u00a0b", "a"},        // no-break space
		{"a\u2028b", "a"},        // line separator
		{"é\u3000b", "é"},        // ideographic space after a non-ASCII letter
		{"a\u200bb", "a\u200bb"}, // zero-width space is not white space
		{"   ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := channel.FirstWord(tt.in); got != tt.want {
			t.Errorf("FirstWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// The definition it must keep to.
		want := strings.TrimLeftFunc(tt.in, unicode.IsSpace)
		if i := strings.IndexFunc(want, unicode.IsSpace); i >= 0 {
			want = want[:i]
		}
		if got := channel.FirstWord(tt.in); got != want {
			t.Errorf("FirstWord(%q) = %q, but the unicode.IsSpace definition gives %q", tt.in, got, want)
		}
	}
}

// FuzzFirstWord checks FirstWord against its definition.
func FuzzFirstWord(f *testing.F) {
	f.Add("giveaway--value1--738--value2 x")
	f.Add("abcdefg!\u0085abcdefgh")
	f.Fuzz(func(t *testing.T, in string) {
		want := strings.TrimLeftFunc(in, unicode.IsSpace)
		if i := strings.IndexFunc(want, unicode.IsSpace); i >= 0 {
			want = want[:i]
		}
		if got := channel.FirstWord(in); got != want {
			t.Fatalf("FirstWord(%q) = %q, want %q", in, got, want)
		}
	})
}

func TestInText(t *testing.T) {
	var got []channel.Kind
	for _, k := range channel.Kinds() {
		if k.InText() {
			got = append(got, k)
		}
	}
	want := []channel.Kind{channel.WhatsApp, channel.Line, channel.SMS, channel.Email}
	if len(got) != len(want) {
		t.Fatalf("InText kinds %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("InText kinds %v, want %v", got, want)
		}
	}
}
