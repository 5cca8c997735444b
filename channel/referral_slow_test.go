package channel_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entrylink/entrylink/channel"
)

// slowReferrals is the fuzz oracle for Referrals: the package doc's rules
// written plainly over encoding/json. It decodes the body into maps and
// slices (not structs: encoding/json matches struct field names in any case,
// where the webhooks' keys are exact), so it keeps the last of repeated
// keys; callers skip bodies with a repeated key (see hasRepeatedKey). It
// returns errSlowRefused where Referrals must refuse the body (a field of the
// wrong type, a Messenger referral both at the top and in the postback),
// and ok false for a channel it does not model.
func slowReferrals(k channel.Kind, body []byte, bare bool) (out []channel.Referral, ok bool, err error) {
	var root any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&root) != nil {
		return nil, false, nil
	}
	s := &slowReader{kind: k, bare: bare}
	defer func() {
		if r := recover(); r != nil {
			if r != errSlowRefused {
				panic(r)
			}
			out, err = nil, errSlowRefused
		}
	}()
	switch k {
	case channel.Messenger:
		s.meta(root, "page")
	case channel.Instagram:
		s.meta(root, "instagram")
	case channel.WhatsApp:
		s.whatsapp(root)
	case channel.Telegram:
		s.telegram(root)
	case channel.Viber:
		s.viber(root)
	case channel.Line:
		s.line(root)
	default:
		return nil, false, nil
	}
	return s.out, true, nil
}

var errSlowRefused = errors.New("slow reference: body refused")

type slowReader struct {
	kind  channel.Kind
	bare  bool
	event int
	out   []channel.Referral
}

// obj returns v as an object, or nil.
func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// arr returns v as an array, or nil.
func arr(v any) []any { a, _ := v.([]any); return a }

// isStr reports whether v is the string want.
func isStr(v any, want string) bool { s, ok := v.(string); return ok && s == want }

// in returns the object under key of m: nil when absent or null, a refusal
// when it is not an object.
func in(m map[string]any, key string) map[string]any {
	v, ok := m[key]
	if !ok || v == nil {
		return nil
	}
	o, isObj := v.(map[string]any)
	if !isObj {
		panic(errSlowRefused)
	}
	return o
}

// id returns an id or timestamp: a string, a number's literal, "" when
// absent or null; a refusal for any other type.
func id(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return string(v)
	}
	panic(errSlowRefused)
}

// str is id for a field that must be a string.
func str(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case nil:
		return ""
	case string:
		return v
	}
	panic(errSlowRefused)
}

func (s *slowReader) meta(root any, object string) {
	m := obj(root)
	if m == nil {
		return
	}
	if _, isField := m["field"].(string); m["object"] == nil && isField && obj(m["value"]) != nil {
		s.metaEvent(m["value"]) // a bare envelope
		return
	}
	if !isStr(m["object"], object) {
		return
	}
	for _, e := range arr(m["entry"]) {
		e := obj(e)
		for _, ev := range arr(e["messaging"]) {
			s.metaEvent(ev)
		}
		for _, ch := range arr(e["changes"]) {
			if v := obj(obj(ch)["value"]); v != nil {
				s.metaEvent(v)
			}
		}
	}
}

