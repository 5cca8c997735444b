package channel

import "unicode/utf8"

// Limits on refs. Lengths are in bytes of the %-decoded ref; for the ASCII
// alphabets (Messenger, Instagram, Telegram) that is also characters.
const (
	// MaxRefLen is the longest ref of a Messenger or Instagram link: Meta
	// documents that a ref "may be up to 2,083 characters" (the URL length
	// limit of old browsers). The channels that document no limit (WhatsApp,
	// Viber, WebChat, LINE, SMS, Email) get the same one, so that every
	// link this package writes stays a few kilobytes at most.
	MaxRefLen = 2083

	// MaxTelegramStartLen is the longest payload of a Telegram start or
	// startgroup link: "up to 64 characters" (Bot API deep linking).
	MaxTelegramStartLen = 64

	// MaxTelegramStartAppLen is the longest payload of a Telegram startapp
	// (Mini App) link. Telegram's own pages do not state it; 512 is the
	// limit the community documentation gives, and the one this package
	// enforces.
	MaxTelegramStartAppLen = 512
)

// Byte classes, one bit each, in the table byteClass.
const (
	cTelegram   uint32 = 1 << iota // A-Z a-z 0-9 _ -  (also WebChat account ids)
	cInstagram                     // A-Z a-z 0-9 _ = -
	cMessenger                     // A-Z a-z 0-9 + / = - . : _
	cQuery                         // written raw in a query value: unreserved / : @ =
	cLineText                      // written raw in a LINE text query: unreserved / : @
	cUnreserved                    // RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~ (SMS bodies, RFC 5724)
	cMailto                        // RFC 6068 qchar without + and ;: unreserved ! $ ' ( ) * , : @
	cPage                          // Messenger page: A-Z a-z 0-9 .
	cIGUser                        // Instagram username: A-Z a-z 0-9 . _
	cBot                           // Telegram bot and app names: A-Z a-z 0-9 _
	cViberURI                      // Viber chat URI: A-Z a-z 0-9 _ . -
	cLineID                        // LINE id after '@': A-Z a-z 0-9 . _ -
	cHost                          // host names: A-Z a-z 0-9 . -
	cPath                          // WebChat base path: unreserved /
	cLocal                         // e-mail local part: A-Z a-z 0-9 . ! $ ' * + = _ ~ -
	cDigit                         // 0-9
	cBadURL                        // never in a URL Parse reads: controls, space, DEL, \\ and #
	cMark                          // bytes scan's mark notes: cBadURL and : ? %
	cQMark                         // bytes params notes: & = % +, bytes >= 0x80, and cBadURL and ; (see parsing.parse)
	cPrint                         // printable ASCII: 0x20-0x7e
	cLDH                           // host name labels: A-Z a-z 0-9 -
	cAtext                         // e-mail local part but '.': A-Z a-z 0-9 ! $ ' * + = _ ~ -
)

// byteClass maps each byte to the classes it belongs to. Bytes >= 0x80
// belong to cQMark only.
var byteClass = func() (t [256]uint32) {
	add := func(c uint32, chars string) {
		for i := 0; i < len(chars); i++ {
			t[chars[i]] |= c
		}
	}
	const (
		alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		unres = alnum + "-._~"
	)
	add(cTelegram, alnum+"_-")
	add(cInstagram, alnum+"_=-")
	add(cMessenger, alnum+"+/=-.:_")
	add(cQuery, unres+"/:@=")
	add(cLineText, unres+"/:@")
	add(cUnreserved, unres)
	add(cMailto, unres+"!$'()*,:@")
	add(cPage, alnum+".")
	add(cIGUser, alnum+"._")
	add(cBot, alnum+"_")
	add(cViberURI, alnum+"_.-")
	add(cLineID, alnum+"._-")
	add(cHost, alnum+".-")
	add(cPath, unres+"/")
	add(cLocal, alnum+".!$'*+=_~-")
	add(cDigit, "0123456789")
	add(cLDH, alnum+"-")
	add(cAtext, alnum+"!$'*+=_~-")
	for c := 0; c <= ' '; c++ {
		t[c] |= cBadURL
	}
	add(cBadURL, "\x7f\\#")
	for c := range t {
		if t[c]&cBadURL != 0 {
			t[c] |= cMark
		}
	}
	add(cMark, ":?%")
	add(cQMark, "&=%+;")
	for c := range t {
		if t[c]&cBadURL != 0 {
			t[c] |= cQMark
		}
	}
	for c := 0x80; c <= 0xff; c++ {
		t[c] |= cQMark
	}
	for c := 0x20; c < 0x7f; c++ {
		t[c] |= cPrint
	}
	return t
}()

// in reports whether every byte of s is in class c, and if not, the offset
// of the first that is not.
func in(c uint32, s string) (ok bool, bad int) {
	if i := indexNotClass(s, 0, c); i < len(s) {
		return false, i
	}
	return true, -1
}

// A refRule is what one channel (and Telegram parameter) accepts as a ref.
type refRule struct {
	part  string // how messages name the ref: "ref", "start payload", "text"
	class uint32 // the alphabet; 0 for free text
	want  string // the alphabet as messages show it
	max   int    // the length limit in bytes
	noTGR bool   // refuse the "_tgr_" prefix
}

