package jsonpayload_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/jsonpayload"
	"github.com/entrylink/entrylink/refparam"
)

var fuzzPointer = jsonpayload.Options{}.WithDialect(jsonpayload.Pointer)

// keys is a document whose keys hold the bytes that mean something to
// gjson or to one of the dialects, for FuzzPointer's seeds.
const keys = `{"a.b": 1, "*": 2, "?": 3, "a|b": 4, "#": 5, "@this": 6, "\\": 7, "!true": 8,
	"a=b": 9, "[0]": 10, "]": 11, "'": 12, "\"": 13, " sp ace ": 14, "it's \"q\" \\": 15,
	"#(a==1)": 16, "a.*?|#@\\!=[]'\" ": 17, "01": 18, "0": 19, "": {"": [20]}, "..": 21,
	"arr": [10, 11, [12, {"0": 13, "01": 14}]], "o": {"0": "zero", "1": "one"}, "x": {"y": 22}, "$": 23}`

// FuzzPointer checks that a JSON Pointer lookup agrees with the slow
// reference on encoding/json, outcome and value; that the same path
// written in the JSONPath, Dot and Finder dialects finds exactly what the
// pointer finds, so no key reaches gjson's wildcards, queries, modifiers
// or pipes from those dialects; and that no dialect panics or returns a
// foreign error on the pointer as written.
func FuzzPointer(f *testing.F) {
	for _, p := range []string{"", "/", "//", "///", "/data/items/0/name", "/a~0b", "/a~1b", "/01", "/values/01",
		"/values/-", "/values/1/0", "/id", "/nil", "/embedded", "/rates", "/\\", "/@this", "/!true", "/a|b", "/#", "/a~2", "/x/y"} {
		f.Add([]byte(sample), p)
	}
	for _, p := range []string{"/a.b", "/*", "/?", "/a|b", "/#", "/@this", "/\\", "/!true", "/a=b", "/[0]", "/]", "/'", "/\"",
		"/ sp ace ", "/it's \"q\" \\", "/#(a==1)", "/a.*?|#@\\!=[]'\" ", "/01", "/0", "//", "///0", "/..", "/x/y", "/$",
		"/arr/0", "/arr/00", "/arr/01", "/arr/2/1/0", "/arr/2/1/01", "/arr/2/01", "/arr/-1", "/arr/1e0", "/arr/#", "/arr/*",
		"/arr/2147483648", "/arr/9223372036854775807", "/arr/9223372036854775808", "/arr/18446744073709551615",
		"/arr/18446744073709551616", "/arr/18446744073709551617", "/arr/99999999999999999999999999", "/o/0", "/o/01", "/o/1"} {
		f.Add([]byte(keys), p)
	}
	for _, d := range []string{`[]`, `{}`, `1`, `"{\"a\":1}"`, `{"a":{"a":1},"a":2}`, `{"":{"":{"":1}}}`, `[[0,[1]]]`, `{"a":"\ud800"}`,
		`{"\u0061":1}`, `{"a" : [ 1 , {"b" : null} ] }`, "{\"a\":\"\xff\"}", `{“a”:1}`, `[1,]`, ` {"a":1} `} {
		f.Add([]byte(d), "/a")
		f.Add([]byte(d), "/0")
	}
	f.Fuzz(func(t *testing.T, doc []byte, pointer string) {
		want, outcome := slowPointer(doc, pointer)
		text, err := fuzzPointer.Lookup(doc, pointer, jsonpayload.Text)
		again, err2 := fuzzPointer.Lookup(doc, pointer, jsonpayload.Text)
		if text != again || !errors.Is(err2, unwrap(err)) {
			t.Fatalf("not pure: %q, %v then %q, %v", text, err, again, err2)
		}
		checkExtractAgrees(t, doc, pointer)
		checkDialectsAgree(t, doc, pointer, text, err)
		for _, d := range []jsonpayload.Dialect{jsonpayload.Auto, jsonpayload.Dot, jsonpayload.JSONPath, jsonpayload.Finder, jsonpayload.GJSON} {
			for ty := jsonpayload.Text; ty <= jsonpayload.JSON; ty++ {
				_, err := jsonpayload.Options{}.WithDialect(d).Lookup(doc, pointer, ty)
				var e *jsonpayload.Error
				if err != nil && !errors.As(err, &e) {
					t.Fatalf("%v Lookup(%q, %v): error %v is not an *Error", d, pointer, ty, err)
				}
			}
		}
		switch outcome {
		case slowBadPath:
			if !errors.Is(err, jsonpayload.ErrSyntax) && !errors.Is(err, jsonpayload.ErrPathTooLong) {
				t.Fatalf("Lookup(%q) = %q, %v; the reference finds the pointer malformed", pointer, text, err)
			}
			return
		case slowInvalidDoc:
			if !errors.Is(err, jsonpayload.ErrInvalidDocument) {
				t.Fatalf("Lookup(%q) on %q = %q, %v; the reference finds the document invalid", pointer, doc, text, err)
			}
			return
		case slowSkip:
			return
		case slowNotFound:
			if !errors.Is(err, jsonpayload.ErrNotFound) {
				t.Fatalf("Lookup(%q) on %q = %q, %v; the reference finds nothing", pointer, doc, text, err)
			}
			return
		}
		switch v := want.(type) {
		case nil:
			if !errors.Is(err, jsonpayload.ErrNull) {
				t.Fatalf("Lookup(%q) on %q = %q, %v; want ErrNull", pointer, doc, text, err)
			}
		case string:
			if err != nil || text != v {
				t.Fatalf("Lookup(%q) on %q = %q, %v; want %q", pointer, doc, text, err, v)
			}
		case json.Number:
			n, err2 := fuzzPointer.Lookup(doc, pointer, jsonpayload.Number)
			if err != nil || text != string(v) || err2 != nil || n != string(v) {
				t.Fatalf("Lookup(%q) on %q = %q, %v (Number %q, %v); want %s", pointer, doc, text, err, n, err2, v)
			}
		case bool:
			b, err2 := fuzzPointer.Lookup(doc, pointer, jsonpayload.Boolean)
			if err != nil || text != strconv.FormatBool(v) || err2 != nil || b != text {
				t.Fatalf("Lookup(%q) on %q = %q, %v (Boolean %q, %v); want %v", pointer, doc, text, err, b, err2, v)
			}
		default: // object or array
			raw, err2 := fuzzPointer.Lookup(doc, pointer, jsonpayload.JSON)
			if err != nil || err2 != nil || raw != text {
				t.Fatalf("Lookup(%q) on %q = %q, %v (JSON %q, %v)", pointer, doc, text, err, raw, err2)
			}
			d := json.NewDecoder(bytes.NewReader([]byte(raw)))
			d.UseNumber()
			var got any
			if err := d.Decode(&got); err != nil {
				t.Fatalf("Lookup(%q, JSON) = %q: %v", pointer, raw, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("Lookup(%q) on %q mismatch (-reference +got):\n%s", pointer, doc, diff)
			}
		}
	})
}

// checkDialectsAgree checks that the path of pointer, written in the
// JSONPath, Dot and Finder dialects in each form their grammar allows,
// has the outcome the pointer has (text and err, read as Text): the same
// value or the same sentinel error, at the same offset.
func checkDialectsAgree(t *testing.T, doc []byte, pointer, text string, err error) {
	toks, ok := slowPointerTokens(pointer)
	if !ok {
		return // malformed: the pointer has no path to write in other dialects
	}
	arrays := make([]bool, len(toks))
	if v, ok := slowDecode(doc); ok {
		slowWalk(v, toks, arrays)
	}
	type form struct {
		d    jsonpayload.Dialect
		path string
	}
	forms := []form{
		{jsonpayload.JSONPath, slowBracketPath("$", toks, arrays, '\'')},
		{jsonpayload.JSONPath, slowBracketPath("$", toks, arrays, '"')},
		{jsonpayload.JSONPath, slowDottedPath("$", toks, arrays, false)},
		{jsonpayload.Auto, slowBracketPath("$", toks, arrays, '\'')},
		{jsonpayload.Auto, slowDottedPath("$", toks, arrays, true)},
		{jsonpayload.Finder, slowBracketPath("x", toks, arrays, '"')},
		{jsonpayload.Finder, slowDottedPath("x", toks, arrays, false)},
		{jsonpayload.Finder, slowDottedPath("x", toks, arrays, true)},
	}
	if len(toks) > 0 {
		// "x" alone is a key in Auto, and Dot has no path to the whole
		// document.
		forms = append(forms,
			form{jsonpayload.Auto, slowDottedPath("x", toks, arrays, false)},
			form{jsonpayload.Dot, slowBracketPath("", toks, arrays, '\'')},
			form{jsonpayload.Dot, slowDottedPath("", toks, arrays, false)},
			form{jsonpayload.Dot, slowDottedPath("", toks, arrays, true)},
		)
	}
	var want *jsonpayload.Error
	errors.As(err, &want)
	for _, f := range forms {
		got, gotErr := jsonpayload.Options{}.WithDialect(f.d).Lookup(doc, f.path, jsonpayload.Text)
		if len(f.path) > jsonpayload.MaxPathLength {
			if !errors.Is(gotErr, jsonpayload.ErrPathTooLong) {
				t.Fatalf("%v Lookup(%q) = %q, %v; want ErrPathTooLong", f.d, f.path, got, gotErr)
			}
			continue
		}
		var e *jsonpayload.Error
		errors.As(gotErr, &e)
		switch {
		case (err == nil) != (gotErr == nil), got != text,
			err != nil && (unwrap(gotErr) != unwrap(err) || e.Offset != want.Offset):
			t.Fatalf("%v Lookup(%q) on %q = %q, %v; Pointer Lookup(%q) = %q, %v", f.d, f.path, doc, got, gotErr, pointer, text, err)
		}
	}
}

// checkExtractAgrees checks that Extract, with one optional rule per type,
// returns exactly the fields that Lookup finds, or fails when one of them
// fails with anything but ErrNotFound and ErrNull.
func checkExtractAgrees(t *testing.T, doc []byte, pointer string) {
	var rules []jsonpayload.Rule
	var want []refparam.Field
	var wantErr error
	for ty := jsonpayload.Text; ty <= jsonpayload.JSON; ty++ {
		id := ty.String()
		rules = append(rules, jsonpayload.Rule{Path: pointer, FieldID: id, Type: ty})
		v, err := fuzzPointer.Lookup(doc, pointer, ty)
		switch {
		case err == nil:
			want = append(want, refparam.Field{ID: id, Value: v})
		case errors.Is(err, jsonpayload.ErrNotFound), errors.Is(err, jsonpayload.ErrNull):
		default:
			if wantErr == nil {
				wantErr = unwrap(err)
			}
		}
	}
	e, err := fuzzPointer.Compile(rules)
	if err == nil {
		var got []refparam.Field
		got, err = e.Extract(doc)
		if wantErr == nil {
			if diff := cmp.Diff(want, got); diff != "" || err != nil {
				t.Fatalf("Extract(%q) = %v; mismatch with Lookup (-want +got):\n%s", pointer, err, diff)
			}
			return
		}
		if got != nil {
			t.Fatalf("Extract(%q) returned fields %q with error %v", pointer, got, err)
		}
	}
	if !errors.Is(err, wantErr) {
		t.Fatalf("Extract(%q) error = %v, Lookup error = %v", pointer, err, wantErr)
	}
}

func unwrap(err error) error {
	if e, ok := err.(*jsonpayload.Error); ok {
		return e.Err
	}
	return err
}

// FuzzConvert checks the typed conversions of a string value against the
// references on encoding/json and package time.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"", "0", "-0", "01", "1.", "1.5e+3", " 1", "+1", "true", "false", "True",
		"2024-02-29", "2023-02-29", "0000-01-01", "2024-13-01", "2024-05-01T10:00:00Z", "2024-05-01t10:00:00.123z",
		"2024-05-01T10:00:00+05:30", "2024-05-01T24:00:00Z", "2024-05-01T10:00:60Z", "2024-05-01T10:00:00,5Z",
		"2024-05-01T10:00:00+24:00", "{}", " [1] ", "{a}", "[[[", "1458692752478", "120226305854810726"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		quoted, err := json.Marshal(s)
		if err != nil {
			return
		}
		doc := append(append([]byte(`{"v":`), quoted...), '}')
		var v string
		if json.Unmarshal(doc, &struct{ V *string }{&v}) != nil {
			return
		}
		check := func(ty jsonpayload.Type, want string, ok bool) {
			t.Helper()
			got, err := jsonpayload.Lookup(doc, "v", ty)
			if !ok {
				if !errors.Is(err, jsonpayload.ErrType) && !errors.Is(err, jsonpayload.ErrInvalidDocument) {
					t.Fatalf("Lookup(%q as %v) = %q, %v; want ErrType", v, ty, got, err)
				}
				return
			}
			if err != nil || got != want {
				t.Fatalf("Lookup(%q as %v) = %q, %v; want %q", v, ty, got, err, want)
			}
		}
		if !json.Valid(doc) || len(doc) > jsonpayload.MaxDocumentSize {
			return
		}
		check(jsonpayload.Text, v, true)
		check(jsonpayload.Number, v, slowNumber(v))
		check(jsonpayload.Boolean, v, v == "true" || v == "false")
		check(jsonpayload.Date, v, slowDate(v))
		dt, ok := slowDateTime(v)
		check(jsonpayload.DateTime, dt, ok)
		trimmed := strings.Trim(v, " \t\r\n") // JSON white space only
		depth := 0
		isJSON := json.Valid([]byte(trimmed)) && trimmed != "" && (trimmed[0] == '{' || trimmed[0] == '[')
		if isJSON {
			depth, _ = slowScan([]byte(trimmed))
		}
		check(jsonpayload.JSON, trimmed, isJSON && depth <= jsonpayload.MaxDepth)
	})
}
