package jsonpayload_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entrylink/entrylink/jsonpayload"
	"github.com/entrylink/entrylink/refparam"
)

// sample is the document the table tests read.
const sample = `{
  "data": {"items": [{"name": "Kettle", "price": 19.90}, {"name": "Mug"}]},
  "values": [[7, 8], [9]],
  "key with space": "spaced",
  "rates": {"USD": 1.0842, "EUR": 1},
  "a.b": "dotted", "*": "star", "?": "query", "a|b": "pipe", "#": "hash",
  "@this": "at", "!true": "bang", "\\": "backslash", "a~b": "tilde", "a/b": "slash",
  "[x]": "bracketed", "{y}": "braced", "": {"": {"": "empty keys"}},
  "01": "leading zero", "x": {"y": "top-level x"},
  "id": 120226305854810726, "ts": "1458692752478", "neg": -0.5e3,
  "on": true, "off": false, "yes": "true", "nil": null,
  "born": "2024-02-29", "notday": "2023-02-29",
  "at": "2024-05-01t10:00:00.5z", "atoff": "2024-05-01T10:00:00+05:30",
  "embedded": " {\"a\": [1, 2]} ", "notjson": "{a}",
  "esc": "line\nbreak \u00e9 \ud83d\ude00",
  "curly": "“quoted”"
}`

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		typ     jsonpayload.Type
		want    string
		wantErr error
	}{
		// Every dialect, Auto-detected.
		{"dot", "data.items[0].name", jsonpayload.Text, "Kettle", nil},
		{"dot numeric segments", "data.items.1.name", jsonpayload.Text, "Mug", nil},
		{"dot chatrace", "rates.USD", jsonpayload.Number, "1.0842", nil},
		{"jsonpath", "$.data.items[0].name", jsonpayload.Text, "Kettle", nil},
		{"jsonpath bothelp", "$.values.0.0", jsonpayload.Number, "7", nil},
		{"jsonpath quoted key", "$['key with space']", jsonpayload.Text, "spaced", nil},
		{"jsonpath double quoted", `$["key with space"]`, jsonpayload.Text, "spaced", nil},
		{"jsonpath quoted index", "$.values['1'][0]", jsonpayload.Text, "9", nil},
		{"jsonpath blanks in brackets", "$[ 'values' ][ 1 ][ 0 ]", jsonpayload.Text, "9", nil},
		{"jsonpath quoted escapes", `$['a\'b\u007e\\']`, jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"jsonpath quoted unicode escape", `$['a\u007eb']`, jsonpayload.Text, "tilde", nil},
		{"pointer", "/data/items/0/name", jsonpayload.Text, "Kettle", nil},
		{"pointer ~0", "/a~0b", jsonpayload.Text, "tilde", nil},
		{"pointer ~1", "/a~1b", jsonpayload.Text, "slash", nil},
		{"finder", "x.data.items[1].name", jsonpayload.Text, "Mug", nil},
		{"finder brackets", `x["key with space"]`, jsonpayload.Text, "spaced", nil},
		{"bare x is a key", "x.y", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"top-level x via jsonpath", "$.x.y", jsonpayload.Text, "top-level x", nil},
		{"top-level x via pointer", "/x/y", jsonpayload.Text, "top-level x", nil},

		// Keys that mean something to gjson are reached literally.
		{"literal dot", "$['a.b']", jsonpayload.Text, "dotted", nil},
		{"literal dot pointer", "/a.b", jsonpayload.Text, "dotted", nil},
		{"literal star", "*", jsonpayload.Text, "star", nil},
		{"literal question", "?", jsonpayload.Text, "query", nil},
		{"literal pipe", "a|b", jsonpayload.Text, "pipe", nil},
		{"literal hash", "#", jsonpayload.Text, "hash", nil},
		{"literal at, not a modifier", "@this", jsonpayload.Text, "at", nil},
		{"literal bang, not a static value", "!true", jsonpayload.Text, "bang", nil},
		{"literal backslash", `/\`, jsonpayload.Text, "backslash", nil},
		{"literal brackets", "/[x]", jsonpayload.Text, "bracketed", nil},
		{"literal braces", "{y}", jsonpayload.Text, "braced", nil},
		{"empty keys, not JSON Lines", "///", jsonpayload.Text, "empty keys", nil},
		{"empty keys quoted", "$[''][''][' ']", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"empty keys jsonpath", "$['']['']['']", jsonpayload.Text, "empty keys", nil},
		{"trailing blank", "$['']['']['']  ", jsonpayload.Text, "", jsonpayload.ErrSyntax},
		{"leading zero is a key", "/01", jsonpayload.Text, "leading zero", nil},
		{"leading zero is no index", "/values/01", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"dash is no index", "/values/-", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"huge index", "/values/18446744073709551616", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"index past the end", "$.values[2]", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"into a string", "/key with space/0", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"into embedded JSON string", "/embedded/a", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"whole document", "$", jsonpayload.JSON, strings.TrimSpace(sample), nil},

		// Types.
		{"exact big number", "id", jsonpayload.Number, "120226305854810726", nil},
		{"number text", "id", jsonpayload.Text, "120226305854810726", nil},
		{"numeric string", "ts", jsonpayload.Number, "1458692752478", nil},
		{"exponent kept", "neg", jsonpayload.Number, "-0.5e3", nil},
		{"text is no number", "key with space", jsonpayload.Number, "", jsonpayload.ErrType},
		{"bool to number", "on", jsonpayload.Number, "", jsonpayload.ErrType},
		{"true", "on", jsonpayload.Boolean, "true", nil},
		{"false", "off", jsonpayload.Boolean, "false", nil},
		{"bool string", "yes", jsonpayload.Boolean, "true", nil},
		{"bool text", "off", jsonpayload.Text, "false", nil},
		{"number to bool", "rates.EUR", jsonpayload.Boolean, "", jsonpayload.ErrType},
		{"date", "born", jsonpayload.Date, "2024-02-29", nil},
		{"no such day", "notday", jsonpayload.Date, "", jsonpayload.ErrType},
		{"datetime to date", "atoff", jsonpayload.Date, "", jsonpayload.ErrType},
		{"datetime upper-cased", "at", jsonpayload.DateTime, "2024-05-01T10:00:00.5Z", nil},
		{"datetime offset kept", "atoff", jsonpayload.DateTime, "2024-05-01T10:00:00+05:30", nil},
		{"date to datetime", "born", jsonpayload.DateTime, "", jsonpayload.ErrType},
		{"number to date", "ts", jsonpayload.Date, "", jsonpayload.ErrType},
		{"object as JSON", "rates", jsonpayload.JSON, `{"USD": 1.0842, "EUR": 1}`, nil},
		{"array as JSON", "values[0]", jsonpayload.JSON, `[7, 8]`, nil},
		{"object as text", "rates", jsonpayload.Text, `{"USD": 1.0842, "EUR": 1}`, nil},
		{"JSON in a string", "embedded", jsonpayload.JSON, `{"a": [1, 2]}`, nil},
		{"not JSON in a string", "notjson", jsonpayload.JSON, "", jsonpayload.ErrType},
		{"number to JSON", "id", jsonpayload.JSON, "", jsonpayload.ErrType},
		{"escapes decoded", "esc", jsonpayload.Text, "line\nbreak é 😀", nil},
		{"curly quotes in a valid document stay", "curly", jsonpayload.Text, "“quoted”", nil},

		// Outcomes.
		{"not found", "data.nothing", jsonpayload.Text, "", jsonpayload.ErrNotFound},
		{"null", "nil", jsonpayload.Text, "", jsonpayload.ErrNull},
		{"null typed", "nil", jsonpayload.Number, "", jsonpayload.ErrNull},

		// Bad paths.
		{"empty", "", jsonpayload.Text, "", jsonpayload.ErrSyntax},
		{"wildcard", "$.data.items[*].name", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"recursive", "$..name", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"filter", "$.data.items[?(@.name)]", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"slice", "$.values[0:1]", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"union", "$.values[0,1]", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"negative", "$.values[-1]", jsonpayload.Text, "", jsonpayload.ErrUnsupported},
		{"unclosed bracket", "data.items[0", jsonpayload.Text, "", jsonpayload.ErrSyntax},
		{"bad pointer escape", "/a~2b", jsonpayload.Text, "", jsonpayload.ErrSyntax},
		{"unknown type", "rates", jsonpayload.Type(99), "", jsonpayload.ErrRule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := jsonpayload.Lookup([]byte(sample), tt.path, tt.typ)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Lookup(%q, %v) error = %v, want %v", tt.path, tt.typ, err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q, %v) mismatch (-want +got):\n%s", tt.path, tt.typ, diff)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	rules := []jsonpayload.Rule{
		{Path: "$.data.items[0].name", FieldID: "101"},
		{Path: "/id", FieldID: "738", Type: jsonpayload.Number, Required: true},
		{Path: "missing", FieldID: "102"},
		{Path: "nil", FieldID: "103", Type: jsonpayload.Date},
		{Path: "x.born", FieldID: "514", Type: jsonpayload.Date},
		{Path: "rates", FieldID: "104", Type: jsonpayload.JSON},
	}
	want := []refparam.Field{
		{ID: "101", Value: "Kettle"},
		{ID: "738", Value: "120226305854810726"},
		{ID: "514", Value: "2024-02-29"},
		{ID: "104", Value: `{"USD": 1.0842, "EUR": 1}`},
	}
	got, err := jsonpayload.Extract([]byte(sample), rules)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Extract mismatch (-want +got):\n%s", diff)
	}
	e := jsonpayload.MustCompile(rules)
	got, err = e.ExtractString(sample)
	if err != nil {
		t.Fatalf("ExtractString: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ExtractString mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rules, e.Rules()); diff != "" {
		t.Errorf("Rules mismatch (-want +got):\n%s", diff)
	}
}

func TestExtractNothingFound(t *testing.T) {
	got, err := jsonpayload.Extract([]byte(`{"a":1}`), []jsonpayload.Rule{{Path: "b", FieldID: "1"}})
	if err != nil || got != nil {
		t.Errorf("Extract = %v, %v; want nil, nil", got, err)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		rules []jsonpayload.Rule
		want  *jsonpayload.Error
	}{
		{
			name:  "required missing",
			doc:   `{"a":1}`,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1"}, {Path: "b", FieldID: "2", Required: true}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 1, Path: "b", FieldID: "2", Offset: -1, Err: jsonpayload.ErrNotFound},
		},
		{
			name:  "required null",
			doc:   `{"a":null}`,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1", Type: jsonpayload.Number, Required: true}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 0, Path: "a", FieldID: "1", Type: jsonpayload.Number, Offset: 5, Err: jsonpayload.ErrNull},
		},
		{
			name:  "type mismatch names path, type, value and offset",
			doc:   `{"a": {"price": "abc"}}`,
			rules: []jsonpayload.Rule{{Path: "a.price", FieldID: "738", Type: jsonpayload.Number}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 0, Path: "a.price", FieldID: "738", Type: jsonpayload.Number, Offset: 16, Value: `"abc"`, Err: jsonpayload.ErrType},
		},
		{
			name:  "offset through split steps",
			doc:   `{"":{"":{"":"x"}}}`,
			rules: []jsonpayload.Rule{{Path: "///", FieldID: "1", Type: jsonpayload.Boolean}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 0, Path: "///", FieldID: "1", Type: jsonpayload.Boolean, Offset: 12, Value: `"x"`, Err: jsonpayload.ErrType},
		},
		{
			name:  "long value cut",
			doc:   `{"a":"` + strings.Repeat("é", 40) + `"}`,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1", Type: jsonpayload.Date}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 0, Path: "a", FieldID: "1", Type: jsonpayload.Date, Offset: 5, Value: `"` + strings.Repeat("é", 31) + "...", Err: jsonpayload.ErrType},
		},
		{
			name:  "invalid document",
			doc:   `{"a":1,}`,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1"}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: -1, Offset: 8, Err: jsonpayload.ErrInvalidDocument},
		},
		{
			name:  "invalid UTF-8",
			doc:   "{\"a\":\"\xff\"}",
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1"}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: -1, Offset: 6, Err: jsonpayload.ErrInvalidDocument, Detail: "invalid UTF-8"},
		},
		{
			name:  "empty document",
			doc:   ``,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1"}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: -1, Offset: 0, Err: jsonpayload.ErrInvalidDocument},
		},
		{
			name:  "bad path at its offset",
			doc:   `{}`,
			rules: []jsonpayload.Rule{{Path: "a", FieldID: "1"}, {Path: "$.a[0", FieldID: "2"}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 1, Path: "$.a[0", FieldID: "2", Offset: 3, Err: jsonpayload.ErrSyntax, Detail: "unclosed ["},
		},
		{
			name:  "empty field id",
			doc:   `{}`,
			rules: []jsonpayload.Rule{{Path: "a"}},
			want:  &jsonpayload.Error{Op: "Extract", Rule: 0, Path: "a", Offset: -1, Err: jsonpayload.ErrRule, Detail: "empty FieldID"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := jsonpayload.Extract([]byte(tt.doc), tt.rules)
			if got != nil {
				t.Errorf("Extract returned fields %v with error %v", got, err)
			}
			var e *jsonpayload.Error
			if !errors.As(err, &e) {
				t.Fatalf("Extract error = %v, want an *Error", err)
			}
			if diff := cmp.Diff(*tt.want, *e, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Extract(%q) error mismatch (-want +got):\n%s", tt.doc, diff)
			}
			if e.Error() == "" || !strings.HasPrefix(e.Error(), "jsonpayload: ") {
				t.Errorf("Error() = %q, want the package prefix", e.Error())
			}
		})
	}
}

