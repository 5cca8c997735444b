package channel

import (
	"strings"
	"unicode/utf8"
)

// A rawURL is a URL split by scan, every part a substring of the input,
// nothing decoded.
type rawURL struct {
	scheme   string // as written
	hier     bool   // "scheme://authority…" rather than "scheme:opaque"
	host     string // hier only: as written, without the port
	hostOff  int
	port     string // hier only: after ':', or ""
	hasPort  bool
	path     string // the path (hier) or the opaque part, up to '?'
	pathOff  int
	query    string // after '?', raw
	queryOff int
	hasQuery bool

	// Set by mark: the offsets of the first ':', '?' and '%' it saw, or
	// -1.
	colon, qmark, pct int
}

// scan splits s into the parts of a URL, refusing what no channel link
// has: spaces and control characters, backslashes, fragments, userinfo,
// bracketed (IPv6) hosts, hosts that are not ASCII host names, bad
// %-escapes in the path. The returned error has Part, Offset, Rune and
// Err set; the caller sets Op and Input. scan does not allocate.
//
// Every URL scan accepts, net/url.Parse accepts with the same scheme, host,
// port, path and raw query (FuzzScan checks this).
func scan(s string, u *rawURL) *LinkError {
	if e := u.mark(s, false); e != nil {
		return e
	}
	return u.split(s)
}

// mark is scan's first pass. One pass over every byte refuses the bytes no
// link has and notes the first ':' (the scheme's end, if the URL has a
// scheme), '?' (the query's start: no part before it can hold one) and
// '%'. With head, it stops at the first '?': Parse leaves the query's bytes
// to params, which reads them anyway (see parsing.parse).
func (u *rawURL) mark(s string, head bool) *LinkError {
	u.colon, u.qmark, u.pct = -1, -1, -1
	for i := indexClass(s, 0, cMark); i < len(s); i = indexClass(s, i+1, cMark) {
		switch c := s[i]; c {
		case ':':
			if u.colon < 0 {
				u.colon = i
			}
		case '?':
			if u.qmark < 0 {
				u.qmark = i
				if head {
					return nil
				}
			}
		case '%':
			if u.pct < 0 {
				u.pct = i
			}
		default:
			return badByte(s, i)
		}
	}
	return nil
}

// badByte returns the error for s[i], a byte in cBadURL.
func badByte(s string, i int) *LinkError {
	switch c := s[i]; c {
	case '\\':
		return &LinkError{Part: "URL", Offset: i, Rune: '\\', Err: ErrBackslash}
	case '#':
		return &LinkError{Part: "fragment", Offset: i, Rune: '#', Err: ErrSyntax, Want: "no fragment"}
	default:
		return &LinkError{Part: "URL", Offset: i, Rune: rune(c), Err: ErrControl}
	}
}

// queryBytes returns the error for the first byte no link has in query q,
// at offset off of the URL, else, with semi, for its first ';', else nil:
// the checks mark leaves to the reader of the query when it stops at the
// '?'.
func queryBytes(q string, off int, semi bool) *LinkError {
	if i := indexClass(q, 0, cBadURL); i < len(q) {
		e := badByte(q, i)
		e.Offset += off
		return e
	}
	if i := strings.IndexByte(q, ';'); semi && i >= 0 {
		return semiError(off + i)
	}
	return nil
}

// split is scan's second pass: it splits s, which mark has checked and
// noted, into the parts of a URL.
func (u *rawURL) split(s string) *LinkError {
	colon, qmark := u.colon, u.qmark
	if colon < 0 && qmark >= 0 {
		// mark stopped at the '?': the scheme, if any, is cut at a ':'
		// after it (and holds a '?', which the loop below refuses).
		if j := strings.IndexByte(s[qmark:], ':'); j >= 0 {
			colon = qmark + j
		}
	}
	if colon <= 0 || !isLetter(s[0]) {
		return &LinkError{Part: "scheme", Offset: -1, Err: ErrScheme, Want: "https:, tg:, viber:, whatsapp:, sms: or mailto:"}
	}
	for i := 1; i < colon; i++ {
		if c := s[i]; !isLetter(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return &LinkError{Part: "scheme", Value: s[:colon], Offset: i, Rune: rune(c), Err: ErrScheme}
		}
	}
	u.scheme = s[:colon]
	i := colon + 1
	rest := s[i:]
	if strings.HasPrefix(rest, "//") {
		u.hier = true
		i += 2
		// The authority ends at '/' or '?'. If all its bytes are host
		// bytes (the common case), it has no '@', '[' or ':' to look for.
		end, hostOnly := i, true
		for ; ; end++ {
			if end = indexNotClass(s, end, cHost); end == len(s) || s[end] == '/' || s[end] == '?' {
				break
			}
			hostOnly = false
		}
		auth := s[i:end]
		at, c := -1, -1 // the first '@' and the last ':'
		if !hostOnly {
			at, c = strings.IndexByte(auth, '@'), strings.LastIndexByte(auth, ':')
		}
		if at >= 0 {
			return &LinkError{Part: "userinfo", Value: auth[:at], Offset: i + at, Rune: '@', Err: ErrUserinfo}
		}
		if strings.HasPrefix(auth, "[") {
			return &LinkError{Part: "host", Value: auth, Offset: i, Rune: '[', Err: ErrIPHost}
		}
		host := auth
		if c >= 0 {
			host, u.port, u.hasPort = auth[:c], auth[c+1:], true
			if u.port == "" {
				return &LinkError{Part: "port", Offset: i + c, Rune: ':', Err: ErrPort}
			}
			if ok, j := in(cDigit, u.port); !ok {
				return &LinkError{Part: "port", Value: u.port, Offset: i + c + 1 + j, Rune: rune(u.port[j]), Err: ErrPort}
			}
		}
		if e := checkHost(host, i); e != nil {
			return e
		}
		u.host, u.hostOff = host, i
		i = end
	} else if strings.HasPrefix(rest, "/") {
		return &LinkError{Part: "URL", Offset: i, Err: ErrSyntax, Want: "scheme://host/… or scheme:opaque"}
	}
	u.pathOff = i
	if qmark >= 0 {
		u.path = s[i:qmark]
		u.query, u.queryOff, u.hasQuery = s[qmark+1:], qmark+1, true
	} else {
		u.path = s[i:]
	}
	if u.pct >= 0 && u.pct < i+len(u.path) {
		if j := badEscape(u.path); j >= 0 {
			return &LinkError{Part: "path", Value: u.path, Offset: u.pathOff + j, Rune: '%', Err: ErrSyntax}
		}
	}
	return nil
}

