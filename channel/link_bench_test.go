package channel_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/channel"
)

// benchLinks is one typical link per channel, in its canonical form.
var benchLinks = []struct {
	k    channel.Kind
	link string
}{
	{channel.Messenger, "https://m.me/mypage?ref=giveaway--456"},
	{channel.Instagram, "https://ig.me/m/my_user?ref=giveaway--456"},
	{channel.WhatsApp, "https://wa.me/15551234567?text=/giveaway--456"},
	{channel.Telegram, "https://t.me/giveaway_bot?start=giveaway--456"},
	{channel.Viber, "viber://pa?chatURI=mybot&context=giveaway--456"},
	{channel.WebChat, "https://app.chitchatbot.com/bots/webchat/?p=1234567&ref=giveaway--456"},
	{channel.Line, "https://line.me/R/oaMessage/%40linedevelopers/?/giveaway--456"},
	{channel.SMS, "sms:+15551234567?body=%2Fgiveaway--456"},
	{channel.Email, "mailto:hello@example.com?body=%2Fgiveaway--456"},
}

// benchLongLinks are links with a longer ref, as the root package parses
// them: a flow name and three fields.
var benchLongLinks = []struct {
	k    channel.Kind
	link string
}{
	{channel.Telegram, "https://t.me/my_bot?start=giveaway--value1--738--value2--514--value3"},
	{channel.WhatsApp, "https://wa.me/15550104477?text=/giveaway--value1--738--value2--514--value3"},
}

// allBenchLinks returns benchLinks, then benchLongLinks.
func allBenchLinks() []struct {
	k    channel.Kind
	link string
} {
	return append(benchLinks[:len(benchLinks):len(benchLinks)], benchLongLinks...)
}

var (
	sinkLink   channel.Link
	sinkURL    *url.URL
	sinkString string
)

// BenchmarkParse compares, per channel, Parse with url.Parse alone and
// with the usual approach: url.Parse, Query().Get and a switch on the
// host; the "-long" cases carry a longer ref. Run it with
//
//	go test ./channel -run '^$' -bench 'Parse$' -benchtime=300ms
func BenchmarkParse(b *testing.B) {
	for i, c := range allBenchLinks() {
		name := c.k.String()
		if i >= len(benchLinks) {
			name += "-long"
		}
		b.Run(name+"/channel.Parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l, err := channel.Parse(c.link)
				if err != nil {
					b.Fatal(err)
				}
				sinkLink = l
			}
		})
		b.Run(name+"/url.Parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				u, err := url.Parse(c.link)
				if err != nil {
					b.Fatal(err)
				}
				sinkURL = u
			}
		})
		b.Run(name+"/naive", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				k, t, r := naiveParse(c.link)
				if k != c.k || t == "" || r == "" {
					b.Fatalf("naiveParse(%q) = %v %q %q", c.link, k, t, r)
				}
				sinkString = r
			}
		})
	}
}

// naiveParse is the usual approach: net/url, Query().Get and a switch on
// the host. It checks nothing; it is here to be measured.
func naiveParse(s string) (k channel.Kind, target, ref string) {
	u, err := url.Parse(s)
	if err != nil {
		return 0, "", ""
	}
	q := u.Query()
	switch strings.ToLower(u.Hostname()) {
	case "m.me":
		return channel.Messenger, strings.Trim(u.Path, "/"), q.Get("ref")
	case "ig.me":
		return channel.Instagram, strings.TrimPrefix(strings.Trim(u.Path, "/"), "m/"), q.Get("ref")
	case "wa.me":
		return channel.WhatsApp, strings.Trim(u.Path, "/"), strings.TrimPrefix(q.Get("text"), "/")
	case "t.me", "telegram.me", "telegram.dog":
		return channel.Telegram, strings.Trim(u.Path, "/"), q.Get("start")
	case "pa":
		return channel.Viber, q.Get("chatURI"), q.Get("context")
	case "app.chitchatbot.com":
		return channel.WebChat, q.Get("p"), q.Get("ref")
	case "line.me":
		text, _ := url.PathUnescape(u.RawQuery)
		return channel.Line, u.Path[len("/R/oaMessage/") : len(u.Path)-1], strings.TrimPrefix(text, "/")
	}
	switch u.Scheme {
	case "sms":
		return channel.SMS, u.Opaque, strings.TrimPrefix(q.Get("body"), "/")
	case "mailto":
		return channel.Email, u.Opaque, strings.TrimPrefix(q.Get("body"), "/")
	}
	return 0, "", ""
}

// BenchmarkBuild compares, per channel, Build with the usual approach:
// string concatenation around url.QueryEscape. Run it with
//
//	go test ./channel -run '^$' -bench 'Build$' -benchtime=300ms
func BenchmarkBuild(b *testing.B) {
	for _, c := range benchLinks {
		l, err := channel.Parse(c.link)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.k.String()+"/channel.Build", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := channel.Build(l.Kind, l.Target, l.Ref)
				if err != nil {
					b.Fatal(err)
				}
				sinkString = s
			}
		})
		b.Run(c.k.String()+"/naive", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkString = naiveBuild(l.Kind, l.Target, l.Ref)
			}
		})
	}
}

// naiveBuild is the usual approach, checking nothing.
func naiveBuild(k channel.Kind, target, ref string) string {
	switch k {
	case channel.Messenger:
		return "https://m.me/" + target + "?ref=" + url.QueryEscape(ref)
	case channel.Instagram:
		return "https://ig.me/m/" + target + "?ref=" + url.QueryEscape(ref)
	case channel.WhatsApp:
		return "https://wa.me/" + target + "?text=" + url.PathEscape("/"+ref)
	case channel.Telegram:
		return "https://t.me/" + target + "?start=" + url.QueryEscape(ref)
	case channel.Viber:
		return "viber://pa?chatURI=" + url.QueryEscape(target) + "&context=" + url.QueryEscape(ref)
	case channel.WebChat:
		return channel.DefaultWebChatBase + "?p=" + url.QueryEscape(target) + "&ref=" + url.QueryEscape(ref)
	case channel.Line:
		return "https://line.me/R/oaMessage/" + url.PathEscape(target) + "/?" + url.PathEscape("/"+ref)
	case channel.SMS:
		return "sms:" + target + "?body=" + url.PathEscape("/"+ref)
	}
	return "mailto:" + target + "?body=" + url.PathEscape("/"+ref)
}

// TestParseAllocs checks that Parse does not allocate for a canonical link
// whose target and ref need no decoding.
func TestParseAllocs(t *testing.T) {
	for _, c := range allBenchLinks() {
		want := 0.0
		if c.k == channel.Line {
			want = 1 // "@" + the id after %40
		}
		if n := testing.AllocsPerRun(100, func() {
			if _, err := channel.Parse(c.link); err != nil {
				t.Fatal(err)
			}
		}); n > want {
			t.Errorf("Parse(%q): %v allocations, want at most %v", c.link, n, want)
		}
	}
}
