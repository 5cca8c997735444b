// Package entrylink reads and writes chatbot entry links: the
// m.me/page?ref=giveaway--456, t.me/bot?start=…, wa.me/…?text=/… links that
// send a person into a bot conversation and carry data with them, and the
// referrals those links produce in each channel's webhook.
//
// # What an entry link is
//
// Chatbot platforms let a business put a ref on a link to its bot. In
// ChitChatBot.ai and the other white labels of the same platform (the
// Chatrace family) the ref names a flow and can carry data for it:
//
//	giveaway                                     open the flow "giveaway"
//	giveaway--456                                … and save 456 to the link's chosen field
//	tutorial--value1--738--value2--514--value3   … and value2 to field 738, value3 to field 514
//	giveawayjsondata--{"plan":"pro"}             … with a JSON document for "Get Data From JSON"
//
// Each channel carries the ref in its own way, with its own alphabet and
// length limit, and delivers it in its own webhook shape:
//
//	Messenger  https://m.me/<page>?ref=<ref>                  referral.ref, postback.referral.ref
//	Instagram  https://ig.me/m/<user>?ref=<ref>               postback.referral.ref
//	WhatsApp   https://wa.me/<phone>?text=/<ref>              the user's first message (editable)
//	Telegram   https://t.me/<bot>?start=<ref>                 "/start <ref>"
//	Viber      viber://pa?chatURI=<uri>&context=<ref>         conversation_started.context
//	WebChat    https://app.chitchatbot.com/bots/webchat/?p=<account>&ref=<ref>
//	LINE       https://line.me/R/oaMessage/%40<id>/?/<ref>    the user's first message (editable)
//	SMS        sms:<phone>?body=%2F<ref>                      the user's first message (editable)
//	Email      mailto:<address>?body=%2F<ref>
//
// # Where each package fits
//
// The work is split in layers that know nothing of each other's rules:
//
//   - package [github.com/entrylink/entrylink/refparam] is the codec for the
//     ref grammar: it reads what copy-paste makes of a ref (en and em dashes
//     for "--", curly quotes in JSON) and writes one canonical text. Its
//     subpackage refsig signs refs so that a link can bind a chat user to an
//     account without anyone being able to forge it.
//   - package [github.com/entrylink/entrylink/channel] builds and parses the
//     links of every channel on raw ref text, refuses lookalike links, checks
//     each channel's alphabet and limits, and reads the referrals out of each
//     channel's webhook body into one [channel.Referral] type.
//   - package [github.com/entrylink/entrylink/jsonpayload] maps parts of a
//     jsondata document into typed custom fields, by paths in the dialects
//     users paste (JSONPath, JSON Pointer, dot paths, gjson).
//   - this package composes refparam and channel: [Parse] takes any entry
//     link to its channel, target and decoded ref; [Build] writes a decoded
//     ref into a link, choosing the transport the channel needs; [Referrals]
//     reads a webhook body and decodes each referral's ref.
//
// # Transport
//
// [Build] writes the ref canonically with its JSON document raw, and falls
// back to unpadded base64url when the channel's alphabet refuses raw JSON
// (Messenger, Instagram and Telegram do), or when the channel carries the
// ref in message text and the document has white space, where the bot
// would stop reading (WhatsApp, LINE, SMS, Email). When a ref cannot fit, the
// [*FitError] says so in numbers: "entrylink: Telegram allows 64
// characters; this ref needs 97 after base64url encoding".
//
// # Trust
//
// No ref is authentic: anyone can write a link with any ref. What the
// channel tells you is how the ref reached the bot, in
// [channel.Referral.Origin]:
//
//   - FromLink: the platform delivered the ref from a link or a QR code
//     (Messenger, Instagram, Telegram, Viber). The user could not edit it on
//     the way, but whoever made the link chose it.
//   - FromAd: the referral came from an ad click; the ad fields are the
//     platform's.
//   - FromText: the ref was read from a message the user sent, which began
//     as a prefilled draft the user could edit or delete (WhatsApp, LINE,
//     SMS). It may be altered, truncated or typed by hand.
//
// A ref that grants something (binds an account, applies a discount) must
// be signed with refsig and verified in the webhook handler.
//
// # Errors
//
// Every error is typed and matchable with errors.Is and errors.As: a
// [*channel.LinkError] for a link that is not a channel's entry link (with
// the rule, the part and its byte offset), a [*RefError] wrapping a
// [*refparam.SyntaxError] for a ref that does not decode, a
// [*refparam.EncodeError] for a Ref that cannot be written, a [*FitError]
// (which matches [channel.ErrTooLong]) for a ref too long for its channel,
// a [*RefError] wrapping [ErrWhiteSpace] for a ref that message text would
// cut short, and a [*channel.BodyError] for a webhook body that cannot be
// read. No function returns a partial result with an error.
//
// Every function in the module is pure (no I/O, no package state that
// callers can change) and safe for concurrent use.
package entrylink
