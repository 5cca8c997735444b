package channel_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/channel"
	"github.com/google/go-cmp/cmp"
)

func TestReferralsErrors(t *testing.T) {
	const refEvent = `{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":{"ref":"x"}}]}]}`
	tests := []struct {
		name    string
		kind    channel.Kind
		body    string
		wantErr error
		// wantAt is the offset of the offending part, found in body as the
		// first occurrence of this marker after wantAfter (or -1: none).
		wantAt    string
		wantAfter int
		wantKey   string
	}{
		{"empty", channel.Messenger, "", channel.ErrBody, "", 0, ""},
		{"trailing comma", channel.Messenger, `{"object":"page",}`, channel.ErrBody, "}", 0, ""},
		{"truncated", channel.Telegram, `{"update_id":1,"message":{"text":"/start x"}`, channel.ErrBody, "", 0, ""},
		{"two values", channel.Viber, `{} {}`, channel.ErrBody, "{}", 1, ""},
		{"not UTF-8", channel.Viber, "{\"event\":\"conversation_started\",\"context\":\"a\xffb\"}", channel.ErrBody, "\xff", 0, ""},
		{"duplicate referral", channel.Messenger,
			`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":{"ref":"a"},"referral":{"ref":"b"}}]}]}`,
			channel.ErrBodyAmbiguous, `"referral"`, 70, "referral"},
		{"duplicate ref", channel.Instagram,
			`{"object":"instagram","entry":[{"messaging":[{"referral":{"ref":"a","ref":"b"}}]}]}`,
			channel.ErrBodyAmbiguous, `"ref"`, 65, "ref"},
		{"duplicate escaped key", channel.Telegram,
			`{"update_id":1,"message":{"text":"/start a","t\u0065xt":"/start b"}}`,
			channel.ErrBodyAmbiguous, `"t\u0065xt"`, 0, "text"},
		{"duplicate object", channel.Messenger, `{"object":"page","object":"page","entry":[]}`,
			channel.ErrBodyAmbiguous, `"object"`, 5, "object"},
		{"referral and postback referral", channel.Messenger,
			`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":{"ref":"a"},"postback":{"referral":{"ref":"b"}}}]}]}`,
			channel.ErrBodyAmbiguous, `{"ref":"b"}`, 0, "referral"},
		{"ref is a number", channel.Messenger,
			`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":{"ref":456}}]}]}`,
			channel.ErrBodyField, "456", 0, "ref"},
		{"referral is a string", channel.Messenger,
			`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":"giveaway"}]}]}`,
			channel.ErrBodyField, `"giveaway"`, 0, "referral"},
		{"sender id is an object", channel.Messenger,
			strings.Replace(refEvent, `{"id":"1"}`, `{"id":{"v":1}}`, 1),
			channel.ErrBodyField, `{"v":1}`, 0, "id"},
		{"telegram from id is true", channel.Telegram,
			`{"update_id":1,"message":{"text":"/start x","from":{"id":true}}}`,
			channel.ErrBodyField, "true", 0, "id"},
		{"telegram from is a string", channel.Telegram,
			`{"update_id":1,"message":{"text":"/start x","from":"42"}}`,
			channel.ErrBodyField, `"42"`, 0, "from"},
		{"messenger sender is an array", channel.Messenger,
			strings.Replace(refEvent, `{"id":"1"}`, `["1"]`, 1),
			channel.ErrBodyField, `["1"]`, 0, "sender"},
		{"whatsapp text is a string", channel.WhatsApp,
			`{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"from":"1","text":"/x"}]}}]}]}`,
			channel.ErrBodyField, `"/x"`, 0, "text"},
		{"viber context is a number", channel.Viber,
			`{"event":"conversation_started","context":12,"user":{"id":"a"}}`,
			channel.ErrBodyField, "12", 0, "context"},
		{"line text is an array", channel.Line,
			`{"destination":"U1","events":[{"type":"message","message":{"type":"text","text":["/x"]}}]}`,
			channel.ErrBodyField, `["/x"]`, 0, "text"},
		{"sms repeated Body", channel.SMS, "From=%2B1555&Body=%2Fa&Body=%2Fb", channel.ErrBodyAmbiguous, "Body=%2Fb", 0, "Body"},
		{"sms repeated From, escaped key", channel.SMS, "From=1&Body=%2Fa&Fr%6Fm=2", channel.ErrBodyAmbiguous, "Fr%6Fm", 0, "From"},
		{"sms bad escape", channel.SMS, "From=%2B1555&Body=%2", channel.ErrBody, "%2", 6, ""},
		{"sms bad escape in another field", channel.SMS, "From=1&Body=%2Fa&City=San%zzJose", channel.ErrBody, "%zz", 0, ""},
		{"sms semicolon", channel.SMS, "From=1;Body=%2Fa", channel.ErrBody, ";", 0, ""},
		{"sms body not UTF-8", channel.SMS, "From=1&Body=%2F%FF", channel.ErrBody, "Body", 0, "Body"},
		{"webchat", channel.WebChat, `{}`, channel.ErrReferralUnsupported, "", 0, ""},
		{"email", channel.Email, `{}`, channel.ErrReferralUnsupported, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := channel.Referrals(tt.kind, []byte(tt.body))
			if got != nil {
				t.Errorf("Referrals(%v, %q) = %v, want no referrals with an error", tt.kind, tt.body, got)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Referrals(%v, %q) error = %v, want %v", tt.kind, tt.body, err, tt.wantErr)
			}
			var be *channel.BodyError
			if !errors.As(err, &be) {
				t.Fatalf("Referrals(%v, %q) error %T is not a *BodyError", tt.kind, tt.body, err)
			}
			wantAt := -1
			switch {
			case tt.wantAt != "":
				wantAt = tt.wantAfter + strings.Index(tt.body[tt.wantAfter:], tt.wantAt)
			case errors.Is(err, channel.ErrBody):
				wantAt = max(len(tt.body)-1, 0) // a truncated body: its last byte
			}
			want := channel.BodyError{Kind: tt.kind, Offset: wantAt, Key: tt.wantKey, Err: tt.wantErr}
			if diff := cmp.Diff(want, *be, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("Referrals(%v, %q) error mismatch (-want +got):\n%s", tt.kind, tt.body, diff)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "channel: "+tt.kind.String()+" webhook body: ") {
				t.Errorf("error message %q does not name the package and channel", msg)
			}
		})
	}
}

