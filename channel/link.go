package channel

import "strconv"

// A Link is an entry link taken apart: the channel, the conversation it
// opens and the ref it carries. [Parse] returns one; [Link.URL] writes one.
//
// The zero values of the variant fields (Param, App, Base, Subject) select
// each channel's default form, so Link{Kind: k, Target: t, Ref: r} is the
// link that [Build](k, t, r) writes.
type Link struct {
	Kind Kind

	// Target is the conversation the link opens, normalised: the Messenger
	// page handle or numeric page id, the Instagram username, the WhatsApp
	// phone as digits ("" for a link without a number), the Telegram bot
	// username, the Viber chat URI, the WebChat account id, the LINE id
	// with its "@", the SMS phone ("+" kept, separators removed) or the
	// e-mail address.
	Target string

	// Ref is the ref text, %-decoded, without the "/" that prefills it in
	// the text channels (WhatsApp, LINE, SMS, Email). "" means the link
	// carries no ref.
	Ref string

	// Param is the Telegram parameter the ref rides in: start (the zero
	// value), startgroup or startapp. Other channels require the zero value.
	Param StartParam

	// App is the short name of a Telegram Mini App
	// (t.me/<bot>/<app>?startapp=…); it requires Param == StartApp. Empty
	// for every other link.
	App string

	// Base is the WebChat page the link opens, scheme, host and path
	// ("https://example.com/webchat/"); "" is [DefaultWebChatBase]. Empty
	// for every other channel.
	Base string

	// Subject is the e-mail subject of an Email link; optional. Empty for
	// every other channel.
	Subject string
}

// StartParam names the query parameter a Telegram bot link carries its
// payload in. The zero value is Start.
type StartParam uint8

const (
	// Start opens a private chat with the bot, which receives
	// "/start <payload>" (t.me/<bot>?start=…).
	Start StartParam = iota
	// StartGroup asks the user to add the bot to a group, which then
	// receives "/start@<bot> <payload>" (t.me/<bot>?startgroup=…).
	StartGroup
	// StartApp opens the bot's Mini App, which reads the payload as
	// start_param; the bot receives no message (t.me/<bot>?startapp=…,
	// t.me/<bot>/<app>?startapp=…).
	StartApp

	numStartParams
)

var startParamNames = [numStartParams]string{"start", "startgroup", "startapp"}

// String returns the query parameter's name ("start", "startgroup",
// "startapp"), or "StartParam(N)" for a value that is none of them.
func (p StartParam) String() string {
	if p >= numStartParams {
		return "StartParam(" + strconv.Itoa(int(p)) + ")"
	}
	return startParamNames[p]
}

// DefaultWebChatBase is the WebChat page a [Link] with an empty Base opens:
// the product's own web chat.
const DefaultWebChatBase = "https://app.chitchatbot.com/bots/webchat/"

// defaultWebChatHost is DefaultWebChatBase's host.
const defaultWebChatHost = "app.chitchatbot.com"