func TestSentinelsClassify(t *testing.T) {
	for _, err := range []error{jsonpayload.ErrTooLarge, jsonpayload.ErrTooDeep} {
		if !errors.Is(err, jsonpayload.ErrInvalidDocument) {
			t.Errorf("errors.Is(%v, ErrInvalidDocument) = false", err)
		}
	}
	if errors.Is(jsonpayload.ErrNotFound, jsonpayload.ErrInvalidDocument) || errors.Is(jsonpayload.ErrInvalidDocument, jsonpayload.ErrNotFound) {
		t.Error("ErrNotFound and ErrInvalidDocument are conflated")
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		name    string
		opts    jsonpayload.Options
		path    string
		wantErr error
		wantOff int
	}{
		{"auto jsonpath", jsonpayload.Options{}, "$.a[0]['b']", nil, 0},
		{"dot may not start with a dot", jsonpayload.Options{}, ".a", jsonpayload.ErrSyntax, 0},
		{"trailing dot", jsonpayload.Options{}, "a.", jsonpayload.ErrSyntax, 2},
		{"stray ]", jsonpayload.Options{}, "a]", jsonpayload.ErrSyntax, 1},
		{"text after ]", jsonpayload.Options{}, "a[0]b", jsonpayload.ErrSyntax, 4},
		{"index leading zero", jsonpayload.Options{}, "a[01]", jsonpayload.ErrSyntax, 2},
		{"bracket junk", jsonpayload.Options{}, "a[b]", jsonpayload.ErrSyntax, 2},
		{"unclosed quote", jsonpayload.Options{}, "$['a", jsonpayload.ErrSyntax, 2},
		{"unknown escape", jsonpayload.Options{}, `$['a\qb']`, jsonpayload.ErrSyntax, 4},
		{"lone surrogate", jsonpayload.Options{}, `$['\ud800']`, jsonpayload.ErrSyntax, 3},
		{"pointer tilde at end", jsonpayload.Options{}, "/a~", jsonpayload.ErrSyntax, 2},
		{"invalid UTF-8", jsonpayload.Options{}, "a.\xffb", jsonpayload.ErrSyntax, 2},
		{"star is literal in Dot", jsonpayload.Options{}, "a.*", nil, 0},
		{"star is a wildcard in JSONPath", jsonpayload.Options{}, "$.a.*", jsonpayload.ErrUnsupported, 4},
		{"pointer dialect needs a slash", jsonpayload.Options{}.WithDialect(jsonpayload.Pointer), "a/b", jsonpayload.ErrSyntax, 0},
		{"pointer dialect root", jsonpayload.Options{}.WithDialect(jsonpayload.Pointer), "", nil, 0},
		{"jsonpath dialect needs $", jsonpayload.Options{}.WithDialect(jsonpayload.JSONPath), "a", jsonpayload.ErrSyntax, 0},
		{"finder dialect needs x", jsonpayload.Options{}.WithDialect(jsonpayload.Finder), "a", jsonpayload.ErrSyntax, 0},
		{"dot dialect reads $ as a key", jsonpayload.Options{}.WithDialect(jsonpayload.Dot), "$.a", nil, 0},
		{"gjson dialect takes its syntax", jsonpayload.Options{}.WithDialect(jsonpayload.GJSON), "items.#(name==Mug).price|@this", nil, 0},
		{"gjson dialect empty", jsonpayload.Options{}.WithDialect(jsonpayload.GJSON), "", jsonpayload.ErrSyntax, 0},
		{"unknown dialect", jsonpayload.Options{}.WithDialect(jsonpayload.Dialect(42)), "a", jsonpayload.ErrRule, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.opts.Compile([]jsonpayload.Rule{{Path: tt.path, FieldID: "1"}})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Compile(%q) error = %v, want %v", tt.path, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			var e *jsonpayload.Error
			if !errors.As(err, &e) || e.Offset != tt.wantOff || e.Op != "Compile" || e.Rule != 0 || e.Path != tt.path {
				t.Errorf("Compile(%q) error = %#v, want offset %d", tt.path, e, tt.wantOff)
			}
		})
	}
}

