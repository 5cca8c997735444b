// Package jsonpayload implements "Get Data From JSON": it takes values out
// of a JSON document by path and writes them as typed chatbot custom
// fields.
//
// A rule set is compiled once and applied to many documents:
//
//	e, err := jsonpayload.Compile([]jsonpayload.Rule{
//		{Path: "$.order.id", FieldID: "738", Type: jsonpayload.Number, Required: true},
//		{Path: "/order/placed", FieldID: "514", Type: jsonpayload.Date},
//	})
//	fields, err := e.Extract(doc) // []refparam.Field, in rule order
//
// [Lookup] reads one path and tells the outcomes apart by its error: a
// value, [ErrNotFound], [ErrNull] or [ErrInvalidDocument].
//
// # Path dialects
//
// Users paste paths from wherever they found them, so every rule path is
// read in one of five dialects. With the default [Options] (dialect [Auto])
// the dialect of each path is picked from its first bytes:
//
//	"$" alone, or "$." or "$[" first   JSONPath     $.data.items[0].name  $['key with space']  $.values.0.0
//	"/" first                          Pointer      /data/items/0/name    (RFC 6901, ~0 is ~, ~1 is /)
//	"x." or "x[" first                 Finder       x.data.items[0].name  (jsonpathfinder.com)
//	anything else                      Dot          data.items[0].name    data.items.0.name  rates.USD
//
// [Options.WithDialect] reads every path in one dialect instead, and is the
// only way to choose [GJSON]: gjson's own syntax, run exactly as written,
// with its wildcards, "#" queries, "@" modifiers (including any that the
// program registered with gjson.AddModifier) and "|" pipes.
//
// In every dialect but GJSON, a path is a list of keys and each key is
// reached literally: "a.*" is the key "*", a key holding ".", "*", "?", "|",
// "#", "@", "!", "\" or any other byte is matched as written. The grammar
// of the Dot, JSONPath and Finder dialects (after "$" or "x") is
//
//	path     = [ name ] *( "." name / "[" *blank selector *blank "]" )
//	name     = 1*( any byte but "." "[" "]" )      ; a key, as written
//	selector = index / quoted
//	index    = "0" / %x31-39 *DIGIT                ; an array index, or the key of those digits
//	quoted   = "'" *char "'" / DQUOTE *char DQUOTE ; a key, with JSON's backslash escapes and \'
//
// where only the Dot dialect may begin with a bare name. A JSON Pointer is
// split on "/" and nothing but ~0 and ~1 is decoded. Keys are applied as
// RFC 6901 applies pointer tokens, in every dialect: to an object a key is
// a member name; to an array a key of digits without a leading zero is an
// index, and any other key finds nothing. So "$.values.0.0" (BotHelp) and
// "$['0']" reach array elements, and "/items/01" does not.
//
// The whole document is "$" (JSONPath), "" (Pointer) or "x" (Finder). In
// Auto, "x" alone is the key "x" and an empty path is an error, as it is in
// Dot. Auto reads "x.a" as the jsonpathfinder
// path to "a"; to reach a top-level key "x", write "$.x", "/x" or choose the
// Dot dialect. Likewise "/a" in Auto is a pointer; a key that begins with
// "/" is written "$['/a']".
//
// A path that is malformed is an [ErrSyntax] error with its byte offset. The
// JSONPath selectors that can select several values (wildcards, "..",
// filters "?", slices ":", unions ",") and negative indexes are
// [ErrUnsupported]: a custom field holds one value. Paths are used exactly
// as given: white space around a name is part of the key.
//
// # Typed fields
//
// A [Type] says what a rule's value must be. Each JSON value found becomes
// a field value, or an [ErrType] error that names the path, the type and
// the value:
//
//	JSON value      Text             Number          Boolean          Date          DateTime         JSON
//	string          its text         if a number¹    "true","false"   if a date²    if RFC 3339³     if it holds one⁴
//	number          exact text       exact text      error            error         error            error
//	true, false     "true","false"   error           "true","false"   error         error            error
//	object, array   JSON text⁵       error           error            error         error            JSON text⁵
//	null            no value⁶        no value⁶       no value⁶        no value⁶     no value⁶        no value⁶
//
// The notes:
//
//  1. A string whose whole text is a JSON number ("1458692752478", "-0.5e3";
//     not " 12", "+1", "1,234", "0x1F"), as sent by APIs that make every
//     property a string. Numbers never pass through float64: the text is kept
//     exactly, so an 18-digit id stays exact.
//  2. "YYYY-MM-DD" naming a real calendar day (2024-02-29 yes, 2023-02-29 no).
//  3. RFC 3339 date-time, seconds 00-59, optional fraction, "Z" or a numeric
//     offset. A "t" or "z" is written in upper case; nothing else changes
//     (the offset is kept, no conversion to UTC).
//  4. JSON text stored inside a string, as integrations do: a string whose
//     content, trimmed of white space, is a valid object or array within the
//     limits below becomes that text.
//  5. The value's text exactly as it stands in the document, white space
//     included.
//  6. null means "no value" in every type: Extract skips the rule (or, when
//     the rule is Required, fails with [ErrNull]); [Lookup] returns ErrNull.
//
// Strings are unescaped. Text takes every JSON value, so a Text rule never
// fails with ErrType.
//
// # Outcomes
//
// Each path has three outcomes that are never conflated: found, not found
// ([ErrNotFound]), and invalid document ([ErrInvalidDocument]); a found null
// is told apart too ([ErrNull]). A rule that is not Required is skipped when
// its value is not found or null. An invalid document, a missing required
// value and a value that does not fit its type fail the whole Extract call,
// which then returns no fields. Several rules may name the same field: their
// fields are all returned, in rule order, so the last one found wins when
// they are applied in order; this makes fallback paths possible.
//
// A document may repeat a key (RFC 8259 allows it): the lookup then follows
// gjson, which takes the first matching member in document order and, when
// that member does not lead to the rest of the path, tries the next.
// encoding/json would take the last one. Depend on neither.
//
// # Untrusted documents
//
// Documents come from links and from integrations, and every one is
// validated before anything reads it. A document is checked whole, before
// any lookup: its size against [MaxDocumentSize] ([ErrTooLarge]), then, in
// one pass that cannot recurse, its syntax, its encoding (RFC 8259
// requires UTF-8) and its nesting against [MaxDepth] ([ErrTooDeep]).
//
// That pass is the module's own validator (shared with package refparam);
// it does not call gjson.Valid,
// which gjson asks callers to run on untrusted input, but stands in for it
// and is at least as strict. It reads the grammar of RFC 8259, which is
// the grammar gjson.Valid and encoding/json's Valid read, and it also
// refuses what neither of them checks: invalid UTF-8, and nesting deeper
// than MaxDepth (neither bounds depth, and gjson.Valid recurses once per
// level). It accepts exactly the documents that gjson.Valid and
// encoding/json's Valid both accept and that are UTF-8 within MaxDepth,
// and a fuzz target holds it to that; so gjson only ever reads documents
// it would itself call valid. The same pass checks JSON text embedded in a
// string (note 4 above) and a document after quote repair. It replaced
// a depth scan, a UTF-8 check and gjson.Valid run in turn, because each of
// those read the whole document and together they took over half of
// Extract's time on a 64 KiB document; the package's benchmarks run both
// side by side.
//
// A document that is refused is read again to say why: ErrTooDeep if it
// nests too deep, else invalid UTF-8, else a syntax error at the offset
// encoding/json reports. ErrTooLarge and ErrTooDeep wrap
// [ErrInvalidDocument]. [Options.WithQuoteRepair] repairs typographic
// quotes (“ ” ‘ ’ and their kin, with [refparam.StraightQuotes]) in a
// document that is not valid as it stands, and reads the repaired text if
// it is valid.
//
// The package never touches gjson's global switches (DisableModifiers,
// AddModifier), and in every dialect but GJSON the translated path can never
// start a modifier, a static value, a query or a pipe, whatever the rules or
// the program registered. There is no package state; an [Extractor] is
// immutable and safe for concurrent use.
//
// # Memory
//
// Field values share memory with the document: they are substrings of it,
// except strings that held escapes, DateTimes rewritten to upper case and
// repaired documents. [Extractor.ExtractString] reads the caller's string
// and copies nothing; [Extractor.Extract] and [Extract] take []byte and copy
// it once to a string, so their values keep that copy alive while any of
// them is alive. Clone the values (strings.Clone) to keep a few small values
// of a large document.
package jsonpayload
