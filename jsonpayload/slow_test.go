package jsonpayload_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/entrylink/entrylink/jsonpayload"
)

// The slow, obviously correct references the fuzz targets compare with,
// built on encoding/json and strings.Split.

type slowOutcome int

const (
	slowFound slowOutcome = iota
	slowNotFound
	slowInvalidDoc
	slowBadPath
	slowSkip // the document repeats a key: gjson and encoding/json disagree by design
)

// slowPointer looks up an RFC 6901 pointer in doc.
func slowPointer(doc []byte, pointer string) (any, slowOutcome) {
	toks, ok := slowPointerTokens(pointer)
	if !ok {
		return nil, slowBadPath
	}
	v, ok := slowDecode(doc)
	if !ok {
		return nil, slowInvalidDoc
	}
	depth, dup := slowScan(doc)
	if depth > jsonpayload.MaxDepth {
		return nil, slowInvalidDoc
	}
	if dup {
		return nil, slowSkip
	}
	if v, ok = slowWalk(v, toks, nil); !ok {
		return nil, slowNotFound
	}
	return v, slowFound
}

// slowPointerTokens splits an RFC 6901 pointer into its decoded reference
// tokens; ok is false when the pointer is malformed or too long.
func slowPointerTokens(pointer string) (toks []string, ok bool) {
	if len(pointer) > jsonpayload.MaxPathLength || !utf8.ValidString(pointer) || (pointer != "" && pointer[0] != '/') {
		return nil, false
	}
	if pointer != "" {
		toks = strings.Split(pointer[1:], "/")
	}
	for i, tok := range toks {
		for j := 0; j < len(tok); j++ {
			if tok[j] == '~' && (j+1 == len(tok) || (tok[j+1] != '0' && tok[j+1] != '1')) {
				return nil, false
			}
		}
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
	}
	return toks, true
}

// slowDecode decodes doc with encoding/json, numbers as json.Number; ok is
// false when doc is not a valid JSON text in UTF-8 within MaxDocumentSize.
// It does not check the depth.
func slowDecode(doc []byte) (v any, ok bool) {
	if len(doc) > jsonpayload.MaxDocumentSize || !utf8.Valid(doc) || !json.Valid(doc) {
		return nil, false
	}
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		panic(err) // json.Valid said yes
	}
	return v, true
}

// slowWalk applies the tokens to v as RFC 6901 applies reference tokens.
// When arrays is not nil, arrays[i] is set when toks[i] is applied to an
// array.
func slowWalk(v any, toks []string, arrays []bool) (any, bool) {
	for i, tok := range toks {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			if arrays != nil {
				arrays[i] = true
			}
			if !slowIndex(tok) {
				return nil, false
			}
			n, err := strconv.Atoi(tok)
			if err != nil || n >= len(x) {
				return nil, false
			}
			v = x[n]
		default:
			return nil, false
		}
	}
	return v, true
}

// slowIndex reports whether tok is an array index as RFC 6901 writes one:
// digits, with no leading zero. Its value may be too large for any array.
func slowIndex(tok string) bool {
	return tok != "" && (tok[0] != '0' || len(tok) == 1) && strings.Trim(tok, "0123456789") == ""
}

// slowScan returns the nesting depth of a valid doc and whether an object
// in it repeats a key.
func slowScan(doc []byte) (maxDepth int, dup bool) {
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber() // a number beyond float64, such as 1E700, is valid JSON
	type frame struct {
		keys   map[string]bool
		object bool
		key    bool // the next string token in this object is a key
	}
	var stack []*frame
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return maxDepth, dup
		}
		if err != nil {
			panic(err)
		}
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if s, ok := tok.(string); ok && top != nil && top.object && top.key {
			if top.keys[s] {
				dup = true
			}
			top.keys[s] = true
			top.key = false
			continue
		}
		if top != nil && top.object {
			top.key = true // a value was read: a key comes next
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			stack = append(stack, &frame{keys: map[string]bool{}, object: tok == json.Delim('{'), key: true})
			maxDepth = max(maxDepth, len(stack))
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = true
			}
		}
	}
}

// slowNumber reports whether s is a JSON number with nothing around it.
func slowNumber(s string) bool {
	return s != "" && strings.TrimSpace(s) == s && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && json.Valid([]byte(s))
}

// slowDate reports whether s is YYYY-MM-DD naming a real day.
func slowDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == 10
}

// slowDateTime reports whether s is an RFC 3339 date-time, with Go's time
// package (which also takes a "," before the fraction: RFC 3339 does not).
func slowDateTime(s string) (string, bool) {
	// Go also takes a one-digit hour ("T0:00:00Z"); RFC 3339's time-hour is
	// two digits, so the colon after it is at 13.
	if len(s) < 20 || strings.ContainsRune(s, ',') || s[13] != ':' {
		return "", false
	}
	b := []byte(s)
	if b[10] == 't' {
		b[10] = 'T'
	}
	if b[len(b)-1] == 'z' {
		b[len(b)-1] = 'Z'
	}
	if _, err := time.Parse(time.RFC3339Nano, string(b)); err != nil {
		return "", false
	}
	// Go takes an offset hour of 24 and an offset minute of 60; RFC 3339's
	// time-hour is 00-23 and its time-minute 00-59.
	if z := s[len(s)-6:]; (z[0] == '+' || z[0] == '-') && (z[1:3] >= "24" || z[4:6] >= "60") {
		return "", false
	}
	return string(b), true
}

// slowQuoted writes tok as a quoted name of the JSONPath, Dot and Finder
// dialects, between quote characters q: a backslash before q and before
// every backslash, every other byte as it is.
func slowQuoted(tok string, q byte) string {
	esc := strings.NewReplacer(`\`, `\\`, string(q), `\`+string(q))
	return string(q) + esc.Replace(tok) + string(q)
}

// slowBracketPath writes the path to toks as prefix followed by a bracket
// selector per token: an index [n] where arrays says the token is applied
// to an array and the token is an index, a name quoted with q otherwise.
// With prefix "$" it is a JSONPath; with "x" a Finder path; with "" a Dot
// path.
func slowBracketPath(prefix string, toks []string, arrays []bool, q byte) string {
	var b strings.Builder
	b.WriteString(prefix)
	for i, tok := range toks {
		if arrays[i] && slowIndex(tok) {
			b.WriteString("[" + tok + "]")
		} else {
			b.WriteString("[" + slowQuoted(tok, q) + "]")
		}
	}
	return b.String()
}

// slowDottedPath is like slowBracketPath but writes every token it can as
// a dotted name (".name", or a bare first name when prefix is ""): any
// token that is not empty and holds no ".", "[" or "]", and, in a
// JSONPath, is not the wildcard "*". Indexes on arrays are written [n],
// unless dotIndex, and other tokens are quoted with '.
func slowDottedPath(prefix string, toks []string, arrays []bool, dotIndex bool) string {
	var b strings.Builder
	b.WriteString(prefix)
	for i, tok := range toks {
		switch {
		case arrays[i] && slowIndex(tok) && !dotIndex:
			b.WriteString("[" + tok + "]")
		case tok != "" && !strings.ContainsAny(tok, ".[]") && (prefix != "$" || tok != "*"):
			if i > 0 || prefix != "" {
				b.WriteByte('.')
			}
			b.WriteString(tok)
		default:
			b.WriteString("[" + slowQuoted(tok, '\'') + "]")
		}
	}
	return b.String()
}
