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
	if len(pointer) > jsonpayload.MaxPathLength || !utf8.ValidString(pointer) || (pointer != "" && pointer[0] != '/') {
		return nil, slowBadPath
	}
	var toks []string
	if pointer != "" {
		toks = strings.Split(pointer[1:], "/")
	}
	for i, tok := range toks {
		for j := 0; j < len(tok); j++ {
			if tok[j] == '~' && (j+1 == len(tok) || (tok[j+1] != '0' && tok[j+1] != '1')) {
				return nil, slowBadPath
			}
		}
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
	}
	if len(doc) > jsonpayload.MaxDocumentSize || !utf8.Valid(doc) || !json.Valid(doc) {
		return nil, slowInvalidDoc
	}
	depth, dup := slowScan(doc)
	if depth > jsonpayload.MaxDepth {
		return nil, slowInvalidDoc
	}
	if dup {
		return nil, slowSkip
	}
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(err) // json.Valid said yes
	}
	for _, tok := range toks {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, slowNotFound
			}
		case []any:
			if tok == "" || (tok[0] == '0' && len(tok) > 1) || strings.Trim(tok, "0123456789") != "" {
				return nil, slowNotFound
			}
			n, err := strconv.Atoi(tok)
			if err != nil || n >= len(x) {
				return nil, slowNotFound
			}
			v = x[n]
		default:
			return nil, slowNotFound
		}
	}
	return v, slowFound
}

// slowScan returns the nesting depth of a valid doc and whether an object
// in it repeats a key.
func slowScan(doc []byte) (maxDepth int, dup bool) {
	d := json.NewDecoder(bytes.NewReader(doc))
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
	// Go takes an offset hour of 24; RFC 3339's time-hour is 00-23.
	if z := s[len(s)-6:]; (z[0] == '+' || z[0] == '-') && z[1:3] >= "24" {
		return "", false
	}
	return string(b), true
}
