package channel_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/channel"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name    string
		k       channel.Kind
		target  string
		ref     string
		want    string
		wantErr error
	}{
		{"messenger", channel.Messenger, "mypage", "giveaway--456", "https://m.me/mypage?ref=giveaway--456", nil},
		{"messenger plus escaped", channel.Messenger, "mypage", "a+b/c=d:e", "https://m.me/mypage?ref=a%2Bb/c=d:e", nil},
		{"messenger no ref", channel.Messenger, "mypage", "", "https://m.me/mypage", nil},
		{"instagram", channel.Instagram, "my.user_1", "a=b_c-d", "https://ig.me/m/my.user_1?ref=a=b_c-d", nil},
		{"whatsapp", channel.WhatsApp, "15551234567", "giveaway--456", "https://wa.me/15551234567?text=/giveaway--456", nil},
		{"whatsapp phone normalised", channel.WhatsApp, "+1 (555) 123-45.67", "x", "https://wa.me/15551234567?text=/x", nil},
		{"whatsapp no number", channel.WhatsApp, "", "x", "https://wa.me/?text=/x", nil},
		{"whatsapp structure escaped", channel.WhatsApp, "15551234567", "a&b#c?d%e f+g", "https://wa.me/15551234567?text=/a%26b%23c%3Fd%25e%20f%2Bg", nil},
		{"whatsapp unicode", channel.WhatsApp, "15551234567", "café", "https://wa.me/15551234567?text=/caf%C3%A9", nil},
		{"telegram", channel.Telegram, "giveaway_bot", "giveaway--456", "https://t.me/giveaway_bot?start=giveaway--456", nil},
		{"telegram no ref", channel.Telegram, "giveaway_bot", "", "https://t.me/giveaway_bot", nil},
		{"viber", channel.Viber, "mybot", "a b&c", "viber://pa?chatURI=mybot&context=a%20b%26c", nil},
		{"webchat", channel.WebChat, "1234567", "giveaway--456", "https://app.chitchatbot.com/bots/webchat/?p=1234567&ref=giveaway--456", nil},
		{"webchat injection", channel.WebChat, "1234567", "x&p=evil", "https://app.chitchatbot.com/bots/webchat/?p=1234567&ref=x%26p=evil", nil},
		{"line", channel.Line, "@linedevelopers", "giveaway--456", "https://line.me/R/oaMessage/%40linedevelopers/?/giveaway--456", nil},
		{"line at added", channel.Line, "linedevelopers", "a=b&c", "https://line.me/R/oaMessage/%40linedevelopers/?/a%3Db%26c", nil},
		{"line no text", channel.Line, "@linedevelopers", "", "https://line.me/R/ti/p/%40linedevelopers", nil},
		{"sms", channel.SMS, "+1 555 123 4567", "giveaway--456", "sms:+15551234567?body=%2Fgiveaway--456", nil},
		{"sms unreserved only", channel.SMS, "+15551234567", "a/b:c", "sms:+15551234567?body=%2Fa%2Fb%3Ac", nil},
		{"email", channel.Email, "hello@example.com", "giveaway--456", "mailto:hello@example.com?body=%2Fgiveaway--456", nil},
		{"email plus tag", channel.Email, "hello+bot@example.com", "a+b c", "mailto:hello+bot@example.com?body=%2Fa%2Bb%20c", nil},

		{"kind zero", 0, "mypage", "x", "", channel.ErrUnknownKind},
		{"kind out of range", channel.Kind(99), "mypage", "x", "", channel.ErrUnknownKind},
		{"messenger space", channel.Messenger, "mypage", "two words", "", channel.ErrAlphabet},
		{"messenger 2083", channel.Messenger, "mypage", strings.Repeat("a", channel.MaxRefLen), "https://m.me/mypage?ref=" + strings.Repeat("a", channel.MaxRefLen), nil},
		{"messenger 2084", channel.Messenger, "mypage", strings.Repeat("a", channel.MaxRefLen+1), "", channel.ErrTooLong},
		{"messenger page injection", channel.Messenger, "mypage?ref=x", "y", "", channel.ErrTarget},
		{"messenger page 50", channel.Messenger, strings.Repeat("p", 50), "", "https://m.me/" + strings.Repeat("p", 50), nil},
		{"messenger page 51", channel.Messenger, strings.Repeat("p", 51), "", "", channel.ErrTarget},
		{"messenger page 4", channel.Messenger, "page", "", "", channel.ErrTarget},
		{"instagram ref injection", channel.Instagram, "user", "a&ref=b", "", channel.ErrAlphabet},
		{"instagram user 30", channel.Instagram, strings.Repeat("u", 30), "", "https://ig.me/m/" + strings.Repeat("u", 30), nil},
		{"instagram user 31", channel.Instagram, strings.Repeat("u", 31), "", "", channel.ErrTarget},
		{"whatsapp 15 digits", channel.WhatsApp, "123456789012345", "", "https://wa.me/123456789012345", nil},
		{"whatsapp 16 digits", channel.WhatsApp, "1234567890123456", "", "", channel.ErrTarget},
		{"whatsapp 7 digits", channel.WhatsApp, "1234567", "", "https://wa.me/1234567", nil},
		{"whatsapp 6 digits", channel.WhatsApp, "123456", "", "", channel.ErrTarget},
		{"whatsapp leading zero", channel.WhatsApp, "0044 20 7946 0000", "", "", channel.ErrTarget},
		{"telegram @username", channel.Telegram, "@giveaway_bot", "x", "https://t.me/giveaway_bot?start=x", nil},
		{"telegram @ alone before a digit", channel.Telegram, "@1giveaway_bot", "x", "", channel.ErrTarget},
		{"telegram two @", channel.Telegram, "@@giveaway_bot", "x", "", channel.ErrTarget},
		{"whatsapp trunk prefix", channel.WhatsApp, "+44 (0)20 7946 0958", "", "", channel.ErrTarget},
		{"whatsapp area code in brackets", channel.WhatsApp, "+44 (20) 7946 0958", "", "https://wa.me/442079460958", nil},
		{"whatsapp zero in brackets with more digits", channel.WhatsApp, "+39 (06) 1234 5678", "", "https://wa.me/390612345678", nil},
		{"sms trunk prefix", channel.SMS, "+44 (0)20 7946 0958", "", "", channel.ErrTarget},
		{"whatsapp trunk prefix spaced", channel.WhatsApp, "+44 ( 0 ) 20 7946 0958", "", "", channel.ErrTarget},
		{"whatsapp trunk prefix no space", channel.WhatsApp, "+44(0)2079460958", "", "", channel.ErrTarget},
		{"whatsapp bracket of zeros", channel.WhatsApp, "+44 (00) 20 7946 0958", "", "https://wa.me/44002079460958", nil},
		{"whatsapp letters", channel.WhatsApp, "1555CALLNOW", "", "", channel.ErrTarget},
		{"whatsapp plus inside", channel.WhatsApp, "1555+1234567", "", "", channel.ErrTarget},
		{"whatsapp newline", channel.WhatsApp, "15551234567", "a\nb", "", channel.ErrAlphabet},
		{"whatsapp bad utf-8", channel.WhatsApp, "15551234567", "a\xffb", "", channel.ErrAlphabet},
		{"whatsapp C1 control", channel.WhatsApp, "15551234567", "a\u0085b", "", channel.ErrAlphabet},
		{"telegram 64", channel.Telegram, "giveaway_bot", strings.Repeat("a", 64), "https://t.me/giveaway_bot?start=" + strings.Repeat("a", 64), nil},
		{"telegram 65", channel.Telegram, "giveaway_bot", strings.Repeat("a", 65), "", channel.ErrTooLong},
		{"telegram padding", channel.Telegram, "giveaway_bot", "eyJhIjoxfQ==", "", channel.ErrAlphabet},
		{"telegram affiliate", channel.Telegram, "giveaway_bot", "_tgr_x", "", channel.ErrPrefix},
		{"telegram bot 5", channel.Telegram, "a_bot", "", "https://t.me/a_bot", nil},
		{"telegram bot 4", channel.Telegram, "abot", "", "", channel.ErrTarget},
		{"telegram bot 32", channel.Telegram, "a" + strings.Repeat("_", 28) + "bot", "", "https://t.me/a" + strings.Repeat("_", 28) + "bot", nil},
		{"telegram bot 33", channel.Telegram, "a" + strings.Repeat("_", 29) + "bot", "", "", channel.ErrTarget},
		{"telegram bot suffix any case", channel.Telegram, "GiveawayBOT", "", "https://t.me/GiveawayBOT", nil},
		{"telegram not a bot", channel.Telegram, "durov", "", "", channel.ErrTarget},
		{"viber uri 64", channel.Viber, strings.Repeat("v", 64), "", "viber://pa?chatURI=" + strings.Repeat("v", 64), nil},
		{"viber uri 65", channel.Viber, strings.Repeat("v", 65), "", "", channel.ErrTarget},
		{"viber uri injection", channel.Viber, "bot&context=x", "", "", channel.ErrTarget},
		{"webchat account missing", channel.WebChat, "", "x", "", channel.ErrTarget},
		{"line id 32", channel.Line, "@" + strings.Repeat("l", 32), "", "https://line.me/R/ti/p/%40" + strings.Repeat("l", 32), nil},
		{"line id 33", channel.Line, "@" + strings.Repeat("l", 33), "", "", channel.ErrTarget},
		{"line empty id", channel.Line, "@", "", "", channel.ErrTarget},
		{"sms no number", channel.SMS, "", "x", "", channel.ErrTarget},
		{"email quoted local part", channel.Email, `"a b"@example.com`, "", "", channel.ErrTarget},
		{"email display name", channel.Email, "Hello <hello@example.com>", "", "", channel.ErrTarget},
		{"email query injection", channel.Email, "a@example.com?cc=b@evil.com", "", "", channel.ErrTarget},
		{"email single label domain", channel.Email, "a@localhost", "", "", channel.ErrTarget},
		{"email ip domain", channel.Email, "a@127.0.0.1", "", "", channel.ErrTarget},
		{"email dots", channel.Email, "a..b@example.com", "", "", channel.ErrTarget},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := channel.Build(tt.k, tt.target, tt.ref)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Build(%v, %q, %q) = %q, %v; want error %v", tt.k, tt.target, tt.ref, got, err, tt.wantErr)
				}
				if got != "" {
					t.Errorf("Build(%v, %q, %q) returned %q with its error", tt.k, tt.target, tt.ref, got)
				}
				b, aerr := channel.AppendLink([]byte("x"), tt.k, tt.target, []byte(tt.ref))
				if string(b) != "x" || aerr == nil || aerr.Error() != err.Error() {
					t.Errorf("AppendLink = %q, %v; want %q and Build's error %v", b, aerr, "x", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Build(%v, %q, %q): %v", tt.k, tt.target, tt.ref, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Build(%v, %q, %q) mismatch (-want +got):\n%s", tt.k, tt.target, tt.ref, diff)
			}
			b, err := channel.Link{Kind: tt.k, Target: tt.target, Ref: tt.ref}.AppendTo([]byte("x"))
			if err != nil || string(b) != "x"+got {
				t.Errorf("AppendTo = %q, %v; want %q", b, err, "x"+got)
			}
			b, err = channel.AppendLink([]byte("x"), tt.k, tt.target, []byte(tt.ref))
			if err != nil || string(b) != "x"+got {
				t.Errorf("AppendLink = %q, %v; want %q", b, err, "x"+got)
			}
		})
	}
}

