package channel

import "strings"

// The link forms Parse reads, one method per channel. Each works on the
// URL that scan split and parse matched to the channel by scheme and host.

// messenger reads https://m.me/<page>?ref=<ref>.
func (ps *parsing) messenger(l *Link) *LinkError {
	const k = Messenger
	var sg pathSegs
	segs, offs, n, ok := ps.segments(&sg)
	if !ok || n > 1 {
		return ps.badPath(k)
	}
	if n == 0 {
		return ps.missing(k, ps.u.pathOff)
	}
	t, e := ps.target(k, segs[0], segs[0], offs[0])
	if e != nil {
		return e
	}
	var p [1]qparam
	if e := ps.params(k, p[:], "ref"); e != nil {
		return e
	}
	ref, e := ps.formRef(k, &p[0])
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// instagram reads https://ig.me/m/<user>?ref=<ref> and ig.me/<user>.
func (ps *parsing) instagram(l *Link) *LinkError {
	const k = Instagram
	var sg pathSegs
	segs, offs, n, ok := ps.segments(&sg)
	switch {
	case !ok || n > 2 || n == 2 && segs[0] != "m":
		return ps.badPath(k)
	case n == 0:
		return ps.missing(k, ps.u.pathOff)
	case n == 2:
		segs[0], offs[0] = segs[1], offs[1]
	}
	t, e := ps.target(k, segs[0], segs[0], offs[0])
	if e != nil {
		return e
	}
	var p [1]qparam
	if e := ps.params(k, p[:], "ref"); e != nil {
		return e
	}
	ref, e := ps.textRef(k, &p[0], &refRules[k], false)
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// whatsapp reads https://wa.me/<phone>?text=…, https://wa.me/?text=…,
// https://api.whatsapp.com/send?phone=…&text=… and
// whatsapp://send?phone=…&text=….
func (ps *parsing) whatsapp(l *Link) *LinkError {
	const k = WhatsApp
	var t string
	var p [2]qparam // phone, text
	e := ps.params(k, p[:], "phone", "text")
	if e != nil {
		return e
	}
	// The host is wa.me, api.whatsapp.com or (whatsapp://) send, in any
	// case, as parse chose this form for it: the length tells them apart.
	if len(ps.u.host) == len("wa.me") {
		// wa.me takes the number in its path. A phone= beside it could
		// name another number, or one WhatsApp does not read: which
		// contact the link opens would be a guess.
		if p[0].found {
			return ps.fail(k, "parameter", "phone", p[0].koff, ErrParam)
		}
		var sg pathSegs
		segs, offs, n, ok := ps.segments(&sg)
		if !ok || n > 1 {
			return ps.badPath(k)
		}
		if n == 1 {
			if t, e = ps.target(k, segs[0], segs[0], offs[0]); e != nil {
				return e
			}
		}
	} else {
		want := "" // whatsapp://send
		if len(ps.u.host) == len("api.whatsapp.com") {
			want = "/send"
		}
		if p := ps.u.path; p != want && p != want+"/" {
			return ps.badPath(k)
		}
		if ph := &p[0]; ph.raw != "" {
			if t, e = ps.target(k, ph.value(), ph.raw, ph.off); e != nil {
				return e
			}
		}
	}
	ref, e := ps.textRef(k, &p[1], &refRules[k], true)
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// telegram reads https://t.me/<bot>?start=… (also telegram.me and
// telegram.dog, startgroup and startapp), https://t.me/<bot>/<app>?startapp=…
// and tg://resolve?domain=<bot>&start=… (appname=<app> for a Mini App).
func (ps *parsing) telegram(l *Link) *LinkError {
	const k = Telegram
	var bot, app string
	var botOff, appOff int
	var found [numStartParams + 2]qparam // start, startgroup, startapp, domain, appname
	if e := ps.params(k, found[:], "start", "startgroup", "startapp", "domain", "appname"); e != nil {
		return e
	}
	if equalFoldASCII(ps.u.host, "resolve") {
		if p := ps.u.path; p != "" && p != "/" {
			return ps.badPath(k)
		}
		d := &found[numStartParams]
		if d.raw == "" {
			return ps.missing(k, ps.u.queryOff)
		}
		bot, botOff = d.raw, d.off
		if a := &found[numStartParams+1]; a.found {
			app, appOff = a.raw, a.off
			if app == "" {
				return ps.badApp(app, appOff)
			}
		}
	} else {
		var sg pathSegs
		segs, offs, n, ok := ps.segments(&sg)
		switch {
		case !ok || n > 2:
			return ps.badPath(k)
		case n == 0:
			return ps.missing(k, ps.u.pathOff)
		}
		bot, botOff = segs[0], offs[0]
		app, appOff = segs[1], offs[1]
	}
	bot, e := ps.target(k, bot, bot, botOff)
	if e != nil {
		return e
	}
	if app != "" {
		if ok, _ := in(cBot, app); !ok || len(app) < 3 || len(app) > 30 {
			return ps.badApp(app, appOff)
		}
	}
	// found is walked by index and val points into it: a qparam copied
	// whole right after params stored its fields one by one stalls (see
	// parseLink).
	var which StartParam
	val := &qparam{}
	for sp := range StartParam(numStartParams) {
		q := &found[sp]
		if !q.found {
			continue
		}
		if val.found {
			e := ps.fail(k, "start parameter", sp.String(), q.koff, ErrRepeated)
			e.Want = "one of start, startgroup, startapp"
			return e
		}
		which, val = sp, q
	}
	if app != "" {
		if val.found && which != StartApp {
			e := ps.fail(k, which.String()+" parameter", "", val.koff, ErrPath)
			e.Want = "a Mini App link carries startapp only"
			return e
		}
		which = StartApp
	}
	// The payload is read raw: Telegram clients do not %-decode it, and
	// drop a payload with anything outside the alphabet (tdesktop #2083).
	r := &telegramRules[which]
	if i, c, err := r.check(val.raw); err != nil {
		e := r.error("Parse", k, val.raw, i, c, err)
		e.Value = val.raw
		if i >= 0 {
			e.Offset = val.off + i
		}
		return e
	}
	l.Kind, l.Target, l.Ref, l.Param, l.App = k, bot, val.raw, which, app
	return nil
}

func (ps *parsing) badApp(app string, off int) *LinkError {
	e := ps.fail(Telegram, "Mini App name", app, off, ErrVariant)
	e.Want = appWant
	return e
}

// viber reads viber://pa?chatURI=<uri>&context=<ref>; a text= beside them
// is the user's draft and is not kept.
func (ps *parsing) viber(l *Link) *LinkError {
	const k = Viber
	if p := ps.u.path; p != "" && p != "/" {
		return ps.badPath(k)
	}
	var p [2]qparam // chatURI, context
	if e := ps.params(k, p[:], "chatURI", "context"); e != nil {
		return e
	}
	c := &p[0]
	if c.raw == "" {
		return ps.missing(k, ps.u.queryOff)
	}
	t, e := ps.target(k, c.value(), c.raw, c.off)
	if e != nil {
		return e
	}
	ref, e := ps.formRef(k, &p[1])
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// webchat reads <base>?p=<account>&ref=<ref> on the default WebChat host
// and the hosts the Parser was given.
func (ps *parsing) webchat(l *Link) *LinkError {
	const k = WebChat
	path := ps.u.path
	if ok, _ := in(cPath, path); !ok || path != "" && path[0] != '/' {
		return ps.badPath(k)
	}
	var p [2]qparam // p, ref
	if e := ps.params(k, p[:], "p", "ref"); e != nil {
		return e
	}
	a := &p[0]
	if a.raw == "" {
		return ps.missing(k, ps.u.queryOff)
	}
	t, e := ps.target(k, a.value(), a.raw, a.off)
	if e != nil {
		return e
	}
	ref, e := ps.formRef(k, &p[1])
	if e != nil {
		return e
	}
	var base string
	if ps.u.scheme != "https" || ps.u.host != defaultWebChatHost || path != "/bots/webchat/" {
		base = "https://" + strings.ToLower(ps.u.host) + path
		if base == DefaultWebChatBase {
			base = ""
		}
	}
	l.Kind, l.Target, l.Ref, l.Base = k, t, ref, base
	return nil
}

// line reads https://line.me/R/oaMessage/<%40id>/?<text> and
// https://line.me/R/ti/p/<@id> (a chat without text).
func (ps *parsing) line(l *Link) *LinkError {
	const k = Line
	var sg pathSegs
	segs, offs, n, ok := ps.segments(&sg)
	var raw string
	var off int
	var text qparam
	switch {
	case ok && n == 3 && segs[0] == "R" && segs[1] == "oaMessage":
		raw, off = segs[2], offs[2]
		text = qparam{raw: ps.u.query, off: ps.u.queryOff, found: ps.u.hasQuery}
		// The query is the text: no params to read it (see parsing.parse).
		if e := queryBytes(ps.u.query, ps.u.queryOff, true); e != nil {
			return e
		}
		ps.read = true
		if i := badEscape(ps.u.query); i >= 0 {
			return escapeError(ps.u.queryOff + i)
		}
	case ok && n == 4 && segs[0] == "R" && segs[1] == "ti" && segs[2] == "p":
		raw, off = segs[3], offs[3]
	default:
		return ps.badPath(k)
	}
	id := unescape(raw)
	if id[0] != '@' {
		e := ps.fail(k, targetRules[k].part, id, off, ErrTarget)
		e.Want = targetRules[k].want
		return e
	}
	t, e := ps.target(k, id, raw, off)
	if e != nil {
		return e
	}
	ref, e := ps.textRef(k, &text, &refRules[k], true)
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// sms reads sms:<phone>?body=<text> (RFC 5724) and iOS's
// sms:<phone>&body=<text>.
func (ps *parsing) sms(l *Link) *LinkError {
	const k = SMS
	num := ps.u.path
	if amp := strings.IndexByte(num, '&'); amp >= 0 && !ps.u.hasQuery {
		ps.u.query, ps.u.queryOff, ps.u.hasQuery = num[amp+1:], ps.u.pathOff+amp+1, true
		num = num[:amp]
		if e := checkQuery(ps.u.query, ps.u.queryOff); e != nil {
			return e
		}
	}
	if num == "" {
		return ps.missing(k, ps.u.pathOff)
	}
	t, e := ps.target(k, num, num, ps.u.pathOff)
	if e != nil {
		return e
	}
	var p [1]qparam
	if e := ps.params(k, p[:], "body"); e != nil {
		return e
	}
	ref, e := ps.textRef(k, &p[0], &refRules[k], true)
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref = k, t, ref
	return nil
}

// email reads mailto:<address>?subject=<text>&body=<text> (RFC 6068;
// header names in any case).
func (ps *parsing) email(l *Link) *LinkError {
	const k = Email
	addr := ps.u.path
	if addr == "" {
		return ps.missing(k, ps.u.pathOff)
	}
	t := addr // already checked by splitMailto, which allows no change
	if !ps.addrOK {
		var e *LinkError
		if t, e = ps.target(k, addr, addr, ps.u.pathOff); e != nil {
			return e
		}
	}
	var p [2]qparam // subject, body
	if e := ps.params(k, p[:], "subject", "body"); e != nil {
		return e
	}
	// to, cc and bcc would add recipients who get the ref too; any other
	// header is not the link's to set either. params has noted the first
	// such key in the pass that found subject and body.
	if ps.other >= 0 {
		return ps.otherParam(k)
	}
	subject, e := ps.textRef(k, &p[0], &subjectRule, false)
	if e != nil {
		return e
	}
	ref, e := ps.textRef(k, &p[1], &refRules[k], true)
	if e != nil {
		return e
	}
	l.Kind, l.Target, l.Ref, l.Subject = k, t, ref, subject
	return nil
}
