package refparam

import (
	"math/bits"
	"unicode/utf8"
)

// MaxLen is the longest text, in bytes, that [Parse] reads and the encoders
// write. It is four times Messenger's documented 2,083-character ref limit,
// enough for any channel's ref plus a percent-encoded JSON document, and it
// bounds the work an untrusted input can cause. Longer input fails with
// [ErrTooLong] before it is scanned.
const MaxLen = 8192

// The jsondata marker, as a name suffix (giveawayjsondata--{…}) or as the
// second segment (giveaway--jsondata--{…}).
const jsonMarker = "jsondata"

// Byte classes for the scanner's ASCII fast path.
const (
	clPlain   = iota // any other printable ASCII byte
	clHyphen         // '-'
	clControl        // U+0000–U+001F, U+007F
	clHigh           // the first byte of a multi-byte UTF-8 sequence (or junk)
)

var byteClass = func() (t [256]uint8) {
	for i := range t {
		switch {
		case i == '-':
			t[i] = clHyphen
		case i < 0x20 || i == 0x7f:
			t[i] = clControl
		case i >= utf8.RuneSelf:
			t[i] = clHigh
		}
	}
	return t
}()

// Runes that the grammar reads as dashes. See the table in doc.go.
const (
	enDash       = '\u2013'
	emDash       = '\u2014'
	horizBar     = '\u2015'
	hyphen       = '\u2010'
	nbHyphen     = '\u2011'
	figureDash   = '\u2012'
	minusSign    = '\u2212'
	smallHyphen  = '\uFE63'
	fullwidthHyp = '\uFF0D'
)

// dashClass says what a rune means to the grammar.
type dashClass uint8

const (
	notDash     dashClass = iota
	asciiHyphen           // '-'
	typoHyphen            // one of the hyphen-like runes: single, it reads as '-'
	sepDash               // en dash, em dash, horizontal bar: a separator on its own
)

func classify(r rune) dashClass {
	switch r {
	case '-':
		return asciiHyphen
	case hyphen, nbHyphen, figureDash, minusSign, smallHyphen, fullwidthHyp:
		return typoHyphen
	case enDash, emDash, horizBar:
		return sepDash
	}
	return notDash
}

// hyphenLikeAt reports the width of the hyphen-like rune (ASCII '-' or a
// typographic hyphen) at s[i], or 0 if there is none. It does not report
// errors; the scan that reaches that rune does.
func hyphenLikeAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if classify(r) == typoHyphen {
		return n
	}
	return 0
}

// A segment is what nextSegment found: s[start:end] is the segment text,
// and the next segment starts at next. sep reports whether a separator
// ended the segment (otherwise end == next == len(s)); typo reports whether
// the segment holds a single typographic hyphen that reads as '-'.
type segment struct {
	end, next int
	sep, typo bool
}

// nextSegment scans s from i to the next separator. It rejects invalid
// UTF-8 and control characters, returning the sentinel and its offset.
func nextSegment(s string, i int) (seg segment, errOff int, err error) {
	for i < len(s) {
		c := byteClass[s[i]]
		if c == clPlain {
			i++
			continue
		}
		switch c {
		case clHyphen:
			if n := hyphenLikeAt(s, i+1); n > 0 {
				return segment{end: i, next: i + 1 + n, sep: true, typo: seg.typo}, 0, nil
			}
			i++
		case clControl:
			return seg, i, ErrControl
		case clHigh:
			if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2]-0x93 <= 0x95-0x93 {
				// An en dash, em dash or horizontal bar, which is what
				// copy-paste makes of "--": no need to decode it.
				return segment{end: i, next: i + 3, sep: true, typo: seg.typo}, 0, nil
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return seg, i, ErrUTF8
			}
			if r <= 0x9f { // C1 controls, U+0080–U+009F
				return seg, i, ErrControl
			}
			switch classify(r) {
			case sepDash:
				return segment{end: i, next: i + n, sep: true, typo: seg.typo}, 0, nil
			case typoHyphen:
				if n2 := hyphenLikeAt(s, i+n); n2 > 0 {
					return segment{end: i, next: i + n + n2, sep: true, typo: seg.typo}, 0, nil
				}
				seg.typo = true
			}
			i += n
		}
	}
	seg.end, seg.next = len(s), len(s)
	return seg, 0, nil
}

// edgeHyphen returns the offset in seg of a hyphen-like rune that begins or
// ends it, or -1.
func edgeHyphen(seg string) int {
	// Every hyphen-like rune but '-' is multi-byte, so an ASCII byte other
	// than '-' at each end settles it.
	if seg == "" || byteClass[seg[0]] == clPlain && byteClass[seg[len(seg)-1]] == clPlain {
		return -1
	}
	if hyphenLikeAt(seg, 0) > 0 {
		return 0
	}
	r, n := utf8.DecodeLastRuneInString(seg)
	if c := classify(r); c == asciiHyphen || c == typoHyphen {
		return len(seg) - n
	}
	return -1
}

