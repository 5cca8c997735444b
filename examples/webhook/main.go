// Webhook is a bot backend's webhook endpoint for every channel: it accepts
// each channel's webhook at /<channel> (/messenger, /telegram, /sms, …),
// reads the referrals in the body, decodes their refs, logs them with
// log/slog and answers with a JSON summary.
//
// It also shows signed refs: a ref signed with refsig (a magic login link
// made by your web app) binds the chat user to the account it names, and a
// forged, altered, expired or retired one is refused.
//
//	go run ./examples/webhook -addr 127.0.0.1:8080
//	curl --data-binary @testdata/webhooks/telegram-start-private.json localhost:8080/telegram
//
// Put it behind your TLS terminator, and set the secrets that let it check
// that a body comes from the platform (-meta-app-secret,
// -telegram-secret-token); without them it checks nothing of the sender.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

func main() {
	var (
		addr          = flag.String("addr", "127.0.0.1:8080", "address to listen on")
		signingKey    = flag.String("signing-key-hex", os.Getenv("ENTRYLINK_SIGNING_KEY"), "hex secret (≥ 32 bytes) of key k1 that signs login refs; default $ENTRYLINK_SIGNING_KEY")
		metaSecret    = flag.String("meta-app-secret", os.Getenv("META_APP_SECRET"), "Meta app secret, to check X-Hub-Signature-256; default $META_APP_SECRET")
		telegramToken = flag.String("telegram-secret-token", os.Getenv("TELEGRAM_SECRET_TOKEN"), "secret_token given to setWebhook; default $TELEGRAM_SECRET_TOKEN")
	)
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))

	s := &server{log: logger, now: time.Now, metaSecret: []byte(*metaSecret), telegramToken: *telegramToken}
	if *signingKey != "" {
		secret, err := hex.DecodeString(*signingKey)
		if err != nil {
			logger.Error("signing key is not hex", "err", err)
			os.Exit(2)
		}
		key, err := refsig.NewKey("k1", secret)
		if err != nil {
			logger.Error("signing key refused", "err", err)
			os.Exit(2)
		}
		if s.keys, err = refsig.NewKeys(key); err != nil {
			logger.Error("signing keys refused", "err", err)
			os.Exit(2)
		}
	}

	srv := &http.Server{
		Addr:              *addr,
		Handler:           s.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
	}
	logger.Info("listening", "addr", *addr)
	if err := srv.ListenAndServe(); err != nil {
		logger.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// server holds the webhook handler's configuration. It has no mutable
// state, so one server serves any number of requests at once.
type server struct {
	log           *slog.Logger
	now           func() time.Time // the clock for signed refs' expiry
	keys          refsig.Keys      // keys that sign login refs; none if zero
	metaSecret    []byte           // Meta app secret; nil: signatures not checked
	telegramToken string           // Telegram secret token; "": not checked
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /{channel}", s.webhook)
	return mux
}

// result is the JSON summary the handler answers with, one per referral.
type result struct {
	Event   int              `json:"event"`
	User    string           `json:"user"`
	Origin  string           `json:"origin"`
	Source  string           `json:"source,omitempty"`
	Ref     string           `json:"ref"`
	Flow    string           `json:"flow,omitempty"`
	Payload string           `json:"payload,omitempty"`
	Fields  []refparam.Field `json:"fields,omitempty"`
	JSON    json.RawMessage  `json:"json,omitempty"`
	Error   string           `json:"error,omitempty"`
	// Account is set when the ref was a valid signed login ref: the chat
	// user is now bound to this account.
	Account string `json:"account,omitempty"`
}

func (s *server) webhook(w http.ResponseWriter, r *http.Request) {
	k, err := channel.ParseKind(r.PathValue("channel"))
	if err != nil {
		http.Error(w, "unknown channel", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, channel.MaxBodySize))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !s.authentic(k, r, body) {
		s.log.Warn("webhook signature mismatch", "channel", k)
		http.Error(w, "signature mismatch", http.StatusUnauthorized)
		return
	}

	refs, err := entrylink.Referrals(k, body)
	if err != nil {
		// The body is not one this channel sends: say so, so that the
		// platform's delivery log shows it.
		s.log.Warn("webhook body refused", "channel", k, "err", err)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}

	results := make([]result, 0, len(refs))
	for _, ref := range refs {
		res := result{
			Event: ref.Event, User: ref.UserID, Origin: ref.Origin.String(), Source: ref.Source,
			Ref: ref.Ref, Flow: ref.Decoded.Name, Payload: ref.Decoded.Payload, Fields: ref.Decoded.Fields,
			JSON: json.RawMessage(ref.Decoded.JSON),
		}
		if ref.Err != nil {
			res.Error = ref.Err.Error()
		}
		s.signedLogin(ref, &res)
		attrs := []any{"channel", k, "user", res.User, "origin", res.Origin, "source", res.Source, "ref", res.Ref, "flow", res.Flow}
		if res.Account != "" {
			attrs = append(attrs, "account", res.Account)
		}
		if res.Error != "" {
			attrs = append(attrs, "error", res.Error)
		}
		s.log.Info("referral", attrs...)
		results = append(results, res)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"channel": k, "referrals": results})
}

// signedLogin verifies a signed ref. A verified ref replaces the decoded
// one (which has the signature as an extra field), and if it is a login
// ref, binds the user to its account. A signed ref that does not verify is
// refused and its decoded parts are cleared, so that nothing downstream
// acts on them. A login ref that is not signed is refused too: binding an
// account on an unsigned ref would let anyone bind anyone's.
func (s *server) signedLogin(ref entrylink.Referral, res *result) {
	if ref.Ref == "" {
		return
	}
	if s.keys.Len() == 0 {
		if ref.Decoded.Name == "login" {
			res.Error = "login ref refused: no signing key is configured"
		}
		return
	}
	signed, err := refsig.Verify(ref.Ref, s.keys, s.now())
	switch {
	case errors.Is(err, refsig.ErrMalformed):
		// Not a signed ref: an ordinary one, already decoded.
		if ref.Decoded.Name == "login" {
			res.Error = "login ref is not signed"
		}
	case err != nil:
		// Forged, altered, expired or signed with a retired key.
		res.Flow, res.Payload, res.Fields, res.JSON = "", "", nil, nil
		res.Error = err.Error()
	default:
		res.Flow, res.Payload, res.Fields, res.JSON = signed.Name, signed.Payload, signed.Fields, json.RawMessage(signed.JSON)
		if signed.Name == "login" && ref.UserID != "" {
			res.Account = signed.Payload
		}
	}
}

// authentic checks the platform's signature of the body where the secret
// for it is configured. Viber (X-Viber-Content-Signature), LINE
// (X-Line-Signature) and Twilio (X-Twilio-Signature) sign their requests
// too; a real backend checks those as well.
func (s *server) authentic(k channel.Kind, r *http.Request, body []byte) bool {
	switch k {
	case channel.Messenger, channel.Instagram, channel.WhatsApp:
		if len(s.metaSecret) == 0 {
			return true
		}
		got, ok := strings.CutPrefix(r.Header.Get("X-Hub-Signature-256"), "sha256=")
		sig, err := hex.DecodeString(got)
		if !ok || err != nil {
			return false
		}
		mac := hmac.New(sha256.New, s.metaSecret)
		mac.Write(body)
		return hmac.Equal(sig, mac.Sum(nil))
	case channel.Telegram:
		if s.telegramToken == "" {
			return true
		}
		return hmac.Equal([]byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token")), []byte(s.telegramToken))
	}
	return true
}
