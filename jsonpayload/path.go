package jsonpayload

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/internal/jsonscan"
)

// MaxPathLength is the longest path, in bytes, that Compile accepts.
const MaxPathLength = 1024

// A path is a compiled path: the gjson paths to apply in turn, each to the
// value the previous one found. No steps means the whole document.
type path struct {
	steps []string
	gjson bool // steps[0] is the caller's own gjson path, run as written

	// The first key and the steps after it, for a lookup that finds the
	// first key in a [rootIndex]; unset when there are no steps or gjson.
	head string
	tail []string
}

// pathError is a path error before it is wrapped in an *Error.
type pathError struct {
	err    error
	off    int
	detail string
}

func syntaxError(off int, detail string) *pathError {
	return &pathError{ErrSyntax, off, detail}
}

func unsupported(off int, detail string) *pathError {
	return &pathError{ErrUnsupported, off, detail}
}

// detect returns the dialect Auto picks for p.
func detect(p string) Dialect {
	switch {
	case p == "":
		return Dot // and Dot refuses it: an empty rule path is a mistake
	case p[0] == '$' && (len(p) == 1 || p[1] == '.' || p[1] == '['):
		return JSONPath
	case p[0] == '/':
		return Pointer
	case p[0] == 'x' && len(p) > 1 && (p[1] == '.' || p[1] == '['):
		return Finder
	}
	return Dot
}

// compilePath translates p, written in dialect d, into gjson steps.
func compilePath(p string, d Dialect) (path, *pathError) {
	if len(p) > MaxPathLength {
		return path{}, &pathError{ErrPathTooLong, MaxPathLength, ""}
	}
	if !utf8.ValidString(p) {
		return path{}, syntaxError(invalidUTF8At(p), "invalid UTF-8")
	}
	if d == Auto {
		d = detect(p)
	}
	var toks []string
	var e *pathError
	switch d {
	case GJSON:
		if p == "" {
			return path{}, syntaxError(0, "empty path")
		}
		return path{steps: []string{p}, gjson: true}, nil
	case Pointer:
		toks, e = parsePointer(p)
	case JSONPath:
		if p == "" || p[0] != '$' {
			return path{}, syntaxError(0, "a JSONPath starts with $")
		}
		toks, e = parseSegments(p, 1, false, true)
	case Finder:
		if p == "" || p[0] != 'x' {
			return path{}, syntaxError(0, "a jsonpathfinder path starts with x")
		}
		toks, e = parseSegments(p, 1, false, false)
	default: // Dot
		if p == "" {
			return path{}, syntaxError(0, "empty path")
		}
		toks, e = parseSegments(p, 0, true, false)
	}
	if e != nil {
		return path{}, e
	}
	if len(toks) == 0 {
		return path{}, nil
	}
	steps := gjsonSteps(toks)
	return path{steps: steps, head: toks[0], tail: tailSteps(toks, steps)}, nil
}

