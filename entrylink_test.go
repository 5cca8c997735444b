package entrylink_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

var (
	fieldsRef = refparam.Ref{Name: "giveaway", Payload: "456", Fields: []refparam.Field{{ID: "738", Value: "blue"}, {ID: "514", Value: "XL"}}}
	jsonRef   = refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2}`)}
)

var buildTests = []struct {
	kind   channel.Kind
	target string
	ref    refparam.Ref
	want   string
}{
	{channel.Messenger, "mypage", fieldsRef, "https://m.me/mypage?ref=giveaway--456--738--blue--514--XL"},
	{channel.Messenger, "mypage", jsonRef, "https://m.me/mypage?ref=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0"},
	{channel.Instagram, "mybrand", jsonRef, "https://ig.me/m/mybrand?ref=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0"},
	{channel.WhatsApp, "+1 (555) 010-4477", fieldsRef, "https://wa.me/15550104477?text=/giveaway--456--738--blue--514--XL"},
	{channel.WhatsApp, "15550104477", jsonRef, "https://wa.me/15550104477?text=/orderjsondata--%7B%22sku%22:%22A1%22%2C%22qty%22:2%7D"},
	{channel.Telegram, "my_bot", fieldsRef, "https://t.me/my_bot?start=giveaway--456--738--blue--514--XL"},
	{channel.Telegram, "my_bot", jsonRef, "https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0"},
	{channel.Telegram, "my_bot", refparam.Ref{Name: "giveaway"}, "https://t.me/my_bot?start=giveaway"},
	{channel.Viber, "mybot", jsonRef, "viber://pa?chatURI=mybot&context=orderjsondata--%7B%22sku%22:%22A1%22%2C%22qty%22:2%7D"},
	{channel.WebChat, "12345", fieldsRef, "https://app.chitchatbot.com/bots/webchat/?p=12345&ref=giveaway--456--738--blue--514--XL"},
	{channel.Line, "@mybot", fieldsRef, "https://line.me/R/oaMessage/%40mybot/?/giveaway--456--738--blue--514--XL"},
	{channel.SMS, "+15550104477", fieldsRef, "sms:+15550104477?body=%2Fgiveaway--456--738--blue--514--XL"},
	{channel.Email, "bot@example.com", jsonRef, "mailto:bot@example.com?body=%2Forderjsondata--%7B%22sku%22:%22A1%22,%22qty%22:2%7D"},
}

func TestBuildAndParse(t *testing.T) {
	for _, tt := range buildTests {
		t.Run(tt.kind.String()+"/"+tt.ref.Name, func(t *testing.T) {
			got, err := entrylink.Build(tt.kind, tt.target, tt.ref)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if got != tt.want {
				t.Errorf("Build(%v, %q, %v)\n got %s\nwant %s", tt.kind, tt.target, tt.ref, got, tt.want)
			}
			e, err := entrylink.Parse(got)
			if err != nil {
				t.Fatalf("Parse(%q): %v", got, err)
			}
			if e.Link.Kind != tt.kind {
				t.Errorf("Parse(%q).Link.Kind = %v, want %v", got, e.Link.Kind, tt.kind)
			}
			if diff := cmp.Diff(tt.ref, e.Ref); diff != "" {
				t.Errorf("Parse(%q).Ref mismatch (-want +got):\n%s", got, diff)
			}
		})
	}
}

func TestBuildLinkVariants(t *testing.T) {
	tests := []struct {
		link channel.Link
		ref  refparam.Ref
		want string
	}{
		{channel.Link{Kind: channel.Telegram, Target: "my_bot", Param: channel.StartGroup}, fieldsRef,
			"https://t.me/my_bot?startgroup=giveaway--456--738--blue--514--XL"},
		{channel.Link{Kind: channel.WebChat, Target: "12345", Base: "https://chatrace.com/bots/webchat/"}, refparam.Ref{Name: "giveaway"},
			"https://chatrace.com/bots/webchat/?p=12345&ref=giveaway"},
	}
	for _, tt := range tests {
		got, err := entrylink.BuildLink(tt.link, tt.ref)
		if err != nil || got != tt.want {
			t.Errorf("BuildLink(%+v, %v) = %q, %v; want %q", tt.link, tt.ref, got, err, tt.want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	long := refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2,"note":"please gift wrap it"}`)}
	_, err := entrylink.Build(channel.Telegram, "my_bot", long)
	var fe *entrylink.FitError
	if !errors.As(err, &fe) {
		t.Fatalf("Build of a long JSON ref on Telegram: %v, want a *FitError", err)
	}
	if fe.Len != 81 || fe.Limit != channel.MaxTelegramStartLen || fe.JSON != refparam.JSONBase64URL || fe.Link.Kind != channel.Telegram ||
		len(fe.Link.Ref) != 81 || !strings.HasPrefix(fe.Link.Ref, "orderjsondata--eyJ") {
		t.Errorf("FitError = %+v", fe)
	}
	if !errors.Is(err, channel.ErrTooLong) {
		t.Errorf("FitError does not match channel.ErrTooLong")
	}
	const want = "entrylink: Telegram allows 64 characters; this ref needs 81 after base64url encoding"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}

	// Too long without JSON: no transport to blame.
	_, err = entrylink.Build(channel.Telegram, "my_bot", refparam.Ref{Name: "x", Payload: strings.Repeat("p", 63)})
	if !errors.As(err, &fe) || fe.Len != 66 || fe.JSON != refparam.JSONRaw ||
		err.Error() != "entrylink: Telegram allows 64 characters; this ref needs 66" {
		t.Errorf("long payload: %v", err)
	}

	// Text channels count bytes.
	_, err = entrylink.Build(channel.WhatsApp, "15550104477", refparam.Ref{Name: strings.Repeat("é", 1100)})
	if !errors.As(err, &fe) || fe.Len != 2200 || fe.Limit != channel.MaxRefLen ||
		err.Error() != "entrylink: WhatsApp allows 2083 bytes; this ref needs 2200" {
		t.Errorf("long ref on WhatsApp: %v", err)
	}
	// Longer than refparam writes at all: still a FitError in the channel's
	// terms, which matches both sentinels.
	huge := refparam.Ref{Name: "order", JSON: []byte(`["` + strings.Repeat("a", 7000) + `"]`)}
	_, err = entrylink.Build(channel.Telegram, "my_bot", huge)
	if !errors.As(err, &fe) || fe.Limit != channel.MaxTelegramStartLen || fe.Len <= refparam.MaxLen ||
		!errors.Is(err, refparam.ErrTooLong) || !errors.Is(err, channel.ErrTooLong) {
		t.Errorf("huge JSON on Telegram: %v", err)
	}
	_, err = entrylink.Build(channel.Messenger, "mypage", refparam.Ref{Name: "g", Payload: strings.Repeat("a", 9000)})
	if !errors.As(err, &fe) || !errors.Is(err, channel.ErrTooLong) || errors.Is(err, channel.ErrAlphabet) {
		t.Errorf("9,000-byte payload on Messenger: %v, want a FitError matching channel.ErrTooLong", err)
	}
	// The startapp limit.
	_, err = entrylink.BuildLink(channel.Link{Kind: channel.Telegram, Target: "my_bot", Param: channel.StartApp},
		refparam.Ref{Name: "x", Payload: strings.Repeat("p", 600)})
	if !errors.As(err, &fe) || fe.Limit != channel.MaxTelegramStartAppLen ||
		err.Error() != "entrylink: Telegram startapp allows 512 characters; this ref needs 603" {
		t.Errorf("long startapp ref: %v", err)
	}

	// A ref that cannot be written at all.
	_, err = entrylink.Build(channel.Telegram, "my_bot", refparam.Ref{Name: "a--b"})
	if !errors.Is(err, refparam.ErrSeparator) {
		t.Errorf("Build of a name with a separator: %v, want refparam.ErrSeparator", err)
	}
	// A character Telegram refuses, and no JSON to re-encode.
	_, err = entrylink.Build(channel.Telegram, "my_bot", refparam.Ref{Name: "give away"})
	var le *channel.LinkError
	if !errors.Is(err, channel.ErrAlphabet) || !errors.As(err, &le) {
		t.Errorf("Build of a name with a space on Telegram: %v, want channel.ErrAlphabet", err)
	}
	// A bad target.
	_, err = entrylink.Build(channel.Telegram, "x", refparam.Ref{Name: "a"})
	if !errors.Is(err, channel.ErrTarget) {
		t.Errorf("Build with bot username x: %v, want channel.ErrTarget", err)
	}
	// A subject too long is the subject's error, not a ref that does not fit.
	_, err = entrylink.BuildLink(channel.Link{Kind: channel.Email, Target: "bot@example.com", Subject: strings.Repeat("s", 3000)},
		refparam.Ref{Name: "x"})
	if !errors.As(err, &le) || le.Part != "subject" || !errors.Is(err, channel.ErrTooLong) || errors.As(err, &fe) {
		t.Errorf("BuildLink with a 3,000-byte subject: %v, want the subject's *channel.LinkError", err)
	}
}

