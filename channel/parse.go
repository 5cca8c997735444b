package channel

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Parser reads entry links. Its zero value recognises the hosts listed
// in the package documentation; [Parser.WithWebChatHosts] returns a Parser
// that also reads WebChat links on other hosts. A Parser is an immutable
// value, safe for concurrent use.
type Parser struct {
	webChatHosts []string // lowercase; never modified after construction
}

// WithWebChatHosts returns a copy of p that also reads links on each of
// hosts as WebChat links (white-label deployments: "chatrace.com",
// "app.chatgptbuilder.io"). Hosts are ASCII host names, matched exactly
// and case-insensitively; a subdomain is a host of its own.
//
// Like base64.Encoding.WithPadding it panics on a bad argument: a host that
// is not an ASCII host name (an IP address, punycode, a port) or that is
// another channel's host. Hosts are configuration, not input.
func (p Parser) WithWebChatHosts(hosts ...string) Parser {
	hs := slices.Clip(slices.Clone(p.webChatHosts))
	for _, h := range hosts {
		if e := checkHost(h, 0); e != nil {
			panic("channel: WithWebChatHosts: " + e.Error())
		}
		if k := webHostKind(h); k != 0 && k != WebChat {
			panic("channel: WithWebChatHosts: " + h + " is a " + k.String() + " host")
		}
		hs = append(hs, strings.ToLower(h))
	}
	return Parser{webChatHosts: hs}
}

// Parse is Parser{}.Parse: it reads a link on the default hosts.
func Parse(rawURL string) (l Link, err error) {
	var p Parser
	if err := parseLink(&p, rawURL, &l); err != nil {
		return Link{}, err
	}
	return l, nil
}

// Parse returns the channel, target and ref of the entry link rawURL, with
// the target normalised and the ref %-decoded, checked by the same rules as
// [Build]; or a [*LinkError] naming the rule broken, the part and its byte
// offset in rawURL.
//
// It recognises a channel only by its exact scheme and host (the host in
// any ASCII case, the scheme's default port only), and reads the link forms
// listed in the package documentation. Parameters other than the ones a
// channel's link is read from are ignored; those must occur at most once.
// For every Link l that Parse returns, Parse(l.URL()) returns l.
func (p Parser) Parse(rawURL string) (l Link, err error) {
	if err := parseLink(&p, rawURL, &l); err != nil {
		return Link{}, err
	}
	return l, nil
}

// parseLink is Parse. The forms write their fields through l straight into
// the named result of Parse or Parser.Parse. A Link built in a local and
// returned by value would be copied out in 16-byte moves right after its
// fields were stored one by one, and on amd64 such a load cannot be
// forwarded from those stores: each such copy stalled for longer than some
// whole link forms take to read.
func parseLink(p *Parser, rawURL string, l *Link) error {
	ps := parsing{s: rawURL}
	if e := ps.parse(p, l); e != nil {
		e.Op, e.Input = "Parse", rawURL
		return e
	}
	return nil
}

// MustParse is like [Parse] but panics if rawURL is not an entry link. It
// is meant for tests and for links written as constants.
func MustParse(rawURL string) Link {
	l, err := Parse(rawURL)
	if err != nil {
		panic(err)
	}
	return l
}

// webHostKind returns the channel served on https host h, or 0.
func webHostKind(h string) Kind {
	switch {
	case equalFoldASCII(h, "m.me"):
		return Messenger
	case equalFoldASCII(h, "ig.me"):
		return Instagram
	case equalFoldASCII(h, "wa.me"), equalFoldASCII(h, "api.whatsapp.com"):
		return WhatsApp
	case equalFoldASCII(h, "t.me"), equalFoldASCII(h, "telegram.me"), equalFoldASCII(h, "telegram.dog"):
		return Telegram
	case equalFoldASCII(h, "line.me"):
		return Line
	case equalFoldASCII(h, defaultWebChatHost):
		return WebChat
	}
	return 0
}