func (s *slowReader) metaEvent(v any) {
	ev := obj(v)
	if ev == nil {
		return
	}
	index := s.event
	s.event++
	ref, mid := ev["referral"], any(nil)
	if pb := in(ev, "postback"); pb != nil && pb["referral"] != nil {
		if ref != nil {
			panic(errSlowRefused)
		}
		ref, mid = pb["referral"], pb["mid"]
	}
	if ref == nil {
		return
	}
	rf := in(map[string]any{"referral": ref}, "referral")
	x := channel.Referral{Kind: s.kind, Event: index, Origin: channel.FromLink}
	sender := in(ev, "sender")
	if x.UserID = id(sender, "id"); x.UserID == "" {
		x.UserID = id(sender, "user_ref")
		x.UserRef = x.UserID != ""
	}
	x.RecipientID = id(in(ev, "recipient"), "id")
	x.Time = id(ev, "timestamp")
	x.MessageID = id(map[string]any{"mid": mid}, "mid")
	x.Ref = str(rf, "ref")
	x.Source = str(rf, "source")
	x.Ad.ID = id(rf, "ad_id")
	x.URL = str(rf, "referer_uri")
	if x.Source == "ADS" {
		x.Origin = channel.FromAd
	}
	if a := in(rf, "ads_context_data"); a != nil {
		x.Ad.Title, x.Ad.PhotoURL, x.Ad.VideoURL = id(a, "ad_title"), id(a, "photo_url"), id(a, "video_url")
		x.Ad.PostID, x.Ad.ProductID, x.Ad.FlowID = id(a, "post_id"), id(a, "product_id"), id(a, "flow_id")
	}
	s.out = append(s.out, x)
}

func (s *slowReader) whatsapp(root any) {
	m := obj(root)
	if !isStr(m["object"], "whatsapp_business_account") {
		return
	}
	for _, e := range arr(m["entry"]) {
		for _, ch := range arr(obj(e)["changes"]) {
			s.whatsappValue(obj(obj(ch)["value"]))
		}
	}
}

func (s *slowReader) whatsappValue(v map[string]any) {
	msgs, isArr := v["messages"].([]any)
	if !isArr {
		return
	}
	phoneID := id(in(v, "metadata"), "phone_number_id")
	waID := ""
	if cs := arr(v["contacts"]); len(cs) == 1 {
		waID = id(in(map[string]any{"c": cs[0]}, "c"), "wa_id")
	}
	for _, msg := range msgs {
		m := obj(msg)
		if m == nil {
			continue
		}
		index := s.event
		s.event++
		ref, hasRef := slowTextRef(str(in(m, "text"), "body"), s.bare)
		x := channel.Referral{Kind: s.kind, Event: index, Ref: ref, RecipientID: phoneID}
		switch a := in(m, "referral"); {
		case a != nil:
			x.Origin = channel.FromAd
			x.URL, x.Source = id(a, "source_url"), id(a, "source_type")
			x.Ad = channel.AdContext{ID: id(a, "source_id"), ClickID: id(a, "ctwa_clid"),
				Title: id(a, "headline"), Body: id(a, "body"), MediaType: id(a, "media_type"),
				PhotoURL: id(a, "image_url"), VideoURL: id(a, "video_url"), ThumbnailURL: id(a, "thumbnail_url")}
		case hasRef:
			x.Origin = channel.FromText
		default:
			continue
		}
		if x.UserID = id(m, "from"); x.UserID == "" {
			x.UserID = waID
		}
		x.MessageID, x.Time = id(m, "id"), id(m, "timestamp")
		s.out = append(s.out, x)
	}
}

var (
	// slowStart is a start command: "/start", an optional "@bot", and the
	// rest, which must be empty or start with white space.
	slowStart = regexp.MustCompile(`(?s)\A/start(?:@([A-Za-z0-9_]+))?(.*)\z`)
	// slowLinkPayload is what a t.me start or startgroup link can carry.
	slowLinkPayload = regexp.MustCompile(`\A[A-Za-z0-9_-]{0,64}\z`)
)

func (s *slowReader) telegram(root any) {
	u := obj(root)
	if _, isNum := u["update_id"].(json.Number); !isNum {
		return
	}
	m := obj(u["message"])
	if m == nil {
		return
	}
	text, isText := m["text"].(string)
	if !isText {
		return
	}
	sm := slowStart.FindStringSubmatch(text)
	if sm == nil {
		return
	}
	if r, _ := utf8.DecodeRuneInString(sm[2]); sm[2] != "" && !unicode.IsSpace(r) {
		return
	}
	x := channel.Referral{Kind: channel.Telegram, Ref: strings.TrimSpace(sm[2]), Origin: channel.FromLink,
		Source: "start", RecipientID: sm[1]}
	x.UserID = id(in(m, "from"), "id")
	chat := in(m, "chat")
	x.ChatID = id(chat, "id")
	if isStr(chat["type"], "group") || isStr(chat["type"], "supergroup") {
		x.Source = "startgroup"
	}
	if !slowLinkPayload.MatchString(x.Ref) {
		x.Origin = channel.FromText
	}
	x.Time, x.MessageID = id(m, "date"), id(m, "message_id")
	s.out = append(s.out, x)
}