// TestBuildAllocs checks that Build makes one allocation, the link, when
// the link fits its stack buffer: the ref's text is never made a string of
// its own.
func TestBuildAllocs(t *testing.T) {
	tests := []struct {
		kind   channel.Kind
		target string
		ref    refparam.Ref
		want   float64
	}{
		{channel.Messenger, "mypage", refparam.Ref{Name: "giveaway", Payload: "456"}, 1},
		{channel.Telegram, "my_bot", refparam.MustParse("giveaway--v1--738--v2"), 1},
		{channel.WhatsApp, "15550104477", refparam.MustParse("giveaway--v1--738--v2"), 1},
		{channel.Telegram, "my_bot", refparam.MustParse("giveaway--value1--738--value2--514--value3"), 1},
		{channel.WhatsApp, "15550104477", refparam.MustParse("giveaway--value1--738--value2--514--value3"), 1},
		{channel.Instagram, "my_user", refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2,"note":"gift"}`)}, 1},
		// Not printable ASCII, in message text: searched for white space
		// rune by rune, still without a string of its own.
		{channel.WhatsApp, "15550104477", refparam.Ref{Name: "giveaway", Payload: "café-crème-brûlée-offre-spéciale"}, 1},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, func() {
			if _, err := entrylink.Build(tt.kind, tt.target, tt.ref); err != nil {
				t.Fatal(err)
			}
		}); got != tt.want {
			t.Errorf("Build(%v, %q, %v): %v allocations, want %v", tt.kind, tt.target, tt.ref, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		link string
		want error
	}{
		{"https://t.me.evil.com/my_bot?start=x", channel.ErrHost},
		{"https://t.me@evil.com/my_bot?start=x", channel.ErrUserinfo},
		{"https://t.me/my_bot?start=a---b", refparam.ErrEdgeHyphen},
		{"https://m.me/mypage?ref=giveawayjsondata", refparam.ErrJSONMarker},
	}
	for _, tt := range tests {
		e, err := entrylink.Parse(tt.link)
		if !errors.Is(err, tt.want) {
			t.Errorf("Parse(%q) error = %v, want %v", tt.link, err, tt.want)
		}
		if diff := cmp.Diff(entrylink.Entry{}, e); diff != "" {
			t.Errorf("Parse(%q) returned a partial Entry with its error:\n%s", tt.link, diff)
		}
	}
	_, err := entrylink.Parse("https://t.me/my_bot?start=a---b")
	var re *entrylink.RefError
	if !errors.As(err, &re) || re.Kind != channel.Telegram || re.Raw != "a---b" {
		t.Errorf("RefError = %+v", re)
	}
}

// In the text channels the bot reads the ref up to the first space, and so
// does Parse; Build refuses a ref that would be cut short.
func TestTextChannels(t *testing.T) {
	e, err := entrylink.Parse("https://wa.me/15550104477?text=/giveaway--456%20please%20send%20it")
	if err != nil {
		t.Fatal(err)
	}
	if e.Link.Ref != "giveaway--456 please send it" || e.Ref.String() != "giveaway--456" {
		t.Errorf("Parse of a prefill with words after the ref: raw %q, ref %v", e.Link.Ref, e.Ref)
	}
	e, err = entrylink.Parse("https://wa.me/15550104477?text=Hello%2C%20I%20want%20order%2012--3")
	if err != nil || e.Ref.String() != "Hello," {
		t.Errorf("Parse of a greeting: ref %v, %v; want the first word", e.Ref, err)
	}
	_, err = entrylink.Build(channel.WhatsApp, "15550104477", refparam.Ref{Name: "give", Payload: "a b"})
	var re *entrylink.RefError
	if !errors.Is(err, entrylink.ErrWhiteSpace) || !errors.As(err, &re) || re.Offset != 7 || re.Kind != channel.WhatsApp || re.Raw != "give--a b" {
		t.Errorf("Build of a ref with a space on WhatsApp: %v", err)
	}
	// After a non-ASCII letter the offset still counts bytes of the text.
	_, err = entrylink.Build(channel.WhatsApp, "15550104477", refparam.Ref{Name: "café", Payload: "a\u00a0b"})
	if !errors.As(err, &re) || re.Offset != 8 || re.Raw != "café--a\u00a0b" {
		t.Errorf("Build of café--a\u00a0b on WhatsApp: %v, want ErrWhiteSpace at 8", err)
	}
	if _, err := entrylink.Build(channel.Viber, "mybot", refparam.Ref{Name: "give", Payload: "a b"}); err != nil {
		t.Errorf("Build of a ref with a space on Viber, which carries it in a parameter: %v", err)
	}

	// White space before the "/" is trimmed, as the webhook trims it; after
	// the "/" it means no ref.
	for link, want := range map[string]string{
		"https://wa.me/15550104477?text=%20/giveaway--456":         "giveaway--456",
		"https://line.me/R/oaMessage/%40mybot/?%E3%80%80/giveaway": "giveaway",
		"sms:+15550104477?body=%0A%2Fgiveaway":                     "",
		"https://wa.me/15550104477?text=/%20giveaway":              "",
	} {
		e, err := entrylink.Parse(link)
		if err != nil && want != "" || err == nil && e.Ref.String() != want {
			t.Errorf("Parse(%q) = ref %q, %v; want %q", link, e.Ref, err, want)
		}
	}

	// A JSON document with white space travels in base64url, which has none.
	spaced := refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","note":"gift wrap"}`)}
	nbsp := refparam.Ref{Name: "order", JSON: []byte("[\"a\u00a0b\"]")}
	for _, k := range []channel.Kind{channel.WhatsApp, channel.Line, channel.SMS, channel.Email} {
		for _, r := range []refparam.Ref{spaced, nbsp} {
			link, err := entrylink.Build(k, buildTarget(k), r)
			if err != nil {
				t.Errorf("Build(%v, %s) with white space in the JSON: %v", k, r, err)
				continue
			}
			e, err := entrylink.Parse(link)
			if err != nil || !e.Ref.Equal(r) || !strings.HasPrefix(e.Link.Ref, "orderjsondata--") || strings.ContainsAny(e.Link.Ref, "{[ ") {
				t.Errorf("Build(%v, %s) = %q, which Parse reads as %q: %v, %v; want the JSON in base64url", k, r, link, e.Link.Ref, e.Ref, err)
			}
		}
	}
	// Without white space it stays raw where the alphabet allows.
	link, err := entrylink.Build(channel.WhatsApp, "15550104477", jsonRef)
	if err != nil || !strings.Contains(link, "%7B") {
		t.Errorf("Build(WhatsApp, %s) = %q, %v; want the JSON raw", jsonRef, link, err)
	}
	// Spaces outside the JSON cannot be helped.
	_, err = entrylink.Build(channel.WhatsApp, "15550104477", refparam.Ref{Name: "my order", JSON: spaced.JSON})
	if !errors.Is(err, entrylink.ErrWhiteSpace) {
		t.Errorf("Build of a name with a space and JSON on WhatsApp: %v, want ErrWhiteSpace", err)
	}
}

