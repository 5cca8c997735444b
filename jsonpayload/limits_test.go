package jsonpayload_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/jsonpayload"
)

// sized returns a valid document of exactly n bytes: {"a":"xxx…"}.
func sized(n int) []byte {
	const frame = len(`{"a":""}`)
	return []byte(`{"a":"` + strings.Repeat("x", n-frame) + `"}`)
}

// nested returns an array nested depth deep around 1, and the path to it.
func nested(depth int) ([]byte, string) {
	return []byte(strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth)), strings.Repeat("/0", depth)
}

func TestMaxDocumentSize(t *testing.T) {
	doc := sized(jsonpayload.MaxDocumentSize)
	if len(doc) != jsonpayload.MaxDocumentSize {
		t.Fatalf("sized: %d bytes", len(doc))
	}
	if _, err := jsonpayload.Lookup(doc, "a", jsonpayload.Text); err != nil {
		t.Errorf("at MaxDocumentSize: %v", err)
	}
	_, err := jsonpayload.Lookup(sized(jsonpayload.MaxDocumentSize+1), "a", jsonpayload.Text)
	var e *jsonpayload.Error
	if !errors.Is(err, jsonpayload.ErrTooLarge) || !errors.Is(err, jsonpayload.ErrInvalidDocument) || !errors.As(err, &e) || e.Offset != jsonpayload.MaxDocumentSize {
		t.Errorf("at MaxDocumentSize+1: %v, want ErrTooLarge at offset %d", err, jsonpayload.MaxDocumentSize)
	}
}

func TestMaxDepth(t *testing.T) {
	doc, path := nested(jsonpayload.MaxDepth)
	if got, err := jsonpayload.Lookup(doc, path, jsonpayload.Number); err != nil || got != "1" {
		t.Errorf("at MaxDepth: %q, %v; want 1", got, err)
	}
	doc, path = nested(jsonpayload.MaxDepth + 1)
	_, err := jsonpayload.Lookup(doc, path, jsonpayload.Number)
	var e *jsonpayload.Error
	if !errors.Is(err, jsonpayload.ErrTooDeep) || !errors.Is(err, jsonpayload.ErrInvalidDocument) || !errors.As(err, &e) || e.Offset != jsonpayload.MaxDepth {
		t.Errorf("at MaxDepth+1: %v, want ErrTooDeep at offset %d", err, jsonpayload.MaxDepth)
	}
	// Objects count as arrays do.
	obj := strings.Repeat(`{"a":`, jsonpayload.MaxDepth+1) + "1" + strings.Repeat("}", jsonpayload.MaxDepth+1)
	if _, err := jsonpayload.Lookup([]byte(obj), "a", jsonpayload.Text); !errors.Is(err, jsonpayload.ErrTooDeep) {
		t.Errorf("objects at MaxDepth+1: %v, want ErrTooDeep", err)
	}
}

func TestMaxDepthIgnoresStrings(t *testing.T) {
	deep := strings.Repeat("[{", jsonpayload.MaxDepth)
	for _, doc := range []string{
		`{"a": "` + deep + `"}`,
		`{"a": "\"` + deep + `\\"}`,
		`{"a\"[[": "\\\\", "b": "` + deep + `"}`,
	} {
		if _, err := jsonpayload.Lookup([]byte(doc), "b", jsonpayload.Text); errors.Is(err, jsonpayload.ErrInvalidDocument) {
			t.Errorf("brackets inside strings counted: %v", err)
		}
	}
	// A string escape that ends in a backslash must not hide the brackets
	// after the string.
	doc := `["\\",` + strings.Repeat("[", jsonpayload.MaxDepth) + strings.Repeat("]", jsonpayload.MaxDepth) + `]`
	if _, err := jsonpayload.Lookup([]byte(doc), "/0", jsonpayload.Text); !errors.Is(err, jsonpayload.ErrTooDeep) {
		t.Errorf("brackets after \"\\\\\": %v, want ErrTooDeep", err)
	}
}

func TestMaxDepthInEmbeddedJSON(t *testing.T) {
	inner := func(d int) string { return strings.Repeat("[", d) + strings.Repeat("]", d) }
	doc := []byte(`{"ok": "` + inner(jsonpayload.MaxDepth) + `", "deep": "` + inner(jsonpayload.MaxDepth+1) + `"}`)
	if _, err := jsonpayload.Lookup(doc, "ok", jsonpayload.JSON); err != nil {
		t.Errorf("embedded at MaxDepth: %v", err)
	}
	if _, err := jsonpayload.Lookup(doc, "deep", jsonpayload.JSON); !errors.Is(err, jsonpayload.ErrType) {
		t.Errorf("embedded at MaxDepth+1: %v, want ErrType", err)
	}
}

func TestMaxPathLength(t *testing.T) {
	key := strings.Repeat("k", jsonpayload.MaxPathLength-1)
	doc := []byte(`{"` + key + `": "v"}`)
	if got, err := jsonpayload.Lookup(doc, "/"+key, jsonpayload.Text); err != nil || got != "v" {
		t.Errorf("at MaxPathLength: %q, %v", got, err)
	}
	_, err := jsonpayload.Compile([]jsonpayload.Rule{{Path: "/" + key + "k", FieldID: "1"}})
	var e *jsonpayload.Error
	if !errors.Is(err, jsonpayload.ErrPathTooLong) || !errors.As(err, &e) || e.Offset != jsonpayload.MaxPathLength {
		t.Errorf("at MaxPathLength+1: %v, want ErrPathTooLong", err)
	}
}