func (s *slowReader) viber(root any) {
	v := obj(root)
	if !isStr(v["event"], "conversation_started") {
		return
	}
	s.out = append(s.out, channel.Referral{Kind: channel.Viber, Ref: str(v, "context"), Origin: channel.FromLink,
		UserID: id(in(v, "user"), "id"), Time: id(v, "timestamp"), MessageID: id(v, "message_token")})
}

func (s *slowReader) line(root any) {
	v := obj(root)
	events, isArr := v["events"].([]any)
	if !isArr {
		return
	}
	dest := id(v, "destination")
	for _, e := range events {
		ev := obj(e)
		if ev == nil {
			continue
		}
		index := s.event
		s.event++
		if !isStr(ev["type"], "message") {
			continue
		}
		msg := in(ev, "message")
		if !isStr(msg["type"], "text") {
			continue
		}
		ref, ok := slowTextRef(str(msg, "text"), s.bare)
		if !ok {
			continue
		}
		src := in(ev, "source")
		x := channel.Referral{Kind: channel.Line, Event: index, Ref: ref, Origin: channel.FromText,
			RecipientID: dest, UserID: id(src, "userId"), ChatID: id(src, "groupId")}
		if x.ChatID == "" {
			x.ChatID = id(src, "roomId")
		}
		x.MessageID, x.Time = id(msg, "id"), id(ev, "timestamp")
		s.out = append(s.out, x)
	}
}

// slowSMS is the reference for an SMS form that url.ParseQuery accepts.
func slowSMS(vals url.Values, bare bool) []channel.Referral {
	ref, ok := slowTextRef(vals.Get("Body"), bare)
	if !ok {
		return nil
	}
	return []channel.Referral{{Kind: channel.SMS, UserID: vals.Get("From"), Ref: ref, Origin: channel.FromText,
		RecipientID: vals.Get("To"), MessageID: vals.Get("MessageSid")}}
}

// slowTextRef is the text rule with strings.FieldsFunc: after trimming, a
// "/" directly followed by a word gives that word; with bare, a text of one
// word gives itself.
func slowTextRef(text string, bare bool) (string, bool) {
	t := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(t, "/"); ok {
		f := strings.FieldsFunc(rest, unicode.IsSpace)
		if len(f) == 0 || !strings.HasPrefix(rest, f[0]) {
			return "", false
		}
		return f[0], true
	}
	if f := strings.FieldsFunc(t, unicode.IsSpace); bare && len(f) == 1 {
		return f[0], true
	}
	return "", false
}

// hasRepeatedKey reports whether an object of the valid JSON body holds a
// key twice, compared decoded.
func hasRepeatedKey(body []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		keys    map[string]bool // nil for an array
		wantKey bool
	}
	var stack []*frame
	value := func() {
		if n := len(stack); n > 0 && stack[n-1].keys != nil {
			stack[n-1].wantKey = true
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil { // io.EOF: the end
			return false
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				value()
				stack = append(stack, &frame{keys: map[string]bool{}, wantKey: true})
			case '[':
				value()
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if n := len(stack); n > 0 && stack[n-1].keys != nil && stack[n-1].wantKey {
				f := stack[n-1]
				if f.keys[v] {
					return true
				}
				f.keys[v], f.wantKey = true, false
				continue
			}
			value()
		default:
			value()
		}
	}
}
