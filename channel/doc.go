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
//
// # Where the ref rides
//
// Messenger, Instagram and WebChat carry the ref in ref=, Telegram in
// start=, startgroup= or startapp=, Viber in context=. WhatsApp, LINE, SMS
// and Email have no ref parameter: the ref rides in the message the link
// prefills, which the user can edit or delete before sending. There the
// link writes "/" and the ref, as the product does, and Parse drops one
// leading "/" (a text without it is read whole). The bot gets the text as
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
//	Instagram  username, 1–30 of A-Z a-z 0-9 . _
//	WhatsApp   phone, written with or without + ( ) . - and spaces, kept as
//	           digits: 7–15 (MinPhoneDigits, MaxPhoneDigits), not starting
//	           with 0; or empty (the user picks the contact)
//	Telegram   bot username, 5–32 of A-Z a-z 0-9 _, starting with a letter,
//	           ending in "bot" (Telegram requires it of every bot);
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
// parameters in a fixed order, so Parse(l.URL()) returns l, and a link
// Parse accepts written back and parsed again gives the same Link.
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
// [ErrRepeated]. Where a server may read '+' as a space (Messenger, Viber,
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
// Parse is a hand-written scanner that does not allocate unless a ref or
// target must be decoded or normalised; Build makes one allocation, the
// result. FuzzScan checks that every URL the scanner accepts, net/url reads
// the same way.
//
// # Referrals from webhooks
//
// This section is written by the referrals work (issue 4).
package channel
