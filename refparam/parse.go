package refparam

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"github.com/entrylink/entrylink/internal/jsonscan"
)

// Parse decodes the text of a ref, as it arrives after the channel has
// undone its own URL encoding. It reads every separator and JSON form
// described in the package documentation and rejects ambiguous or
// malformed input with a [*SyntaxError].
//
// The Name, Payload and field strings of the result are substrings of s
// when s uses only ASCII hyphens, so parsing canonical text without fields
// or JSON does not allocate.
func Parse(s string) (Ref, error) {
	if len(s) > MaxLen {
		return Ref{}, &SyntaxError{Input: s, Offset: MaxLen, Err: ErrTooLong}
	}
	// The fast paths return the parts of the Ref, which the literals below
	// write straight into the result. (Filled in through a pointer, a Ref
	// is copied out by loads that span the stores just made, and stall.)
	var at [fastSeps]uint16
	seps, ascii, isJSON := scanASCII(s, &at)
	if isJSON {
		if name, doc, ok := plainJSON(s, int(at[0])); ok {
			return Ref{Name: name, JSON: doc}, nil
		}
		// The JSON part was not scanned: the parser reads s as text that
		// may hold any character.
		ascii = false
	} else if ascii && seps <= len(at) {
		if seps == 0 && plainName(s) {
			return Ref{Name: s}, nil
		}
		if name, payload, fields, ok := plainRef(s, at[:seps]); ok {
			return Ref{Name: name, Payload: payload, Fields: fields}, nil
		}
	}
	var r Ref
	p := parser{in: s, ascii: ascii, seps: seps}
	if err := p.parse(&r); err != nil {
		return Ref{}, err
	}
	return r, nil
}

// plainRef returns the parts of the ref in s, printable ASCII whose
// separators start at the offsets in at, when it is the commonest kind: a
// name, a default payload, and pairs, that passes the checks of
// [parser.parse] as it stands (a non-empty name and field ids, no '-' at
// either end of a segment, no jsondata marker, room for the canonical
// text). Otherwise it reports false, and parser.parse reads s again and
// finds the error or the JSON. It allocates only fields, as parser.parse
// does.
func plainRef(s string, at []uint16) (name, payload string, fields []Field, ok bool) {
	// seg returns segment i: the name is segment 0.
	seg := func(i int) string {
		start, end := 0, len(s)
		if i > 0 {
			start = int(at[i-1]) + 2
		}
		if i < len(at) {
			end = int(at[i])
		}
		return s[start:end]
	}
	name = seg(0)
	if !plainName(name) {
		return "", "", nil, false
	}
	if len(at) == 0 {
		return name, "", nil, true
	}
	next := 1
	if len(at)%2 == 1 {
		// An odd count after the name: the default payload, then pairs.
		p := seg(1)
		if p == jsonMarker || !noEdgeHyphen(p) {
			return "", "", nil, false
		}
		payload, next = p, 2
		if len(at) == 1 {
			return name, payload, nil, true
		}
	} else if seg(1) == jsonMarker || len(s)+len("--") > MaxLen {
		// Pairs only: the canonical text adds the empty default slot,
		// which must fit.
		return "", "", nil, false
	}
	fields = make([]Field, (len(at)+1-next)/2)
	for i := range fields {
		id, v := seg(next), seg(next+1)
		if id == "" || !noEdgeHyphen(id) || !noEdgeHyphen(v) {
			return "", "", nil, false
		}
		fields[i] = Field{ID: id, Value: v}
		next += 2
	}
	return name, payload, fields, true
}

