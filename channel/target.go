package channel

import (
	"strings"
	"unicode/utf8"
)

// Limits on targets.
const (
	// MinPhoneDigits and MaxPhoneDigits bound a WhatsApp or SMS phone
	// number after separators are removed: E.164 numbers have at most 15
	// digits, and no country's subscriber numbers with country code have
	// fewer than 7.
	MinPhoneDigits = 7
	MaxPhoneDigits = 15
)

// A targetRule is what one channel accepts as a target.
type targetRule struct {
	part     string
	class    uint32 // allowed bytes (after any normalisation)
	min, max int
	want     string
}

var targetRules = [numKinds]targetRule{
	Messenger: {"page", cPage, 5, 50, "5–50 of A-Z a-z 0-9 . (a page handle or numeric page id)"},
	Instagram: {"username", cIGUser, 1, 30, `1–30 of A-Z a-z 0-9 . _, not starting or ending with "." nor holding ".."`},
	WhatsApp:  {"phone", cDigit, MinPhoneDigits, MaxPhoneDigits, "7–15 digits in international format, not starting with 0 and without a (0) trunk prefix; + ( ) . - and spaces are dropped"},
	Telegram:  {"bot username", cBot, 5, 32, `5–32 of A-Z a-z 0-9 _, starting with a letter and ending in "bot"`},
	Viber:     {"chat URI", cViberURI, 1, 64, "1–64 of A-Z a-z 0-9 _ . -"},
	WebChat:   {"account id", cTelegram, 1, 64, "1–64 of A-Z a-z 0-9 _ -"},
	Line:      {"id", cLineID, 1, 32, `"@" and 1–32 of A-Z a-z 0-9 . _ -`},
	SMS:       {"phone", cDigit, MinPhoneDigits, MaxPhoneDigits, "7–15 digits, not starting with 0 and without a (0) trunk prefix, after an optional +; ( ) . - and spaces are dropped"},
	Email:     {"address", 0, 3, 254, "an address local@domain.tld: dot-atom local part of A-Z a-z 0-9 . ! $ ' * + = _ ~ -, ASCII domain"},
}

// targetError returns the error for target t of channel k, with the
// offending byte at off (or -1).
func targetError(op string, k Kind, t string, off int) *LinkError {
	r := &targetRules[k]
	e := &LinkError{Op: op, Input: t, Kind: k, Part: r.part, Value: t, Offset: off, Want: r.want, Err: ErrTarget}
	if off >= 0 && off < len(t) {
		e.Rune, _ = utf8.DecodeRuneInString(t[off:])
	}
	return e
}

// normTarget checks target t of channel k and returns it normalised.
// Normalising allocates only where the target has separators to drop (a
// phone) or lacks LINE's "@".
func normTarget(op string, k Kind, t string) (string, *LinkError) {
	r := &targetRules[k]
	switch k {
	case WhatsApp, SMS:
		if t == "" && k == WhatsApp {
			return "", nil // wa.me/?text=…: the user picks the contact
		}
		n, off := normPhone(t, k == SMS)
		if off != -1 {
			if off == len(t) {
				off = -1 // too few or too many digits
			}
			return "", targetError(op, k, t, off)
		}
		return n, nil
	case Line:
		id := strings.TrimPrefix(t, "@")
		if e := checkLen(op, k, t, id, r); e != nil {
			return "", e
		}
		if len(id) == len(t) {
			t = "@" + t
		}
		return t, nil
	case Email:
		if off := checkAddr(t); off != -1 {
			if off == len(t) {
				off = -1 // too long, or a part missing
			}
			return "", targetError(op, k, t, off)
		}
		return t, nil
	}
	id := t
	if k == Telegram && op != "Parse" {
		// "@my_bot", as bots are named in chats: the link has no "@".
		// (A link's path with one is not a bot link, and Parse refuses it.)
		id = strings.TrimPrefix(t, "@")
	}
	if e := checkLen(op, k, t, id, r); e != nil {
		return "", e
	}
	if k == Instagram {
		// Instagram allows no such username, and "." and ".." are path
		// steps that a browser would resolve away.
		switch {
		case t[0] == '.':
			return "", targetError(op, k, t, 0)
		case t[len(t)-1] == '.':
			return "", targetError(op, k, t, len(t)-1)
		case strings.Contains(t, ".."):
			return "", targetError(op, k, t, strings.Index(t, ".."))
		}
	}
	if k == Telegram {
		if !isLetter(id[0]) {
			return "", targetError(op, k, t, len(t)-len(id))
		}
		if !equalFoldASCII(id[len(id)-3:], "bot") { // id is ASCII: checkLen saw to it
			return "", targetError(op, k, t, -1)
		}
	}
	return id, nil
}

