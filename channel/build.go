package channel

import (
	"slices"
	"strings"
)

// Build returns the default link of channel k to target carrying ref:
//
//	Messenger  https://m.me/<page>?ref=<ref>
//	Instagram  https://ig.me/m/<username>?ref=<ref>
//	WhatsApp   https://wa.me/<digits>?text=/<ref>
//	Telegram   https://t.me/<bot>?start=<ref>
//	Viber      viber://pa?chatURI=<uri>&context=<ref>
//	WebChat    https://app.chitchatbot.com/bots/webchat/?p=<account>&ref=<ref>
//	LINE       https://line.me/R/oaMessage/%40<id>/?/<ref>
//	SMS        sms:<phone>?body=%2F<ref>
//	Email      mailto:<address>?body=%2F<ref>
//
// An empty ref leaves the ref parameter out (a LINE link without text is
// https://line.me/R/ti/p/%40<id>). The target is checked and normalised
// as [Link] describes, the ref is checked as [Check] describes, and
// characters of the ref that are not safe in the link are %-encoded (a space
// as %20, never '+'), so neither can change the link's structure. Errors
// are [*LinkError] values.
//
// Build is Link{Kind: k, Target: target, Ref: ref}.URL(); use [Link.URL]
// for the variants (Telegram startgroup and startapp, a Mini App, another
// WebChat page, an e-mail subject). Build keeps no reference to ref (an
// error holds a copy), so a short ref converted from bytes can stay on the
// caller's stack.
func Build(k Kind, target, ref string) (string, error) {
	// Field by field, not Link{…}.URL(): a literal is built in a
	// temporary and block-copied, and that copy stalls on the stores just
	// made (see parseLink).
	var l Link
	l.Kind, l.Target = k, target
	return l.url(ref)
}

// AppendLink appends the link [Build] returns to dst, for a ref the caller
// has as bytes (text it wrote into a buffer, say), which then needs no
// string of its own. Its errors are Build's; on error it returns dst
// unchanged. It keeps no reference to ref, which may lie in dst, or just
// past its length (appended there first, say), but must not begin further
// into dst's free capacity than that.
func AppendLink(dst []byte, k Kind, target string, ref []byte) ([]byte, error) {
	var l Link
	l.Kind, l.Target = k, target
	t, _, err := l.check() // no subject: nothing else to escape
	if err != nil {
		return dst, err
	}
	esc, err := refEscapes(k, Start, ref)
	if err != nil {
		return dst, err
	}
	// The ref is written first, from its end back, and then what comes
	// before it: a ref that begins at or before the place it is written
	// to, as one at dst[len(dst):] does, is read before it is overwritten.
	n, size := len(dst), l.size(t, len(ref) == 0, len(ref), esc)
	b := slices.Grow(dst, size)[:n+size]
	writeRefBack(b[n:], ref, refClasses[k], esc != 0)
	l.appendHead(b[:n], t, len(ref) == 0, false) // into b's capacity, up to the ref
	return b, nil
}

// writeRefBack writes ref at the end of out, %-encoding the bytes outside
// class safe when escape is set, from its last byte to its first. Read in
// that order, a ref that overlaps out but begins no later than its place
// in out is read before any of it is overwritten (copy, a memmove, has no
// such limit).
func writeRefBack(out, ref []byte, safe uint32, escape bool) {
	j := len(out)
	if !escape {
		copy(out[j-len(ref):], ref)
		return
	}
	for i := len(ref) - 1; i >= 0; i-- {
		c := ref[i]
		if byteClass[c]&safe != 0 {
			j--
			out[j] = c
			continue
		}
		j -= 3
		out[j], out[j+1], out[j+2] = '%', upperhex[c>>4], upperhex[c&15]
	}
}

// URL returns the link l describes, checked and normalised as [Build]
// describes. When the target is already normalised, it makes one
// allocation, the result, even when the ref must be %-encoded.
func (l Link) URL() (string, error) { return l.url(l.Ref) }

// AppendTo appends the link l describes to b, as [Link.URL] writes it. On
// error it returns b unchanged.
func (l Link) AppendTo(b []byte) ([]byte, error) { return l.appendTo(b, l.Ref) }