// TestDialectsAgree reaches the same value in every dialect.
func TestDialectsAgree(t *testing.T) {
	doc := []byte(`{"data": {"items": [{"name": "Kettle"}, {"full name": "Mug.2|#"}]}}`)
	paths := []struct {
		dialect jsonpayload.Dialect
		path    string
	}{
		{jsonpayload.Auto, "data.items[1]['full name']"},
		{jsonpayload.Auto, "data.items.1.full name"},
		{jsonpayload.Auto, "$.data.items[1]['full name']"},
		{jsonpayload.Auto, `$["data"]["items"][1]["full name"]`},
		{jsonpayload.Auto, "/data/items/1/full name"},
		{jsonpayload.Auto, `x.data.items[1]["full name"]`},
		{jsonpayload.Dot, "data.items[1].full name"},
		{jsonpayload.JSONPath, "$.data.items.1['full name']"},
		{jsonpayload.Pointer, "/data/items/1/full name"},
		{jsonpayload.Finder, "x.data.items[1]['full name']"},
		{jsonpayload.GJSON, `data.items.1.full name`},
	}
	for _, p := range paths {
		got, err := jsonpayload.Options{}.WithDialect(p.dialect).Lookup(doc, p.path, jsonpayload.Text)
		if err != nil || got != "Mug.2|#" {
			t.Errorf("%v Lookup(%q) = %q, %v; want %q", p.dialect, p.path, got, err, "Mug.2|#")
		}
	}
}

