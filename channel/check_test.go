package channel_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entrylink/entrylink/channel"
)

// TestCheckLimits checks every channel's ref limit at N and N+1, with a
// ref in every alphabet.
func TestCheckLimits(t *testing.T) {
	for _, k := range channel.Kinds() {
		n := k.MaxRefLen()
		if n <= 0 {
			t.Fatalf("%v.MaxRefLen() = %d", k, n)
		}
		if err := channel.Check(k, strings.Repeat("a", n)); err != nil {
			t.Errorf("Check(%v, %d×a) = %v, want nil", k, n, err)
		}
		err := channel.Check(k, strings.Repeat("a", n+1))
		var le *channel.LinkError
		if !errors.As(err, &le) || !errors.Is(err, channel.ErrTooLong) {
			t.Fatalf("Check(%v, %d×a) = %v, want ErrTooLong", k, n+1, err)
		}
		want := &channel.LinkError{Op: "Check", Input: strings.Repeat("a", n+1), Kind: k, Offset: -1, Len: n + 1, Limit: n, Err: channel.ErrTooLong}
		if diff := cmp.Diff(*want, *le, cmpopts.IgnoreFields(channel.LinkError{}, "Part"), cmpopts.IgnoreUnexported(channel.LinkError{}), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("Check(%v, %d×a) error mismatch (-want +got):\n%s", k, n+1, diff)
		}
	}
	if got := channel.Telegram.MaxRefLen(); got != channel.MaxTelegramStartLen {
		t.Errorf("Telegram.MaxRefLen() = %d", got)
	}
	for p, want := range map[channel.StartParam]int{channel.Start: 64, channel.StartGroup: 64, channel.StartApp: 512, 3: 0} {
		if got := p.MaxLen(); got != want {
			t.Errorf("%v.MaxLen() = %d, want %d", p, got, want)
		}
		if want == 0 {
			continue
		}
		if err := p.Check(strings.Repeat("a", want)); err != nil {
			t.Errorf("%v.Check(%d×a) = %v", p, want, err)
		}
		if err := p.Check(strings.Repeat("a", want+1)); !errors.Is(err, channel.ErrTooLong) {
			t.Errorf("%v.Check(%d×a) = %v, want ErrTooLong", p, want+1, err)
		}
	}
	if got := channel.Kind(0).MaxRefLen(); got != 0 {
		t.Errorf("Kind(0).MaxRefLen() = %d", got)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		k    channel.Kind
		ref  string
		want *channel.LinkError // nil: valid
	}{
		{"empty is no ref", channel.Telegram, "", nil},
		{"telegram ok", channel.Telegram, "giveaway--456", nil},
		{"telegram json", channel.Telegram, `giveaway{"a":1}`, &channel.LinkError{Kind: channel.Telegram, Part: "start payload", Offset: 8, Rune: '{', Want: "A-Z a-z 0-9 _ -", Err: channel.ErrAlphabet}},
		{"telegram non-ascii", channel.Telegram, "caf\u00e9", &channel.LinkError{Kind: channel.Telegram, Part: "start payload", Offset: 3, Rune: 'é', Want: "A-Z a-z 0-9 _ -", Err: channel.ErrAlphabet}},
		{"telegram bracket (A-z trap)", channel.Telegram, "a[b", &channel.LinkError{Kind: channel.Telegram, Part: "start payload", Offset: 1, Rune: '[', Want: "A-Z a-z 0-9 _ -", Err: channel.ErrAlphabet}},
		{"telegram affiliate", channel.Telegram, "_tgr_abc", &channel.LinkError{Kind: channel.Telegram, Part: "start payload", Value: "_tgr_", Offset: 0, Rune: '_', Want: "no _tgr_ prefix, which Telegram clients read as an affiliate link", Err: channel.ErrPrefix}},
		{"telegram tgr later", channel.Telegram, "x_tgr_", nil},
		{"messenger ok", channel.Messenger, "a+b/c=d-e.f:g_h", nil},
		{"messenger space", channel.Messenger, "a b", &channel.LinkError{Kind: channel.Messenger, Part: "ref", Offset: 1, Rune: ' ', Want: "A-Z a-z 0-9 + / = - . : _", Err: channel.ErrAlphabet}},
		{"instagram dot", channel.Instagram, "a.b", &channel.LinkError{Kind: channel.Instagram, Part: "ref", Offset: 1, Rune: '.', Want: "A-Z a-z 0-9 _ = -", Err: channel.ErrAlphabet}},
		{"whatsapp json", channel.WhatsApp, `{"a": "b c"}`, nil},
		{"whatsapp emoji sequence", channel.WhatsApp, "hi 👨\u200d👩\u200d👧", nil},
		{"whatsapp tab", channel.WhatsApp, "a\tb", &channel.LinkError{Kind: channel.WhatsApp, Part: "text", Offset: 1, Rune: '\t', Want: "text without control characters, in UTF-8", Err: channel.ErrAlphabet}},
		{"whatsapp bad utf-8", channel.WhatsApp, "ab\xc3", &channel.LinkError{Kind: channel.WhatsApp, Part: "text", Offset: 2, Rune: '\uFFFD', Want: "text without control characters, in UTF-8", Err: channel.ErrAlphabet}},
		{"sms DEL", channel.SMS, "a\x7f", &channel.LinkError{Kind: channel.SMS, Part: "body", Offset: 1, Rune: 0x7f, Want: "text without control characters, in UTF-8", Err: channel.ErrAlphabet}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := channel.Check(tt.k, tt.ref)
			if got := channel.Valid(tt.k, tt.ref); got != (tt.want == nil) {
				t.Errorf("Valid(%v, %q) = %v, Check says %v", tt.k, tt.ref, got, err)
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Check(%v, %q) = %v, want nil", tt.k, tt.ref, err)
				}
				return
			}
			tt.want.Op, tt.want.Input = "Check", tt.ref
			var got *channel.LinkError
			if !errors.As(err, &got) {
				t.Fatalf("Check(%v, %q) = %v, want a *LinkError", tt.k, tt.ref, err)
			}
			if diff := cmp.Diff(*tt.want, *got, cmpopts.IgnoreUnexported(channel.LinkError{}), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Check(%v, %q) mismatch (-want +got):\n%s", tt.k, tt.ref, diff)
			}
			if !errors.Is(err, tt.want.Err) {
				t.Errorf("Check(%v, %q) = %v, not %v", tt.k, tt.ref, err, tt.want.Err)
			}
		})
	}
	if err := channel.Check(0, "x"); !errors.Is(err, channel.ErrUnknownKind) {
		t.Errorf("Check(0, x) = %v, want ErrUnknownKind", err)
	}
	if channel.Valid(0, "") || channel.InAlphabet(0, "") {
		t.Error("Valid or InAlphabet true for Kind 0")
	}
}