// parsing holds the state of one Parse call.
type parsing struct {
	s      string
	u      rawURL
	other  int  // set by params: the offset in u.query of the first key it did not look for, or -1
	read   bool // params has read every byte of the query
	addrOK bool // splitMailto has checked the e-mail address in u.path
}

// fail returns an error about part, value at offset off of the URL.
func (ps *parsing) fail(k Kind, part, value string, off int, err error) *LinkError {
	return &LinkError{Kind: k, Part: part, Value: value, Offset: off, Err: err}
}

// parse is scan, then the channel's form. The URL's bytes are read once:
// scan's first pass stops at the '?' and params, which reads the query's
// bytes anyway, also checks them for what that pass would have refused (a
// byte no link has, then a ';'). Those rank before every other error, so
// when any other error comes first, or the form succeeds without params
// having read the whole query (LINE), parse looks for them before it
// returns. It is scan's errors in scan's order, at the cost of a second
// look at the query only then.
//
// An Email link as Build writes it skips mark and split (see splitMailto).
// The first byte is tested here, not there: a call that only returns
// false measurably slowed the other channels' links, all of which begin
// with another letter.
func (ps *parsing) parse(p *Parser, l *Link) *LinkError {
	u := &ps.u
	if len(ps.s) == 0 || ps.s[0] != 'm' || !ps.splitMailto() {
		if e := u.mark(ps.s, true); e != nil {
			return e // the first byte no link has: nothing ranks before it
		}
		if e := u.split(ps.s); e != nil {
			if u.qmark >= 0 {
				if qe := queryBytes(ps.s[u.qmark+1:], u.qmark+1, false); qe != nil {
					return qe
				}
			}
			return e
		}
	}
	e := ps.form(p, l)
	if (e != nil || !ps.read) && u.qmark >= 0 { // not u.hasQuery, which sms may set
		if qe := queryBytes(ps.s[u.qmark+1:], u.qmark+1, true); qe != nil {
			return qe
		}
	}
	return e
}

// form matches the URL that split has split to a channel by scheme and
// host and reads the channel's link form.
func (ps *parsing) form(p *Parser, l *Link) *LinkError {
	u := &ps.u
	var k Kind
	switch {
	case equalFoldASCII(u.scheme, "https"), equalFoldASCII(u.scheme, "http"):
		if !u.hier {
			return ps.fail(0, "URL", "", u.pathOff, ErrSyntax)
		}
		if u.hasPort && u.port != defaultPort(u.scheme) {
			return ps.fail(0, "port", u.port, u.hostOff+len(u.host)+1, ErrPort)
		}
		k = webHostKind(u.host)
		if k == 0 {
			for _, h := range p.webChatHosts {
				if equalFoldASCII(u.host, h) {
					k = WebChat
					break
				}
			}
		}
		if k == 0 {
			return ps.fail(0, "host", u.host, u.hostOff, ErrHost)
		}
	case equalFoldASCII(u.scheme, "tg"):
		k = ps.appHost("resolve", Telegram)
	case equalFoldASCII(u.scheme, "viber"):
		k = ps.appHost("pa", Viber)
	case equalFoldASCII(u.scheme, "whatsapp"):
		k = ps.appHost("send", WhatsApp)
	case equalFoldASCII(u.scheme, "sms"):
		k = SMS
	case equalFoldASCII(u.scheme, "mailto"):
		k = Email
	default:
		return ps.fail(0, "scheme", u.scheme, 0, ErrScheme)
	}
	if k == 0 {
		if u.hier && u.hasPort {
			return ps.fail(0, "port", u.port, u.hostOff+len(u.host)+1, ErrPort)
		}
		return ps.fail(0, "host", u.host, u.hostOff, ErrHost)
	}
	if u.hier == (k == SMS || k == Email) {
		return ps.fail(k, "URL", "", u.pathOff, ErrSyntax)
	}
	switch k {
	case Messenger:
		return ps.messenger(l)
	case Instagram:
		return ps.instagram(l)
	case WhatsApp:
		return ps.whatsapp(l)
	case Telegram:
		return ps.telegram(l)
	case Viber:
		return ps.viber(l)
	case WebChat:
		return ps.webchat(l)
	case Line:
		return ps.line(l)
	case SMS:
		return ps.sms(l)
	}
	return ps.email(l)
}