// checkLen checks s, the part of target t after any prefix, against rule
// r's class and length.
func checkLen(op string, k Kind, t, s string, r *targetRule) *LinkError {
	if ok, i := in(r.class, s); !ok {
		return targetError(op, k, t, i+len(t)-len(s))
	}
	if len(s) < r.min || len(s) > r.max {
		e := targetError(op, k, t, -1)
		e.Len, e.Limit, e.chars = len(s), r.max, true
		if len(s) < r.min {
			e.Limit = r.min
		}
		return e
	}
	return nil
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// normPhone returns phone s as digits (after a "+" when keepPlus and s has
// one), without the separators space ( ) . -, and -1; or "" and the offset
// of the byte at fault (len(s) when the number of digits is wrong, the
// "(" of a trunk prefix "(0)" after a digit). It allocates only when s has
// separators.
func normPhone(s string, keepPlus bool) (string, int) {
	// The common case, a number already normalised: digits only, after a
	// '+' that is kept. It is its own normal form, and the loop below
	// would find no byte at fault in it.
	d := s
	if keepPlus && len(s) > 0 && s[0] == '+' {
		d = s[1:]
	}
	if MinPhoneDigits <= len(d) && len(d) <= MaxPhoneDigits && d[0] != '0' && indexNotClass(d, 0, cDigit) == len(d) {
		return s, -1
	}
	digits, clean := 0, true
	first := -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if first < 0 {
				first = i
			}
			digits++
		case c == '+' && i == 0:
			clean = clean && keepPlus
		case c == '(' && digits > 0 && trunkZero(s[i+1:]):
			// "+44 (0)20 …": a trunk prefix, dialled only within the
			// country. Kept, it makes another number; dropped, it would
			// be a guess at what was meant.
			return "", i
		case c == ' ' || c == '(' || c == ')' || c == '.' || c == '-':
			clean = false
		default:
			return "", i
		}
	}
	if digits < MinPhoneDigits || digits > MaxPhoneDigits {
		return "", len(s)
	}
	if s[first] == '0' {
		return "", first
	}
	if clean {
		return s, -1
	}
	b := make([]byte, 0, digits+1)
	if keepPlus && s[0] == '+' {
		b = append(b, '+')
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b), -1
}

// trunkZero reports whether s, the rest of a phone after a "(", closes a
// bracket whose only digit is 0, separators aside: "0)", " 0 )".
func trunkZero(s string) bool {
	zeros := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ')':
			return zeros == 1
		case '0':
			zeros++
		case ' ', '.', '-':
		default:
			return false
		}
	}
	return false
}

// checkAddr returns -1 if s is an e-mail address this package writes into
// a mailto: link unescaped: a dot-atom local part of cLocal bytes, "@", and
// a domain of at least two LDH labels whose last does not start with a
// digit. Every such address is one net/mail.ParseAddress accepts and
// returns unchanged (a fuzz test checks this); quoted local parts, comments,
// IP literals and non-ASCII addresses are refused. Otherwise it returns the
// offset of the byte at fault (len(s) for a length or a missing part).
func checkAddr(s string) int {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		if ok, i := in(cLocal, s); !ok {
			return i
		}
		return len(s)
	}
	if len(s) > 254 {
		return len(s)
	}
	local, domain := s[:at], s[at+1:]
	if len(local) == 0 || len(local) > 64 {
		return at
	}
	// The local part is runs of cAtext bytes between single dots: the run
	// scan stops at each dot, checked here, and at the first byte outside
	// cLocal, refused. The stops come in the order of a byte-by-byte loop,
	// so the offset returned is the first byte at fault.
	for i := 0; ; i++ {
		if i = indexNotClass(local, i, cAtext); i == len(local) {
			break
		}
		if local[i] != '.' || i == 0 || i == len(local)-1 || local[i-1] == '.' {
			return i
		}
	}
	// The domain is LDH labels between dots, scanned likewise: each label
	// is checked when the scan reaches the dot or the end after it.
	labels := 0
	for start, i := 0, 0; ; start = i + 1 {
		i = indexNotClass(domain, start, cLDH)
		if i < len(domain) && domain[i] != '.' {
			return at + 1 + i
		}
		l := domain[start:i]
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return at + 1 + i
		}
		labels++
		if i == len(domain) {
			if '0' <= l[0] && l[0] <= '9' {
				return at + 1 + start
			}
			break
		}
	}
	if labels < 2 {
		return len(s)
	}
	return -1
}
