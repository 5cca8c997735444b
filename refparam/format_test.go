package refparam_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entrylink/entrylink/refparam"
)

var formatTests = []struct {
	name string
	ref  refparam.Ref
	want string
}{
	{"name only", refparam.Ref{Name: "giveaway"}, "giveaway"},
	{"payload", refparam.Ref{Name: "giveaway", Payload: "456"}, "giveaway--456"},
	{"payload and pairs", refparam.Ref{Name: "tutorial", Payload: "value1", Fields: f("738", "value2", "514", "value3")},
		"tutorial--value1--738--value2--514--value3"},
	{"pairs write the default slot", refparam.Ref{Name: "giveaway", Fields: f("738", "value2")}, "giveaway----738--value2"},
	{"empty field value", refparam.Ref{Name: "g", Fields: f("738", "")}, "g----738--"},
	{"empty non-nil fields", refparam.Ref{Name: "g", Fields: []refparam.Field{}}, "g"},
	{"single hyphens", refparam.Ref{Name: "spring-sale", Payload: "a-b"}, "spring-sale--a-b"},
	{"JSON raw", refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}, `giveawayjsondata--{"a":1}`},
	{"JSON array", refparam.Ref{Name: "g", JSON: []byte(`[1,"--"]`)}, `gjsondata--[1,"--"]`},
	{"empty JSON is none", refparam.Ref{Name: "g", Payload: "p", JSON: []byte{}}, "g--p"},
	{"name with jsondata inside", refparam.Ref{Name: "jsondatax"}, "jsondatax"},
	{"field id jsondata", refparam.Ref{Name: "g", Fields: f("jsondata", "v")}, "g----jsondata--v"},
}

func TestFormat(t *testing.T) {
	for _, tt := range formatTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ref.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			b, err := tt.ref.MarshalText()
			if err != nil || string(b) != tt.want {
				t.Errorf("MarshalText() = %q, %v; want %q", b, err, tt.want)
			}
			b, err = tt.ref.AppendText([]byte("x="))
			if err != nil || string(b) != "x="+tt.want {
				t.Errorf("AppendText(x=) = %q, %v; want %q", b, err, "x="+tt.want)
			}
			if n, err := (refparam.Encoder{}).EncodedLen(tt.ref); err != nil || n != len(tt.want) {
				t.Errorf("EncodedLen() = %d, %v; want %d", n, err, len(tt.want))
			}
			back, err := refparam.Parse(tt.want)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.want, err)
			}
			if !back.Equal(tt.ref) {
				t.Errorf("Parse(%q) = %#v, want %#v", tt.want, back, tt.ref)
			}
		})
	}
}

func TestEncoderBase64URL(t *testing.T) {
	enc := refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL)
	if got := enc.JSONEncoding(); got != refparam.JSONBase64URL {
		t.Errorf("JSONEncoding() = %v", got)
	}
	if got := (refparam.Encoder{}).JSONEncoding(); got != refparam.JSONRaw {
		t.Errorf("zero Encoder JSONEncoding() = %v, want raw", got)
	}
	tests := []struct {
		ref  refparam.Ref
		want string
	}{
		{refparam.Ref{Name: "giveaway", JSON: []byte(`{"a":1}`)}, "giveawayjsondata--eyJhIjoxfQ"},
		{refparam.Ref{Name: "giveaway", JSON: []byte("{\"k\":\"\u0bfe\"}")}, "giveawayjsondata--eyJrIjoi4K--In0"},
		// Without JSON the encoding makes no difference.
		{refparam.Ref{Name: "g", Payload: "p", Fields: f("1", "v")}, "g--p--1--v"},
	}
	for _, tt := range tests {
		got, err := enc.Encode(tt.ref)
		if err != nil || got != tt.want {
			t.Errorf("Encode(%v) = %q, %v; want %q", tt.ref, got, err, tt.want)
		}
		back, err := refparam.Parse(got)
		if err != nil || !back.Equal(tt.ref) {
			t.Errorf("Parse(%q) = %v, %v; want %v", got, back, err, tt.ref)
		}
	}
}

func TestEncoderInvalidJSONEncodingPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("WithJSONEncoding(7) did not panic")
		}
	}()
	refparam.Encoder{}.WithJSONEncoding(7)
}

