package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

var (
	testNow    = time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)
	testSecret = bytes.Repeat([]byte("0123456789abcdef"), 2)
)

func testServer(t *testing.T, logs *bytes.Buffer) *server {
	t.Helper()
	key, err := refsig.NewKey("k1", testSecret)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := refsig.NewKeys(key)
	if err != nil {
		t.Fatal(err)
	}
	return &server{
		log:  slog.New(slog.NewTextHandler(logs, nil)),
		now:  func() time.Time { return testNow },
		keys: keys,
	}
}

type response struct {
	Channel   string   `json:"channel"`
	Referrals []result `json:"referrals"`
}

func post(t *testing.T, h http.Handler, path string, body []byte, header http.Header) (int, response) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp response
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("POST %s: response is not JSON: %v\n%s", path, err, rec.Body.String())
		}
	}
	return rec.Code, resp
}

// TestSamples posts every sample body in testdata/webhooks to the handler
// and checks the flows it reports.
func TestSamples(t *testing.T) {
	want := map[string][]string{ // file → the flow of each referral
		"instagram-shortlinks.json":           {"giveaway", "story_swipe"},
		"line-text.json":                      {"giveaway"},
		"messenger-ads.json":                  {"spring_sale"},
		"messenger-changes-envelope.json":     {"webinar"},
		"messenger-chat-plugin.json":          {"pricing"},
		"messenger-envelope.json":             {"giveaway"},
		"messenger-postback-get-started.json": {"tutorial"},
		"messenger-referral-shortlink.json":   {"giveaway", "spring_sale"},
		"sms-twilio-plain.form":               {},
		"sms-twilio.form":                     {"giveaway"},
		"telegram-bizchat.json":               {"bizChat5551234567"},
		"telegram-message.json":               {},
		"telegram-start-bare.json":            {""},
		"telegram-start-private.json":         {"giveaway"},
		"telegram-startgroup.json":            {"tutorial"},
		"viber-context.json":                  {"giveaway"},
		"viber-no-context.json":               {""},
		"whatsapp-ctwa.json":                  {"spring_sale"},
		"whatsapp-text-plain.json":            {},
		"whatsapp-text-prefill.json":          {"giveaway"},
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "webhooks", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	h := testServer(t, &logs).routes()
	posted := 0
	for _, path := range files {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		posted++
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		kind, _, _ := strings.Cut(name, "-")
		code, resp := post(t, h, "/"+kind, body, nil)
		if code != http.StatusOK {
			t.Errorf("%s: status %d", name, code)
			continue
		}
		flows := []string{}
		for _, r := range resp.Referrals {
			flows = append(flows, r.Flow)
			if r.Error != "" {
				t.Errorf("%s: referral error %s", name, r.Error)
			}
		}
		if diff := cmp.Diff(want[name], flows); diff != "" {
			t.Errorf("%s: flows mismatch (-want +got):\n%s", name, diff)
		}
	}
	if posted != len(want) {
		t.Errorf("posted %d bodies, expected %d", posted, len(want))
	}
	if !strings.Contains(logs.String(), "msg=referral channel=telegram user=1111111 origin=link source=start ref=giveaway--456 flow=giveaway\n") {
		t.Errorf("log lacks the Telegram referral:\n%s", logs.String())
	}
}

func telegramStart(payload string) []byte {
	return []byte(`{"update_id":10000,"message":{"message_id":1365,"date":1441645532,
		"from":{"id":1111111,"is_bot":false,"first_name":"Test"},
		"chat":{"id":1111111,"type":"private","first_name":"Test"},
		"text":"/start ` + payload + `","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}`)
}

func TestSignedLogin(t *testing.T) {
	key, _ := refsig.NewKey("k1", testSecret)
	other, _ := refsig.NewKey("k1", bytes.Repeat([]byte("x"), 32))
	login := refparam.Ref{Name: "login", Payload: "83121"}
	good, err := refsig.Sign(login, key, testNow.Add(15*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	expired, _ := refsig.Sign(login, key, testNow.Add(-time.Minute))
	forged, _ := refsig.Sign(login, other, testNow.Add(15*time.Minute))
	edited := strings.Replace(good, "83121", "83122", 1)

	tests := []struct {
		name        string
		payload     string
		wantAccount string
		wantErr     string
	}{
		{"valid", good, "83121", ""},
		{"edited account id", edited, "", "signature"},
		{"signed with another secret", forged, "", "signature"},
		{"expired", expired, "", "expired"},
		{"unsigned login", "login--83121", "", "not signed"},
		{"ordinary ref", "giveaway--456", "", ""},
	}
	signedOther, _ := refsig.Sign(refparam.Ref{Name: "coupon", Payload: "SPRING"}, key, testNow.Add(time.Hour))
	var logs bytes.Buffer
	h := testServer(t, &logs).routes()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, resp := post(t, h, "/telegram", telegramStart(tt.payload), nil)
			if code != http.StatusOK || len(resp.Referrals) != 1 {
				t.Fatalf("status %d, %d referrals", code, len(resp.Referrals))
			}
			r := resp.Referrals[0]
			if r.Account != tt.wantAccount {
				t.Errorf("account %q, want %q", r.Account, tt.wantAccount)
			}
			if !strings.Contains(r.Error, tt.wantErr) || (tt.wantErr == "") != (r.Error == "") {
				t.Errorf("error %q, want one containing %q", r.Error, tt.wantErr)
			}
			if tt.wantErr != "" && tt.wantErr != "not signed" && r.Flow != "" {
				t.Errorf("a refused signed ref still reports flow %q", r.Flow)
			}
		})
	}

	// A verified ref other than login is reported without its signature field.
	code, resp := post(t, h, "/telegram", telegramStart(signedOther), nil)
	if code != http.StatusOK || len(resp.Referrals) != 1 {
		t.Fatalf("signed coupon: status %d, %+v", code, resp)
	}
	if r := resp.Referrals[0]; r.Flow != "coupon" || r.Payload != "SPRING" || len(r.Fields) != 0 || r.Account != "" || r.Error != "" {
		t.Errorf("signed coupon reported as %+v", r)
	}

	// Without keys, a login ref is refused rather than trusted.
	var logs2 bytes.Buffer
	nokeys := testServer(t, &logs2)
	nokeys.keys = refsig.Keys{}
	_, resp = post(t, nokeys.routes(), "/telegram", telegramStart("login--83121"), nil)
	if r := resp.Referrals[0]; r.Account != "" || !strings.Contains(r.Error, "no signing key") {
		t.Errorf("login without keys reported as %+v", r)
	}
}