// normalizeHyphens returns seg with each typographic hyphen replaced by '-'.
// seg holds no separators, so every hyphen-like rune in it is single.
func normalizeHyphens(seg string) string {
	b := make([]byte, 0, len(seg))
	for _, r := range seg {
		if classify(r) == typoHyphen {
			b = append(b, '-')
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// text is what checkText reads: a string, or the bytes of a decoded JSON
// document, which are checked without a copy.
type text interface{ ~string | ~[]byte }

// checkText rejects invalid UTF-8 and control characters in s, returning
// the sentinel and its offset.
func checkText[T text](s T) (errOff int, err error) {
	i := 0
	for i+8 <= len(s) && printable8(load8(s, i)) {
		i += 8
	}
	for i < len(s) {
		switch byteClass[s[i]] {
		case clControl:
			return i, ErrControl
		case clHigh:
			// A code point is at most utf8.UTFMax bytes: the conversion
			// of so few bytes is made on the stack.
			r, n := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if r == utf8.RuneError && n == 1 {
				return i, ErrUTF8
			}
			if r <= 0x9f {
				return i, ErrControl
			}
			i += n
		default:
			i++
		}
	}
	return 0, nil
}

// fastSeps is how many separator offsets scanASCII records: enough for a
// name, a default payload and seven pairs, the refs that links carry. The
// offsets fit in a uint16 because MaxLen does.
const fastSeps = 16

// Constants for testing eight bytes at a time.
const (
	ones    = 0x0101010101010101
	high    = 0x8080808080808080
	low7    = 0x7f7f7f7f7f7f7f7f
	hyphens = ones * '-'
)

// load8 returns s[i:i+8] as a little-endian word; the compiler makes it one
// load, after one bounds check. (Indexed from s, each of the eight bytes
// had its own check.) The caller must have i+8 <= len(s): for a []byte
// the slice is checked against the capacity, not the length, and every
// caller tests the length already (a check of s[i+7] here too cost 5%).
func load8[T text](s T, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// printable8 reports whether every byte of x is printable ASCII, in
// 0x20–0x7E. Within each byte the additions cannot carry into the next.
func printable8(x uint64) bool {
	lo := x & low7
	atLeast7F := (lo + ones) & high
	atLeast20 := (lo + 0x6060606060606060) & high
	return x&high|atLeast7F|(^atLeast20&high) == 0
}

// hyphenBytes returns the high bit of each byte of x that is '-', for a
// word of ASCII bytes (all below 0x80): a byte of x^hyphens is zero exactly
// when adding 0x7F leaves its high bit clear.
func hyphenBytes(x uint64) uint64 {
	return ^((x ^ hyphens) + low7) & high
}

// indexSep returns the offset of the first "--" in s at or after i, or -1.
// Segments are short, so a plain loop beats strings.Index and an
// eight-byte test here.
func indexSep(s string, i int) int {
	for ; i+1 < len(s); i++ {
		if s[i] == '-' && s[i+1] == '-' {
			return i
		}
	}
	return -1
}

// scanASCII reports whether every byte of s is in 0x20–0x7E (but see
// isJSON below) and, if so, how many "--" separators s holds, paired
// greedily from the left as the parser reads them ("---" is one separator
// and a '-'). Printable ASCII has no encoding errors and no typographic
// dashes, so its only separator is "--"; knowing the count up front lets
// the parser decide odd or even without a second scan.
//
// It records in at the offsets of the first len(at) separators, so that
// the parser of a short ref need not look for them again.
//
// When the first separator follows the jsondata marker, it stops there
// and reports isJSON: the rest of s is a JSON part, which the parser checks
// as a whole. Then seps is 1, and ok speaks only for the text scanned.
//
// It tests eight bytes at a time; within each byte the additions cannot
// carry into the next. Only the hyphens of a word are visited one by one.
func scanASCII(s string, at *[fastSeps]uint16) (seps int, ok, isJSON bool) {
	// last is the offset of a hyphen still waiting for its pair; a hyphen
	// at last+1 completes a separator.
	last := -2
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		if !printable8(x) {
			return 0, false, false
		}
		for m := hyphenBytes(x); m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)/8
			if j == last+1 {
				if seps == 0 && afterMarker(s, last) {
					at[0] = uint16(last)
					return 1, true, true
				}
				if seps < len(at) {
					at[seps] = uint16(last)
				}
				seps++
				last = -2
			} else {
				last = j
			}
		}
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f:
			return 0, false, false
		case c == '-':
			if i == last+1 {
				if seps == 0 && afterMarker(s, last) {
					at[0] = uint16(last)
					return 1, true, true
				}
				if seps < len(at) {
					at[seps] = uint16(last)
				}
				seps++
				last = -2
			} else {
				last = i
			}
		}
	}
	return seps, true, false
}

// afterMarker reports whether the jsondata marker ends at s[i].
func afterMarker(s string, i int) bool {
	return i >= len(jsonMarker) && s[i-len(jsonMarker):i] == jsonMarker
}
