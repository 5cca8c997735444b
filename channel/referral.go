package channel

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on the webhook bodies that [Referrals] reads. Both are checked
// before anything else is read.
const (
	// MaxBodySize is the largest body, in bytes, that Referrals reads. Meta
	// documents WhatsApp webhook payloads of up to 3 MB; the cap leaves room
	// above that and refuses anything larger with [ErrBodyTooLarge].
	MaxBodySize = 4 << 20

	// MaxBodyDepth is the deepest nesting of JSON objects and arrays that
	// Referrals reads: a body whose brackets nest deeper is refused with
	// [ErrBodyTooDeep] before it is parsed. The documented bodies nest
	// fewer than 12 levels.
	MaxBodyDepth = 64

	// MaxFormFields is the most '&'-separated fields an SMS (Twilio) form
	// body may have; one with more is refused with [ErrBodyTooLarge]. It is
	// the limit net/url's ParseQuery applies, counted the same way; Twilio
	// sends a few dozen.
	MaxFormFields = 10000
)

// Origin tells how the ref of a [Referral] reached the bot, and so how far
// it can be trusted to be what the link or ad said. No origin makes a ref
// authentic: anyone can write a link with any ref, so a ref that grants
// something must be signed or checked by the bot.
type Origin uint8

// The origins. The zero Origin is not an origin; it is what a zero
// [Referral] carries.
const (
	// FromLink: the platform delivered the ref from a link or QR code (m.me,
	// ig.me, t.me, Viber context, the Messenger chat plugin), as the link
	// had it; the user could not edit it on the way. A Telegram /start
	// payload is FromLink only when a link could deliver it: empty, or 1 to
	// MaxTelegramStartLen characters of A-Z a-z 0-9 _ - (the start and
	// startgroup rules of [StartParam.Check], the "_tgr_" prefix allowed).
	FromLink Origin = iota + 1
	// FromAd: the referral came from an ad click (Messenger source ADS, a
	// WhatsApp Click-to-WhatsApp referral); the ad fields are the platform's.
	// On WhatsApp the Ref, if any, is still read from the editable text.
	FromAd
	// FromText: the ref was read from a message the user sent, which started
	// as a prefilled draft the user could edit or delete (WhatsApp, LINE,
	// SMS): it may be altered, truncated or typed by hand. A Telegram /start
	// payload that no link can deliver ("/start abc def", one longer than
	// MaxTelegramStartLen) was typed by hand, and is FromText too.
	FromText

	numOrigins
)

var originNames = [numOrigins]string{
	FromLink: "link",
	FromAd:   "ad",
	FromText: "text",
}

// String returns "link", "ad" or "text", or "Origin(N)" for a value that is
// not an origin.
func (o Origin) String() string {
	if o == 0 || o >= numOrigins {
		return "Origin(" + strconv.Itoa(int(o)) + ")"
	}
	return originNames[o]
}