func TestFormatErrors(t *testing.T) {
	tests := []struct {
		name string
		ref  refparam.Ref
		want *refparam.EncodeError // Value is filled from the ref
	}{
		{"no name", refparam.Ref{Payload: "p"}, &refparam.EncodeError{Part: refparam.PartName, Err: refparam.ErrEmptyName}},
		{"name with separator", refparam.Ref{Name: "a--b"},
			&refparam.EncodeError{Part: refparam.PartName, Value: "a--b", Offset: 1, Err: refparam.ErrSeparator}},
		{"name with en dash", refparam.Ref{Name: "a–b"},
			&refparam.EncodeError{Part: refparam.PartName, Value: "a–b", Offset: 1, Err: refparam.ErrSeparator}},
		{"payload with hyphen pair", refparam.Ref{Name: "a", Payload: "x-\u2010y"},
			&refparam.EncodeError{Part: refparam.PartPayload, Value: "x-\u2010y", Offset: 1, Err: refparam.ErrSeparator}},
		{"payload with typographic hyphen", refparam.Ref{Name: "a", Payload: "x\u2011y"},
			&refparam.EncodeError{Part: refparam.PartPayload, Value: "x\u2011y", Offset: 1, Err: refparam.ErrTypographicDash}},
		{"name ends with hyphen", refparam.Ref{Name: "a-"},
			&refparam.EncodeError{Part: refparam.PartName, Value: "a-", Offset: 1, Err: refparam.ErrEdgeHyphen}},
		{"value starts with hyphen", refparam.Ref{Name: "a", Fields: f("1", "-5")},
			&refparam.EncodeError{Part: refparam.PartFieldValue, Value: "-5", Offset: 0, Err: refparam.ErrEdgeHyphen}},
		{"empty field id", refparam.Ref{Name: "a", Fields: f("1", "x", "", "y")},
			&refparam.EncodeError{Part: refparam.PartFieldID, Index: 1, Err: refparam.ErrEmptyFieldID}},
		{"field id with separator", refparam.Ref{Name: "a", Fields: f("1", "x", "7--8", "y")},
			&refparam.EncodeError{Part: refparam.PartFieldID, Index: 1, Value: "7--8", Offset: 1, Err: refparam.ErrSeparator}},
		{"name ends in jsondata", refparam.Ref{Name: "xjsondata"},
			&refparam.EncodeError{Part: refparam.PartName, Value: "xjsondata", Offset: 1, Err: refparam.ErrJSONMarker}},
		{"payload is jsondata", refparam.Ref{Name: "x", Payload: "jsondata"},
			&refparam.EncodeError{Part: refparam.PartPayload, Value: "jsondata", Err: refparam.ErrJSONMarker}},
		{"JSON with payload", refparam.Ref{Name: "x", Payload: "p", JSON: []byte(`{}`)},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: `{}`, Err: refparam.ErrJSONMixed}},
		{"JSON with fields", refparam.Ref{Name: "x", Fields: f("1", "2"), JSON: []byte(`{}`)},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: `{}`, Err: refparam.ErrJSONMixed}},
		{"invalid JSON", refparam.Ref{Name: "x", JSON: []byte(`{"a":}`)},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: `{"a":}`, Offset: 5, Err: refparam.ErrJSON}},
		{"scalar JSON", refparam.Ref{Name: "x", JSON: []byte(`1`)},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: `1`, Err: refparam.ErrJSON}},
		{"JSON with leading space", refparam.Ref{Name: "x", JSON: []byte(` {}`)},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: ` {}`, Err: refparam.ErrJSON}},
		{"indented JSON", refparam.Ref{Name: "x", JSON: []byte("{\n}")},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: "{\n}", Offset: 1, Err: refparam.ErrControl}},
		{"JSON invalid UTF-8", refparam.Ref{Name: "x", JSON: []byte("[\"\xff\"]")},
			&refparam.EncodeError{Part: refparam.PartJSON, Value: "[\"\xff\"]", Offset: 2, Err: refparam.ErrUTF8}},
		{"control in value", refparam.Ref{Name: "x", Payload: "a\tb"},
			&refparam.EncodeError{Part: refparam.PartPayload, Value: "a\tb", Offset: 1, Err: refparam.ErrControl}},
		{"invalid UTF-8 in name", refparam.Ref{Name: "x\xc3"},
			&refparam.EncodeError{Part: refparam.PartName, Value: "x\xc3", Offset: 1, Err: refparam.ErrUTF8}},
		{"too long", refparam.Ref{Name: "x", Payload: strings.Repeat("p", refparam.MaxLen-2)},
			&refparam.EncodeError{Part: refparam.PartText, Len: refparam.MaxLen + 1, Err: refparam.ErrTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.ref.AppendText([]byte("keep"))
			if string(b) != "keep" {
				t.Errorf("AppendText changed b on error: %q", b)
			}
			var ee *refparam.EncodeError
			if !errors.As(err, &ee) {
				t.Fatalf("AppendText error = %v, want *EncodeError", err)
			}
			if diff := cmp.Diff(*tt.want, *ee, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("EncodeError mismatch (-want +got):\n%s", diff)
			}
			if !errors.Is(err, tt.want.Err) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want.Err)
			}
			if s := tt.ref.String(); s != "" {
				t.Errorf("String() = %q for an invalid Ref, want \"\"", s)
			}
			if err := (refparam.Encoder{}).Check(tt.ref); !errors.Is(err, tt.want.Err) {
				t.Errorf("Check() = %v, want %v", err, tt.want.Err)
			}
		})
	}
}