func TestLinkURLVariants(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name    string
		l       channel.Link
		want    string
		wantErr error
	}{
		{"startgroup", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "grp", Param: channel.StartGroup}, "https://t.me/giveaway_bot?startgroup=grp", nil},
		{"startgroup without payload", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartGroup}, "https://t.me/giveaway_bot?startgroup", nil},
		{"startapp", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "x", Param: channel.StartApp}, "https://t.me/giveaway_bot?startapp=x", nil},
		{"startapp without payload", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp}, "https://t.me/giveaway_bot?startapp", nil},
		{"mini app", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "item-42", Param: channel.StartApp, App: "shop"}, "https://t.me/giveaway_bot/shop?startapp=item-42", nil},
		{"mini app without payload", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp, App: "shop"}, "https://t.me/giveaway_bot/shop", nil},
		{"startapp 512", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: long(512), Param: channel.StartApp}, "https://t.me/giveaway_bot?startapp=" + long(512), nil},
		{"startapp 513", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: long(513), Param: channel.StartApp}, "", channel.ErrTooLong},
		{"startgroup 65", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: long(65), Param: channel.StartGroup}, "", channel.ErrTooLong},
		{"startapp affiliate", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "_tgr_x", Param: channel.StartApp}, "", channel.ErrPrefix},
		{"bad param", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: 3}, "", channel.ErrVariant},
		{"param off telegram", channel.Link{Kind: channel.Messenger, Target: "mypage", Param: channel.StartApp}, "", channel.ErrVariant},
		{"app without startapp", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", App: "shop"}, "", channel.ErrVariant},
		{"app name 2", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp, App: "ab"}, "", channel.ErrVariant},
		{"app name 30", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp, App: strings.Repeat("s", 30)}, "https://t.me/giveaway_bot/" + strings.Repeat("s", 30), nil},
		{"app name 31", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp, App: strings.Repeat("s", 31)}, "", channel.ErrVariant},
		{"app name injection", channel.Link{Kind: channel.Telegram, Target: "giveaway_bot", Param: channel.StartApp, App: "shop?x"}, "", channel.ErrVariant},
		{"webchat base", channel.Link{Kind: channel.WebChat, Target: "42", Ref: "x", Base: "https://chatrace.com/bots/webchat/"}, "https://chatrace.com/bots/webchat/?p=42&ref=x", nil},
		{"webchat base no path", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://chat.example.com"}, "https://chat.example.com?p=42", nil},
		{"webchat base http", channel.Link{Kind: channel.WebChat, Target: "42", Base: "http://chatrace.com/"}, "", channel.ErrScheme},
		{"webchat base ip", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://10.0.0.1/"}, "", channel.ErrIPHost},
		{"webchat base port", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://chatrace.com:8443/"}, "", channel.ErrPort},
		{"webchat base userinfo", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://t.me@chatrace.com/"}, "", channel.ErrUserinfo},
		{"webchat base other channel", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://t.me/x/"}, "", channel.ErrHost},
		{"webchat base uppercase", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://ChatRace.com/"}, "", channel.ErrHost},
		{"webchat base query", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://chatrace.com/?p=1"}, "", channel.ErrSyntax},
		{"webchat base fragment", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://chatrace.com/#x"}, "", channel.ErrSyntax},
		{"webchat base path escape", channel.Link{Kind: channel.WebChat, Target: "42", Base: "https://chatrace.com/a%2Fb/"}, "", channel.ErrPath},
		{"base off webchat", channel.Link{Kind: channel.Messenger, Target: "mypage", Base: "https://chatrace.com/"}, "", channel.ErrVariant},
		{"email subject", channel.Link{Kind: channel.Email, Target: "hello@example.com", Ref: "x", Subject: "Hi there & welcome"}, "mailto:hello@example.com?subject=Hi%20there%20%26%20welcome&body=%2Fx", nil},
		{"email subject only", channel.Link{Kind: channel.Email, Target: "hello@example.com", Subject: "Hi"}, "mailto:hello@example.com?subject=Hi", nil},
		{"email subject newline", channel.Link{Kind: channel.Email, Target: "hello@example.com", Subject: "a\r\nBcc: x@evil.com"}, "", channel.ErrAlphabet},
		{"email subject too long", channel.Link{Kind: channel.Email, Target: "hello@example.com", Subject: long(channel.MaxRefLen + 1)}, "", channel.ErrTooLong},
		{"subject off email", channel.Link{Kind: channel.SMS, Target: "+15551234567", Subject: "x"}, "", channel.ErrVariant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.l.URL()
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("%+v.URL() = %q, %v; want error %v", tt.l, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%+v.URL(): %v", tt.l, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("%+v.URL() mismatch (-want +got):\n%s", tt.l, diff)
			}
			p := channel.Parser{}
			if tt.l.Base != "" {
				p = p.WithWebChatHosts(strings.Split(strings.TrimPrefix(tt.l.Base, "https://"), "/")[0])
			}
			back, err := p.Parse(got)
			if err != nil {
				t.Fatalf("Parse(%q): %v", got, err)
			}
			if diff := cmp.Diff(tt.l, back); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", got, diff)
			}
		})
	}
}

// A trunk prefix is refused at its "(", by Build and by Parse.
func TestTrunkPrefixOffset(t *testing.T) {
	_, err := channel.Build(channel.WhatsApp, "+44 (0)20 7946 0958", "x")
	var le *channel.LinkError
	if !errors.As(err, &le) || le.Offset != 4 || le.Part != "phone" || !errors.Is(err, channel.ErrTarget) {
		t.Errorf("Build with +44 (0)20 7946 0958: %#v", err)
	}
	_, err = channel.Parse("https://api.whatsapp.com/send?phone=%2B44%20(0)20%207946%200958&text=/x")
	if !errors.As(err, &le) || !errors.Is(err, channel.ErrTarget) || le.Input[le.Offset] != '(' {
		t.Errorf("Parse of a phone= with a trunk prefix: %#v", err)
	}
}

// Build drops a Telegram bot's "@"; the offsets of a bad username still
// count it, and Parse refuses a link with one.
func TestTelegramAt(t *testing.T) {
	for _, tt := range []struct {
		target string
		off    int
	}{{"@1giveaway_bot", 1}, {"@@giveaway_bot", 1}, {"@giveaway_bot!", 13}, {"@giveaway", -1}} {
		_, err := channel.Build(channel.Telegram, tt.target, "x")
		var le *channel.LinkError
		if !errors.As(err, &le) || le.Offset != tt.off || le.Input != tt.target || !errors.Is(err, channel.ErrTarget) {
			t.Errorf("Build(Telegram, %q): %#v, want ErrTarget at %d", tt.target, err, tt.off)
		}
	}
	_, err := channel.Parse("https://t.me/@giveaway_bot?start=x")
	var le *channel.LinkError
	if !errors.As(err, &le) || le.Offset != 13 || strings.Contains(le.Error(), "@\"") || !errors.Is(err, channel.ErrTarget) {
		t.Errorf("Parse of a t.me path with an @: %v", err)
	}
}

// A WebChat Base equal to the default names the default page: the link is
// the default one, and Parse reads the Base back as "".
func TestWebChatDefaultBase(t *testing.T) {
	l := channel.Link{Kind: channel.WebChat, Target: "42", Ref: "x", Base: channel.DefaultWebChatBase}
	got, err := l.URL()
	l.Base = ""
	want, _ := l.URL()
	if err != nil || got != want {
		t.Fatalf("URL with Base = DefaultWebChatBase: %q, %v; want %q", got, err, want)
	}
	back, err := channel.Parse(got)
	if err != nil || !cmp.Equal(back, l) {
		t.Errorf("Parse(%q) = %+v, %v; want %+v", got, back, err, l)
	}
}

// TestBuildAllocs checks that Build makes one allocation, the result, for
// a normalised target and a ref that needs no escaping, and also when the
// ref must be %-encoded.
func TestBuildAllocs(t *testing.T) {
	for _, l := range allocLinks {
		if n := testing.AllocsPerRun(100, func() {
			if _, err := l.URL(); err != nil {
				t.Fatal(err)
			}
		}); n > 1 {
			t.Errorf("%+v.URL(): %v allocations, want at most 1", l, n)
		}
	}
	buf := make([]byte, 0, 256)
	for _, l := range allocLinks {
		if n := testing.AllocsPerRun(100, func() {
			if _, err := l.AppendTo(buf[:0]); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("%+v.AppendTo(buf): %v allocations, want 0", l, n)
		}
		if l.App != "" || l.Subject != "" {
			continue // variants: not AppendLink's
		}
		ref := []byte(l.Ref)
		if n := testing.AllocsPerRun(100, func() {
			if _, err := channel.AppendLink(buf[:0], l.Kind, l.Target, ref); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("AppendLink(buf, %v, %q, %q): %v allocations, want 0", l.Kind, l.Target, ref, n)
		}
	}
}

// TestBuildKeepsNoRef checks that Build keeps no reference to its ref:
// a short ref converted from bytes then stays on the caller's stack, and
// Build makes one allocation in all, the link. (Were ref kept, by an error
// or otherwise, the conversion would allocate too.)
func TestBuildKeepsNoRef(t *testing.T) {
	for _, l := range allocLinks {
		if l.App != "" || l.Subject != "" {
			continue // variants: not Build's
		}
		ref := []byte(l.Ref)
		if n := testing.AllocsPerRun(100, func() {
			if _, err := channel.Build(l.Kind, l.Target, string(ref)); err != nil {
				t.Fatal(err)
			}
		}); n != 1 {
			t.Errorf("Build(%v, %q, string(%q)): %v allocations, want 1", l.Kind, l.Target, ref, n)
		}
	}
	// The error holds a copy of the ref, equal to it.
	ref := []byte("{bad}")
	err := func() error { _, err := channel.Build(channel.Telegram, "giveaway_bot", string(ref)); return err }()
	var le *channel.LinkError
	if !errors.As(err, &le) || le.Input != "{bad}" {
		t.Errorf("Build with a bad ref: %v, want a LinkError with Input %q", err, "{bad}")
	}
	// AppendLink's error holds a copy too: changing the bytes afterwards does
	// not change it.
	_, err = channel.AppendLink(nil, channel.Telegram, "giveaway_bot", ref)
	copy(ref, "xxxxx")
	if !errors.As(err, &le) || le.Input != "{bad}" {
		t.Errorf("AppendLink with a bad ref: %v, want a LinkError with Input %q", err, "{bad}")
	}
}

// TestAppendLinkOverlap checks the refs that AppendLink allows to share
// memory with dst: in dst itself, and just past its length, in its free
// capacity, with and without bytes to %-encode.
func TestAppendLinkOverlap(t *testing.T) {
	tests := []struct {
		k      channel.Kind
		target string
		ref    string
	}{
		{channel.Telegram, "giveaway_bot", "giveaway--456"},
		{channel.WhatsApp, "15551234567", "a b&c d%e"},
		{channel.Line, "@linedevelopers", "a=b&c"},
		{channel.Email, "hello@example.com", "x"},
	}
	for _, tt := range tests {
		want, err := channel.Build(tt.k, tt.target, tt.ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, room := range []int{0, len(want) / 2, len(want) + 16} {
			// Just past len(dst): a page, then the ref appended to it.
			page := append(make([]byte, 0, len("links:\n")+len(tt.ref)+room), "links:\n"...)
			ref := append(page[len(page):], tt.ref...)
			got, err := channel.AppendLink(page, tt.k, tt.target, ref)
			if err != nil || string(got) != "links:\n"+want {
				t.Errorf("AppendLink(page, %v, %q, ref past the page) = %q, %v; want %q", tt.k, tt.target, got, err, "links:\n"+want)
			}
			// At dst's start, dst itself empty: the root package's way.
			buf := append(make([]byte, 0, len(tt.ref)+room), tt.ref...)
			got, err = channel.AppendLink(buf[:0], tt.k, tt.target, buf)
			if err != nil || string(got) != want {
				t.Errorf("AppendLink(buf[:0], %v, %q, buf) = %q, %v; want %q", tt.k, tt.target, got, err, want)
			}
			// Inside dst.
			page = append(make([]byte, 0, len(tt.ref)+2+room), "["+tt.ref+"]"...)
			got, err = channel.AppendLink(page, tt.k, tt.target, page[1:1+len(tt.ref)])
			if err != nil || string(got) != "["+tt.ref+"]"+want {
				t.Errorf("AppendLink(page, %v, %q, ref inside the page) = %q, %v; want %q", tt.k, tt.target, got, err, "["+tt.ref+"]"+want)
			}
		}
	}
}

var allocLinks = []channel.Link{
	{Kind: channel.Messenger, Target: "mypage", Ref: "giveaway--456"},
	{Kind: channel.Instagram, Target: "my_user", Ref: "giveaway--456"},
	{Kind: channel.WhatsApp, Target: "15551234567", Ref: "giveaway--456"},
	{Kind: channel.WhatsApp, Target: "15551234567", Ref: "hello world & more"},
	{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "giveaway--456"},
	{Kind: channel.Telegram, Target: "giveaway_bot", Ref: "x", Param: channel.StartApp, App: "shop"},
	{Kind: channel.Viber, Target: "mybot", Ref: "giveaway--456"},
	{Kind: channel.WebChat, Target: "1234567", Ref: "giveaway--456"},
	{Kind: channel.Line, Target: "@linedevelopers", Ref: "giveaway--456"},
	{Kind: channel.SMS, Target: "+15551234567", Ref: "giveaway--456"},
	{Kind: channel.Email, Target: "hello@example.com", Ref: "giveaway--456", Subject: "Hi"},
}
