package channel_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/channel"
)

// addLinkSeeds adds every link of testdata/links.json to f's corpus.
func addLinkSeeds(f *testing.F) {
	for _, g := range loadLinkGolden(f) {
		f.Add(g.Link)
		if g.Canonical != "" {
			f.Add(g.Canonical)
		}
	}
}

var allLinkSentinels = func() []error {
	var es []error
	for _, e := range linkSentinels {
		es = append(es, e)
	}
	return es
}()

// FuzzParse checks, for every input: Parse is pure; an error is a
// *LinkError about that input wrapping one of the sentinels; a Link Parse
// returns is the one the slow net/url reference reads, can be written
// back, and the written link parses to the same Link and is a fixed point.
func FuzzParse(f *testing.F) {
	addLinkSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		l, err := channel.Parse(s)
		l2, err2 := channel.Parse(s)
		if diff := cmp.Diff(l, l2); diff != "" || (err == nil) != (err2 == nil) {
			t.Fatalf("Parse(%q) is not pure: %v / %v %s", s, err, err2, diff)
		}
		if err != nil {
			var le *channel.LinkError
			if !errors.As(err, &le) || le.Input != s || le.Op != "Parse" || le.Offset < -1 || le.Offset > len(s) {
				t.Fatalf("Parse(%q) error %#v", s, err)
			}
			known := false
			for _, e := range allLinkSentinels {
				known = known || errors.Is(err, e)
			}
			if !known {
				t.Fatalf("Parse(%q) error %v wraps no sentinel", s, err)
			}
			if diff := cmp.Diff(channel.Link{}, l); diff != "" {
				t.Fatalf("Parse(%q) returned a Link with an error: %s", s, diff)
			}
			return
		}
		slow, err := slowLink(s)
		if err != nil {
			t.Fatalf("Parse(%q) = %+v, but net/url: %v", s, l, err)
		}
		checkAuthority(t, s, l)
		if diff := cmp.Diff(slow, l); diff != "" {
			t.Fatalf("Parse(%q) disagrees with the net/url reference (-slow +Parse):\n%s", s, diff)
		}
		out, err := l.URL()
		if err != nil {
			t.Fatalf("Parse(%q) = %+v, which URL refuses: %v", s, l, err)
		}
		back, err := channel.Parse(out)
		if err != nil {
			t.Fatalf("Parse(%q) = %+v; URL() = %q, which Parse refuses: %v", s, l, out, err)
		}
		if diff := cmp.Diff(l, back); diff != "" {
			t.Fatalf("Parse(%q) then URL() = %q, which parses differently (-first +second):\n%s", s, out, diff)
		}
		if again, _ := back.URL(); again != out {
			t.Fatalf("URL() not a fixed point: %q then %q", out, again)
		}
	})
}

// FuzzBuild checks that every Link that URL accepts parses back to itself,
// with the target normalised, and that AppendTo writes the same link.
func FuzzBuild(f *testing.F) {
	addLinkSeedsB(f)
	f.Fuzz(func(t *testing.T, kind, param uint8, target, ref, app, base, subject string) {
		l := channel.Link{Kind: channel.Kind(kind % 10), Target: target, Ref: ref, Param: channel.StartParam(param % 4), App: app, Base: base, Subject: subject}
		s, err := l.URL()
		if err != nil {
			if b, err2 := l.AppendTo([]byte("x")); err2 == nil || string(b) != "x" {
				t.Fatalf("URL fails (%v) but AppendTo = %q, %v", err, b, err2)
			}
			if l.Param == channel.Start && l.App == "" && l.Base == "" && l.Subject == "" {
				b, err2 := channel.AppendLink([]byte("x"), l.Kind, l.Target, []byte(l.Ref))
				if err2 == nil || string(b) != "x" || err2.Error() != err.Error() {
					t.Fatalf("URL fails (%v) but AppendLink = %q, %v", err, b, err2)
				}
			}
			return
		}
		if b, err := l.AppendTo(nil); err != nil || string(b) != s {
			t.Fatalf("AppendTo = %q, %v; URL = %q", b, err, s)
		}
		if l.Param == channel.Start && l.App == "" && l.Base == "" && l.Subject == "" {
			// The default form: Build and AppendLink write it too.
			if b, err := channel.Build(l.Kind, l.Target, l.Ref); err != nil || b != s {
				t.Fatalf("Build = %q, %v; URL = %q", b, err, s)
			}
			if b, err := channel.AppendLink([]byte("x"), l.Kind, l.Target, []byte(l.Ref)); err != nil || string(b) != "x"+s {
				t.Fatalf("AppendLink = %q, %v; URL = %q", b, err, s)
			}
			// The ref written just past the end of dst, in its free
			// capacity, as AppendLink allows.
			dst := append(make([]byte, 0, 1+len(s)), 'x')
			ref := append(dst[1:1], l.Ref...)
			if b, err := channel.AppendLink(dst, l.Kind, l.Target, ref); err != nil || string(b) != "x"+s {
				t.Fatalf("AppendLink with the ref past len(dst) = %q, %v; URL = %q", b, err, s)
			}
		}
		p := channel.Parser{}
		if l.Base != "" {
			u, err := url.Parse(l.Base)
			if err != nil {
				t.Fatalf("URL accepted base %q, which net/url refuses: %v", l.Base, err)
			}
			p = p.WithWebChatHosts(u.Hostname())
		}
		got, err := p.Parse(s)
		if err != nil {
			t.Fatalf("%+v.URL() = %q, which Parse refuses: %v", l, s, err)
		}
		want := l
		switch l.Kind {
		case channel.WhatsApp:
			want.Target = digits(l.Target, false)
		case channel.SMS:
			want.Target = digits(l.Target, true)
		case channel.Line:
			want.Target = "@" + strings.TrimPrefix(l.Target, "@")
		case channel.Telegram:
			want.Target = strings.TrimPrefix(l.Target, "@")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Parse(%q) of %+v mismatch (-want +got):\n%s", s, l, diff)
		}
		if again, err := got.URL(); err != nil || again != s {
			t.Fatalf("normalised link writes %q, %v; want %q", again, err, s)
		}
	})
}