func invalidUTF8At(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// parsePointer splits an RFC 6901 JSON Pointer into its reference tokens.
func parsePointer(p string) ([]string, *pathError) {
	if p == "" {
		return nil, nil // the whole document
	}
	if p[0] != '/' {
		return nil, syntaxError(0, "a JSON Pointer starts with /")
	}
	var toks []string
	for start := 1; ; {
		end := strings.IndexByte(p[start:], '/')
		if end < 0 {
			end = len(p)
		} else {
			end += start
		}
		tok, e := unescapePointer(p, start, end)
		if e != nil {
			return nil, e
		}
		toks = append(toks, tok)
		if end == len(p) {
			return toks, nil
		}
		start = end + 1
	}
}

// unescapePointer decodes ~0 and ~1 in p[start:end].
func unescapePointer(p string, start, end int) (string, *pathError) {
	tok := p[start:end]
	i := strings.IndexByte(tok, '~')
	if i < 0 {
		return tok, nil
	}
	b := make([]byte, 0, len(tok))
	b = append(b, tok[:i]...)
	for ; i < len(tok); i++ {
		c := tok[i]
		if c != '~' {
			b = append(b, c)
			continue
		}
		if i+1 == len(tok) || (tok[i+1] != '0' && tok[i+1] != '1') {
			return "", syntaxError(start+i, "~ must be followed by 0 or 1")
		}
		i++
		if tok[i] == '0' {
			b = append(b, '~')
		} else {
			b = append(b, '/')
		}
	}
	return string(b), nil
}

// parseSegments reads the dot and bracket segments of p from offset i. With
// bare, the first segment may be a name without a leading dot (the Dot
// dialect). With jsonPath, the selectors of RFC 9535 that may select more
// than one value are refused as unsupported rather than read literally.
func parseSegments(p string, i int, bare, jsonPath bool) ([]string, *pathError) {
	var toks []string
	for i < len(p) {
		switch c := p[i]; {
		case c == '[':
			tok, next, e := parseBracket(p, i, jsonPath)
			if e != nil {
				return nil, e
			}
			toks = append(toks, tok)
			i = next
		case c == '.' && !bare, bare && c != '.' && c != ']':
			if c == '.' {
				i++
				if jsonPath && i < len(p) && p[i] == '.' {
					return nil, unsupported(i-1, "recursive descent (..)")
				}
			}
			j := i
			for j < len(p) && p[j] != '.' && p[j] != '[' && p[j] != ']' {
				j++
			}
			if j == i {
				return nil, syntaxError(i, "empty name; write [''] for an empty key")
			}
			name := p[i:j]
			if jsonPath && name == "*" {
				return nil, unsupported(i, "wildcard (*)")
			}
			toks = append(toks, name)
			i = j
		case c == ']':
			return nil, syntaxError(i, "unexpected ]")
		case c == '.':
			return nil, syntaxError(i, "empty name; write [''] for an empty key")
		default:
			return nil, syntaxError(i, "expected . or [")
		}
		bare = false
	}
	return toks, nil
}

// parseBracket reads the bracket selector that opens at p[open]: an array
// index or a quoted name. It returns the token and the offset after "]".
func parseBracket(p string, open int, jsonPath bool) (tok string, next int, e *pathError) {
	i := skipBlanks(p, open+1)
	if i == len(p) {
		return "", 0, syntaxError(open, "unclosed [")
	}
	switch c := p[i]; {
	case c == '\'' || c == '"':
		tok, i, e = parseQuoted(p, i)
		if e != nil {
			return "", 0, e
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(p) && p[j] >= '0' && p[j] <= '9' {
			j++
		}
		if p[i] == '0' && j-i > 1 {
			return "", 0, syntaxError(i, "index with a leading zero")
		}
		tok, i = p[i:j], j
		if i < len(p) && p[i] == ':' {
			return "", 0, unsupported(i, "array slice")
		}
	case c == '*':
		return "", 0, unsupported(i, "wildcard (*)")
	case c == '?':
		return "", 0, unsupported(i, "filter (?)")
	case c == ':':
		return "", 0, unsupported(i, "array slice")
	case c == '-' && i+1 < len(p) && p[i+1] >= '0' && p[i+1] <= '9':
		return "", 0, unsupported(i, "negative index")
	default:
		return "", 0, syntaxError(i, "expected an index or a quoted name")
	}
	i = skipBlanks(p, i)
	if i == len(p) {
		return "", 0, syntaxError(open, "unclosed [")
	}
	switch p[i] {
	case ']':
		return tok, i + 1, nil
	case ',':
		return "", 0, unsupported(i, "union (,)")
	case ':':
		return "", 0, unsupported(i, "array slice")
	}
	return "", 0, syntaxError(i, "expected ]")
}

func skipBlanks(p string, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
		i++
	}
	return i
}

// parseQuoted reads the quoted name that opens at p[open] with ' or ",
// decoding the escapes of RFC 9535 string literals (those of JSON plus \').
// It returns the name and the offset after the closing quote.
func parseQuoted(p string, open int) (string, int, *pathError) {
	q := p[open]
	i := open + 1
	j := i
	for j < len(p) && p[j] != q && p[j] != '\\' {
		j++
	}
	if j == len(p) {
		return "", 0, syntaxError(open, "unclosed quote")
	}
	if p[j] == q {
		return p[i:j], j + 1, nil // no escapes: a substring of the path
	}
	b := []byte(p[i:j])
	for i = j; i < len(p); i++ {
		c := p[i]
		if c == q {
			return string(b), i + 1, nil
		}
		if c != '\\' {
			b = append(b, c)
			continue
		}
		if i+1 == len(p) {
			break
		}
		i++
		switch p[i] {
		case '\\', '/', '\'', '"':
			b = append(b, p[i])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, n := jsonscan.Hex4(p, i+1)
			if n < 0 {
				return "", 0, syntaxError(i-1, "bad \\u escape")
			}
			i += 4
			if utf16.IsSurrogate(r) {
				r2, n2 := rune(0), -1
				if i+2 < len(p) && p[i+1] == '\\' && p[i+2] == 'u' {
					r2, n2 = jsonscan.Hex4(p, i+3)
				}
				r = utf16.DecodeRune(r, r2)
				if n2 < 0 || r == utf8.RuneError {
					return "", 0, syntaxError(i-5, "unpaired surrogate in \\u escape")
				}
				i += 6
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", 0, syntaxError(i-1, "unknown escape")
		}
	}
	return "", 0, syntaxError(open, "unclosed quote")
}

// gjsonSteps writes literal tokens as gjson paths in which every token is
// reached literally: no wildcard, query, modifier, pipe or static value can
// appear. gjson.Escape escapes every byte but A-Z a-z 0-9 _ - : and bytes
// below '!' or above '~', so "@", "!", "#", "|", "*", "?", "[", "{", "." and
// "\" never reach gjson unescaped. Two cases remain that gjson.Escape does
// not cover:
//
//   - an all-digit token with a leading zero ("01") is a key, never an array
//     index (RFC 6901); gjson would read it as index 1, so its first digit is
//     escaped, which gjson's array matcher never takes for an index;
//   - a path that starts with ".." is gjson's JSON Lines syntax; two leading
//     empty keys are therefore split into separate steps.
func gjsonSteps(toks []string) []string {
	if len(toks) == 0 {
		return nil
	}
	var steps []string
	for len(toks) >= 2 && toks[0] == "" && toks[1] == "" {
		steps = append(steps, "")
		toks = toks[1:]
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte('.')
		}
		if len(t) > 1 && t[0] == '0' && allDigits(t) {
			b.WriteByte('\\')
		}
		b.WriteString(gjson.Escape(t))
	}
	return append(steps, b.String())
}

// tailSteps returns gjsonSteps(toks[1:]), given steps = gjsonSteps(toks),
// mostly without building it again.
func tailSteps(toks, steps []string) []string {
	switch {
	case len(toks) < 2:
		return nil
	case len(steps) > 1:
		// toks begins with two empty keys, and steps with the first.
		return steps[1:]
	case len(toks) > 2 && toks[1] == "" && toks[2] == "":
		return gjsonSteps(toks[1:]) // the tail's own leading empty keys split
	}
	// One joined step, in which every "." but the separators is escaped:
	// the tail follows the first separator.
	s := steps[0]
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '.':
			return []string{s[i+1:]}
		}
	}
	panic("jsonpayload: no separator in " + s) // unreachable: toks has two tokens
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