// freeText describes the refs of the channels without an alphabet.
const freeText = "text without control characters, in UTF-8"

var (
	refRules = [numKinds]refRule{
		Messenger: {"ref", cMessenger, "A-Z a-z 0-9 + / = - . : _", MaxRefLen, false},
		Instagram: {"ref", cInstagram, "A-Z a-z 0-9 _ = -", MaxRefLen, false},
		WhatsApp:  {"text", 0, freeText, MaxRefLen, false},
		Telegram:  {"start payload", cTelegram, "A-Z a-z 0-9 _ -", MaxTelegramStartLen, true},
		Viber:     {"context", 0, freeText, MaxRefLen, false},
		WebChat:   {"ref", 0, freeText, MaxRefLen, false},
		Line:      {"text", 0, freeText, MaxRefLen, false},
		SMS:       {"body", 0, freeText, MaxRefLen, false},
		Email:     {"body", 0, freeText, MaxRefLen, false},
	}
	telegramRules = [numStartParams]refRule{
		Start:      refRules[Telegram],
		StartGroup: {"startgroup payload", cTelegram, "A-Z a-z 0-9 _ -", MaxTelegramStartLen, true},
		StartApp:   {"startapp payload", cTelegram, "A-Z a-z 0-9 _ -", MaxTelegramStartAppLen, true},
	}
	subjectRule = refRule{"subject", 0, freeText, MaxRefLen, false}
)

// ruleOf returns the ref rule of k's links with parameter p; k must be
// valid, and p valid for Telegram.
func ruleOf(k Kind, p StartParam) *refRule {
	if k == Telegram {
		return &telegramRules[p]
	}
	return &refRules[k]
}

// check returns nil if s keeps the rule, or the rule s breaks with the
// offset and character at fault (-1 and 0 for a length). The alphabet is
// checked before the length, so a ref that needs encoding says so.
func (r *refRule) check(s string) (off int, c rune, err error) {
	if r.class != 0 {
		if ok, i := in(r.class, s); !ok {
			c, _ := utf8.DecodeRuneInString(s[i:])
			return i, c, ErrAlphabet
		}
	} else if i, c := badText(s); i >= 0 {
		return i, c, ErrAlphabet
	}
	if len(s) > r.max {
		return -1, 0, ErrTooLong
	}
	if r.noTGR && len(s) >= 5 && s[:5] == "_tgr_" {
		return 0, '_', ErrPrefix
	}
	return -1, 0, nil
}

