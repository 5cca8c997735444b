package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// telegram reads a Telegram Update: {"update_id":…,"message":{…}}. Only
// "message" is read: an edited_message is the user rewriting an old message,
// not a link being opened, and channel posts have no user.
func (r *refReader) telegram(root jsonValue) error {
	keys := [...]string{"update_id", "message"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(root, keys[:], v[:]); !ok || err != nil {
		return err
	}
	if !v[0].isNumber() || !v[1].isObject() {
		return nil // not an Update
	}
	r.event++ // an Update is one event, index 0
	mk := [...]string{"text", "from", "chat", "date", "message_id"}
	var m [len(mk)]jsonValue
	if _, err := r.pick(v[1], mk[:], m[:]); err != nil {
		return err
	}
	if !m[0].isString() {
		return nil // a photo, a sticker, …: no command
	}
	ref, bot, ok := startCommand(m[0].text())
	if !ok {
		return nil
	}
	x := Referral{Kind: Telegram, Ref: ref, Origin: FromLink, Source: "start", RecipientID: bot}
	var err error
	fk := [...]string{"id"}
	var f [1]jsonValue
	if err := r.pickIn("from", m[1], fk[:], f[:]); err != nil {
		return err
	}
	if x.UserID, err = r.id("id", f[0]); err != nil {
		return err
	}
	ck := [...]string{"id", "type"}
	var c [len(ck)]jsonValue
	if err := r.pickIn("chat", m[2], ck[:], c[:]); err != nil {
		return err
	}
	if x.ChatID, err = r.id("id", c[0]); err != nil {
		return err
	}
	param := Start
	if c[1].is("group") || c[1].is("supergroup") {
		x.Source, param = "startgroup", StartGroup
	}
	if !linkPayload(param, ref) {
		x.Origin = FromText
	}
	if x.Time, err = r.id("date", m[3]); err != nil {
		return err
	}
	if x.MessageID, err = r.id("message_id", m[4]); err != nil {
		return err
	}
	r.out = append(r.out, x)
	return nil
}

// startCommand reads the /start command a Telegram client sends for a deep
// link: the text starts with exactly "/start", optionally followed by
// "@" and a bot username (letters, digits, '_'), then either ends (a bare
// /start: ok with an empty payload) or continues with white space, after
// which the rest, trimmed of white space, is the payload, untouched
// (business "bizChat…" payloads included; linkPayload decides its Origin).
// Anything else ("/startx", "/Start", " /start", "/start@") is not a start
// command.
func startCommand(text string) (payload, bot string, ok bool) {
	rest, ok := strings.CutPrefix(text, "/start")
	if !ok {
		return "", "", false
	}
	if name, found := strings.CutPrefix(rest, "@"); found {
		n := 0
		for n < len(name) && startBotByte(name[n]) {
			n++
		}
		if n == 0 {
			return "", "", false
		}
		bot, rest = name[:n], name[n:]
	}
	if c, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsSpace(c) {
		return "", "", false // "/startx", "/start@bot-x"
	}
	return strings.TrimSpace(rest), bot, true
}

// linkPayload reports whether payload is one a t.me link with parameter p
// can deliver: Telegram clients drop a start or startgroup payload outside
// the link alphabet or longer than the limit, so any other payload was typed
// by hand. The empty payload (a bare /start) is what a link without a
// payload delivers. The "_tgr_" prefix, which Build refuses, is not checked:
// Telegram's affiliate links deliver it.
func linkPayload(p StartParam, payload string) bool {
	return len(payload) <= p.MaxLen() && InAlphabet(Telegram, payload)
}

func startBotByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