// defaultPort returns the default port of scheme http or https.
func defaultPort(scheme string) string {
	if len(scheme) == len("http") {
		return "80"
	}
	return "443"
}

// appHost returns k if the URL is scheme://host with no port, else 0.
func (ps *parsing) appHost(host string, k Kind) Kind {
	if !ps.u.hier || ps.u.hasPort || !equalFoldASCII(ps.u.host, host) {
		return 0
	}
	return k
}

// checkQuery checks query q, at offset off of the URL: no ';' (which
// net/url refuses as a separator) and only valid %-escapes. params checks
// both as it reads the pairs; checkQuery is for the query of an iOS SMS
// link, which is cut from the path.
func checkQuery(q string, off int) *LinkError {
	if i := strings.IndexByte(q, ';'); i >= 0 {
		return semiError(off + i)
	}
	if i := badEscape(q); i >= 0 {
		return escapeError(off + i)
	}
	return nil
}

func semiError(off int) *LinkError {
	return &LinkError{Part: "query", Offset: off, Rune: ';', Err: ErrSyntax, Want: "& between parameters, %3B in values"}
}

func escapeError(off int) *LinkError {
	return &LinkError{Part: "query", Offset: off, Rune: '%', Err: ErrSyntax, Want: "% and two hex digits"}
}

// A qparam is one parameter found in a query.
type qparam struct {
	raw   string // the raw value
	off   int    // its offset in the URL
	koff  int    // the offset of its key in the URL
	found bool

	// ascii reports that raw has no '+' and no byte >= 0x80: scan has
	// refused controls and spaces, so raw is printable ASCII, and the part
	// after lastEsc decodes to itself. False says nothing.
	ascii   bool
	lastEsc int // the offset in raw of its last '%', or -1; set with ascii
}

// value returns p's raw value %-decoded ('+' stays '+'), without
// searching it for escapes when params found none.
func (p *qparam) value() string {
	if p.ascii && p.lastEsc < 0 {
		return p.raw
	}
	return unescape(p.raw)
}

// params sets out[i] to the parameter names[i] of the query, in one pass,
// matching keys after %-decoding (and '+' as space, as net/url does) in any
// ASCII case. A parameter that occurs twice is an ErrRepeated error; a bad
// %-escape anywhere in the query, ErrSyntax. It also notes in ps.other the
// first non-empty key that is none of names, for the forms that allow no
// other parameter.
func (ps *parsing) params(k Kind, out []qparam, names ...string) *LinkError {
	q := ps.u.query
	ps.other = -1
	for i := 0; i < len(q); i++ {
		start, eq, plain := i, -1, true
		ascii, lastEsc := true, -1 // of the value
		for ; ; i++ {
			if i = indexClass(q, i, cQMark); i == len(q) {
				break
			}
			c := q[i]
			if c == '&' {
				break
			}
			switch c {
			case '=':
				if eq < 0 {
					eq = i
				}
			case '%':
				if i+2 >= len(q) || !isHex(q[i+1]) || !isHex(q[i+2]) {
					return escapeError(ps.u.queryOff + i)
				}
				if eq < 0 {
					plain = false // the key needs decoding
				} else {
					lastEsc = i - eq - 1
				}
			case '+':
				if eq < 0 {
					plain = false
				} else {
					ascii = false
				}
			default:
				if c < utf8.RuneSelf {
					// A byte no link has, or ';': mark left the query's
					// bytes to params.
					return queryBytes(q, ps.u.queryOff, true)
				}
				ascii = ascii && eq < 0
			}
		}
		key, val := q[start:i], ""
		if eq >= 0 {
			key, val = q[start:eq], q[eq+1:i]
		}
		if key == "" {
			continue
		}
		// The names are distinct: the first that matches is the only one.
		j := 0
		for ; j < len(names); j++ {
			name := names[j]
			if plain {
				// The first byte tells most names apart without a call
				// to compare the rest (key and name are not empty); two
				// bytes that fold alike differ in bit 0x20 at most.
				if key[0]|0x20 == name[0]|0x20 && equalFoldASCII(key, name) {
					break
				}
			} else if keyIs(key, name, true) {
				break
			}
		}
		if j == len(names) {
			if ps.other < 0 {
				ps.other = start
			}
			continue
		}
		if out[j].found {
			return ps.fail(k, names[j]+" parameter", "", ps.u.queryOff+start, ErrRepeated)
		}
		off := ps.u.queryOff + i // no '=': an empty value at the key's end
		if eq >= 0 {
			off = ps.u.queryOff + eq + 1
		}
		// Field by field: a composite literal here is built in a
		// temporary and block-copied, which stalls on store forwarding.
		o := &out[j]
		o.raw, o.off, o.koff, o.found = val, off, ps.u.queryOff+start, true
		o.ascii, o.lastEsc = ascii, lastEsc
	}
	ps.read = true
	return nil
}

