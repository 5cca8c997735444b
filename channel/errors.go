package channel

import (
	"errors"
	"strconv"
	"strings"
)

// The rules a link, a target or a ref can break. [Parse], [Build],
// [Link.URL], [Check] and the other link functions return them wrapped in a
// [*LinkError]; match them with errors.Is.
var (
	// ErrSyntax: the URL is malformed: a bad %-escape, a missing "//", a
	// fragment ("#…", which would cut a ref short), a ';' in a query.
	ErrSyntax = errors.New("malformed URL")
	// ErrScheme: the scheme is not one a channel uses (javascript:, ftp:,
	// line:, a missing scheme), or not the one the host is served on.
	ErrScheme = errors.New("scheme is not a channel's")
	// ErrHost: the host is not exactly a channel's host (t.me.evil.com,
	// evil.com, "t.me." with a trailing dot, a %-escaped host).
	ErrHost = errors.New("host is not a channel's")
	// ErrIDNHost: the host has non-ASCII letters or a punycode ("xn--")
	// label: an internationalised name, the form homoglyph lookalikes of a
	// channel's host (Cyrillic "т.me") take.
	ErrIDNHost = errors.New("internationalized host name")
	// ErrIPHost: the host is an IP address literal.
	ErrIPHost = errors.New("host is an IP address")
	// ErrPort: the URL names a port other than its scheme's default.
	ErrPort = errors.New("port is not the default")
	// ErrUserinfo: the URL has a userinfo part ("t.me@evil.com").
	ErrUserinfo = errors.New("URL has userinfo")
	// ErrBackslash: the URL has a backslash, which browsers read as '/'.
	ErrBackslash = errors.New("backslash in URL")
	// ErrControl: the URL has a space, a control character or DEL.
	ErrControl = errors.New("space or control character in URL")
	// ErrRepeated: a parameter the link is read from occurs twice, or two
	// parameters that exclude each other (start and startapp) both occur.
	// Which one a client would use is not defined, so neither is taken.
	ErrRepeated = errors.New("repeated parameter")
	// ErrPlus: a raw '+' in a query value of a channel that reads its query
	// as an HTML form, where '+' may mean a space; write %2B or %20.
	ErrPlus = errors.New("ambiguous '+' in query value")
	// ErrPath: the path is not one of the channel's link forms.
	ErrPath = errors.New("path is not a channel link's")
	// ErrTarget: the target (page, user, phone, bot, chat URI, account id,
	// LINE id, address) is missing or breaks the channel's rules.
	ErrTarget = errors.New("invalid target")
	// ErrVariant: a variant field of a Link (Param, App, Base, Subject) is
	// invalid or set on a channel that has no such variant.
	ErrVariant = errors.New("invalid link variant")
	// ErrAlphabet: the ref has a character the channel does not carry.
	ErrAlphabet = errors.New("character not allowed")
	// ErrTooLong: the ref is longer than the channel's limit.
	ErrTooLong = errors.New("too long")
	// ErrPrefix: the ref starts with a prefix the channel gives another
	// meaning (Telegram's "_tgr_" affiliate links).
	ErrPrefix = errors.New("forbidden prefix")
	// ErrParam: a parameter that changes what the link does beyond the
	// channel's form: an Email link's to, cc, bcc or any header other than
	// subject and body, which would send the ref to other recipients; a
	// phone= on wa.me, which takes the number in its path.
	ErrParam = errors.New("parameter not allowed")
)

// A LinkError reports a link, target or ref that breaks a rule: which
// channel (when known), which part, which rule (Err, one of the sentinels
// above or [ErrUnknownKind]) and where.
type LinkError struct {
	// Op is the function: "Parse", "Build" (also Link.URL and
	// Link.AppendTo) or "Check".
	Op string
	// Input is what Op was given: the URL for Parse; for Build and Check,
	// the value the rule is about (the ref, target, base or subject).
	Input string
	// Kind is the channel, or zero when the URL matched none.
	Kind Kind
	// Part names what broke the rule: "host", "port", "ref",
	// "start payload", "bot username", "text", …
	Part string
	// Value is the offending part: a substring of Input, or for a ref in
	// a URL the ref after %-decoding.
	Value string
	// Offset is the byte offset in Input of the offending byte, or of
	// the start of the offending part (a host, a parameter); -1 when no
	// place is at fault (a ref too long, a target of the wrong length).
	Offset int
	// Rune is the offending character when one is at fault
	// (utf8.RuneError for a byte that is not UTF-8), else 0.
	Rune rune
	// Len and Limit are set for ErrTooLong and for target length rules:
	// the length found and the limit, in bytes (characters, for the ASCII
	// alphabets).
	Len, Limit int
	// Want describes what the rule allows: "A-Z a-z 0-9 _ -".
	Want string
	// Err is the rule broken, a sentinel.
	Err error

	chars bool // lengths count characters: the rule's alphabet is ASCII
}

// Error returns a message that names the package, the function and input
// for Parse, the channel, the part and the rule, such as
//
//	channel: Telegram start payload is 97 characters; the limit is 64
//	channel: Telegram start payload: '{' at byte 8 is not allowed (A-Z a-z 0-9 _ -)
func (e *LinkError) Error() string {
	var b strings.Builder
	b.WriteString("channel: ")
	if e.Op == "Parse" {
		b.WriteString("Parse(")
		b.WriteString(strconv.Quote(e.Input))
		b.WriteString("): ")
	}
	if e.Kind.Valid() {
		b.WriteString(e.Kind.String())
		b.WriteByte(' ')
	}
	b.WriteString(e.Part)
	switch {
	case e.Err == ErrTooLong:
		b.WriteString(" is ")
		b.WriteString(strconv.Itoa(e.Len))
		if e.chars {
			b.WriteString(" characters; the limit is ")
		} else {
			b.WriteString(" bytes; the limit is ")
		}
		b.WriteString(strconv.Itoa(e.Limit))
	case e.Err == ErrAlphabet && e.Offset >= 0:
		b.WriteString(": ")
		b.WriteString(strconv.QuoteRune(e.Rune))
		b.WriteString(" at byte ")
		b.WriteString(strconv.Itoa(e.Offset))
		b.WriteString(" is not allowed")
		if e.Want != "" {
			b.WriteString(" (")
			b.WriteString(e.Want)
			b.WriteByte(')')
		}
	default:
		if e.Value != "" {
			b.WriteByte(' ')
			b.WriteString(strconv.Quote(e.Value))
		}
		if e.Offset >= 0 {
			if e.Rune != 0 {
				b.WriteByte(' ')
				b.WriteString(strconv.QuoteRune(e.Rune))
			}
			b.WriteString(" at byte ")
			b.WriteString(strconv.Itoa(e.Offset))
		}
		b.WriteString(": ")
		if e.Err != nil {
			b.WriteString(e.Err.Error())
		}
		if e.Want != "" {
			b.WriteString(" (want ")
			b.WriteString(e.Want)
			b.WriteByte(')')
		}
	}
	return b.String()
}

// Unwrap returns the rule broken, a sentinel.
func (e *LinkError) Unwrap() error { return e.Err }