// buildTarget returns a valid target for channel k.
func buildTarget(k channel.Kind) string {
	switch k {
	case channel.WhatsApp, channel.SMS:
		return "15550104477"
	case channel.Line:
		return "@mybot"
	case channel.Email:
		return "bot@example.com"
	}
	return "mybot"
}

func TestParseNoRef(t *testing.T) {
	e, err := entrylink.Parse("https://t.me/my_bot")
	if err != nil {
		t.Fatal(err)
	}
	want := entrylink.Entry{Link: channel.Link{Kind: channel.Telegram, Target: "my_bot"}}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Parse of a link without a ref (-want +got):\n%s", diff)
	}
	link, err := entrylink.BuildLink(e.Link, e.Ref)
	if err != nil || link != "https://t.me/my_bot" {
		t.Errorf("BuildLink of a link without a ref = %q, %v", link, err)
	}
}

// TestParseGoldenLinks runs every golden link of package channel through
// Parse: a link channel accepts is accepted here with the same Link, unless
// its ref is not in the ref grammar; a link channel refuses is refused with
// the same error.
func TestParseGoldenLinks(t *testing.T) {
	var golden struct {
		Cases []struct {
			Name, Link, Error string
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "links.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatal(err)
	}
	if len(golden.Cases) < 20 {
		t.Fatalf("only %d golden links", len(golden.Cases))
	}
	for _, c := range golden.Cases {
		l, lerr := channel.Parse(c.Link)
		e, err := entrylink.Parse(c.Link)
		if lerr != nil {
			var le *channel.LinkError
			if !errors.As(lerr, &le) || !errors.Is(err, le.Err) || !errors.As(err, &le) {
				t.Errorf("%s: Parse error %v, channel says %v", c.Name, err, lerr)
			}
			continue
		}
		if raw := strings.Fields(l.Ref); len(raw) > 0 {
			if _, rerr := refparam.Parse(raw[0]); rerr != nil {
				var re *entrylink.RefError
				if !errors.As(err, &re) || !errors.Is(err, rerr.(*refparam.SyntaxError).Err) {
					t.Errorf("%s: Parse error %v, want a RefError for %v", c.Name, err, rerr)
				}
				continue
			}
		}
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", c.Name, c.Link, err)
			continue
		}
		if diff := cmp.Diff(l, e.Link); diff != "" {
			t.Errorf("%s: Link mismatch (-channel +entrylink):\n%s", c.Name, diff)
		}
	}
}