// plainJSON returns the name and document of the ref in s, whose first
// separator starts at sep after the jsondata marker and which is printable
// ASCII up to there, when it is a jsondata ref of the commonest kind: form
// 1 (NAMEjsondata--JSON), with the document raw or in unpadded base64url,
// that is printable ASCII and passes the checks of [parser.parse].
// Otherwise it reports false, and parser.parse reads s again and finds the
// error or the other forms. It allocates only the document, as
// parser.parse does.
func plainJSON(s string, sep int) (name string, doc []byte, ok bool) {
	name = s[:sep-len(jsonMarker)]
	part := s[sep+2:]
	if !plainName(name) || part == "" {
		return "", nil, false
	}
	switch part[0] {
	case '{', '[':
		if !jsonscan.ValidPrintable(part) {
			return "", nil, false
		}
		return name, []byte(part), true
	case '%':
		return "", nil, false
	}
	if part[len(part)-1] == '=' {
		return "", nil, false // padded: the general path takes it
	}
	doc, ok = decodeBase64URL(part)
	if !ok || doc[0] != '{' && doc[0] != '[' || !jsonscan.ValidPrintable(doc) {
		return "", nil, false
	}
	return name, doc, true
}

// decodeBase64URL decodes s, unpadded base64url (RFC 4648 §5) that is not
// empty, as strictBase64URL does but for two things: the bytes are
// allocated once, and '\r' and '\n' are refused, not skipped (plainJSON
// has not checked for them). It reports false for anything else, and the
// parser then finds the error.
//
// It decodes eight characters at a time into one big-endian word: the
// slice has room for the two bytes past the last six that it writes, and
// they are cut off at the end. The values come from base64URL, whose
// entries for bytes outside the alphabet have every bit set, so one test
// of the word's top bits checks all eight characters. (One accumulator of
// wide entries also keeps the loop in registers; eight byte-wide values
// and an OR of them spilled to the stack, and took 4 ns longer on 52
// characters.)
func decodeBase64URL(s string) ([]byte, bool) {
	n := len(s)
	if n%4 == 1 || n == 0 {
		return nil, false
	}
	size := n/4*3 + n%4*3/4 // a tail of 2 or 3 characters makes 1 or 2 bytes
	buf := make([]byte, size+2)
	t := &base64URL
	src, dst := s, buf
	for len(src) >= 8 && len(dst) >= 8 {
		v := t[src[0]]<<42 | t[src[1]]<<36 | t[src[2]]<<30 | t[src[3]]<<24 |
			t[src[4]]<<18 | t[src[5]]<<12 | t[src[6]]<<6 | t[src[7]]
		if v>>48 != 0 {
			return nil, false
		}
		binary.BigEndian.PutUint64(dst, v<<16)
		src, dst = src[8:], dst[6:]
	}
	for len(src) >= 4 {
		v := t[src[0]]<<18 | t[src[1]]<<12 | t[src[2]]<<6 | t[src[3]]
		if v>>24 != 0 {
			return nil, false
		}
		dst[0], dst[1], dst[2] = byte(v>>16), byte(v>>8), byte(v)
		src, dst = src[4:], dst[3:]
	}
	switch len(src) {
	case 2: // one byte; the last character's low 4 bits must be zero
		v := t[src[0]]<<6 | t[src[1]]
		if v>>12 != 0 || v&0x0f != 0 {
			return nil, false
		}
		dst[0] = byte(v >> 4)
	case 3: // two bytes; the last character's low 2 bits must be zero
		v := t[src[0]]<<12 | t[src[1]]<<6 | t[src[2]]
		if v>>18 != 0 || v&0x03 != 0 {
			return nil, false
		}
		dst[0], dst[1] = byte(v>>10), byte(v>>2)
	}
	return buf[:size:size], true
}