// badText returns the offset and character of the first byte of s that is
// not UTF-8 (utf8.RuneError) or a control character (C0, DEL, C1), or -1.
func badText(s string) (int, rune) {
	for i := 0; i < len(s); {
		c := s[i]
		if byteClass[c]&cPrint != 0 {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i, rune(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r < 0xa0 {
			return i, r
		}
		i += n
	}
	return -1, 0
}

// escapes reports whether s keeps rule r, as r.check does, and counts the
// bytes of s outside class safe (one class bit), which Build %-encodes:
// each makes the link two bytes longer. Build calls it instead of check so
// that the ref is read once; on false, check says what is wrong.
//
// Every safe class is printable ASCII, so each byte of a non-ASCII
// character is an escape.
func escapes[T text](r *refRule, s T, safe uint32) (n int, ok bool) {
	alphabet := r.class
	if alphabet == 0 {
		alphabet = cPrint // free text: printable ASCII, checked here, and UTF-8
	}
	// Four bytes at a time while they are in the alphabet and safe: then
	// the AND of their classes has both bits.
	both := alphabet | safe
	for i := 0; i < len(s); {
		for ; len(s)-i >= 4; i += 4 {
			b := s[i : i+4]
			if byteClass[b[0]]&byteClass[b[1]]&byteClass[b[2]]&byteClass[b[3]]&both != both {
				break
			}
		}
		if i == len(s) {
			break
		}
		c := s[i]
		switch cl := byteClass[c]; {
		case cl&alphabet != 0:
			if cl&safe == 0 {
				n++
			}
			i++
		case r.class != 0 || c < utf8.RuneSelf:
			return 0, false // outside the alphabet, or a control character
		default:
			ch, size := decodeRune(s[i:])
			if ch == utf8.RuneError && size == 1 || ch < 0xa0 {
				return 0, false // not UTF-8, or a C1 control character
			}
			n += size
			i += size
		}
	}
	if len(s) > r.max || r.noTGR && len(s) >= 5 && string(s[:5]) == "_tgr_" {
		return 0, false
	}
	return n, true
}

// refError returns the error for s breaking rule r of channel k.
func (r *refRule) error(op string, k Kind, s string, off int, c rune, err error) *LinkError {
	e := &LinkError{Op: op, Input: s, Kind: k, Part: r.part, Offset: off, Rune: c, Err: err, chars: r.class != 0}
	switch err {
	case ErrTooLong:
		e.Len, e.Limit = len(s), r.max
	case ErrAlphabet:
		e.Want = r.want
	case ErrPrefix:
		e.Value, e.Want = "_tgr_", "no _tgr_ prefix, which Telegram clients read as an affiliate link"
	}
	return e
}

// checkRef is Check for channel k and Telegram parameter p.
func checkRef(op string, k Kind, p StartParam, ref string) error {
	if !k.Valid() {
		return &KindError{Name: k.String()}
	}
	if p >= numStartParams || p != Start && k != Telegram {
		return &LinkError{Op: op, Kind: k, Part: "parameter", Value: p.String(), Offset: -1, Err: ErrVariant}
	}
	r := ruleOf(k, p)
	if off, c, err := r.check(ref); err != nil {
		return r.error(op, k, ref, off, c, err)
	}
	return nil
}

// Check reports whether ref can ride in the default link form of channel k
// (for Telegram, the start parameter): nil, or a [*LinkError] that names the
// rule (ErrAlphabet with the offending character and its byte offset,
// ErrTooLong with the length and the limit, ErrPrefix) or an error matching
// [ErrUnknownKind]. The empty ref is valid everywhere: it means a link
// without a ref. Check applies the rules that [Build] applies.
//
// The alphabets: Messenger A-Z a-z 0-9 + / = - . : _; Instagram
// A-Z a-z 0-9 _ = -; Telegram A-Z a-z 0-9 _ - and not starting "_tgr_";
// WhatsApp, Viber, WebChat, LINE, SMS and Email any UTF-8 text without
// control characters (it is %-encoded in the link). The limits:
// [Kind.MaxRefLen].
func Check(k Kind, ref string) error { return checkRef("Check", k, Start, ref) }

// Check is [Check] for a Telegram link carrying its payload in parameter
// p: startapp allows [MaxTelegramStartAppLen] characters, start and
// startgroup [MaxTelegramStartLen].
func (p StartParam) Check(ref string) error { return checkRef("Check", Telegram, p, ref) }

// Valid reports whether [Check](k, ref) returns nil. It does not allocate.
func Valid(k Kind, ref string) bool {
	if !k.Valid() {
		return false
	}
	_, _, err := refRules[k].check(ref)
	return err == nil
}

// InAlphabet reports whether every character of s may appear in a ref of
// channel k (for Telegram, of any parameter), whatever its length. The
// root package uses it to decide whether a payload can travel as it is or
// must be encoded first. It does not allocate.
func InAlphabet(k Kind, s string) bool {
	if !k.Valid() {
		return false
	}
	if c := refRules[k].class; c != 0 {
		ok, _ := in(c, s)
		return ok
	}
	i, _ := badText(s)
	return i < 0
}

// MaxRefLen returns the longest ref, in bytes, that k's default link form
// carries: [MaxTelegramStartLen] for Telegram, [MaxRefLen] for the other
// channels, 0 for a Kind that is not a channel.
func (k Kind) MaxRefLen() int {
	if !k.Valid() {
		return 0
	}
	return refRules[k].max
}

// MaxLen returns the longest payload, in characters, that a Telegram link
// carries in parameter p, or 0 for a value that is not a parameter.
func (p StartParam) MaxLen() int {
	if p >= numStartParams {
		return 0
	}
	return telegramRules[p].max
}

// indexClass returns the offset of the first byte of s at or after i that
// is in class c, or len(s). Bytes outside c are the common case: it skips
// them four at a time, one test and one branch per block (b has a constant
// length, so its loads need no bounds checks).
func indexClass(s string, i int, c uint32) int {
	for ; len(s)-i >= 4; i += 4 {
		b := s[i : i+4]
		if (byteClass[b[0]]|byteClass[b[1]]|byteClass[b[2]]|byteClass[b[3]])&c != 0 {
			break
		}
	}
	for ; i < len(s) && byteClass[s[i]]&c == 0; i++ {
	}
	return i
}

// indexNotClass returns the offset of the first byte of s at or after i
// that is not in class c (one class bit), or len(s). It is indexClass's
// complement: four bytes are all in c exactly when the AND of their
// classes still has c's bit, so it too tests one block per branch.
func indexNotClass(s string, i int, c uint32) int {
	for ; len(s)-i >= 4; i += 4 {
		b := s[i : i+4]
		if byteClass[b[0]]&byteClass[b[1]]&byteClass[b[2]]&byteClass[b[3]]&c == 0 {
			break
		}
	}
	for ; i < len(s) && byteClass[s[i]]&c != 0; i++ {
	}
	return i
}

// Constants for testing eight bytes at a time.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// text is a string or the bytes of one: refs are checked and written in
// either form.
type text interface{ ~string | ~[]byte }

// decodeRune is utf8.DecodeRuneInString for either form of text; the
// conversion of at most utf8.UTFMax bytes is made on the stack.
func decodeRune[T text](s T) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}

// load8 returns b[i:i+8] as a little-endian word; the compiler makes it one
// load, after one bounds check. (Indexed from b, each of the eight bytes
// had its own check.) The caller must have i+8 <= len(b): for a []byte
// the slice is checked against the capacity, not the length, and every
// caller tests the length already (a check of b[i+7] here too cost 5%).
func load8[T text](b T, i int) uint64 {
	w := b[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}