// addLinkSeedsB adds the valid golden Links, and some hostile parts, to
// FuzzBuild's corpus.
func addLinkSeedsB(f *testing.F) {
	gs := loadLinkGolden(f)
	for _, g := range gs {
		if g.Error != "" {
			continue
		}
		f.Add(uint8(g.Kind), uint8(linkStartParams[g.Param]), g.Target, g.Ref, g.App, g.Base, g.Subject)
	}
	for _, k := range channel.Kinds() {
		f.Add(uint8(k), uint8(0), "mypage", "a&b=c#d?e/f%g h+i\n", "", "", "")
		f.Add(uint8(k), uint8(0), "+1 (555) 123-4567", "giveaway--456", "", "", "")
	}
	f.Add(uint8(channel.WebChat), uint8(0), "42", "x", "", "https://chat.example.com/a/b/", "")
	f.Add(uint8(channel.Email), uint8(0), "a.b+c@example.com", "x y", "", "", "Hi & welcome")
}

// linkHosts are the hosts (lower case) and opaque schemes a link Parse
// accepts may have, per channel; "" stands for a URI with no host.
var linkHosts = map[channel.Kind][]string{
	channel.Messenger: {"m.me"},
	channel.Instagram: {"ig.me"},
	channel.WhatsApp:  {"wa.me", "api.whatsapp.com", "send"},
	channel.Telegram:  {"t.me", "telegram.me", "telegram.dog", "resolve"},
	channel.Viber:     {"pa"},
	channel.WebChat:   {"app.chitchatbot.com"},
	channel.Line:      {"line.me"},
	channel.SMS:       {""},
	channel.Email:     {""},
}

// checkAuthority holds a link Parse accepted to what net/url sees in it:
// no userinfo, no port but the default, a host of the link's channel, and
// a path that dot-segment removal leaves alone, whatever the scanner
// thought.
func checkAuthority(t *testing.T, s string, l channel.Link) {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q) accepted what net/url refuses: %v", s, err)
	}
	if u.User != nil {
		t.Fatalf("Parse(%q) accepted userinfo %q", s, u.User)
	}
	if p := u.Port(); p != "" && !(p == "443" && strings.EqualFold(u.Scheme, "https")) && !(p == "80" && strings.EqualFold(u.Scheme, "http")) {
		t.Fatalf("Parse(%q) accepted port %q", s, p)
	}
	host := strings.ToLower(u.Hostname())
	ok := false
	for _, h := range linkHosts[l.Kind] {
		ok = ok || host == h
	}
	if !ok {
		t.Fatalf("Parse(%q) read host %q as %v", s, host, l.Kind)
	}
	if p := u.EscapedPath(); p != "" {
		for _, seg := range strings.Split(p, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("Parse(%q) accepted the dot segment %q", s, seg)
			}
		}
	}
}
