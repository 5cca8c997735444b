package channel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// InText reports whether channel k carries its ref in message text that
// the user can edit before sending (WhatsApp, LINE, SMS, Email), where the
// bot reads the ref by the text rule rather than from a parameter.
func (k Kind) InText() bool {
	switch k {
	case WhatsApp, Line, SMS, Email:
		return true
	}
	return false
}

// FirstWord returns the first white-space-delimited word of text (white
// space as unicode.IsSpace has it), a substring of text. Given the text a
// link of a text channel prefills, once its "/" is gone (Link.Ref), it is
// the ref the bot's webhook reads, unless that text begins with white
// space: a "/" followed by white space carries no ref. Words after it are
// the user's message.
func FirstWord(text string) string {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if i := indexSpace(text); i >= 0 {
		text = text[:i]
	}
	return text
}

// indexSpace is strings.IndexFunc(s, unicode.IsSpace) with a fast path for
// ASCII, where refs spend their bytes.
//
// It first skips whole words of eight bytes in '!'–DEL, which hold no white
// space: subtracting 0x21 from each byte borrows (sets the byte's high bit)
// only from a byte below 0x21, and a byte of 0x80 or more has its high bit
// already. A borrow can mark a later byte of the same word too; the byte
// loop then reads that word again, exactly.
func indexSpace(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if x := load8(s, i); (x-0x21*ones|x)&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || '\t' <= c && c <= '\r':
			return i
		case c >= utf8.RuneSelf:
			if j := strings.IndexFunc(s[i:], unicode.IsSpace); j >= 0 {
				return i + j
			}
			return -1
		}
	}
	return -1
}