func TestReferralsUnknownKind(t *testing.T) {
	for _, k := range []channel.Kind{0, channel.Email + 1, 255} {
		_, err := channel.Referrals(k, []byte(`{}`))
		if !errors.Is(err, channel.ErrUnknownKind) {
			t.Errorf("Referrals(%v) error = %v, want ErrUnknownKind", k, err)
		}
	}
}

// padTo returns a Telegram Update that is exactly n bytes long and carries
// the referral "/start x".
func padTo(t *testing.T, n int) []byte {
	t.Helper()
	head := `{"update_id":1,"message":{"text":"/start x","from":{"id":7}},"pad":"`
	tail := `"}`
	if n < len(head)+len(tail) {
		t.Fatalf("padTo(%d): too short", n)
	}
	return []byte(head + strings.Repeat("p", n-len(head)-len(tail)) + tail)
}

func TestReferralsMaxBodySize(t *testing.T) {
	for _, n := range []int{channel.MaxBodySize, channel.MaxBodySize + 1} {
		body := padTo(t, n)
		got, err := channel.Referrals(channel.Telegram, body)
		if n <= channel.MaxBodySize {
			if err != nil || len(got) != 1 || got[0].Ref != "x" {
				t.Errorf("body of %d bytes: got %v, %v; want the referral", n, got, err)
			}
			continue
		}
		var be *channel.BodyError
		if !errors.Is(err, channel.ErrBodyTooLarge) || !errors.As(err, &be) || be.Offset != channel.MaxBodySize {
			t.Errorf("body of %d bytes: error %v, want ErrBodyTooLarge at offset MaxBodySize", n, err)
		}
	}
	// The SMS form is held to the same cap.
	form := "Body=%2Fx&From=1&Pad=" + strings.Repeat("p", channel.MaxBodySize-21)
	if _, err := channel.Referrals(channel.SMS, []byte(form)); err != nil {
		t.Errorf("SMS form of MaxBodySize bytes: %v", err)
	}
	if _, err := channel.Referrals(channel.SMS, []byte(form+"p")); !errors.Is(err, channel.ErrBodyTooLarge) {
		t.Errorf("SMS form of MaxBodySize+1 bytes: error %v, want ErrBodyTooLarge", err)
	}
}