// url is URL. A link is written in seven pieces, any of them empty, in
// this order:
//
//	head, pre  l.lead(ref == ""): scheme, host and path; "?p=" for WebChat
//	target     as check returns it
//	mid, val   l.middle(): "/" and the Mini App, or "?subject=" and the subject
//	tail       l.tail(ref == ""): the ref parameter up to the ref
//	ref        ref, which stands for l.Ref
//
// val is %-encoded outside cMailto (a Mini App name is all in it) and the
// ref outside refClasses[l.Kind]. check and refEscapes count the escapes,
// so that url allocates once, and url and appendTo write the pieces
// straight from l:
// nothing is stored on the way, so nothing is block-copied (a copy that
// stalls, see parseLink) or needs a write barrier.
func (l *Link) url(ref string) (string, error) {
	t, esc, err := l.check()
	if err != nil {
		return "", err
	}
	n, err := refEscapes(l.Kind, l.Param, ref)
	if err != nil {
		return "", err
	}
	esc += n
	n = l.size(t, ref == "", len(ref), esc)
	head, pre := l.lead(ref == "")
	mid, val := l.middle()
	var b strings.Builder
	b.Grow(n)
	b.WriteString(head)
	if pre != "" { // pre, mid and val are mostly empty: skip the calls
		b.WriteString(pre)
	}
	b.WriteString(t)
	if esc == 0 { // the common case: val and ref are written whole
		if mid != "" {
			b.WriteString(mid)
			b.WriteString(val)
		}
		b.WriteString(l.tail(ref == ""))
		b.WriteString(ref)
		return b.String(), nil
	}
	b.WriteString(mid)
	writeEscaped(&b, val, cMailto)
	b.WriteString(l.tail(ref == ""))
	writeEscaped(&b, ref, refClasses[l.Kind])
	return b.String(), nil
}

// appendTo is AppendTo, in the pieces url writes.
func (l *Link) appendTo(b []byte, ref string) ([]byte, error) {
	t, esc, err := l.check()
	if err != nil {
		return b, err
	}
	n, err := refEscapes(l.Kind, l.Param, ref)
	if err != nil {
		return b, err
	}
	escape := esc+n != 0
	b = l.appendHead(b, t, ref == "", escape)
	if escape {
		return appendEscaped(b, ref, refClasses[l.Kind]), nil
	}
	return append(b, ref...), nil
}

// appendHead appends the pieces of l's link before the ref, with target t
// as check returns it, %-encoding val when escape is set.
//
// It and url take l, and the generic functions that read the ref do not,
// so that l stays where the caller made it: the compiler cannot see that
// a generic function keeps no pointer it is given.
func (l *Link) appendHead(b []byte, t string, noRef, escape bool) []byte {
	head, pre := l.lead(noRef)
	mid, val := l.middle()
	b = append(b, head...)
	b = append(b, pre...)
	b = append(b, t...)
	b = append(b, mid...)
	if escape {
		b = appendEscaped(b, val, cMailto)
	} else {
		b = append(b, val...)
	}
	return append(b, l.tail(noRef)...)
}

// heads holds each channel's link up to the target.
var heads = [numKinds]string{
	Messenger: "https://m.me/",
	Instagram: "https://ig.me/m/",
	WhatsApp:  "https://wa.me/",
	Telegram:  "https://t.me/",
	Viber:     "viber://pa?chatURI=",
	WebChat:   DefaultWebChatBase,
	Line:      "https://line.me/R/oaMessage/%40",
	SMS:       "sms:",
	Email:     "mailto:",
}

// tails holds each channel's link from the target up to the ref.
var tails = [numKinds]string{
	Messenger: "?ref=",
	Instagram: "?ref=",
	WhatsApp:  "?text=/",
	Viber:     "&context=",
	WebChat:   "&ref=",
	Line:      "/?/",
	SMS:       "?body=%2F",
	Email:     "?body=%2F",
}