// otherParam returns the ErrParam error for the key that params noted in
// ps.other.
func (ps *parsing) otherParam(k Kind) *LinkError {
	key := ps.u.query[ps.other:]
	if i := strings.IndexByte(key, '&'); i >= 0 {
		key = key[:i]
	}
	if i := strings.IndexByte(key, '='); i >= 0 {
		key = key[:i]
	}
	return ps.fail(k, "parameter", key, ps.u.queryOff+ps.other, ErrParam)
}

// keyIs reports whether the raw query key equals name once decoded, and
// with fold, in any ASCII case of either.
func keyIs(key, name string, fold bool) bool {
	j := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch c {
		case '%':
			c = unhex(key[i+1])<<4 | unhex(key[i+2])
			i += 2
		case '+':
			c = ' '
		}
		if j >= len(name) {
			return false
		}
		n := name[j]
		if fold && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if fold && 'A' <= n && n <= 'Z' { // "chatURI"
			n += 'a' - 'A'
		}
		if c != n {
			return false
		}
		j++
	}
	return j == len(name)
}

// prefillEnd returns the length of the prefill "/" or "%2F" that begins
// raw, a query value, after any white space (see spaceEnd); 0 if there is
// none.
func prefillEnd(raw string) int {
	sp := spaceEnd(raw)
	switch rest := raw[sp:]; {
	case strings.HasPrefix(rest, "/"):
		return sp + 1
	case strings.HasPrefix(rest, "%2F"), strings.HasPrefix(rest, "%2f"):
		return sp + 3
	}
	return 0
}

// spaceEnd returns the length of the %-encoded white space that begins
// raw, a query value that badEscape accepts: a URL has no raw space. The
// white space is unicode.IsSpace but not a control character, which no
// text a link carries may hold (the webhook would trim "\n/x" too, but
// Parse refuses it). It decodes a character at a time, and no further.
func spaceEnd(raw string) int {
	j := 0
	for j+2 < len(raw) && raw[j] == '%' {
		if c := unhex(raw[j+1])<<4 | unhex(raw[j+2]); c < utf8.RuneSelf {
			if c != ' ' { // the only ASCII white space that is no control
				return j
			}
			j += 3
			continue
		}
		var b [utf8.UTFMax]byte
		n := 0
		for ; n < len(b) && j+3*n+2 < len(raw) && raw[j+3*n] == '%'; n++ {
			b[n] = unhex(raw[j+3*n+1])<<4 | unhex(raw[j+3*n+2])
		}
		r, size := utf8.DecodeRune(b[:n])
		if !isPrefillSpace(r) {
			return j
		}
		j += 3 * size
	}
	return j
}

// isPrefillSpace reports whether r is white space that may come before a
// prefill's "/".
func isPrefillSpace(r rune) bool { return unicode.IsSpace(r) && !unicode.IsControl(r) }