func TestReferralsMaxFormFields(t *testing.T) {
	// Body, From, then filler fields up to n fields in all.
	form := func(n int) []byte {
		return []byte("Body=%2Fx&From=1" + strings.Repeat("&a=b", n-2))
	}
	got, err := channel.Referrals(channel.SMS, form(channel.MaxFormFields))
	if err != nil || len(got) != 1 {
		t.Errorf("MaxFormFields fields: got %v, %v; want the referral", got, err)
	}
	body := form(channel.MaxFormFields + 1)
	_, err = channel.Referrals(channel.SMS, body)
	var be *channel.BodyError
	wantAt := len(body) - len("&a=b") // the MaxFormFields-th '&' starts the last field
	if !errors.Is(err, channel.ErrBodyTooLarge) || !errors.As(err, &be) || be.Offset != wantAt {
		t.Errorf("MaxFormFields+1 fields: error %v, want ErrBodyTooLarge at offset %d", err, wantAt)
	}
}

// nested returns a Telegram Update whose "pad" value nests depth-2 arrays,
// so the body's depth is depth.
func nested(depth int) []byte {
	return []byte(`{"update_id":1,"message":{"text":"/start x"},"pad":` +
		strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
}

func TestReferralsMaxBodyDepth(t *testing.T) {
	got, err := channel.Referrals(channel.Telegram, nested(channel.MaxBodyDepth))
	if err != nil || len(got) != 1 {
		t.Errorf("depth MaxBodyDepth: got %v, %v; want the referral", got, err)
	}
	body := nested(channel.MaxBodyDepth + 1)
	_, err = channel.Referrals(channel.Telegram, body)
	var be *channel.BodyError
	wantAt := strings.Index(string(body), "[") + channel.MaxBodyDepth - 1
	if !errors.Is(err, channel.ErrBodyTooDeep) || !errors.As(err, &be) || be.Offset != wantAt {
		t.Errorf("depth MaxBodyDepth+1: error %v, want ErrBodyTooDeep at offset %d", err, wantAt)
	}
	// Brackets inside strings, escaped quotes included, are not nesting.
	deepText := `{"update_id":1,"message":{"text":"/start x \"` + strings.Repeat("[{", channel.MaxBodyDepth) + `"}}`
	if got, err := channel.Referrals(channel.Telegram, []byte(deepText)); err != nil || len(got) != 1 {
		t.Errorf("brackets in a string: got %v, %v; want the referral", got, err)
	}
	// Depth is refused before syntax: an unclosed deep body is too deep.
	if _, err := channel.Referrals(channel.Viber, []byte(strings.Repeat("[", 1<<20))); !errors.Is(err, channel.ErrBodyTooDeep) {
		t.Errorf("a million '[': error %v, want ErrBodyTooDeep", err)
	}
}

// textBodies returns a body of each text channel whose message text is text.
func textBodies(t *testing.T, text string) map[channel.Kind][]byte {
	t.Helper()
	q, err := json.Marshal(text)
	if err != nil {
		t.Fatal(err)
	}
	return map[channel.Kind][]byte{
		channel.WhatsApp: []byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"from":"16505551234","type":"text","text":{"body":` + string(q) + `}}]}}]}]}`),
		channel.Line:     []byte(`{"destination":"U0","events":[{"type":"message","source":{"userId":"U1"},"message":{"type":"text","text":` + string(q) + `}}]}`),
		channel.SMS:      []byte("From=%2B14155550123&Body=" + formEscape(text)),
	}
}

// formEscape writes s as Twilio does: every byte but unreserved ones
// percent-escaped, spaces as '+'.
func formEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}

// TestTextRef checks the rule for user-editable texts (WhatsApp, LINE, SMS)
// on every text channel, with the default parser and with BareText.
func TestTextRef(t *testing.T) {
	const none = "\x00none"
	tests := []struct {
		text     string
		want     string // none: no referral
		wantBare string
	}{
		{"/giveaway--456", "giveaway--456", "giveaway--456"},
		{"  /giveaway--456 \n", "giveaway--456", "giveaway--456"},
		{"/giveaway--456 please sign me up", "giveaway--456", "giveaway--456"},
		{"/giveaway--456\tplease", "giveaway--456", "giveaway--456"},
		{"\u00a0/giveaway--456\u2003more", "giveaway--456", "giveaway--456"},
		{"/tutorial--value1--738--value2--514--value3", "tutorial--value1--738--value2--514--value3", "tutorial--value1--738--value2--514--value3"},
		{"/", none, none},
		{"/ giveaway", none, none},
		{"", none, none},
		{"   ", none, none},
		{"giveaway--456", none, "giveaway--456"},
		{"  giveaway--456\n", none, "giveaway--456"},
		{"giveaway--456 please", none, none},
		{"hello", none, "hello"},
		{"hello there", none, none},
		{"//x", "/x", "/x"},
		{"x/y", none, "x/y"},
	}
	for _, tt := range tests {
		for k, body := range textBodies(t, tt.text) {
			for _, p := range []struct {
				name   string
				parser channel.ReferralParser
				want   string
			}{{"default", channel.ReferralParser{}, tt.want}, {"BareText", channel.ReferralParser{}.BareText(), tt.wantBare}} {
				got, err := p.parser.Referrals(k, body)
				if err != nil {
					t.Errorf("%s: Referrals(%v, text %q): %v", p.name, k, tt.text, err)
					continue
				}
				switch {
				case p.want == none && len(got) != 0:
					t.Errorf("%s: Referrals(%v, text %q) = %+v, want none", p.name, k, tt.text, got)
				case p.want != none && (len(got) != 1 || got[0].Ref != p.want || got[0].Origin != channel.FromText):
					t.Errorf("%s: Referrals(%v, text %q) = %+v, want one FromText referral with Ref %q", p.name, k, tt.text, got, p.want)
				}
			}
		}
	}
}

func TestBareTextIsACopy(t *testing.T) {
	def := channel.ReferralParser{}
	_ = def.BareText()
	body := textBodies(t, "giveaway--456")[channel.WhatsApp]
	if got, _ := def.Referrals(channel.WhatsApp, body); len(got) != 0 {
		t.Errorf("BareText changed the parser it was called on: %+v", got)
	}
}

// TestTelegramStart checks which message texts are /start commands, and
// which payloads a link can deliver (FromLink) or only a hand-typed command
// carries (FromText).
func TestTelegramStart(t *testing.T) {
	const none = "\x00none"
	long := strings.Repeat("a", channel.MaxTelegramStartLen)
	tests := []struct {
		text       string
		group      bool
		want       string // Ref, or none
		wantBot    string
		wantOrigin channel.Origin
	}{
		{"/start", false, "", "", channel.FromLink},
		{"/start giveaway--456", false, "giveaway--456", "", channel.FromLink},
		{"/start  giveaway--456  ", false, "giveaway--456", "", channel.FromLink},
		{"/start\tgiveaway--456", false, "giveaway--456", "", channel.FromLink},
		{"/start ", false, "", "", channel.FromLink},
		{"/start a b", false, "a b", "", channel.FromText},
		{"/start abc def", false, "abc def", "", channel.FromText},
		{"/start x\x00y", false, "x\x00y", "", channel.FromText},
		{"/start a.b", false, "a.b", "", channel.FromText},
		{"/start caf\u00e9", false, "caf\u00e9", "", channel.FromText},
		{"/start " + long, false, long, "", channel.FromLink},
		{"/start " + long + "a", false, long + "a", "", channel.FromText},
		{"/start _tgr_abc", false, "_tgr_abc", "", channel.FromLink}, // an affiliate link
		{"/start bizChat1234567", false, "bizChat1234567", "", channel.FromLink},
		{"/start@entrylink_demo_bot giveaway--456", true, "giveaway--456", "entrylink_demo_bot", channel.FromLink},
		{"/start@entrylink_demo_bot " + long, true, long, "entrylink_demo_bot", channel.FromLink},
		{"/start@entrylink_demo_bot " + long + "a", true, long + "a", "entrylink_demo_bot", channel.FromText},
		{"/start@entrylink_demo_bot a+b", true, "a+b", "entrylink_demo_bot", channel.FromText},
		{"/start@entrylink_demo_bot", true, "", "entrylink_demo_bot", channel.FromLink},
		{"/startx", false, none, "", 0},
		{"/start-x", false, none, "", 0},
		{"/Start x", false, none, "", 0},
		{" /start x", false, none, "", 0},
		{"/start@ x", false, none, "", 0},
		{"/start@bot-x y", false, none, "", 0},
		{"start x", false, none, "", 0},
		{"/help", false, none, "", 0},
		{"", false, none, "", 0},
	}
	for _, tt := range tests {
		q, _ := json.Marshal(tt.text)
		chat, source := "private", "start"
		if tt.group {
			chat, source = "supergroup", "startgroup"
		}
		body := `{"update_id":5,"message":{"message_id":9,"date":1441645532,"from":{"id":42},"chat":{"id":42,"type":"` + chat + `"},"text":` + string(q) + `}}`
		got, err := channel.Referrals(channel.Telegram, []byte(body))
		if err != nil {
			t.Errorf("Referrals(Telegram, text %q): %v", tt.text, err)
			continue
		}
		if tt.want == none {
			if len(got) != 0 {
				t.Errorf("Referrals(Telegram, text %q) = %+v, want none", tt.text, got)
			}
			continue
		}
		want := []channel.Referral{{
			Kind: channel.Telegram, UserID: "42", Ref: tt.want, Origin: tt.wantOrigin, Source: source,
			RecipientID: tt.wantBot, ChatID: "42", MessageID: "9", Time: "1441645532",
		}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Referrals(Telegram, text %q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestTelegramNotAStart checks Updates that carry no referral.
func TestTelegramNotAStart(t *testing.T) {
	for _, body := range []string{
		`{"update_id":5,"edited_message":{"from":{"id":42},"chat":{"id":42},"text":"/start x"}}`,
		`{"update_id":5,"channel_post":{"chat":{"id":-100},"text":"/start x"}}`,
		`{"message":{"from":{"id":42},"chat":{"id":42},"text":"/start x"}}`, // no update_id: not an Update
		`{"update_id":5,"message":{"from":{"id":42},"photo":[],"caption":"/start x"}}`,
		`{"update_id":5,"message":{"from":{"id":42},"text":12}}`,
		`[]`, `"x"`, `null`, `12`,
	} {
		got, err := channel.Referrals(channel.Telegram, []byte(body))
		if err != nil || len(got) != 0 {
			t.Errorf("Referrals(Telegram, %s) = %+v, %v; want none", body, got, err)
		}
	}
}

func TestOrigin(t *testing.T) {
	for _, tt := range []struct {
		o    channel.Origin
		name string
	}{{channel.FromLink, "link"}, {channel.FromAd, "ad"}, {channel.FromText, "text"}} {
		if got := tt.o.String(); got != tt.name {
			t.Errorf("Origin(%d).String() = %q, want %q", tt.o, got, tt.name)
		}
		text, err := tt.o.MarshalText()
		if err != nil || string(text) != tt.name {
			t.Errorf("Origin(%d).MarshalText() = %q, %v; want %q", tt.o, text, err, tt.name)
		}
		var back channel.Origin
		if err := back.UnmarshalText(text); err != nil || back != tt.o {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, tt.o)
		}
	}
	var zero channel.Origin
	if got := zero.String(); got != "Origin(0)" {
		t.Errorf("zero Origin String() = %q, want Origin(0)", got)
	}
	for _, o := range []channel.Origin{0, channel.FromText + 1, 255} {
		if _, err := o.MarshalText(); !errors.Is(err, channel.ErrUnknownOrigin) {
			t.Errorf("Origin(%d).MarshalText() error = %v, want ErrUnknownOrigin", o, err)
		}
	}
	var o channel.Origin
	for _, bad := range []string{"", "Link", "FromLink", "links"} {
		var oe *channel.OriginError
		err := o.UnmarshalText([]byte(bad))
		if !errors.As(err, &oe) || oe.Name != bad {
			t.Errorf("UnmarshalText(%q) error = %v, want *OriginError", bad, err)
		}
		if !errors.Is(err, channel.ErrUnknownOrigin) {
			t.Errorf("UnmarshalText(%q) error = %v, want ErrUnknownOrigin", bad, err)
		}
	}
}

// TestReferralsAllocs proves the allocation budget on every sample, SMS
// included: one allocation for the strings (a copy of a JSON body, the
// decoded fields of a form), plus the result slice's growth (at most one
// allocation per referral).
func TestReferralsAllocs(t *testing.T) {
	for _, s := range webhookSamples(t) {
		refs, err := channel.Referrals(s.kind, s.body)
		if err != nil {
			t.Fatal(err)
		}
		budget := float64(len(refs) + 1)
		got := testing.AllocsPerRun(50, func() { _, _ = channel.Referrals(s.kind, s.body) })
		if got > budget {
			t.Errorf("Referrals(%v, %s): %v allocations, budget %v", s.kind, s.name, got, budget)
		}
	}
}

// TestReferralsConcurrent reads every sample from several goroutines at once
// and compares with a sequential read; run with -race it shows that calls
// share no state.
func TestReferralsConcurrent(t *testing.T) {
	samples := webhookSamples(t)
	want := make([][]channel.Referral, len(samples))
	for i, s := range samples {
		want[i], _ = channel.Referrals(s.kind, s.body)
	}
	errs := make(chan string, 4*len(samples))
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, s := range samples {
				got, err := channel.ReferralParser{}.Referrals(s.kind, s.body)
				if err != nil || !cmp.Equal(want[i], got) {
					errs <- s.name
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("concurrent Referrals(%s) differs from the sequential result", name)
	}
}