// refClasses holds, per channel, the bytes a ref is written with as they
// are; the others are %-encoded. Every byte of the Instagram and Telegram
// alphabets is in cQuery, so those refs are written as they are, as their
// alphabets promise.
var refClasses = [numKinds]uint32{
	Messenger: cQuery, // of the Messenger alphabet, only '+' is encoded
	Instagram: cQuery,
	WhatsApp:  cQuery,
	Telegram:  cQuery,
	Viber:     cQuery,
	WebChat:   cQuery,
	Line:      cLineText,
	SMS:       cUnreserved,
	Email:     cMailto,
}

// telegramTails holds the query of a Telegram link up to the payload, per
// parameter, and without a payload on a link that is not a Mini App's:
// ?startgroup and ?startapp without a value are links of their own (add to
// a group, open the main Mini App).
var telegramTails = [numStartParams]struct{ payload, none string }{
	Start:      {"?start=", ""},
	StartGroup: {"?startgroup=", "?startgroup"},
	StartApp:   {"?startapp=", "?startapp"},
}

// lead returns the pieces of l's link before the target, with or without
// a ref.
func (l *Link) lead(noRef bool) (head, pre string) {
	switch {
	case l.Kind == WebChat && l.Base != "":
		return l.Base, "?p="
	case l.Kind == WebChat:
		return DefaultWebChatBase, "?p="
	case l.Kind == Line && noRef:
		return "https://line.me/R/ti/p/%40", ""
	}
	return heads[l.Kind], ""
}

// middle returns the pieces of l's link between the target and the tail:
// the Mini App of a Telegram link or the subject of an Email link, which
// checkVariants allows on no other link.
func (l *Link) middle() (mid, val string) {
	switch {
	case l.App != "":
		return "/", l.App
	case l.Subject != "":
		return "?subject=", l.Subject
	}
	return "", ""
}

// tail returns the piece of l's link before the ref, or the end of a link
// without one.
func (l *Link) tail(noRef bool) string {
	switch {
	case l.Kind == Telegram && !noRef:
		return telegramTails[l.Param].payload
	case l.Kind == Telegram && l.App == "":
		return telegramTails[l.Param].none
	case noRef:
		return ""
	case l.Subject != "": // Email
		return "&body=%2F"
	}
	return tails[l.Kind]
}

// check checks l but for its ref, and returns its target as the link
// writes it (normalised; a LINE id without its "@") and how many bytes of
// its subject the link %-encodes. With refEscapes and size it is the one
// implementation of the rules behind Build, AppendLink, URL and AppendTo.
func (l *Link) check() (t string, esc int, err error) {
	const op = "Build"
	k := l.Kind
	if !k.Valid() {
		return "", 0, &KindError{Name: k.String()}
	}
	if err := l.checkVariants(); err != nil {
		return "", 0, err
	}
	t, e := normTarget(op, k, l.Target)
	if e != nil {
		return "", 0, e
	}
	if k == Line {
		t = t[1:]
	}
	if l.Subject != "" {
		// checkVariants has checked the subject; this counts its escapes.
		esc, _ = escapes(&subjectRule, l.Subject, cMailto)
	}
	return t, esc, nil
}

// refEscapes checks ref, as a ref of channel k (valid) with Telegram
// parameter p, in one pass that also counts the bytes the link %-encodes.
//
// Nothing here or in the writers keeps ref (its error holds a copy), so
// that it does not escape: a caller that makes a short ref on its stack
// builds a link with one allocation, the link; and a ref given as bytes
// ([AppendLink]) needs no string made of it.
func refEscapes[T text](k Kind, p StartParam, ref T) (int, error) {
	esc, ok := escapes(ruleOf(k, p), ref, refClasses[k])
	if !ok {
		return 0, checkRef("Build", k, p, cloneText(ref))
	}
	return esc, nil
}

// size returns the length of l's link with target t as check returns it, a
// ref of n bytes (none if noRef) and esc bytes %-encoded.
func (l *Link) size(t string, noRef bool, n, esc int) int {
	head, pre := l.lead(noRef)
	mid, val := l.middle()
	return len(head) + len(pre) + len(t) + len(mid) + len(val) + len(l.tail(noRef)) + n + 2*esc
}

const upperhex = "0123456789ABCDEF"