// MarshalText implements [encoding.TextMarshaler] with the names String
// returns. A value that is not an origin is an error.
func (o Origin) MarshalText() ([]byte, error) {
	if o == 0 || o >= numOrigins {
		return nil, &OriginError{Name: o.String()}
	}
	return []byte(originNames[o]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it reads the names
// that MarshalText writes, exactly.
func (o *Origin) UnmarshalText(text []byte) error {
	for v := FromLink; v < numOrigins; v++ {
		if string(text) == originNames[v] {
			*o = v
			return nil
		}
	}
	return &OriginError{Name: string(text)}
}

// ErrUnknownOrigin is returned, wrapped in an [*OriginError], by
// [Origin.UnmarshalText] and [Origin.MarshalText] given a value that is not
// an origin.
var ErrUnknownOrigin = errors.New("unknown referral origin")

// OriginError reports a name that is not one of the [Origin] values.
// It matches [ErrUnknownOrigin] with errors.Is.
type OriginError struct {
	Name string // the name as given
}

// Error returns a message such as `channel: unknown referral origin "links"`.
func (e *OriginError) Error() string {
	return "channel: unknown referral origin " + strconv.Quote(e.Name)
}

// Unwrap returns [ErrUnknownOrigin].
func (e *OriginError) Unwrap() error { return ErrUnknownOrigin }

// A Referral is one entry into a bot conversation read from a webhook body:
// who came in, and the ref they brought. Every string is exactly the text the
// body holds (JSON escapes decoded); ids and timestamps sent as JSON numbers
// are kept as their literal text, so an 18-digit id never passes through a
// float64. A field the channel does not send is empty.
//
// The strings of all Referrals returned by one call share a single
// allocation, a copy of the JSON body (for SMS, of the decoded form fields
// read): they do not alias the caller's buffer, and they keep that copy alive
// while any of them is kept.
type Referral struct {
	Kind Kind // the channel the body was read as
	// Event is the position, from 0, of the event that carried the
	// referral among all events of the body: Messenger and Instagram
	// messaging events and change envelopes, WhatsApp messages, LINE
	// events, each counted whether or not it is a referral. A Telegram
	// Update, a Viber callback and an SMS form are one event: 0.
	Event int

	// UserID is who came in: the Messenger PSID (or the chat plugin's
	// user_ref, see UserRef), the Instagram IGSID, the WhatsApp wa_id, the
	// Telegram user id, the Viber user id, the LINE userId, or the SMS sender.
	// It is empty only when the platform left the sender out.
	UserID string
	// UserRef reports that UserID is a Messenger chat plugin user_ref, which
	// is replied to as recipient.user_ref and is not a PSID.
	UserRef bool

	// Ref is the raw ref text, ready for a payload codec; it is "" when the
	// event is a referral without a ref (a bare Telegram /start, an ad
	// without a ref, a Viber conversation without context).
	Ref string
	// Origin tells how Ref arrived. For Telegram it is FromLink when the
	// payload is one a t.me link can carry, FromText when it is not (typed
	// by hand: white space inside, a character outside A-Z a-z 0-9 _ -, or
	// too long); Ref is the same text either way.
	Origin Origin
	// Source is the platform's own word for where the referral came from,
	// as sent and opaque: Messenger and Instagram referral.source (SHORTLINK,
	// SHORT-URL, ADS, SHORTLINKS, CUSTOMER_CHAT_PLUGIN, …), WhatsApp
	// referral.source_type ("ad", "post"). Telegram sends none; the package
	// sets "start" in a private chat and "startgroup" in a group or
	// supergroup. Empty elsewhere.
	Source string

	// RecipientID is the account that was entered: the Messenger page id,
	// the Instagram account id, the WhatsApp phone_number_id, the LINE
	// destination, the SMS To number; for Telegram, the bot username of a
	// /start@bot command, empty for a plain /start. A bot in a group should
	// ignore a referral whose RecipientID names another bot.
	RecipientID string
	// ChatID is the conversation when it is not the user's own: the Telegram
	// chat id, the LINE groupId or roomId. Empty elsewhere.
	ChatID string
	// MessageID identifies the event for de-duplication: the Messenger or
	// Instagram postback mid, the WhatsApp message id, the Telegram
	// message_id, the Viber message_token, the LINE message id, the Twilio
	// MessageSid.
	MessageID string
	// Time is the event's timestamp as sent, with the channel's unit:
	// milliseconds for Messenger, Instagram, Viber and LINE, seconds for
	// WhatsApp and Telegram (message.date); Twilio sends none.
	Time string
	// URL is the web page involved: the Messenger chat plugin's referer_uri,
	// the WhatsApp ad or post source_url.
	URL string

	// Ad holds the ad's details when Origin is FromAd.
	Ad AdContext
}

// AdContext holds what the platform says about the ad behind a referral.
type AdContext struct {
	ID           string // Messenger ad_id; WhatsApp source_id
	ClickID      string // WhatsApp ctwa_clid (absent for Status ads)
	Title        string // Messenger ads_context_data.ad_title; WhatsApp headline
	Body         string // WhatsApp body
	MediaType    string // WhatsApp media_type
	PhotoURL     string // Messenger photo_url; WhatsApp image_url
	VideoURL     string // Messenger and WhatsApp video_url
	ThumbnailURL string // WhatsApp thumbnail_url
	PostID       string // Messenger post_id
	ProductID    string // Messenger product_id
	FlowID       string // Messenger flow_id
}

// A ReferralParser reads referrals from webhook bodies. Its zero value reads
// as documented in the package doc; methods return changed copies, so a
// ReferralParser is a value that can be shared and used concurrently.
type ReferralParser struct {
	bare bool
}

// BareText returns a copy of p that also reads a ref from a user-editable
// text (WhatsApp, LINE, SMS) without the leading "/", when the trimmed text
// is a single word: "giveaway--456" then yields the ref "giveaway--456",
// while "hello there" still yields nothing. Some link builders write
// wa.me/…?text=giveaway without the slash; any one-word message a user
// types is then a referral too, so opt in only for such links.
func (p ReferralParser) BareText() ReferralParser {
	p.bare = true
	return p
}

// Referrals returns the referrals in the webhook body of channel k, in body
// order, with [ReferralParser]'s default rules. See the package doc for the
// shapes read per channel.
func Referrals(k Kind, body []byte) ([]Referral, error) {
	return ReferralParser{}.Referrals(k, body)
}

// Referrals returns the referrals in the webhook body of channel k, in body
// order. A body without referrals, including a valid body of another
// channel's shape, yields an empty result and a nil error. A body that is
// not valid JSON (a form for [SMS]) or breaks a limit yields a
// [*BodyError] and no referrals. WebChat and Email have no webhook shape:
// they yield [ErrReferralUnsupported].
func (p ReferralParser) Referrals(k Kind, body []byte) ([]Referral, error) {
	if !k.Valid() {
		return nil, &KindError{Name: k.String()}
	}
	if len(body) > MaxBodySize {
		return nil, &BodyError{Kind: k, Offset: MaxBodySize, Err: ErrBodyTooLarge}
	}
	r := refReader{kind: k, bare: p.bare}
	switch k {
	case SMS:
		return r.sms(body)
	case WebChat, Email:
		return nil, &BodyError{Kind: k, Offset: -1, Err: ErrReferralUnsupported}
	}
	if err := checkBodyJSON(k, body, &r.doc.ix); err != nil {
		return nil, err
	}
	r.doc.s = string(body) // the one copy the results share
	root := r.doc.root()
	var err error
	switch k {
	case Messenger:
		err = r.meta(root, "page")
	case Instagram:
		err = r.meta(root, "instagram")
	case WhatsApp:
		err = r.whatsapp(root)
	case Telegram:
		err = r.telegram(root)
	case Viber:
		err = r.viber(root)
	case Line:
		err = r.line(root)
	}
	if err != nil {
		return nil, err
	}
	return r.out, nil
}

// refReader carries one call's state: the channel, the options and the
// referrals found so far.
type refReader struct {
	kind  Kind
	bare  bool
	event int // the index the next event gets
	out   []Referral
	doc   jsonDoc
}

// checkBodyJSON refuses a body nested deeper than MaxBodyDepth, then one that
// is not valid UTF-8 JSON, and fills ix, the index of the body's containers.
// scanJSON needs no recursion, so depth cannot hurt it; when it refuses, the
// error path tells the reasons apart in that order.
func checkBodyJSON(k Kind, body []byte, ix *containerIndex) error {
	if utf8.Valid(body) && scanJSON(body, ix) {
		return nil
	}
	if at := tooDeep(body); at >= 0 {
		return &BodyError{Kind: k, Offset: at, Err: ErrBodyTooDeep}
	}
	if !utf8.Valid(body) {
		return &BodyError{Kind: k, Offset: invalidUTF8At(body), Err: ErrBody}
	}
	return &BodyError{Kind: k, Offset: syntaxErrorAt(body), Err: ErrBody}
}

// invalidUTF8At returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// pick walks the object o once and sets vals[i] to the value of keys[i]; it
// reports whether o is an object. A wanted key that occurs twice in o is an
// error: readers of the same body that keep the first or the last would
// disagree about it.
func (r *refReader) pick(o jsonValue, keys []string, vals []jsonValue) (bool, error) {
	if !o.isObject() {
		return false, nil
	}
	var err error
	r.doc.members(o, func(k string, at int, v jsonValue) bool {
		for i, want := range keys {
			if k != want {
				continue
			}
			if vals[i].raw != "" {
				err = &BodyError{Kind: r.kind, Offset: at, Key: want, Err: ErrBodyAmbiguous}
				return false
			}
			vals[i] = v
		}
		return true
	})
	return true, err
}

// pickIn is pick for an object nested under key, which may be absent or
// null but is otherwise an object.
func (r *refReader) pickIn(key string, o jsonValue, keys []string, vals []jsonValue) error {
	if o.absent() {
		return nil
	}
	isObj, err := r.pick(o, keys, vals)
	if err == nil && !isObj {
		err = r.fieldErr(key, o)
	}
	return err
}

// id returns an id or timestamp as sent: a string's text or a number's
// literal; "" when absent or null. Any other type is an error.
func (r *refReader) id(key string, v jsonValue) (string, error) {
	switch {
	case v.absent():
		return "", nil
	case v.isString():
		return v.text(), nil
	case v.isNumber():
		return v.raw, nil
	}
	return "", r.fieldErr(key, v)
}

// str returns a string value; "" when absent or null. Any other type is an
// error.
func (r *refReader) str(key string, v jsonValue) (string, error) {
	switch {
	case v.absent():
		return "", nil
	case v.isString():
		return v.text(), nil
	}
	return "", r.fieldErr(key, v)
}

func (r *refReader) fieldErr(key string, v jsonValue) error {
	return &BodyError{Kind: r.kind, Offset: v.off, Key: key, Err: ErrBodyField}
}

// textRef returns the ref that a user-editable text carries. The text is
// trimmed of white space (unicode.IsSpace); if it then starts with "/", the
// ref is what follows the "/" up to the first white space, and words after
// it are ignored; a "/" followed by nothing or by white space carries no
// ref. Without the "/", the text carries a ref only when bare is set and
// the trimmed text is one word, which is then the ref.
func textRef(text string, bare bool) (string, bool) {
	t := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(t, "/"); ok {
		end := indexSpace(rest)
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			return "", false
		}
		return rest[:end], true
	}
	if bare && t != "" && indexSpace(t) < 0 {
		return t, true
	}
	return "", false
}