func TestInAlphabet(t *testing.T) {
	tests := []struct {
		k    channel.Kind
		s    string
		want bool
	}{
		{channel.Telegram, "eyJhIjoxfQ", true},
		{channel.Telegram, "eyJhIjoxfQ==", false},
		{channel.Telegram, strings.Repeat("a", 1000), true}, // length is not the alphabet's business
		{channel.Instagram, "eyJhIjoxfQ==", true},
		{channel.Instagram, `{"a":1}`, false},
		{channel.Messenger, "a.b:c/d+e", true},
		{channel.Messenger, `{"a":1}`, false},
		{channel.WebChat, `{"a":1}`, true},
		{channel.Email, "a\nb", false},
	}
	for _, tt := range tests {
		if got := channel.InAlphabet(tt.k, tt.s); got != tt.want {
			t.Errorf("InAlphabet(%v, %q) = %v, want %v", tt.k, tt.s, got, tt.want)
		}
	}
}

// TestCheckAgreesWithBuild checks that Build refuses exactly the refs
// Check refuses, with the same rule.
func TestCheckAgreesWithBuild(t *testing.T) {
	targets := map[channel.Kind]string{
		channel.Messenger: "mypage", channel.Instagram: "user", channel.WhatsApp: "15551234567",
		channel.Telegram: "giveaway_bot", channel.Viber: "mybot", channel.WebChat: "42",
		channel.Line: "@id", channel.SMS: "+15551234567", channel.Email: "a@example.com",
	}
	refs := []string{"", "x", "a b", "a+b", "_tgr_", "{}", "a\nb", "\xff", strings.Repeat("x", 65), strings.Repeat("x", 2084)}
	for _, k := range channel.Kinds() {
		for _, r := range refs {
			cerr := channel.Check(k, r)
			_, berr := channel.Build(k, targets[k], r)
			var c, b *channel.LinkError
			if (cerr == nil) != (berr == nil) || cerr != nil && (!errors.As(cerr, &c) || !errors.As(berr, &b) || c.Err != b.Err || c.Offset != b.Offset) {
				t.Errorf("%v %q: Check = %v, Build = %v", k, r, cerr, berr)
			}
		}
	}
}

