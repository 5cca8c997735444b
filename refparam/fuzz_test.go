package refparam_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/refparam"
)

func addParseSeeds(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range formatTests {
		f.Add(tt.want)
	}
	f.Add("a--1--" + strings.Repeat("v", refparam.MaxLen-7))
	f.Add("a–1–" + strings.Repeat("v", refparam.MaxLen-9))
}

// FuzzReference checks Parse against the slow reference parser: the same
// Ref, or the same sentinel error at the same offset.
func FuzzReference(f *testing.F) {
	addParseSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := refparam.Parse(s)
		want, wantOff, wantErr := slowParse(s)
		if wantErr != nil {
			if !errors.Is(err, wantErr) {
				t.Fatalf("Parse(%q) error = %v, reference says %v at %d", s, err, wantErr, wantOff)
			}
			var se *refparam.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %T is not a *SyntaxError", s, err)
			}
			// The reference does not locate errors inside a JSON document,
			// a percent-encoding or base64url (it points at the JSON part);
			// everything else must agree exactly.
			located := wantErr == refparam.ErrJSON || wantErr == refparam.ErrPercent || wantErr == refparam.ErrBase64
			if !located && se.Offset != wantOff {
				t.Fatalf("Parse(%q) error at offset %d, reference says %v at %d", s, se.Offset, wantErr, wantOff)
			}
			return
		}
		if err != nil {
			t.Fatalf("Parse(%q) error %v, reference accepts it as %#v", s, err, want)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Parse(%q) disagrees with the reference (-ref +Parse):\n%s", s, diff)
		}
	})
}

// FuzzCanonical checks that every text Parse accepts has a canonical form
// that parses to the same Ref and is a fixed point, in both JSON
// encodings, and that Parse is pure.
func FuzzCanonical(f *testing.F) {
	addParseSeeds(f)
	b64 := refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL)
	f.Fuzz(func(t *testing.T, s string) {
		r, err := refparam.Parse(s)
		if err != nil {
			var se *refparam.SyntaxError
			if !errors.As(err, &se) || se.Input != s || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("Parse(%q) error %#v: not a *SyntaxError with an offset in the input", s, err)
			}
			return
		}
		again, _ := refparam.Parse(s)
		if diff := cmp.Diff(r, again); diff != "" {
			t.Fatalf("Parse(%q) is not pure (-first +second):\n%s", s, diff)
		}
		for _, enc := range []refparam.Encoder{{}, b64} {
			canon, err := enc.Encode(r)
			if err != nil {
				// Base64url grows a document by a third; only that may
				// push accepted text past the limit.
				if enc == b64 && errors.Is(err, refparam.ErrTooLong) {
					continue
				}
				t.Fatalf("Parse(%q) = %#v, which does not encode (%v): %v", s, r, enc.JSONEncoding(), err)
			}
			back, err := refparam.Parse(canon)
			if err != nil {
				t.Fatalf("Parse(%q) of the canonical text of %q: %v", canon, s, err)
			}
			if diff := cmp.Diff(r, back); diff != "" {
				t.Fatalf("canonical text %q of %q reads differently (-want +got):\n%s", canon, s, diff)
			}
			if canon2, _ := enc.Encode(back); canon2 != canon {
				t.Fatalf("canonical text is not a fixed point: %q, then %q", canon, canon2)
			}
		}
	})
}

// FuzzRoundTrip builds Refs from parts and checks that every one that
// encodes parses back equal, and that every one that does not gets an
// *EncodeError naming a part.
func FuzzRoundTrip(f *testing.F) {
	f.Add("giveaway", "456", "738", "value2", "514", "value3", uint8(2), "", false)
	f.Add("giveaway", "", "738", "", "", "", uint8(1), "", false)
	f.Add("g", "", "", "", "", "", uint8(0), `{"a":"x--y"}`, true)
	f.Add("g", "", "", "", "", "", uint8(0), "[\"\u0bfe\"]", true)
	f.Add("a-b", "jsondata", "1", "x–y", "-", "", uint8(2), "", false)
	f.Add("", "", "", "", "", "", uint8(0), "", false)
	f.Add("xjsondata", "", "", "", "", "", uint8(0), `{}`, false)
	f.Fuzz(func(t *testing.T, name, payload, id1, v1, id2, v2 string, nfields uint8, doc string, base64 bool) {
		r := refparam.Ref{Name: name, Payload: payload}
		pairs := []refparam.Field{{ID: id1, Value: v1}, {ID: id2, Value: v2}}
		if n := int(nfields % 3); n > 0 {
			r.Fields = pairs[:n]
		}
		if doc != "" {
			r.JSON = []byte(doc)
		}
		enc := refparam.Encoder{}
		if base64 {
			enc = enc.WithJSONEncoding(refparam.JSONBase64URL)
		}
		s, err := enc.Encode(r)
		if r.IsZero() {
			// The zero Ref is "no ref": it writes as the empty text,
			// which UnmarshalText (not Parse) reads back.
			var back refparam.Ref
			if err != nil || s != "" || back.UnmarshalText([]byte(s)) != nil || !back.IsZero() {
				t.Fatalf("zero Ref: Encode = %q, %v", s, err)
			}
			return
		}
		if err != nil {
			var ee *refparam.EncodeError
			if !errors.As(err, &ee) || ee.Err == nil {
				t.Fatalf("Encode(%#v) error %v is not an *EncodeError", r, err)
			}
			if s != "" || r.String() != "" && !base64 {
				t.Fatalf("Encode(%#v) failed (%v) but wrote text", r, err)
			}
			return
		}
		back, err := refparam.Parse(s)
		if err != nil {
			t.Fatalf("Encode(%#v) = %q, which Parse rejects: %v", r, s, err)
		}
		if !back.Equal(r) {
			t.Fatalf("Encode(%#v) = %q, which parses to %#v", r, s, back)
		}
	})
}