// webhookRefs lists, for each sample body, the refs its referrals carry in
// canonical text ("" for a referral without a ref).
var webhookRefs = map[string][]string{
	"instagram-shortlinks.json":           {"giveaway--456", "story_swipe"},
	"line-text.json":                      {"giveaway--456"},
	"messenger-ads.json":                  {"spring_sale--20"},
	"messenger-changes-envelope.json":     {"webinar--2024-12-01"},
	"messenger-chat-plugin.json":          {"pricing--pro"},
	"messenger-envelope.json":             {"giveaway--456"},
	"messenger-postback-get-started.json": {"tutorial--value1--738--value2--514--value3"},
	"messenger-referral-shortlink.json":   {"giveaway--456", "spring_sale"},
	"sms-twilio-plain.form":               {},
	"sms-twilio.form":                     {"giveaway--456"},
	"telegram-bizchat.json":               {"bizChat5551234567"},
	"telegram-message.json":               {},
	"telegram-start-bare.json":            {""},
	"telegram-start-private.json":         {"giveaway--456"},
	"telegram-startgroup.json":            {"tutorial--value1--738--value2--514--value3"},
	"viber-context.json":                  {"giveaway--456"},
	"viber-no-context.json":               {""},
	"whatsapp-ctwa.json":                  {"spring_sale--20"},
	"whatsapp-text-plain.json":            {},
	"whatsapp-text-prefill.json":          {"giveaway--456"},
}

func TestReferralsSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "webhooks", "*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, path := range files {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			want, ok := webhookRefs[name]
			if !ok {
				t.Fatalf("no expectation for %s: add it to webhookRefs", name)
			}
			k, err := channel.ParseKind(name[:strings.IndexByte(name, '-')])
			if err != nil {
				t.Fatal(err)
			}
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := entrylink.Referrals(k, body)
			if err != nil {
				t.Fatalf("Referrals: %v", err)
			}
			crs, _ := channel.Referrals(k, body)
			got := make([]string, 0, len(rs))
			for i, r := range rs {
				if r.Err != nil {
					t.Errorf("referral %d: %v", i, r.Err)
				}
				if diff := cmp.Diff(crs[i], r.Referral); diff != "" {
					t.Errorf("referral %d differs from channel's (-channel +entrylink):\n%s", i, diff)
				}
				got = append(got, r.Decoded.String())
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decoded refs mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if seen != len(webhookRefs) {
		t.Errorf("%d sample bodies, %d expectations", seen, len(webhookRefs))
	}
}

func TestReferralsBadRefIsPerReferral(t *testing.T) {
	body := []byte(`{"object":"page","entry":[{"id":"1","time":1,"messaging":[
		{"sender":{"id":"10"},"recipient":{"id":"1"},"timestamp":1,"referral":{"ref":"a---b","source":"SHORTLINK","type":"OPEN_THREAD"}},
		{"sender":{"id":"11"},"recipient":{"id":"1"},"timestamp":2,"referral":{"ref":"giveaway--456","source":"SHORTLINK","type":"OPEN_THREAD"}}]}]}`)
	rs, err := entrylink.Referrals(channel.Messenger, body)
	if err != nil || len(rs) != 2 {
		t.Fatalf("Referrals = %d referrals, %v", len(rs), err)
	}
	var re *entrylink.RefError
	if !errors.As(rs[0].Err, &re) || !errors.Is(rs[0].Err, refparam.ErrEdgeHyphen) || re.Raw != "a---b" {
		t.Errorf("first referral Err = %v", rs[0].Err)
	}
	if rs[0].UserID != "10" || rs[0].Ref != "a---b" || !rs[0].Decoded.IsZero() {
		t.Errorf("first referral = %+v", rs[0])
	}
	if rs[1].Err != nil || rs[1].Decoded.String() != "giveaway--456" {
		t.Errorf("second referral = %+v", rs[1])
	}

	_, err = entrylink.Referrals(channel.Messenger, []byte(`{"object":`))
	if !errors.Is(err, channel.ErrBody) {
		t.Errorf("Referrals of broken JSON: %v, want channel.ErrBody", err)
	}
}