func TestParseErrorFields(t *testing.T) {
	tests := []struct {
		in   string
		want channel.LinkError
	}{
		{"https://t.me/giveaway_bot?start=giveaway{x}", channel.LinkError{Kind: channel.Telegram, Part: "start payload", Value: "giveaway{x}", Offset: 40, Rune: '{', Want: "A-Z a-z 0-9 _ -", Err: channel.ErrAlphabet}},
		{"https://wa.me/15551234567?text=/a%20%0Ab", channel.LinkError{Kind: channel.WhatsApp, Part: "text", Value: "a \nb", Offset: 36, Rune: '\n', Want: "text without control characters, in UTF-8", Err: channel.ErrAlphabet}},
		{"https://t.me.evil.com/x_bot", channel.LinkError{Part: "host", Value: "t.me.evil.com", Offset: 8, Err: channel.ErrHost}},
		{"https://t.me@evil.com/x_bot", channel.LinkError{Part: "userinfo", Value: "t.me", Offset: 12, Rune: '@', Err: channel.ErrUserinfo}},
		{"https://t.me:8443/x_bot", channel.LinkError{Part: "port", Value: "8443", Offset: 13, Err: channel.ErrPort}},
		{"https://m.me/mypage?ref=a&ref=b", channel.LinkError{Kind: channel.Messenger, Part: "ref parameter", Offset: 26, Err: channel.ErrRepeated}},
		{"https://t.me/giveaway_bot?start=a&startapp", channel.LinkError{Kind: channel.Telegram, Part: "start parameter", Value: "startapp", Offset: 34, Want: "one of start, startgroup, startapp", Err: channel.ErrRepeated}},
		{"https://t.me/giveaway_bot/shop?x&start=a", channel.LinkError{Kind: channel.Telegram, Part: "start parameter", Offset: 33, Want: "a Mini App link carries startapp only", Err: channel.ErrPath}},
		{"tg://resolve?domain=giveaway_bot&appname", channel.LinkError{Kind: channel.Telegram, Part: "Mini App name", Offset: 40, Want: "3–30 of A-Z a-z 0-9 _", Err: channel.ErrVariant}},
		{"https://wa.me/15551234567?text=/x&phone=15559999999", channel.LinkError{Kind: channel.WhatsApp, Part: "parameter", Value: "phone", Offset: 34, Err: channel.ErrParam}},
	}
	for _, tt := range tests {
		_, err := channel.Parse(tt.in)
		var got *channel.LinkError
		if !errors.As(err, &got) {
			t.Fatalf("Parse(%q) = %v, want a *LinkError", tt.in, err)
		}
		tt.want.Op, tt.want.Input = "Parse", tt.in
		if diff := cmp.Diff(tt.want, *got, cmpopts.IgnoreUnexported(channel.LinkError{}), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestParseErrorRank checks which error Parse reports for a link that
// breaks several rules: the first byte no link has, anywhere, then the
// URL's structure, then a ';' in the query, then the channel's rules. Parse
// reads the query's bytes after the rest (see parsing.parse in parse.go),
// so each case puts the higher-ranked fault in the query.
func TestParseErrorRank(t *testing.T) {
	tests := []struct {
		in   string
		err  error
		off  int
		rune rune
	}{
		{"https://t.me/x_bot?start=a b", channel.ErrControl, 26, ' '},
		{"https://t.me.evil.com/?a=\x01", channel.ErrControl, 25, 1},
		{"https://t.me:99/x_bot?a#b", channel.ErrSyntax, 23, '#'},
		{"https://t.me:9x/x_bot?a;b", channel.ErrPort, 14, 'x'},
		{"https://t.me:99/x_bot?a;b", channel.ErrSyntax, 23, ';'},
		{"ab/c?x:y\\", channel.ErrBackslash, 8, '\\'},
		{"ab/c?x:y;", channel.ErrScheme, 2, '/'},
		{"https://evil.com/?a;b", channel.ErrSyntax, 19, ';'},
		{"https://m.me/mypage?ref=a&ref=b&c;", channel.ErrSyntax, 33, ';'},
		{"https://m.me/mypage?ref=a&ref=b&c\x7f;", channel.ErrControl, 33, 0x7f},
		{"https://m.me/mypage?ref=a%zz&c;", channel.ErrSyntax, 30, ';'},
		{"https://m.me/mypage?ref=a%zz&c", channel.ErrSyntax, 25, '%'},
		{"https://line.me/R/ti/p/%40id?x;y", channel.ErrSyntax, 30, ';'},
		{"https://line.me/R/oaMessage/%40id/?a%zz;", channel.ErrSyntax, 39, ';'},
		{"sms:12;3&body=x", channel.ErrTarget, 6, ';'},
		{"mailto:a@example.com?cc=x&body=\\", channel.ErrBackslash, 31, '\\'},
	}
	for _, tt := range tests {
		_, err := channel.Parse(tt.in)
		var le *channel.LinkError
		if !errors.As(err, &le) || !errors.Is(err, tt.err) || le.Offset != tt.off || le.Rune != tt.rune {
			t.Errorf("Parse(%q) = %v, want %v at byte %d (%q)", tt.in, err, tt.err, tt.off, tt.rune)
		}
	}
}

func TestParserWithWebChatHosts(t *testing.T) {
	const link = "https://chatrace.com/bots/webchat/?p=42&ref=x"
	var zero channel.Parser
	p := zero.WithWebChatHosts("ChatRace.com", "app.chatgptbuilder.io")
	if _, err := zero.Parse(link); !errors.Is(err, channel.ErrHost) {
		t.Errorf("zero Parser: Parse(%q) = %v, want ErrHost", link, err)
	}
	got, err := p.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	want := channel.Link{Kind: channel.WebChat, Target: "42", Ref: "x", Base: "https://chatrace.com/bots/webchat/"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse(%q) mismatch (-want +got):\n%s", link, diff)
	}
	if _, err := p.Parse("https://www.chatrace.com/?p=42"); !errors.Is(err, channel.ErrHost) {
		t.Errorf("subdomain of a registered host: %v, want ErrHost", err)
	}
	// p is immutable: adding to it leaves it, and its other copies, alone.
	q := p.WithWebChatHosts("chatbotx.io")
	if _, err := p.Parse("https://chatbotx.io/bots/webchat/?p=1"); !errors.Is(err, channel.ErrHost) {
		t.Errorf("p changed by p.WithWebChatHosts: %v", err)
	}
	if _, err := q.Parse("https://chatbotx.io/bots/webchat/?p=1"); err != nil {
		t.Errorf("q: %v", err)
	}
	r := p.WithWebChatHosts("other.example")
	if _, err := r.Parse("https://chatbotx.io/bots/webchat/?p=1"); !errors.Is(err, channel.ErrHost) {
		t.Errorf("r shares q's hosts: %v", err)
	}
	for _, bad := range []string{"t.me", "M.ME", "10.0.0.1", "xn--e1a.me", "chat.example.com:8443", "", "a..b", "\u0442.me"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("WithWebChatHosts(%q) did not panic", bad)
				}
			}()
			zero.WithWebChatHosts(bad)
		}()
	}
}

func TestStartParamString(t *testing.T) {
	for p, want := range map[channel.StartParam]string{channel.Start: "start", channel.StartGroup: "startgroup", channel.StartApp: "startapp", 7: "StartParam(7)"} {
		if got := p.String(); got != want {
			t.Errorf("StartParam(%d).String() = %q, want %q", p, got, want)
		}
	}
}

func TestMustParse(t *testing.T) {
	want := channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "x"}
	if diff := cmp.Diff(want, channel.MustParse("https://t.me/giveaway_bot?start=x")); diff != "" {
		t.Errorf("MustParse mismatch (-want +got):\n%s", diff)
	}
	defer func() {
		if err, ok := recover().(error); !ok || !errors.Is(err, channel.ErrHost) {
			t.Errorf("MustParse(bad) panicked with %v, want an ErrHost error", err)
		}
	}()
	channel.MustParse("https://t.me.evil.com/giveaway_bot")
}
