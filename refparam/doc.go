// Package refparam reads and writes the ref: the text that rides in a
// chatbot entry link (m.me's ref=, Telegram's start=, Viber's context=,
// WhatsApp's text=/…) and names a flow, a default payload, custom-field
// values or a JSON document.
//
// The package knows nothing of channels: it works on the ref text after the
// channel has undone its URL encoding, and its output is the text a channel
// then carries. Package channel builds and parses the links themselves.
//
// # Grammar
//
// A ref is a name followed by segments, joined by separators:
//
//	giveaway                                  name only
//	giveaway--456                             name, default payload
//	tutorial--value1--738--value2--514--value3   default payload, then (field id, value) pairs
//	giveaway--738--value2                     an even count after the name: pairs only
//	giveaway----738--value2                   an empty default payload, then pairs
//	giveawayjsondata--{"a":1}                 name and a JSON document
//	giveaway--jsondata--{"a":1}               the same, marker as a segment
//
// After the name, an odd number of segments is the default payload followed
// by pairs, an even number is pairs only; in a pair the field id comes first,
// so above value2 goes to field 738 and value3 to field 514. Field ids are
// any non-empty text (the product's are numeric). The default payload is
// the value the link's owner saves to the custom field chosen when making
// the link.
//
// The JSON part begins after the separator that follows the jsondata
// marker and runs to the end of the text, whatever it contains, so a
// base64url document with "--" in it is taken whole. It may be
//
//   - raw JSON, beginning with '{' or '[';
//   - percent-encoded JSON, beginning with '%' (%7B…), decoded with %XX
//     escapes only ('+' stays '+');
//   - base64url (RFC 4648 §5) of the JSON, unpadded or with correct '='
//     padding, which is how it has to travel on Telegram and ig.me.
//
// Whatever its form, the document must be valid UTF-8 and valid JSON, an
// object or an array, with no control characters (so no newlines: compact
// it first). Valid JSON is what encoding/json's Valid accepts; the check is
// the module's own one-pass validator, which a fuzz target holds to
// encoding/json's answer.
//
// # Accepted input
//
// Parse reads what copy-paste makes of a ref. Word processors, WordPress,
// Google Docs and macOS turn "--" into an en dash and "---" into an em dash,
// and straight quotes into curly ones. A separator is any of
//
//	--       two ASCII hyphen-minus characters
//	–        U+2013 EN DASH
//	—        U+2014 EM DASH
//	―        U+2015 HORIZONTAL BAR
//	a pair of hyphen-like runes, in any combination:
//	-        U+002D HYPHEN-MINUS
//	‐        U+2010 HYPHEN
//	‑        U+2011 NON-BREAKING HYPHEN
//	‒        U+2012 FIGURE DASH
//	−        U+2212 MINUS SIGN
//	﹣       U+FE63 SMALL HYPHEN-MINUS
//	－       U+FF0D FULLWIDTH HYPHEN-MINUS
//
// A single hyphen-like rune inside a name or value is read as '-'. Pairs
// are taken from the left, so a run of an odd number of hyphens leaves a
// '-' at the edge of a segment ("a---b"), which could be meant two ways and
// is rejected with [ErrEdgeHyphen] rather than guessed at.
//
// A raw or percent-encoded JSON document that is not valid as it stands is
// repaired by [StraightQuotes] (“ ” → ", ‘ ’ → ') and used if the repair
// makes it valid. A valid document is never changed, so curly quotes inside
// its strings survive.
//
// Parse rejects, with a [*SyntaxError] that carries the byte offset and
// wraps one of the sentinel errors: input longer than [MaxLen] (before
// scanning it), invalid UTF-8, control characters, an empty name, an empty
// field id, a '-' at the edge of a segment, a jsondata marker without a
// document (so a payload equal to "jsondata", or a name ending in
// "jsondata", cannot be read), a pairs-only text whose canonical form (with
// the empty default slot added) would be longer than [MaxLen], and a JSON
// part that is broken JSON, broken
// percent-encoding or broken base64url. For an error inside a document that
// was percent- or base64url-decoded, the offset is that of the JSON part,
// as the decoded bytes have no place in the input. It reports the first encoding error
// (UTF-8, control character) anywhere in the text before any structural
// error, and structural errors from left to right.
//
// Parse does not trim white space: it is part of the text. Channels that
// carry refs in user-editable text trim before calling it.
//
// # Canonical output
//
// [Ref.String], [Ref.AppendText], [Ref.MarshalText] and the zero [Encoder]
// write "--" separators, write the default-payload slot whenever there are
// fields (giveaway----738--v2, so the text reads the same to a platform that
// takes the second segment as the default payload) and write JSON raw in
// the NAMEjsondata--{…} form. [Encoder.WithJSONEncoding] with
// [JSONBase64URL] writes the document as unpadded base64url instead.
//
// The encoders refuse, with an [*EncodeError] naming the part, the field
// index and the offset: an empty name or field id; a name or value that
// contains a separator or a typographic hyphen, or begins or ends with '-';
// a name ending in "jsondata" or a payload equal to "jsondata"; JSON together
// with a payload or fields; a JSON document that breaks the rules above;
// invalid UTF-8 or control characters; and text longer than [MaxLen].
//
// The zero Ref, which carries nothing, is written as the empty text, and
// [Ref.UnmarshalText] reads the empty text as the zero Ref, so that a
// struct with an absent ref survives encoding/json; Parse still rejects the
// empty text, as netip.ParseAddr does.
//
// These rules make the codec a bijection on canonical text: for every Ref r
// that encodes without error, Parse(r.String()) returns a Ref equal to r,
// and for every text s that Parse accepts, r.String() is a canonical text
// that Parse reads back to the same Ref. The fuzz tests check both, and
// check Parse against a slow reference parser built on strings.Split.
//
// # Limits and memory
//
// [MaxLen] bounds input and output, and Parse accepts only text whose
// canonical form fits in it. Parse returns substrings of its input
// for the name, payload and fields, so canonical text allocates nothing
// without fields and one slice with them; a typographic hyphen inside a
// segment, and a JSON document, are copied. A JSON document that is valid
// as it is written (raw, base64url, or percent-encoded throughout) costs
// one allocation; one that must be repaired costs a few more.
//
// Printable ASCII, the text of nearly every ref, takes fast paths: one
// scan that counts the separators eight bytes at a time, and for the
// NAMEjsondata--… form a check of the document in one loop made for
// printable ASCII, after an eight-characters-at-a-time base64url decoder
// where it applies. Anything else, errors included, goes through the
// general parser, and a fuzz test holds Parse to that parser alone.
//
// The package has no state; every function is safe for concurrent use.
package refparam