// Decode must read a text channel's ref as the webhook reads the text the
// link prefills, "/" and Link.Ref: a ref only right after the "/", up to
// the first white space (unicode.IsSpace). The oracle is the webhook
// parser itself, on a WhatsApp message with that text.
func FuzzFirstWord(f *testing.F) {
	for _, s := range []string{"giveaway--456 please", "a\tb", "x\u00a0y", "\u2028", "ok", "é b", " lead", "\u00a0lead", "", " ", "/x", "giveaway\u2013456 hi"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // a webhook body is JSON, which has no such text
		}
		msg, _ := json.Marshal("/" + text)
		body := `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":` +
			`{"messaging_product":"whatsapp","messages":[{"from":"16505551234","id":"wamid.1","timestamp":"1",` +
			`"type":"text","text":{"body":` + string(msg) + `}}]}}]}]}`
		rs, err := channel.Referrals(channel.WhatsApp, []byte(body))
		if err != nil || len(rs) > 1 {
			t.Skipf("webhook body refused: %d referrals, %v", len(rs), err)
		}
		e, err := entrylink.Decode(channel.Link{Kind: channel.WhatsApp, Ref: text})
		if len(rs) == 0 || rs[0].Ref == "" {
			if err != nil || !e.Ref.IsZero() {
				t.Fatalf("Decode(%q) = %v, %v; the webhook reads no ref", text, e.Ref, err)
			}
			return
		}
		r, rerr := refparam.Parse(rs[0].Ref)
		if (rerr == nil) != (err == nil) || !e.Ref.Equal(r) {
			t.Fatalf("Decode(%q) = %v, %v; the webhook reads %q: %v, %v", text, e.Ref, err, rs[0].Ref, r, rerr)
		}
	})
}