// checkHost checks that host, at offset off of the URL, is an ASCII host
// name: labels of A-Z a-z 0-9 -, none empty, none punycode ("xn--"), the
// last not starting with a digit (which would make it an IPv4 address in
// one of its many spellings: 127.0.0.1, 2130706433, 0x7f.1).
func checkHost(host string, off int) *LinkError {
	if host == "" {
		return &LinkError{Part: "host", Offset: off, Err: ErrHost}
	}
	// Each stop of the run scan is a dot, the end, or the first byte that
	// is not a host byte: the labels are checked in order as they end.
	for last := 0; ; {
		i := indexNotClass(host, last, cLDH)
		if i < len(host) && host[i] != '.' {
			if host[i] >= 0x80 {
				return &LinkError{Part: "host", Value: host, Offset: off + i, Rune: firstRune(host[i:]), Err: ErrIDNHost}
			}
			return &LinkError{Part: "host", Value: host, Offset: off + i, Rune: rune(host[i]), Err: ErrHost}
		}
		label := host[last:i]
		if label == "" {
			return &LinkError{Part: "host", Value: host, Offset: off + i, Err: ErrHost, Want: "no empty label or trailing dot"}
		}
		if len(label) >= 4 && equalFoldASCII(label[:4], "xn--") {
			return &LinkError{Part: "host", Value: host, Offset: off + last, Err: ErrIDNHost}
		}
		if i == len(host) {
			if '0' <= label[0] && label[0] <= '9' {
				return &LinkError{Part: "host", Value: host, Offset: off, Err: ErrIPHost}
			}
			return nil
		}
		last = i + 1
	}
}

// badEscape returns the offset of the first '%' in s not followed by two
// hex digits, or -1.
func badEscape(s string) int {
	for i := strings.IndexByte(s, '%'); i >= 0; {
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return i
		}
		j := strings.IndexByte(s[i+3:], '%')
		if j < 0 {
			break
		}
		i += 3 + j
	}
	return -1
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// unescape decodes the %-escapes of s, which badEscape accepts; '+' stays
// '+'. It returns s itself, without allocating, when s has no escape.
func unescape(s string) string {
	first := strings.IndexByte(s, '%')
	if first < 0 {
		return s
	}
	b := make([]byte, first, len(s)-2)
	copy(b, s[:first])
	for i := first; i < len(s); i++ {
		if s[i] == '%' {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		} else {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// rawOffset returns the offset in raw of the byte that is at offset i of
// unescape(raw).
func rawOffset(raw string, i int) int {
	j := 0
	for ; i > 0 && j < len(raw); i-- {
		if raw[j] == '%' {
			j += 3
		} else {
			j++
		}
	}
	return j
}

// firstRune returns the first character of s, utf8.RuneError for a byte
// that is not UTF-8.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// splitMailto does the work of mark and split for the commonest Email link,
// as Build writes it: "mailto:" in lower case, then an address that
// checkAddr accepts, up to the first '?' or the end. Such an address holds
// only bytes that mark passes, and no '%', '/' or ':', so the parts are the
// ones split would find; it sets them, and notes in ps.addrOK that the
// email form need not check the address again. Any other URL, including
// every one with an error, goes through mark and split, which rank its
// errors.
func (ps *parsing) splitMailto() bool {
	const scheme = "mailto:"
	s := ps.s
	if !strings.HasPrefix(s, scheme) {
		return false
	}
	end := strings.IndexByte(s, '?')
	q := end
	if end < 0 {
		end = len(s)
	}
	addr := s[len(scheme):end]
	if addr == "" || checkAddr(addr) != -1 {
		return false
	}
	u := &ps.u
	u.colon, u.qmark, u.pct = len(scheme)-1, q, -1
	u.scheme, u.path, u.pathOff = s[:len(scheme)-1], addr, len(scheme)
	if q >= 0 {
		u.query, u.queryOff, u.hasQuery = s[q+1:], q+1, true
	}
	ps.addrOK = true
	return true
}
