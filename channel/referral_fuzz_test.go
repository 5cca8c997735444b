package channel_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/entrylink/entrylink/channel"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzReferrals checks, on any body read as any channel:
//   - purity: a second call gives the same result;
//   - an error comes with no referrals, is typed, and names a known rule;
//   - agreement with the standard library: a JSON channel accepts a body
//     within the limits exactly when encoding/json finds it valid UTF-8 JSON,
//     SMS exactly when url.ParseQuery accepts the form;
//   - nothing is invented: every UserID, MessageID and Time is a string value
//     or number literal of the body, every Ref a string value (a substring
//     of one for the channels that cut it from a text);
//   - agreement with the slow reference (referral_slow_test.go): on a body
//     within the limits without a repeated key, Referrals refuses exactly
//     when slowReferrals does, and otherwise returns the same []Referral,
//     every field compared; for SMS the reference reads url.ParseQuery's
//     values.
func FuzzReferrals(f *testing.F) {
	for _, s := range webhookSamples(f) {
		f.Add(uint8(s.kind), s.body, false)
		f.Add(uint8(s.kind), s.body, true)
	}
	f.Add(uint8(channel.Messenger), []byte(`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"referral":{"ref":"a\u00e9\ud800"}}]}]}`), false)
	f.Add(uint8(channel.Telegram), []byte(`{"update_id":1,"message":{"text":"/start@b\u0020x","from":{"id":1e400}}}`), false)
	f.Add(uint8(channel.SMS), []byte("Body=%2Fa+b&From=%2B1&Body=x"), true)
	f.Add(uint8(channel.Viber), nestedBody(channel.MaxBodyDepth), false)
	f.Add(uint8(channel.Viber), nestedBody(channel.MaxBodyDepth+1), false)
	f.Add(uint8(channel.Line), []byte(`{"events":[{"type":"message","message":{"type":"text","text":"/[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"}}]}`), false)
	// Bodies where a reader that takes the wrong field, matches keys in any
	// case or decodes escapes its own way would disagree with the reference.
	f.Add(uint8(channel.Messenger), []byte(`{"object":"page","entry":[{"messaging":[{"sender":{"id":"","user_ref":"u"},"recipient":{"id":7},"postback":{"mid":"m","referral":{"Ref":"no","source":"ADS","ad_id":123456789012345678}}}],"changes":[{"field":"messaging_referrals","value":{"sender":{"id":"2"},"referral":{"r\u0065f":"x\ud800\u0041"}}}]}]}`), false)
	f.Add(uint8(channel.WhatsApp), []byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"p"},"contacts":[{"wa_id":"w"}],"messages":[{"id":"i","text":{"body":"\u00a0/a\u2003b"},"referral":{"source_id":"s","body":"/ad"}},{"from":"f","text":{"body":"/\u00a0x"}}]}}]}]}`), true)
	f.Add(uint8(channel.Telegram), []byte(`{"update_id":1,"message":{"text":"/start@b_ot\u00a0a-b\u0085","chat":{"id":-1,"type":"group"},"from":{"id":2},"date":3,"message_id":4}}`), false)
	f.Add(uint8(channel.Viber), []byte(`{"event":"conversation_started","Context":"no","context":"a b","user":{"id":"u","ID":"v"},"message_token":5.5e3}`), false)
	f.Add(uint8(channel.Line), []byte(`{"destination":"d","events":[1,{"type":"message","message":{"type":"text","text":"/x y","id":"m"},"source":{"roomId":"r"}}]}`), false)
	f.Fuzz(func(t *testing.T, kind uint8, body []byte, bare bool) {
		k := channel.Kind(kind % uint8(len(channel.Kinds())+2))
		p := channel.ReferralParser{}
		if bare {
			p = p.BareText()
		}
		got, err := p.Referrals(k, body)
		again, err2 := p.Referrals(k, body)
		if diff := cmp.Diff(got, again); diff != "" || !sameError(err, err2) {
			t.Fatalf("Referrals(%v, %q) is not pure: %v then %v; diff:\n%s", k, body, err, err2, diff)
		}
		checkAcceptance(t, k, body, err)
		checkSlow(t, k, body, bare, got, err)
		if err != nil {
			checkError(t, k, body, got, err)
			return
		}
		switch k {
		case channel.SMS:
			checkForm(t, body, bare, got)
		default:
			checkJSON(t, k, body, got)
		}
		for i, r := range got {
			if r.Kind != k || r.Origin < channel.FromLink || r.Origin > channel.FromText {
				t.Fatalf("Referrals(%v, %q)[%d] = %+v: wrong Kind or Origin", k, body, i, r)
			}
			if i > 0 && r.Event <= got[i-1].Event && k != channel.SMS {
				t.Fatalf("Referrals(%v, %q): events out of order: %+v", k, body, got)
			}
		}
	})
}

// nestedBody returns a Viber conversation_started whose "pad" nests arrays so
// that the body's depth is depth.
func nestedBody(depth int) []byte {
	return []byte(`{"event":"conversation_started","user":{"id":"u"},"pad":` +
		strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
}

// checkAcceptance holds a JSON channel to encoding/json: a body within
// MaxBodySize is refused as too deep exactly when encoding/json measures it
// deeper than MaxBodyDepth, and as invalid exactly when encoding/json (or
// utf8.Valid) refuses it.
func checkAcceptance(t *testing.T, k channel.Kind, body []byte, err error) {
	t.Helper()
	switch k {
	case channel.SMS, channel.WebChat, channel.Email:
		return
	}
	if !k.Valid() || len(body) > channel.MaxBodySize {
		return
	}
	if !json.Valid(body) || !utf8.Valid(body) {
		if !errors.Is(err, channel.ErrBody) && !errors.Is(err, channel.ErrBodyTooDeep) {
			t.Fatalf("Referrals(%v, %q): error %v, want ErrBody or ErrBodyTooDeep for a body encoding/json refuses", k, body, err)
		}
		return
	}
	deep := slowDepth(t, body) > channel.MaxBodyDepth
	if deep != errors.Is(err, channel.ErrBodyTooDeep) || errors.Is(err, channel.ErrBody) {
		t.Fatalf("Referrals(%v, %q): error %v; encoding/json depth %d", k, body, err, slowDepth(t, body))
	}
}

// slowDepth measures the nesting depth of a valid JSON body with
// encoding/json's tokens.
func slowDepth(t *testing.T, body []byte) int {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	depth, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return deepest
		}
		if err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			deepest = max(deepest, depth)
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error() // same rule, key and offset: same message
}

func checkError(t *testing.T, k channel.Kind, body []byte, got []channel.Referral, err error) {
	t.Helper()
	if got != nil {
		t.Fatalf("Referrals(%v, %q) returned %d referrals with error %v", k, body, len(got), err)
	}
	if !k.Valid() {
		if !errors.Is(err, channel.ErrUnknownKind) {
			t.Fatalf("Referrals(%v): error %v, want ErrUnknownKind", k, err)
		}
		return
	}
	var be *channel.BodyError
	if !errors.As(err, &be) || be.Kind != k || be.Offset < -1 || be.Offset > len(body) {
		t.Fatalf("Referrals(%v, %q): error %#v is not a *BodyError of this kind within the body", k, body, err)
	}
	known := false
	for _, s := range []error{channel.ErrBody, channel.ErrBodyTooLarge, channel.ErrBodyTooDeep, channel.ErrBodyAmbiguous, channel.ErrBodyField, channel.ErrReferralUnsupported} {
		known = known || errors.Is(err, s)
	}
	if !known {
		t.Fatalf("Referrals(%v, %q): error %v matches no sentinel", k, body, err)
	}
	switch {
	case k == channel.WebChat || k == channel.Email:
	case errors.Is(err, channel.ErrBody) && k == channel.SMS:
		if _, perr := url.ParseQuery(string(body)); perr == nil && utf8.Valid(body) {
			// net/url accepts the form; only a decoded field that is not
			// UTF-8 may still be refused.
			if be.Key == "" {
				t.Fatalf("Referrals(SMS, %q): ErrBody %v, but url.ParseQuery accepts it", body, err)
			}
		}
	case errors.Is(err, channel.ErrBody):
		if json.Valid(body) && utf8.Valid(body) {
			t.Fatalf("Referrals(%v, %q): ErrBody %v, but encoding/json accepts it", k, body, err)
		}
	}
}

func checkJSON(t *testing.T, k channel.Kind, body []byte, got []channel.Referral) {
	t.Helper()
	if !json.Valid(body) || !utf8.Valid(body) {
		t.Fatalf("Referrals(%v, %q) accepted a body encoding/json refuses", k, body)
	}
	strs, nums := jsonValues(t, body)
	isValue := func(s string) bool { return strs[s] || nums[s] }
	inString := func(s string) bool {
		for v := range strs {
			if strings.Contains(v, s) {
				return true
			}
		}
		return false
	}
	cuts := k == channel.WhatsApp || k == channel.Line || k == channel.Telegram
	for i, r := range got {
		for _, id := range []string{r.UserID, r.MessageID, r.Time} {
			if id != "" && !isValue(id) {
				t.Fatalf("Referrals(%v, %q)[%d] = %+v: %q is no value of the body", k, body, i, r, id)
			}
		}
		switch {
		case r.Ref == "":
		case cuts && !inString(r.Ref), !cuts && !strs[r.Ref]:
			t.Fatalf("Referrals(%v, %q)[%d] = %+v: Ref %q is in no string of the body", k, body, i, r, r.Ref)
		}
	}
}

// jsonValues returns the body's string values (keys excluded) and number
// literals, read with encoding/json.
func jsonValues(t *testing.T, body []byte) (strs, nums map[string]bool) {
	strs, nums = map[string]bool{}, map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct{ obj, wantKey bool }
	var stack []frame
	value := func() { // a value ends: an object wants a key next
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].wantKey = true
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return strs, nums
		}
		if err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				value()
				stack = append(stack, frame{obj: v == '{', wantKey: true})
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].wantKey {
				stack[n-1].wantKey = false
				continue
			}
			strs[v] = true
			value()
		case json.Number:
			nums[string(v)] = true
			value()
		default:
			value()
		}
	}
}

// checkSlow compares Referrals with slowReferrals on a valid JSON body
// within the limits that holds no repeated key.
func checkSlow(t *testing.T, k channel.Kind, body []byte, bare bool, got []channel.Referral, err error) {
	t.Helper()
	if len(body) > channel.MaxBodySize || !utf8.Valid(body) || !json.Valid(body) ||
		errors.Is(err, channel.ErrBodyTooDeep) || hasRepeatedKey(body) {
		return
	}
	want, ok, slowErr := slowReferrals(k, body, bare)
	if !ok {
		return
	}
	if (err != nil) != (slowErr != nil) {
		t.Fatalf("Referrals(%v, %q) = %+v, %v; slow reference error %v", k, body, got, err, slowErr)
	}
	if err != nil {
		if !errors.Is(err, channel.ErrBodyField) && !errors.Is(err, channel.ErrBodyAmbiguous) {
			t.Fatalf("Referrals(%v, %q): error %v, want ErrBodyField or ErrBodyAmbiguous", k, body, err)
		}
		return
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Referrals(%v, %q) disagrees with the slow reference (-slow +got):\n%s", k, body, diff)
	}
}

func checkForm(t *testing.T, body []byte, bare bool, got []channel.Referral) {
	t.Helper()
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatalf("Referrals(SMS, %q) accepted a form url.ParseQuery refuses: %v", body, err)
	}
	if diff := cmp.Diff(slowSMS(vals, bare), got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("Referrals(SMS, %q) disagrees with the slow reference (-slow +got):\n%s", body, diff)
	}
	if len(got) == 0 {
		return
	}
	r := got[0]
	if len(got) != 1 || r.UserID != vals.Get("From") || r.RecipientID != vals.Get("To") ||
		r.MessageID != vals.Get("MessageSid") || !strings.Contains(vals.Get("Body"), r.Ref) || r.Ref == "" {
		t.Fatalf("Referrals(SMS, %q) = %+v, disagrees with url.ParseQuery %v", body, got, vals)
	}
	for _, key := range []string{"From", "To", "Body", "MessageSid"} {
		if len(vals[key]) > 1 {
			t.Fatalf("Referrals(SMS, %q) accepted a repeated %s", body, key)
		}
	}
}