// base64URL maps each character of the base64url alphabet to its value,
// and every other byte to a word with every bit set.
var base64URL = func() (t [256]uint64) {
	for i := range t {
		t[i] = ^uint64(0)
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for v := range len(alphabet) {
		t[alphabet[v]] = uint64(v)
	}
	return t
}()

// plainName reports whether name, printable ASCII without separators, is a
// ref on its own: not empty, no '-' at either end, no jsondata marker.
func plainName(name string) bool {
	return name != "" && name[0] != '-' && name[len(name)-1] != '-' && !strings.HasSuffix(name, jsonMarker)
}

// noEdgeHyphen reports whether t, printable ASCII, neither begins nor ends
// with '-'.
func noEdgeHyphen(t string) bool {
	return t == "" || t[0] != '-' && t[len(t)-1] != '-'
}

// MustParse is like [Parse] but panics if s is not a valid ref. It is for
// tests and for refs written into programs as constants.
func MustParse(s string) Ref {
	r, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return r
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [Parse], except
// that the empty text is the zero Ref, which MarshalText writes as "". On
// error *r is left unchanged.
func (r *Ref) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = Ref{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

type parser struct {
	in    string
	ascii bool // in is printable ASCII: "--" is the only separator
	seps  int  // when ascii, the number of separators in in
}

// next returns the segment that starts at i. For printable ASCII it only
// needs to find "--"; otherwise it decodes and checks every rune.
func (p *parser) next(i int) (segment, int, error) {
	if p.ascii {
		if j := indexSep(p.in, i); j >= 0 {
			return segment{end: j, next: j + 2, sep: true}, 0, nil
		}
		return segment{end: len(p.in), next: len(p.in)}, 0, nil
	}
	return nextSegment(p.in, i)
}

func (p *parser) fail(off int, err error) error {
	return &SyntaxError{Input: p.in, Offset: off, Err: err}
}

// segmentText returns the text of the segment s[start:seg.end], with its
// typographic hyphens read as '-', after checking that no hyphen begins or
// ends it.
func (p *parser) segmentText(start int, seg segment) (string, error) {
	t := p.in[start:seg.end]
	if off := edgeHyphen(t); off >= 0 {
		return "", p.fail(start+off, ErrEdgeHyphen)
	}
	if seg.typo {
		t = normalizeHyphens(t)
	}
	return t, nil
}

// parse reports errors in a fixed order, which the reference parser in
// slow_test.go follows too: first invalid UTF-8 or a control character
// anywhere in the text, then the first structural error from the left, then
// an error in the JSON document.
func (p *parser) parse(r *Ref) error {
	s := p.in
	first, off, err := p.next(0)
	if err != nil {
		return p.fail(off, err)
	}

	// Form 1 of JSON: NAMEjsondata--JSON.
	if strings.HasSuffix(s[:first.end], jsonMarker) {
		name := segment{end: first.end - len(jsonMarker), typo: first.typo}
		return p.jsonRef(r, name, first)
	}
	if !first.sep {
		r.Name, err = p.name(first)
		return err
	}

	// Form 2 of JSON: NAME--jsondata--JSON.
	second, off, err := p.next(first.next)
	if err != nil {
		return p.fail(off, err)
	}
	if s[first.next:second.end] == jsonMarker {
		return p.jsonRef(r, first, second)
	}

	// Count the segments after the name, checking the rest of the text, so
	// that Fields is allocated once at its final size.
	// Printable ASCII was counted by scanASCII, and its text needs no checks.
	// The segments after the second are kept, the first few of them, so
	// that reading them below does not decode their runes again.
	n := p.seps
	var kept [keptSegs]segment
	if !p.ascii {
		n = 1
		for seg := second; seg.sep; n++ {
			if seg, off, err = p.next(seg.next); err != nil {
				return p.fail(off, err)
			}
			if n-1 < len(kept) {
				kept[n-1] = seg
			}
		}
	}
	// next returns segment i+2 (the third is 0), which starts at start.
	next := func(i, start int) segment {
		if i < len(kept) {
			return kept[i]
		}
		seg, _, _ := p.next(start)
		return seg
	}
	i := 0

	if r.Name, err = p.name(first); err != nil {
		return err
	}
	if p.ascii {
		return p.asciiRest(r, first.next, n)
	}
	start, seg := first.next, second
	if n%2 == 1 {
		// An odd count: the default payload, then pairs.
		if r.Payload, err = p.segmentText(start, seg); err != nil {
			return err
		}
		if !seg.sep {
			return nil
		}
		start = seg.next
		seg = next(i, start)
		i++
	}
	// Pairs, id first. The count left is even and at least 2.
	r.Fields = make([]Field, 0, n/2)
	for {
		var f Field
		if start == seg.end {
			return p.fail(start, ErrEmptyFieldID)
		}
		if f.ID, err = p.segmentText(start, seg); err != nil {
			return err
		}
		start = seg.next
		seg = next(i, start)
		i++
		if f.Value, err = p.segmentText(start, seg); err != nil {
			return err
		}
		r.Fields = append(r.Fields, f)
		if !seg.sep {
			if n%2 == 0 {
				// Pairs only: the canonical text adds the empty default
				// slot, and must still fit.
				if _, err := (Encoder{}).encodedLen(*r); err != nil {
					return p.fail(len(s), ErrTooLong)
				}
			}
			return nil
		}
		start = seg.next
		seg = next(i, start)
		i++
	}
}

// keptSegs is how many segments parse keeps from its first pass over text
// that is not printable ASCII: enough for a payload and seven pairs.
const keptSegs = 16

// asciiRest is the rest of parse for printable ASCII text: it reads the n
// segments after the name, the first of which starts at start, in one pass
// with the same checks in the same order.
func (p *parser) asciiRest(r *Ref, start, n int) error {
	var err error
	if n%2 == 1 {
		if r.Payload, start, err = p.asciiSegment(start); err != nil {
			return err
		}
	}
	if n < 2 {
		return nil
	}
	r.Fields = make([]Field, n/2)
	for i := range r.Fields {
		f := &r.Fields[i]
		id := start
		if f.ID, start, err = p.asciiSegment(start); err != nil {
			return err
		}
		if f.ID == "" {
			return p.fail(id, ErrEmptyFieldID)
		}
		if f.Value, start, err = p.asciiSegment(start); err != nil {
			return err
		}
	}
	if n%2 == 0 {
		// Pairs only: the canonical text adds the empty default slot, and
		// must still fit.
		if _, err := (Encoder{}).encodedLen(*r); err != nil {
			return p.fail(len(p.in), ErrTooLong)
		}
	}
	return nil
}

// asciiSegment returns the text of the segment of printable ASCII text that
// starts at start and the start of the next, after checking that no '-'
// begins or ends it.
func (p *parser) asciiSegment(start int) (text string, next int, err error) {
	s := p.in
	end, next := indexSep(s, start), 0
	if end < 0 {
		end, next = len(s), len(s)
	} else {
		next = end + 2
	}
	text = s[start:end]
	if text != "" {
		if text[0] == '-' {
			return "", 0, p.fail(start, ErrEdgeHyphen)
		}
		if text[len(text)-1] == '-' {
			return "", 0, p.fail(end-1, ErrEdgeHyphen)
		}
	}
	return text, next, nil
}

// name returns the name, the segment at the start of the input.
func (p *parser) name(seg segment) (string, error) {
	if seg.end == 0 {
		return "", p.fail(0, ErrEmptyName)
	}
	return p.segmentText(0, seg)
}

// jsonRef decodes a ref that carries JSON. The name is s[:name.end]; the
// segment marker ends with the separator after the jsondata marker, and the
// JSON part runs from there to the end of the input, whatever it contains.
func (p *parser) jsonRef(r *Ref, nameSeg, marker segment) error {
	start := marker.next
	part := p.in[start:]
	if !p.ascii { // printable ASCII needs no check
		if off, err := checkText(part); err != nil {
			return p.fail(start+off, err)
		}
	}
	name, err := p.name(nameSeg)
	if err != nil {
		return err
	}
	if strings.HasSuffix(name, jsonMarker) {
		// "xjsondatajsondata--{}": the name would itself read as a marker.
		return p.fail(nameSeg.end-len(jsonMarker), ErrJSONMarker)
	}
	if !marker.sep || part == "" {
		return p.fail(marker.end-len(jsonMarker), ErrJSONMarker)
	}
	var doc []byte
	switch part[0] {
	case '{', '[':
		doc = []byte(part)
		if validJSON(part) {
			break
		}
		// Not valid as it stands: undo a percent-encoding, then repair
		// typographic quotes, as copy-paste leaves them.
		if strings.IndexByte(part, '%') >= 0 {
			if u, ok := unescapePercent(part); ok {
				if d, err := checkDecodedJSON(u, true); err == nil {
					doc = d
					break
				}
			}
		}
		repaired, _, _ := transform.Bytes(StraightQuotes(), doc)
		if !validJSON(repaired) {
			return p.fail(start+repairedOffset(doc, jsonErrorOffset(repaired)), ErrJSON)
		}
		doc = repaired
	case '%':
		u, ok := unescapePercent(part)
		if !ok {
			return p.fail(start+badEscapeOffset(part), ErrPercent)
		}
		if doc, err = checkDecodedJSON(u, true); err != nil {
			return p.fail(start, err)
		}
	default:
		enc := strictBase64URL
		if strings.HasSuffix(part, "=") {
			enc = strictPaddedBase64URL
		}
		u, err := enc.DecodeString(part)
		if err != nil {
			off := 0
			if ce, ok := err.(base64.CorruptInputError); ok {
				off = int(ce)
			}
			return p.fail(start+off, ErrBase64)
		}
		if doc, err = checkDecodedJSON(u, false); err != nil {
			return p.fail(start, err)
		}
	}
	r.Name, r.JSON = name, doc
	return nil
}

// The base64url decoders of the JSON part, made once: Strict copies the
// whole Encoding. They are never modified.
var (
	strictBase64URL       = base64.RawURLEncoding.Strict()
	strictPaddedBase64URL = base64.URLEncoding.Strict()
)

// checkDecodedJSON applies the rules for a JSON document to one that was
// percent- or base64url-decoded: valid UTF-8, no control characters, an
// object or an array. With repair, typographic quotes are straightened when
// the document is not valid JSON as it stands.
func checkDecodedJSON(doc []byte, repair bool) ([]byte, error) {
	if _, err := checkText(doc); err != nil {
		return nil, err
	}
	if len(doc) == 0 || (doc[0] != '{' && doc[0] != '[') {
		return nil, ErrJSON
	}
	if validJSON(doc) {
		return doc, nil
	}
	if repair {
		if fixed, _, _ := transform.Bytes(StraightQuotes(), doc); validJSON(fixed) {
			return fixed, nil
		}
	}
	return nil, ErrJSON
}

// maxJSONDepth is how deep the objects and arrays of a JSON document may
// nest: encoding/json's limit, which a document that fits in MaxLen cannot
// reach. It bounds only what [Encoder] is given.
const maxJSONDepth = 10000

// validJSON reports whether doc is one JSON text (RFC 8259) in UTF-8. It
// is encoding/json.Valid in one pass; the callers have already refused
// invalid UTF-8.
func validJSON[T text](doc T) bool { return jsonscan.Valid(doc, maxJSONDepth) }

// jsonErrorOffset returns the byte offset in doc at which encoding/json
// finds it invalid. It runs only on the error path.
func jsonErrorOffset(doc []byte) int {
	var v json.RawMessage
	if se, ok := json.Unmarshal(doc, &v).(*json.SyntaxError); ok && se.Offset > 0 {
		return int(se.Offset) - 1
	}
	return 0
}

// repairedOffset maps an offset in the StraightQuotes repair of doc back to
// doc, where each repaired quote is three bytes rather than one.
func repairedOffset(doc []byte, off int) int {
	n := 0
	for i := 0; i < len(doc); {
		if n >= off {
			return i
		}
		r, size := utf8.DecodeRune(doc[i:])
		if straightQuote(r) != r {
			n++
		} else {
			n += size
		}
		i += size
	}
	return len(doc)
}

// unescapePercent decodes %XX escapes. Unlike a query decoder it leaves '+'
// alone: the channel has already undone the query encoding, and '+' is a
// literal in a JSON document.
func unescapePercent(s string) ([]byte, bool) {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		if i+2 >= len(s) {
			return nil, false
		}
		hi, ok1 := unhex(s[i+1])
		lo, ok2 := unhex(s[i+2])
		if !ok1 || !ok2 {
			return nil, false
		}
		b = append(b, hi<<4|lo)
		i += 2
	}
	return b, true
}

// badEscapeOffset returns the offset of the first malformed %XX escape in s.
func badEscapeOffset(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if i+2 >= len(s) {
			return i
		}
		if _, ok := unhex(s[i+1]); !ok {
			return i
		}
		if _, ok := unhex(s[i+2]); !ok {
			return i
		}
		i += 2
	}
	return 0
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
