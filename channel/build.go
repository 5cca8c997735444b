package channel

import "strings"

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
// WebChat page, an e-mail subject).
func Build(k Kind, target, ref string) (string, error) {
	return Link{Kind: k, Target: target, Ref: ref}.URL()
}

// URL returns the link l describes, checked and normalised as [Build]
// describes. When nothing needs %-encoding and the target is already
// normalised, it makes one allocation, the result.
func (l Link) URL() (string, error) {
	var p plan
	if err := l.plan(&p); err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(p.len())
	for _, s := range p.segs[:p.n] {
		if s.class == 0 {
			b.WriteString(s.s)
			continue
		}
		for i := 0; i < len(s.s); i++ {
			if c := s.s[i]; byteClass[c]&s.class != 0 {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteByte(upperhex[c>>4])
				b.WriteByte(upperhex[c&15])
			}
		}
	}
	return b.String(), nil
}

// AppendTo appends the link l describes to b, as [Link.URL] writes it. On
// error it returns b unchanged.
func (l Link) AppendTo(b []byte) ([]byte, error) {
	var p plan
	if err := l.plan(&p); err != nil {
		return b, err
	}
	for _, s := range p.segs[:p.n] {
		if s.class == 0 {
			b = append(b, s.s...)
			continue
		}
		for i := 0; i < len(s.s); i++ {
			if c := s.s[i]; byteClass[c]&s.class != 0 {
				b = append(b, c)
			} else {
				b = append(b, '%', upperhex[c>>4], upperhex[c&15])
			}
		}
	}
	return b, nil
}

const upperhex = "0123456789ABCDEF"

// A plan is a link as a list of segments, each written raw or %-encoded;
// URL and AppendTo write it.
type plan struct {
	segs [10]seg
	n    int
}

// A seg is a piece of a link: s written as it is (class 0), or with every
// byte outside class %-encoded.
type seg struct {
	s     string
	class uint32
}

func (p *plan) add(s string, class uint32) {
	p.segs[p.n] = seg{s, class}
	p.n++
}

// len returns the length of the link p writes.
func (p *plan) len() int {
	n := 0
	for _, s := range p.segs[:p.n] {
		n += len(s.s)
		if s.class != 0 {
			for i := 0; i < len(s.s); i++ {
				if byteClass[s.s[i]]&s.class == 0 {
					n += 2
				}
			}
		}
	}
	return n
}

// plan checks l and sets p to the segments of its link. It is the one
// implementation behind Build, URL and AppendTo.
func (l Link) plan(p *plan) error {
	const op = "Build"
	k := l.Kind
	if !k.Valid() {
		return &KindError{Name: k.String()}
	}
	if err := l.checkVariants(); err != nil {
		return err
	}
	t, e := normTarget(op, k, l.Target)
	if e != nil {
		return e
	}
	if err := checkRef(op, k, l.Param, l.Ref); err != nil {
		return err
	}
	ref := l.Ref
	switch k {
	case Messenger:
		p.add("https://m.me/", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("?ref=", 0)
			p.add(ref, cQuery) // encodes '+' only
		}
	case Instagram:
		p.add("https://ig.me/m/", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("?ref=", 0)
			p.add(ref, 0) // A-Z a-z 0-9 _ = - are all safe
		}
	case WhatsApp:
		p.add("https://wa.me/", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("?text=/", 0)
			p.add(ref, cQuery)
		}
	case Telegram:
		p.add("https://t.me/", 0)
		p.add(t, 0)
		if l.App != "" {
			p.add("/", 0)
			p.add(l.App, 0)
		}
		switch {
		case ref != "":
			p.add("?", 0)
			p.add(l.Param.String(), 0)
			p.add("=", 0)
			p.add(ref, 0) // A-Z a-z 0-9 _ - are all safe
		case l.Param != Start && l.App == "":
			// ?startgroup and ?startapp without a value are links of their
			// own: add to a group, open the main Mini App.
			p.add("?", 0)
			p.add(l.Param.String(), 0)
		}
	case Viber:
		p.add("viber://pa?chatURI=", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("&context=", 0)
			p.add(ref, cQuery)
		}
	case WebChat:
		if l.Base == "" {
			p.add(DefaultWebChatBase, 0)
		} else {
			p.add(l.Base, 0)
		}
		p.add("?p=", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("&ref=", 0)
			p.add(ref, cQuery)
		}
	case Line:
		if ref == "" {
			p.add("https://line.me/R/ti/p/%40", 0)
			p.add(t[1:], 0)
		} else {
			p.add("https://line.me/R/oaMessage/%40", 0)
			p.add(t[1:], 0)
			p.add("/?/", 0)
			p.add(ref, cLineText)
		}
	case SMS:
		p.add("sms:", 0)
		p.add(t, 0)
		if ref != "" {
			p.add("?body=%2F", 0)
			p.add(ref, cUnreserved)
		}
	case Email:
		p.add("mailto:", 0)
		p.add(t, 0)
		sep := "?"
		if l.Subject != "" {
			p.add("?subject=", 0)
			p.add(l.Subject, cMailto)
			sep = "&"
		}
		if ref != "" {
			p.add(sep, 0)
			p.add("body=%2F", 0)
			p.add(ref, cMailto)
		}
	}
	return nil
}

// checkVariants checks the fields of l that only some channels use.
func (l Link) checkVariants() error {
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
