package jsonpayload

import (
	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/internal/jsonscan"
)

// convert writes the found value r as a value of type t, following the
// table in the package documentation. ok is false when r does not fit t.
// The caller has already dealt with null.
func convert(r gjson.Result, t Type) (v string, ok bool) {
	switch t {
	case Text:
		if r.Type == gjson.String {
			return r.Str, true
		}
		return r.Raw, true
	case Number:
		switch r.Type {
		case gjson.Number:
			return r.Raw, true
		case gjson.String:
			return r.Str, isNumber(r.Str)
		}
	case Boolean:
		switch r.Type {
		case gjson.True, gjson.False:
			return r.Raw, true
		case gjson.String:
			return r.Str, r.Str == "true" || r.Str == "false"
		}
	case Date:
		if r.Type == gjson.String {
			return r.Str, isDate(r.Str)
		}
	case DateTime:
		if r.Type == gjson.String && isDateTime(r.Str) {
			return canonicalDateTime(r.Str), true
		}
	case JSON:
		switch r.Type {
		case gjson.JSON:
			return r.Raw, true
		case gjson.String:
			// JSON text stored inside a string, as integrations do
			// (OpenDialog's json_decode): the object or array it holds.
			s := trimSpace(r.Str)
			return s, s != "" && (s[0] == '{' || s[0] == '[') && checkText(s, nil) == nil
		}
	}
	return "", false
}

// trimSpace removes JSON white space from both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 && jsonscan.IsSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && jsonscan.IsSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// isNumber reports whether s is exactly a JSON number (RFC 8259 §6; see
// [jsonscan.NumberEnd]).
func isNumber(s string) bool {
	return jsonscan.NumberEnd(s, 0) == len(s)
}

// num reads the n-digit decimal at s[i:], or -1.
func num(s string, i, n int) int {
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return -1
		}
		v = v*10 + int(c-'0')
	}
	return v
}

// isDate reports whether s is YYYY-MM-DD naming a real day of the
// proleptic Gregorian calendar (RFC 3339 full-date).
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	y, m, d := num(s, 0, 4), num(s, 5, 2), num(s, 8, 2)
	return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isDateTime reports whether s is an RFC 3339 date-time:
//
//	full-date ("T" / "t") HH ":" MM ":" SS [ "." 1*DIGIT ] ( "Z" / "z" / ( "+" / "-" ) HH ":" MM )
//
// with hours 00-23, minutes 00-59 and seconds 00-59: leap seconds are
// refused, as Go's time package refuses them.
func isDateTime(s string) bool {
	if len(s) < 20 || !isDate(s[:10]) || (s[10] != 'T' && s[10] != 't') {
		return false
	}
	if !isClock(s[11:19]) {
		return false
	}
	i := 19
	if s[i] == '.' {
		j := jsonscan.Digits(s, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	switch rest := s[i:]; {
	case rest == "Z" || rest == "z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, m := num(rest, 1, 2), num(rest, 4, 2)
		return h >= 0 && h <= 23 && m >= 0 && m <= 59
	}
	return false
}

// isClock reports whether s is HH:MM:SS.
func isClock(s string) bool {
	if s[2] != ':' || s[5] != ':' {
		return false
	}
	h, m, sec := num(s, 0, 2), num(s, 3, 2), num(s, 6, 2)
	return h >= 0 && h <= 23 && m >= 0 && m <= 59 && sec >= 0 && sec <= 59
}

// canonicalDateTime writes the "t" and "z" that RFC 3339 allows in upper
// case; it returns s itself when there are none.
func canonicalDateTime(s string) string {
	last := len(s) - 1
	if s[10] != 't' && s[last] != 'z' {
		return s
	}
	b := []byte(s)
	if b[10] == 't' {
		b[10] = 'T'
	}
	if b[last] == 'z' {
		b[last] = 'Z'
	}
	return string(b)
}