func TestGJSONDialectOnlyOnPurpose(t *testing.T) {
	doc := []byte(`{"items": [{"name": "Kettle", "price": 20}, {"name": "Mug", "price": 5}], "items.#": "literal"}`)
	gj := jsonpayload.Options{}.WithDialect(jsonpayload.GJSON)
	if got, err := gj.Lookup(doc, "items.#(name==Mug).price", jsonpayload.Number); err != nil || got != "5" {
		t.Errorf("GJSON query = %q, %v; want 5", got, err)
	}
	if got, err := gj.Lookup(doc, "items.#", jsonpayload.Number); err != nil || got != "2" {
		t.Errorf("GJSON count = %q, %v; want 2", got, err)
	}
	if got, err := jsonpayload.Lookup(doc, "items.#(name==Mug).price", jsonpayload.Number); !errors.Is(err, jsonpayload.ErrNotFound) {
		t.Errorf("Auto query = %q, %v; want ErrNotFound", got, err)
	}
	if got, err := jsonpayload.Lookup(doc, `$['items.#']`, jsonpayload.Text); err != nil || got != "literal" {
		t.Errorf("Auto literal = %q, %v; want literal", got, err)
	}
}

func TestQuoteRepair(t *testing.T) {
	pasted := []byte(`{“name”: “Ana”, “note”: “it’s”}`)
	if _, err := jsonpayload.Lookup(pasted, "name", jsonpayload.Text); !errors.Is(err, jsonpayload.ErrInvalidDocument) {
		t.Fatalf("without repair: err = %v, want ErrInvalidDocument", err)
	}
	rp := jsonpayload.Options{}.WithQuoteRepair()
	if got, err := rp.Lookup(pasted, "name", jsonpayload.Text); err != nil || got != "Ana" {
		t.Errorf("with repair: %q, %v; want Ana", got, err)
	}
	if got, err := rp.Lookup(pasted, "note", jsonpayload.Text); err != nil || got != "it's" {
		t.Errorf("with repair: %q, %v; want it's", got, err)
	}
	// A valid document is read as it stands, its typographic quotes kept.
	if got, err := rp.Lookup([]byte(`{"q": "“hi”"}`), "q", jsonpayload.Text); err != nil || got != "“hi”" {
		t.Errorf("valid document: %q, %v; want “hi”", got, err)
	}
	// A document the repair cannot save is still invalid.
	if _, err := rp.Lookup([]byte(`{“a”: }`), "a", jsonpayload.Text); !errors.Is(err, jsonpayload.ErrInvalidDocument) {
		t.Errorf("unrepairable: err = %v, want ErrInvalidDocument", err)
	}
}

