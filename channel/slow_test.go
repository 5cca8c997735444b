package channel_test

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/entrylink/entrylink/channel"
)

// slowLink reads a link that Parse accepted a second way, with net/url and
// strings.Split: the slow, obviously-correct reference the fuzz targets
// compare Parse with. It extracts; it does not validate (Parse's rules are
// tested on their own), so it is only meaningful for links Parse accepts.
func slowLink(s string) (channel.Link, error) {
	u, err := url.Parse(s)
	if err != nil {
		return channel.Link{}, err
	}
	query, opaque := u.RawQuery, u.Opaque
	if u.Scheme == "sms" && query == "" {
		opaque, query, _ = strings.Cut(opaque, "&")
	}
	params := map[string]string{} // decoded key, lowercased → raw value
	for _, pair := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return channel.Link{}, err
		}
		key = asciiLower(key) // parameter names are read in any ASCII case, as Telegram's clients do
		if _, dup := params[key]; !dup {
			params[key] = v
		}
	}
	form := func(name string) string { // HTML-form decoding, as a server reads it
		v, _ := url.QueryUnescape(params[name])
		return v
	}
	text := func(v string) string { // RFC 3986 decoding: '+' is '+'
		v, _ = url.PathUnescape(v)
		return v
	}
	// The prefill "/", after any white space, as the webhook looks for it.
	prefill := func(v string) string {
		t := text(v)
		isSpace := func(r rune) bool { return unicode.IsSpace(r) && !unicode.IsControl(r) }
		if u := strings.TrimLeftFunc(t, isSpace); strings.HasPrefix(u, "/") {
			return u[1:]
		}
		return t
	}
	path := strings.TrimSuffix(strings.TrimPrefix(u.Path, "/"), "/")
	segs := strings.Split(path, "/")
	host := strings.ToLower(u.Hostname())

	switch {
	case host == "m.me":
		return channel.Link{Kind: channel.Messenger, Target: segs[0], Ref: form("ref")}, nil
	case host == "ig.me":
		return channel.Link{Kind: channel.Instagram, Target: segs[len(segs)-1], Ref: text(params["ref"])}, nil
	case host == "wa.me":
		return channel.Link{Kind: channel.WhatsApp, Target: digits(path, false), Ref: prefill(params["text"])}, nil
	case host == "api.whatsapp.com", u.Scheme == "whatsapp":
		return channel.Link{Kind: channel.WhatsApp, Target: digits(text(params["phone"]), false), Ref: prefill(params["text"])}, nil
	case host == "t.me", host == "telegram.me", host == "telegram.dog", u.Scheme == "tg":
		l := channel.Link{Kind: channel.Telegram}
		if u.Scheme == "tg" {
			l.Target, l.App = params["domain"], params["appname"]
		} else {
			l.Target = segs[0]
			if len(segs) > 1 {
				l.App = segs[1]
			}
		}
		for _, p := range []channel.StartParam{channel.Start, channel.StartGroup, channel.StartApp} {
			if v, ok := params[p.String()]; ok {
				l.Param, l.Ref = p, v
			}
		}
		if l.App != "" {
			l.Param = channel.StartApp
		}
		return l, nil
	case u.Scheme == "viber":
		return channel.Link{Kind: channel.Viber, Target: form("chaturi"), Ref: form("context")}, nil
	case host == "line.me":
		l := channel.Link{Kind: channel.Line, Target: segs[len(segs)-1]}
		if segs[1] == "oaMessage" {
			l.Ref = prefill(u.RawQuery)
		}
		return l, nil
	case u.Scheme == "sms":
		return channel.Link{Kind: channel.SMS, Target: digits(opaque, true), Ref: prefill(params["body"])}, nil
	case u.Scheme == "mailto":
		return channel.Link{Kind: channel.Email, Target: opaque, Ref: prefill(params["body"]), Subject: text(params["subject"])}, nil
	}
	l := channel.Link{Kind: channel.WebChat, Target: form("p"), Ref: form("ref")}
	if base := "https://" + host + u.Path; base != channel.DefaultWebChatBase {
		l.Base = base
	}
	return l, nil
}

// digits returns the digits of phone, after a leading "+" if keepPlus.
func digits(phone string, keepPlus bool) string {
	var b strings.Builder
	if keepPlus && strings.HasPrefix(phone, "+") {
		b.WriteByte('+')
	}
	for _, c := range phone {
		if '0' <= c && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// asciiLower lowercases the ASCII letters of s only, as parameter names are
// compared: the Kelvin sign is not a "k".
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
