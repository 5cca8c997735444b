package refparam_test

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/entrylink/entrylink/refparam"
)

// slowParse is a reference parser for the grammar in doc.go, written for
// obviousness rather than speed: it checks the whole text, cuts it into
// segments with their offsets, and then applies the rules one by one in the
// documented order. FuzzReference checks Parse against it.
func slowParse(s string) (ref refparam.Ref, errOff int, err error) {
	if len(s) > refparam.MaxLen {
		return refparam.Ref{}, refparam.MaxLen, refparam.ErrTooLong
	}
	if off, err := slowCheckText(s); err != nil {
		return refparam.Ref{}, off, err
	}
	segs := slowSegments(s)

	// The jsondata marker, as a suffix of the name or as the second segment.
	if strings.HasSuffix(segs[0].raw, "jsondata") {
		name := segs[0]
		name.raw = strings.TrimSuffix(name.raw, "jsondata")
		name.text = strings.TrimSuffix(name.text, "jsondata")
		return slowJSON(s, name, segs[0], len(segs) > 1)
	}
	if len(segs) > 1 && segs[1].raw == "jsondata" {
		return slowJSON(s, segs[0], segs[1], len(segs) > 2)
	}

	if segs[0].text == "" {
		return refparam.Ref{}, 0, refparam.ErrEmptyName
	}
	if off, err := segs[0].edge(); err != nil {
		return refparam.Ref{}, off, err
	}
	r := refparam.Ref{Name: segs[0].text}
	rest := segs[1:]
	if len(rest)%2 == 1 {
		if off, err := rest[0].edge(); err != nil {
			return refparam.Ref{}, off, err
		}
		r.Payload = rest[0].text
		rest = rest[1:]
	}
	for i := 0; i < len(rest); i += 2 {
		id, v := rest[i], rest[i+1]
		if id.text == "" {
			return refparam.Ref{}, id.start, refparam.ErrEmptyFieldID
		}
		if off, err := id.edge(); err != nil {
			return refparam.Ref{}, off, err
		}
		if off, err := v.edge(); err != nil {
			return refparam.Ref{}, off, err
		}
		r.Fields = append(r.Fields, refparam.Field{ID: id.text, Value: v.text})
	}
	// The canonical text must fit: "--" before each segment after the name,
	// and the default slot, written even when empty once there are fields.
	n := len(r.Name)
	if r.Payload != "" || len(r.Fields) > 0 {
		n += 2 + len(r.Payload)
	}
	for _, f := range r.Fields {
		n += 4 + len(f.ID) + len(f.Value)
	}
	if n > refparam.MaxLen {
		return refparam.Ref{}, len(s), refparam.ErrTooLong
	}
	return r, 0, nil
}

type slowSegment struct {
	raw   string // as in the input
	text  string // with single typographic hyphens read as '-'
	start int    // offset of raw in the input
	next  int    // offset just past the separator that ends it, or len(input)
}

// edge reports a hyphen at either end of the segment.
func (g slowSegment) edge() (int, error) {
	if strings.HasPrefix(g.text, "-") {
		return g.start, refparam.ErrEdgeHyphen
	}
	if strings.HasSuffix(g.text, "-") {
		_, n := utf8.DecodeLastRuneInString(g.raw)
		return g.start + len(g.raw) - n, refparam.ErrEdgeHyphen
	}
	return 0, nil
}

func slowCheckText(s string) (int, error) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i, refparam.ErrUTF8
		}
		if r < 0x20 || (0x7f <= r && r <= 0x9f) {
			return i, refparam.ErrControl
		}
		i += n
	}
	return 0, nil
}

var hyphenLike = "-\u2010\u2011\u2012\u2212\ufe63\uff0d"

// slowSegments cuts valid UTF-8 text at every separator.
func slowSegments(s string) []slowSegment {
	runes := []rune(s)
	var segs []slowSegment
	var text strings.Builder
	start, off := 0, 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		size := utf8.RuneLen(r)
		sepLen := 0
		switch {
		case r == '\u2013' || r == '\u2014' || r == '\u2015':
			sepLen = size
		case strings.ContainsRune(hyphenLike, r) && i+1 < len(runes) && strings.ContainsRune(hyphenLike, runes[i+1]):
			sepLen = size + utf8.RuneLen(runes[i+1])
			i++
		}
		if sepLen > 0 {
			segs = append(segs, slowSegment{raw: s[start:off], text: text.String(), start: start, next: off + sepLen})
			text.Reset()
			off += sepLen
			start = off
			continue
		}
		if strings.ContainsRune(hyphenLike, r) {
			text.WriteByte('-')
		} else {
			text.WriteRune(r)
		}
		off += size
	}
	return append(segs, slowSegment{raw: s[start:], text: text.String(), start: start, next: len(s)})
}

var slowQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "″", `"`, "‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'")

// slowJSON applies the JSON rules: name is the name segment (marker
// removed), marker the segment that holds the marker, hasSep whether a
// separator follows it.
func slowJSON(s string, name, marker slowSegment, hasSep bool) (refparam.Ref, int, error) {
	if name.text == "" {
		return refparam.Ref{}, 0, refparam.ErrEmptyName
	}
	if off, err := name.edge(); err != nil {
		return refparam.Ref{}, off, err
	}
	if strings.HasSuffix(name.text, "jsondata") {
		return refparam.Ref{}, name.start + len(name.raw) - len("jsondata"), refparam.ErrJSONMarker
	}
	part := ""
	if hasSep {
		part = s[marker.next:]
	}
	if part == "" {
		return refparam.Ref{}, marker.start + len(marker.raw) - len("jsondata"), refparam.ErrJSONMarker
	}
	start := marker.next
	var doc string
	switch {
	case part[0] == '{' || part[0] == '[':
		doc = part
		if json.Valid([]byte(doc)) {
			break
		}
		if strings.Contains(part, "%") {
			if u, err := url.PathUnescape(part); err == nil {
				if d, err := slowDecoded(u, true); err == nil {
					doc = d
					break
				}
			}
		}
		doc = slowQuotes.Replace(part)
		if !json.Valid([]byte(doc)) {
			return refparam.Ref{}, start, refparam.ErrJSON
		}
	case part[0] == '%':
		u, err := url.PathUnescape(part)
		if err != nil {
			return refparam.Ref{}, start, refparam.ErrPercent
		}
		if doc, err = slowDecoded(u, true); err != nil {
			return refparam.Ref{}, start, err
		}
	default:
		enc := base64.RawURLEncoding
		if strings.HasSuffix(part, "=") {
			enc = base64.URLEncoding
		}
		b, err := enc.Strict().DecodeString(part)
		if err != nil {
			return refparam.Ref{}, start, refparam.ErrBase64
		}
		if doc, err = slowDecoded(string(b), false); err != nil {
			return refparam.Ref{}, start, err
		}
	}
	return refparam.Ref{Name: name.text, JSON: []byte(doc)}, 0, nil
}

func slowDecoded(doc string, repair bool) (string, error) {
	if _, err := slowCheckText(doc); err != nil {
		return "", err
	}
	if !strings.HasPrefix(doc, "{") && !strings.HasPrefix(doc, "[") {
		return "", refparam.ErrJSON
	}
	if json.Valid([]byte(doc)) {
		return doc, nil
	}
	if repair {
		if fixed := slowQuotes.Replace(doc); json.Valid([]byte(fixed)) {
			return fixed, nil
		}
	}
	return "", refparam.ErrJSON
}
