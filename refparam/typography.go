package refparam

import (
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
)

// StraightQuotes returns a transformer that replaces the typographic quotes
// that word processors and WordPress substitute for ASCII ones:
//
//	“ ” „ ‟ ″ (U+201C U+201D U+201E U+201F U+2033)  →  "
//	‘ ’ ‚ ‛ ′ (U+2018 U+2019 U+201A U+201B U+2032)  →  '
//
// Every other rune, dashes included, passes through unchanged: dashes mean
// something different inside JSON strings and between ref segments, so
// [Parse] handles them itself.
//
// The transformer is stateless, so one value may be shared, but as with any
// [transform.Transformer] it must not be used concurrently inside a
// [transform.Chain] or a [transform.Reader]; call StraightQuotes for each.
// [Parse] applies it to a jsondata document only when the document is not
// valid JSON as it stands.
func StraightQuotes() transform.SpanningTransformer {
	return runes.Map(straightQuote)
}

func straightQuote(r rune) rune {
	switch r {
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033':
		return '"'
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032':
		return '\''
	}
	return r
}