func TestRequests(t *testing.T) {
	var logs bytes.Buffer
	s := testServer(t, &logs)
	s.metaSecret = []byte("app-secret")
	s.telegramToken = "tg-token"
	h := s.routes()

	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "webhooks", "messenger-referral-shortlink.json"))
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha256.New, s.metaSecret)
	mac.Write(body)
	signed := http.Header{"X-Hub-Signature-256": {"sha256=" + hex.EncodeToString(mac.Sum(nil))}}

	tests := []struct {
		name   string
		path   string
		body   []byte
		header http.Header
		want   int
	}{
		{"meta signed", "/messenger", body, signed, http.StatusOK},
		{"meta unsigned", "/messenger", body, nil, http.StatusUnauthorized},
		{"meta signature of another body", "/messenger", append([]byte(" "), body...), signed, http.StatusUnauthorized},
		{"telegram token", "/telegram", telegramStart("x"), http.Header{"X-Telegram-Bot-Api-Secret-Token": {"tg-token"}}, http.StatusOK},
		{"telegram wrong token", "/telegram", telegramStart("x"), http.Header{"X-Telegram-Bot-Api-Secret-Token": {"nope"}}, http.StatusUnauthorized},
		{"unknown channel", "/fax", body, nil, http.StatusNotFound},
		{"broken body", "/viber", []byte(`{"event":`), nil, http.StatusBadRequest},
		{"too large", "/viber", bytes.Repeat([]byte(" "), channel.MaxBodySize+1), nil, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		if code, _ := post(t, h, tt.path, tt.body, tt.header); code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, code, tt.want)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/telegram", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", rec.Code)
	}
}