// writeEscaped writes s to b with every byte outside class safe (one class
// bit) %-encoded. The runs of safe bytes between escapes, usually all of
// s, are found four bytes at a time and written whole.
func writeEscaped(b *strings.Builder, s string, safe uint32) {
	for {
		i := indexNotClass(s, 0, safe)
		b.WriteString(s[:i])
		if i == len(s) {
			return
		}
		c := s[i]
		b.WriteByte('%')
		b.WriteByte(upperhex[c>>4])
		b.WriteByte(upperhex[c&15])
		s = s[i+1:]
	}
}

// appendEscaped is writeEscaped for a byte slice.
func appendEscaped(b []byte, s string, safe uint32) []byte {
	for {
		i := indexNotClass(s, 0, safe)
		b = append(b, s[:i]...)
		if i == len(s) {
			return b
		}
		c := s[i]
		b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		s = s[i+1:]
	}
}

// cloneText returns a string copy of s, which shares no memory with it.
func cloneText[T text](s T) string {
	if len(s) == 0 {
		return ""
	}
	return string([]byte(s))
}

// checkVariants checks the fields of l that only some channels use.
func (l *Link) checkVariants() error {
	const op = "Build"
	k := l.Kind
	bad := func(part, value string, want string) error {
		return &LinkError{Op: op, Input: value, Kind: k, Part: part, Value: value, Offset: -1, Want: want, Err: ErrVariant}
	}
	if l.Param >= numStartParams || l.Param != Start && k != Telegram {
		return bad("parameter", l.Param.String(), "start, or on Telegram startgroup or startapp")
	}
	if l.App != "" {
		if k != Telegram || l.Param != StartApp {
			return bad("Mini App name", l.App, "a Mini App name only on a Telegram startapp link")
		}
		if ok, _ := in(cBot, l.App); !ok || len(l.App) < 3 || len(l.App) > 30 {
			return bad("Mini App name", l.App, appWant)
		}
	}
	if l.Base != "" {
		if k != WebChat {
			return bad("WebChat base", l.Base, "a base only on a WebChat link")
		}
		if err := checkBase(l.Base); err != nil {
			return err
		}
	}
	if l.Subject != "" {
		if k != Email {
			return bad("subject", l.Subject, "a subject only on an Email link")
		}
		r := &subjectRule
		if off, c, err := r.check(l.Subject); err != nil {
			return r.error(op, k, l.Subject, off, c, err)
		}
	}
	return nil
}

// appWant describes a Telegram Mini App short name.
const appWant = "3–30 of A-Z a-z 0-9 _"

// checkBase checks a WebChat base in the canonical form Parse returns:
// "https://", a lowercase ASCII host name (not an IP address, no userinfo
// or port, not another channel's host), and a path of unreserved
// characters and '/', with no query or fragment.
func checkBase(base string) error {
	var u rawURL
	e := scan(base, &u)
	if e == nil && (u.scheme != "https" || !u.hier) {
		e = &LinkError{Part: "scheme", Value: u.scheme, Offset: 0, Err: ErrScheme, Want: "https://"}
	}
	if e == nil && u.hasPort {
		e = &LinkError{Part: "port", Value: u.port, Offset: u.hostOff + len(u.host), Err: ErrPort}
	}
	if e == nil && (u.host != strings.ToLower(u.host) || webHostKind(u.host) != 0 && webHostKind(u.host) != WebChat) {
		e = &LinkError{Part: "host", Value: u.host, Offset: u.hostOff, Err: ErrHost, Want: "a lowercase host name that is not another channel's"}
	}
	if e == nil && u.hasQuery {
		e = &LinkError{Part: "query", Offset: u.queryOff - 1, Rune: '?', Err: ErrSyntax}
	}
	if e == nil {
		if ok, i := in(cPath, u.path); !ok || u.path != "" && u.path[0] != '/' {
			if i < 0 {
				i = 0
			}
			e = &LinkError{Part: "path", Value: u.path, Offset: u.pathOff + i, Err: ErrPath, Want: "unreserved characters and /"}
		}
	}
	if e != nil {
		e.Op, e.Input, e.Kind = "Build", base, WebChat
		e.Part = "base " + e.Part
		return e
	}
	return nil
}