func TestFormatMaxLen(t *testing.T) {
	atLimit := refparam.Ref{Name: "x", Payload: strings.Repeat("p", refparam.MaxLen-3)}
	s, err := refparam.Encoder{}.Encode(atLimit)
	if err != nil || len(s) != refparam.MaxLen {
		t.Fatalf("Encode at the limit: %d bytes, %v", len(s), err)
	}
	if _, err := refparam.Parse(s); err != nil {
		t.Errorf("Parse of the encoder's longest output: %v", err)
	}
	// Base64url grows the JSON by a third: the limit is on the output.
	doc := []byte(`["` + strings.Repeat("a", 6200) + `"]`)
	if _, err := (refparam.Encoder{}).Encode(refparam.Ref{Name: "x", JSON: doc}); err != nil {
		t.Errorf("raw JSON of %d bytes: %v", len(doc), err)
	}
	_, err = refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL).Encode(refparam.Ref{Name: "x", JSON: doc})
	if !errors.Is(err, refparam.ErrTooLong) {
		t.Errorf("base64url JSON of %d bytes: %v, want ErrTooLong", len(doc), err)
	}
}

func TestEncodeErrorMessage(t *testing.T) {
	tests := []struct {
		ref  refparam.Ref
		want string
	}{
		{refparam.Ref{Name: "g", Fields: f("1", "a--b")}, `refparam: field 0 value "a--b": contains a separator at offset 1`},
		{refparam.Ref{Name: "g", Fields: f("", "x")}, `refparam: field 0 id "": empty field id`},
		{refparam.Ref{Fields: f("1", "x")}, `refparam: name "": empty name`},
		{refparam.Ref{Name: "g", Payload: strings.Repeat("p", refparam.MaxLen)},
			`refparam: encoded text is 8195 bytes: longer than 8192 bytes`},
	}
	for _, tt := range tests {
		_, err := tt.ref.MarshalText()
		if err == nil || err.Error() != tt.want {
			t.Errorf("MarshalText(%#v) error = %v, want %s", tt.ref, err, tt.want)
		}
	}
}

func TestPartString(t *testing.T) {
	for p, want := range map[refparam.Part]string{
		refparam.PartName: "name", refparam.PartFieldValue: "field value", refparam.PartText: "encoded text", 42: "Part(42)",
	} {
		if got := p.String(); got != want {
			t.Errorf("Part(%d).String() = %q, want %q", p, got, want)
		}
	}
	if got := refparam.JSONBase64URL.String(); got != "base64url" {
		t.Errorf("JSONBase64URL.String() = %q", got)
	}
}

// The zero Ref is "no ref": it marshals to the empty text and back, as
// netip.Addr does, while Parse keeps rejecting the empty text.
func TestZeroRef(t *testing.T) {
	var zero refparam.Ref
	if !zero.IsZero() || (refparam.Ref{Fields: []refparam.Field{}}).IsZero() == false {
		t.Error("IsZero false for a Ref that carries nothing")
	}
	if (refparam.Ref{Payload: "p"}).IsZero() {
		t.Error("IsZero true for a Ref with a payload")
	}
	b, err := zero.MarshalText()
	if err != nil || len(b) != 0 {
		t.Errorf("MarshalText of the zero Ref = %q, %v; want empty", b, err)
	}
	if s := zero.String(); s != "" {
		t.Errorf("String of the zero Ref = %q", s)
	}
	r := refparam.MustParse("a--b")
	if err := r.UnmarshalText(nil); err != nil || !r.IsZero() {
		t.Errorf("UnmarshalText(\"\") = %#v, %v; want the zero Ref", r, err)
	}
	if _, err := refparam.Parse(""); !errors.Is(err, refparam.ErrEmptyName) {
		t.Errorf("Parse(\"\") error = %v, want ErrEmptyName", err)
	}
}