func TestTypeString(t *testing.T) {
	want := []string{"Text", "Number", "Boolean", "Date", "DateTime", "JSON", "Type(6)"}
	for i, w := range want {
		if got := jsonpayload.Type(i).String(); got != w {
			t.Errorf("Type(%d).String() = %q, want %q", i, got, w)
		}
	}
	dw := []string{"Auto", "Dot", "JSONPath", "Pointer", "Finder", "GJSON", "Dialect(6)"}
	for i, w := range dw {
		if got := jsonpayload.Dialect(i).String(); got != w {
			t.Errorf("Dialect(%d).String() = %q, want %q", i, got, w)
		}
	}
	if jsonpayload.Text != 0 || jsonpayload.Auto != 0 {
		t.Error("Text and Auto must be the zero values")
	}
}

func TestWholeDocument(t *testing.T) {
	doc := []byte(" {\"a\": [1]}\n")
	for _, c := range []struct {
		d    jsonpayload.Dialect
		path string
	}{{jsonpayload.Auto, "$"}, {jsonpayload.JSONPath, "$"}, {jsonpayload.Pointer, ""}, {jsonpayload.Finder, "x"}} {
		got, err := jsonpayload.Options{}.WithDialect(c.d).Lookup(doc, c.path, jsonpayload.JSON)
		if err != nil || got != `{"a": [1]}` {
			t.Errorf("%v Lookup(%q) = %q, %v", c.d, c.path, got, err)
		}
	}
	if _, err := jsonpayload.Lookup(doc, "x", jsonpayload.JSON); !errors.Is(err, jsonpayload.ErrNotFound) {
		t.Errorf(`Auto Lookup("x") = %v, want ErrNotFound (the key "x")`, err)
	}
	// A scalar document has no keys, even when it is a string that looks
	// like JSON.
	for _, scalar := range []string{`"{\"a\":1}"`, `1`, `true`, `null`} {
		if _, err := jsonpayload.Lookup([]byte(scalar), "a", jsonpayload.Text); !errors.Is(err, jsonpayload.ErrNotFound) {
			t.Errorf("Lookup(%s, a) = %v, want ErrNotFound", scalar, err)
		}
	}
	if got, err := jsonpayload.Lookup([]byte(`"s"`), "$", jsonpayload.Text); err != nil || got != "s" {
		t.Errorf(`Lookup("s", $) = %q, %v`, got, err)
	}
}