// textRef decodes the value of a parameter p of a text channel k ('+' is
// '+': WhatsApp shows it, RFC 5724 and RFC 6068 give it no other meaning),
// drops the prefill "/" and checks it by rule.
func (ps *parsing) textRef(k Kind, p *qparam, rule *refRule, prefill bool) (string, *LinkError) {
	if !p.found {
		return "", nil
	}
	raw := p.raw
	off := p.off
	if prefill {
		// The "/", after any white space: the webhook trims the text
		// before it looks for the "/" (see textRef in referral.go).
		if n := prefillEnd(raw); n > 0 {
			raw, off = raw[n:], off+n
		}
	}
	// A value that params found printable ASCII and without '%' after
	// the prefill is its own decoding, and every free-text rule allows it:
	// only its length is left to check.
	plain := p.ascii && p.lastEsc < off-p.off
	v := raw
	if !plain {
		v = unescape(raw)
	}
	if plain && rule.class == 0 && len(v) <= rule.max {
		return v, nil
	}
	if i, c, err := rule.check(v); err != nil {
		e := rule.error("Parse", k, v, i, c, err)
		e.Value = v
		if i >= 0 {
			e.Offset = off + rawOffset(raw, i)
		}
		return "", e
	}
	return v, nil
}

// formRef is textRef for a channel whose server may read the query as an
// HTML form, where a raw '+' may mean a space: it is refused.
func (ps *parsing) formRef(k Kind, p *qparam) (string, *LinkError) {
	rule := &refRules[k]
	if !p.ascii { // an ASCII value has no '+'
		if i := strings.IndexByte(p.raw, '+'); i >= 0 {
			e := ps.fail(k, rule.part, p.raw, p.off+i, ErrPlus)
			e.Rune, e.Want = '+', "%2B for '+', %20 for a space"
			return "", e
		}
	}
	return ps.textRef(k, p, rule, false)
}

// target checks and normalises target t found at offset off of the URL
// (raw is its raw form, for offsets).
func (ps *parsing) target(k Kind, t, raw string, off int) (string, *LinkError) {
	n, e := normTarget("Parse", k, t)
	if e != nil {
		e.Value = t
		if e.Offset >= 0 {
			e.Offset = off + rawOffset(raw, e.Offset)
		}
		return "", e
	}
	return n, nil
}

// missing returns the error for a link without its target.
func (ps *parsing) missing(k Kind, off int) *LinkError {
	e := ps.fail(k, "missing "+targetRules[k].part, "", off, ErrTarget)
	e.Want = targetRules[k].want
	return e
}

// A pathSegs holds the segments of a path. A form declares one and
// segments fills it: returned by value, the arrays would be block-copied
// right after their elements were stored, a copy that stalls (see
// parseLink).
type pathSegs struct {
	segs [4]string
	offs [4]int
}

// segments splits the path of a hierarchical URL into at most 4 non-empty
// segments, ignoring one trailing '/', and returns them and their offsets
// in the URL, which it stores in sg. ok is false for an empty segment or
// more than 4.
func (ps *parsing) segments(sg *pathSegs) (segs *[4]string, offs *[4]int, n int, ok bool) {
	segs, offs = &sg.segs, &sg.offs
	path := ps.u.path
	if path == "" || path == "/" {
		return segs, offs, 0, true
	}
	path = strings.TrimSuffix(path[1:], "/")
	off := ps.u.pathOff + 1
	for {
		seg, rest, more := strings.Cut(path, "/")
		if seg == "" || n == len(segs) {
			return segs, offs, n, false
		}
		segs[n], offs[n] = seg, off
		n++
		if !more {
			return segs, offs, n, true
		}
		path, off = rest, off+len(seg)+1
	}
}

func (ps *parsing) badPath(k Kind) *LinkError {
	return ps.fail(k, "path", ps.u.path, ps.u.pathOff, ErrPath)
}
