// Package channel builds, parses and checks chatbot entry links for every
// messaging channel, and reads the referral out of each channel's webhook
// body.
//
// An entry link opens a conversation with a bot and carries a ref, the
// text that tells the bot where the person came from. [Build] writes one,
// [Parse] takes one apart into a [Link], and [Check] says whether a ref
// can ride in a channel's links at all, and if not, which character at
// which byte breaks which rule, or by how much it is too long. The package
// works on the raw ref text; what the ref means (a flow name, payloads,
// JSON) is the business of package refparam, which this package never
// imports.
//
// The package has no state that callers can change: every function is pure
// and safe for concurrent use, and a [Parser] with extra WebChat hosts is an
// immutable value.
//
// # Link forms
//
// [Build] writes the first form of each channel; [Parse] reads all of them.
// Hosts match exactly, in any ASCII case; http:// is read as https://.
//
//	Messenger  https://m.me/<page>?ref=<ref>
//	Instagram  https://ig.me/m/<username>?ref=<ref>
//	           https://ig.me/<username>?ref=<ref>
//	WhatsApp   https://wa.me/<digits>?text=/<ref>
//	           https://wa.me/?text=/<ref>                       (no number)
//	           https://api.whatsapp.com/send?phone=<digits>&text=/<ref>
//	           whatsapp://send?phone=<digits>&text=/<ref>
//	Telegram   https://t.me/<bot>?start=<ref>                   (also telegram.me, telegram.dog)
//	           https://t.me/<bot>?startgroup=<ref>
//	           https://t.me/<bot>?startapp=<ref>
//	           https://t.me/<bot>/<app>?startapp=<ref>
//	           tg://resolve?domain=<bot>&start=<ref>            (startgroup, startapp, appname=<app>)
//	Viber      viber://pa?chatURI=<uri>&context=<ref>           (a text= beside them is not kept)
//	WebChat    https://app.chitchatbot.com/bots/webchat/?p=<account>&ref=<ref>
//	           <base>?p=<account>&ref=<ref>                     (hosts given to Parser.WithWebChatHosts)
//	LINE       https://line.me/R/oaMessage/%40<id>/?/<ref>
//	           https://line.me/R/ti/p/%40<id>                   (no text; @ raw or %40)
//	SMS        sms:<phone>?body=%2F<ref>                        (RFC 5724)
//	           sms:<phone>&body=/<ref>                          (iOS)
//	Email      mailto:<address>?subject=<subject>&body=%2F<ref> (RFC 6068)
//
// The variants are fields of [Link]: Param ([StartGroup], [StartApp]) and
// App for Telegram, Base for WebChat, Subject for Email; [Link.URL] and
// [Link.AppendTo] write them. An empty ref leaves the ref parameter out.
// [AppendLink] is Build into a buffer, for a ref given as bytes.
//
// # Where the ref rides
//
// Messenger, Instagram and WebChat carry the ref in ref=, Telegram in
// start=, startgroup= or startapp=, Viber in context=. WhatsApp, LINE, SMS
// and Email have no ref parameter: the ref rides in the message the link
// prefills, which the user can edit or delete before sending. There the
// link writes "/" and the ref, as the product does, and Parse drops one
// leading "/", and any white space before it (but control characters,
// which Parse refuses), as the bot's webhook does (a text without the "/"
// is read whole). The bot gets the text as
// the user's first message, if the user sends it.
//
// # Alphabets and limits
//
//	Messenger  A-Z a-z 0-9 + / = - . : _       up to MaxRefLen (2,083)
//	Instagram  A-Z a-z 0-9 _ = -               up to MaxRefLen
//	Telegram   A-Z a-z 0-9 _ -                 1 to MaxTelegramStartLen (64);
//	                                           startapp MaxTelegramStartAppLen (512);
//	                                           never starting "_tgr_"
//	others     UTF-8 text without control      up to MaxRefLen bytes
//	           characters, %-encoded
//
// Messenger: the m.me documentation gives a length but no alphabet; the
// alphabet is the one Meta documents for the other Messenger entry points
// (Send-to-Messenger data-ref, Messenger Codes), which the same ref reaches
// through the same webhook. No looser mode is offered: nothing documents
// what m.me does with other characters, and an older Meta error message
// says that words with spaces will not work. Instagram's alphabet is the
// one its ig.me documentation gives. Telegram's is the Bot API's;
// Telegram recommends base64url for anything else. The startapp limit is
// not on Telegram's own pages; 512 is the community documentation's.
// Payloads starting "_tgr_" are refused because Telegram clients read them
// as affiliate links. The channels that document no limit get Meta's
// 2,083, counted in bytes of the decoded text. Control characters,
// including line breaks, are refused everywhere: a ref is one line.
//
// The empty ref is not an error: it is a link without a ref. To make every
// link work on every channel, carry anything outside A-Z a-z 0-9 _ - as
// unpadded base64url (RFC 4648 §5), which fits all the alphabets; [InAlphabet]
// tells whether a text fits a channel as it is, [Kind.MaxRefLen] and
// [StartParam.MaxLen] give the limits.
//
// # Targets
//
// Build checks and normalises the target; Parse returns it normalised.
//
//	Messenger  page handle or numeric page id, 5–50 of A-Z a-z 0-9 .
//	Instagram  username, 1–30 of A-Z a-z 0-9 . _, not starting or ending
//	           with "." nor holding ".." (never a "." or ".." path step)
//	WhatsApp   phone, written with or without + ( ) . - and spaces, kept as
//	           digits: 7–15 (MinPhoneDigits, MaxPhoneDigits), not starting
//	           with 0, without a trunk prefix "(0)" after its first digits
//	           ("+44 (0)20 …" is refused, not read as 44020…); or empty
//	           (the user picks the contact)
//	Telegram   bot username, 5–32 of A-Z a-z 0-9 _, starting with a letter,
//	           ending in "bot" (Telegram requires it of every bot); Build
//	           drops a leading "@" ("@my_bot"), which no link has;
//	           Mini App name 3–30 of A-Z a-z 0-9 _
//	Viber      chat URI, 1–64 of A-Z a-z 0-9 _ . -
//	WebChat    account id, 1–64 of A-Z a-z 0-9 _ -
//	LINE       "@" and 1–32 of A-Z a-z 0-9 . _ - (the "@" is added if missing)
//	SMS        phone as for WhatsApp, a leading "+" kept
//	Email      an address that needs no %-encoding in a mailto: URI: a
//	           dot-atom local part of A-Z a-z 0-9 . ! $ ' * + = _ ~ -, "@",
//	           an ASCII domain of two or more labels; every such address is
//	           one net/mail reads unchanged
//
// The length rules for Messenger pages, Viber chat URIs, WebChat account
// ids, LINE ids and Mini App names are this package's choice: the sources
// give no rule, and these admit every real one seen.
//
// # Canonical output
//
// Build percent-encodes every byte of a ref that is not safe where it goes
// (a space as %20, never '+', which wa.me shows literally): in a query
// value the unreserved characters and / : @ = stay, in SMS bodies only the
// unreserved ones (RFC 5724), in mailto: the RFC 6068 qchars but + and ;.
// Nothing in a target or ref can add a parameter, a path or a fragment.
// Build writes https://, lowercase hosts, the first form above, and
// parameters in a fixed order, so for every Link l that Parse returns,
// Parse(l.URL()) returns l, and a link Parse accepts written back and
// parsed again gives the same Link. (A Link made by hand may come back
// normalised: a phone as digits, a LINE id with its "@", a Telegram bot
// without one, a WebChat Base equal to [DefaultWebChatBase] as "", the
// default it names.)
//
// # Security
//
// Parse treats every link as hostile. A channel is recognised only by its
// exact scheme and host, on the scheme's default port. It refuses, each
// with its own sentinel: hosts that only contain or resemble a channel's
// (t.me.evil.com, evil.com/t.me/…) [ErrHost]; userinfo (t.me@evil.com)
// [ErrUserinfo]; IP addresses in any spelling [ErrIPHost]; other ports
// [ErrPort]; non-ASCII and punycode hosts, the shape of homoglyph
// lookalikes [ErrIDNHost]; backslashes [ErrBackslash]; spaces and control
// characters [ErrControl]; javascript: and every other scheme [ErrScheme];
// fragments, ';' separators and bad %-escapes [ErrSyntax]; a parameter the
// link is read from given twice, or two Telegram parameters at once
// [ErrRepeated]; parameter names are read in any ASCII case, as Telegram's
// clients read them (lower-cased, the first one winning), so
// "START=evil&start=x" is a repeat, not two parameters. An Email link with
// any parameter but subject and body (to, cc, bcc: the mail client would
// send the ref to those recipients too) is refused with [ErrParam], and so
// is a phone= on wa.me, whose number is in the path. Where a
// server may read '+' as a space (Messenger, Viber,
// WebChat), a raw '+' in the ref is refused as ambiguous [ErrPlus];
// WhatsApp, LINE, SMS and Email read it as '+'. Telegram payloads are read
// raw, not %-decoded, because Telegram clients drop a payload with
// anything outside the alphabet, %3D included.
//
// Errors are [*LinkError] values that name the function, the input, the
// channel, the part, the byte offset and the rule, and wrap one of the
// sentinels for errors.Is.
//
// # Speed
//
// Parse is a hand-written scanner over byte-class tables. It returns
// substrings of its input and allocates only to %-decode a ref or target,
// to drop a phone's separators, or to put the "@" before a LINE id written
// %40. [Link.URL] and Build make one allocation, the result, when the
// target is already normalised (even when the ref must be %-encoded);
// [Link.AppendTo] and [AppendLink] make none given room. The fuzz targets check that
// every URL the scanner accepts, net/url reads the same way, and that
// every Link Parse returns is the one net/url and strings.Split read.
//
// # Referrals from webhooks
//
// [Referrals] reads the body of one channel's incoming webhook and returns
// every entry into a conversation it holds, in body order, as a [Referral]:
// who came in (UserID), the raw ref they brought (Ref, for a payload codec
// to parse), how it arrived ([Origin]), and what else the platform said
// (recipient, chat, message id, timestamp, ad details). It only reads the
// bytes: no I/O, no state, safe for concurrent use. A valid body without
// referrals, or a valid body of another channel's shape, yields none and no
// error. [ReferralParser] holds the options; its zero value is the default
// that Referrals uses.
//
// What is read, per channel:
//
//   - Messenger ("object":"page") and Instagram ("object":"instagram"):
//     every entry[].messaging[] event and every entry[].changes[]
//     {"field","value"} envelope whose event has a referral object at its
//     top level (messaging_referrals: an existing thread) or in
//     postback.referral (Get Started: a new thread). A bare
//     {"field","value"} envelope (Meta's test notifications) is read too; it
//     names no object, so it reads alike as either channel. UserID is
//     sender.id, else sender.user_ref (the chat plugin's guest; UserRef is
//     set). Ref is referral.ref, Source referral.source; source ADS makes
//     the Origin FromAd, with ad_id and ads_context_data in Ad; the chat
//     plugin's referer_uri is URL. Events under "standby" (another app owns
//     the thread) and referrals inside message objects are not read.
//   - WhatsApp ("object":"whatsapp_business_account"): every
//     entry[].changes[].value.messages[] message that carries a
//     Click-to-WhatsApp referral (FromAd: source_id, ctwa_clid and the ad
//     fields in Ad, source_type as Source, source_url as URL) or whose
//     text.body carries a ref by the text rule below (FromText). A CTWA
//     message's Ref, if any, is cut from its text too, so it is as editable
//     as FromText. UserID is "from", else the wa_id of the value's only
//     contact.
//   - Telegram: an Update (it has a numeric update_id) whose message.text
//     is a start command: exactly "/start", optionally "@" and a bot
//     username, then the end of the text or white space. The payload is the
//     rest, trimmed of white space and otherwise untouched (business
//     "bizChat…" payloads included); a bare /start is a referral with an
//     empty Ref, told apart from no referral by the result's length. The
//     Origin is FromLink when a link could have delivered the payload (empty,
//     or 1 to MaxTelegramStartLen of A-Z a-z 0-9 _ -, the start or, in a
//     group, startgroup rules), else FromText: clients drop any other link
//     payload, so "/start abc def" was typed by hand. Source
//     is "startgroup" in a group or supergroup chat, else "start";
//     RecipientID is the bot username of /start@bot, which a bot in a group
//     should compare with its own. edited_message (an old message
//     rewritten, not a link opened), channel_post and any other text are not
//     read.
//   - Viber: a conversation_started callback. Ref is "context", empty when
//     absent; UserID is user.id.
//   - LINE: every events[] item of type "message" with a text message whose
//     text carries a ref by the text rule; UserID is source.userId, ChatID
//     its groupId or roomId, RecipientID the body's destination.
//   - SMS through Twilio: the application/x-www-form-urlencoded body, read
//     with net/url's rules; the ref is cut from Body by the text rule;
//     UserID is From, RecipientID To, MessageID MessageSid.
//   - WebChat and Email have no webhook shape: [ErrReferralUnsupported].
//
// The text rule, for texts the user could edit before sending (WhatsApp,
// LINE, SMS): the text is trimmed of white space (unicode.IsSpace); if it
// then starts with "/", the ref is what follows the "/" up to the next white
// space, and any words after it are ignored ("/giveaway--456 please" gives
// "giveaway--456"); a "/" followed by nothing or by white space is no ref.
// A text without the "/" is no referral, unless the parser is
// [ReferralParser.BareText] and the trimmed text is one word, which is then
// the ref.
//
// Trust. [FromLink] means the platform delivered the ref exactly as the
// link, QR code or chat plugin had it (m.me, ig.me, t.me with a payload a
// link can carry, Viber); [FromAd] that an ad click brought the person;
// [FromText] that the ref was cut from a message the person could edit,
// shorten or type by hand (a Telegram payload no link can carry included).
// None of them
// makes a ref authentic: anyone can write a link with any ref, or type
// "/start anything", so a ref that grants something must carry its own
// proof.
//
// Ids stay as sent: a JSON string's text, or a JSON number's literal, so an
// 18-digit ad id or a Viber message_token never passes through a float64.
// Timestamps keep the channel's own unit (see [Referral.Time]). The strings
// of one call's results share one copy of the body, never the caller's
// buffer.
//
// Limits. A body longer than [MaxBodySize] (4 MiB) is refused with
// [ErrBodyTooLarge] before any of it is read; an SMS form with more than
// [MaxFormFields] fields is too large as well. A JSON body must then be
// valid UTF-8 and pass one non-recursive pass over its bytes that validates
// it as encoding/json does and refuses it with [ErrBodyTooDeep] as soon as
// its objects and arrays nest deeper than [MaxBodyDepth] (64): no recursion
// means no depth can exhaust the stack, and nothing is read from a body
// before it passes. Any other body that is not valid UTF-8 JSON (for SMS,
// a valid form) is [ErrBody]. While reading, a key a referral is read from
// that occurs twice in one object, a form field given twice, or a Messenger
// event with a referral both at its top level and in its postback is
// [ErrBodyAmbiguous]; such a field with the wrong JSON type is
// [ErrBodyField]. A body is read whole or refused whole: every error is a
// [*BodyError] carrying the channel, the byte offset and the key, with no
// referrals beside it.
//
// Speed. Referrals copies the body once, after the check above, which also
// records where each of the body's first objects and arrays ends. It then
// walks each object it needs once, over its own members, stepping over a
// nested value through those records instead of scanning it; no gjson path
// is built, gjson only decodes strings that hold escapes, and its global
// settings are never touched. It allocates the copy and the result slice;
// for SMS, instead of the copy, one string into which the fields it returns
// are decoded. BenchmarkReferrals compares it with encoding/json decoding
// into structs.
package channel
