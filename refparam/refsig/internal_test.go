package refsig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/entrylink/entrylink/refparam"
)

// TestVerifyUnparsableRef covers the last check of Verify, which no text
// that Sign writes reaches: an authentic tag over text refparam rejects.
func TestVerifyUnparsableRef(t *testing.T) {
	k, err := NewKey("k1", []byte("test secret one, 32 bytes long!!"))
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := NewKeys(k)
	exp := time.Date(2026, 11, 23, 20, 15, 0, 0, time.UTC).Unix()
	ref := "login--a\x01b" // a control character: refparam.Parse fails at offset 8
	mac := sum(&k, exp, ref)
	b := append([]byte(ref), "--k1--"...)
	b = appendExpiry(b, exp)
	s := string(appendTag(b, &mac))

	r, err := Verify(s, keys, time.Unix(exp-60, 0))
	var e *Error
	if !errors.Is(err, ErrMalformed) || !errors.As(err, &e) || e.Offset != 8 || r.Name != "" {
		t.Fatalf("Verify(%q) = %#v, %v; want ErrMalformed at offset 8", s, r, err)
	}
	if errors.Is(err, ErrBadSignature) {
		t.Fatalf("Verify(%q): %v matches ErrBadSignature too", s, err)
	}
}

// TestDigits: the expiry digits round-trip at both ends of the range.
func TestDigits(t *testing.T) {
	for _, v := range []int64{0, 1, 31, 32, 1795464900, MaxExpiryUnix} {
		b := appendExpiry(nil, v)
		got, bad := parseDigits(string(b))
		if len(b) != expiryLen || bad >= 0 || got != v {
			t.Errorf("parseDigits(appendExpiry(%d) = %q) = %d, %d", v, b, got, bad)
		}
	}
	if _, bad := parseDigits("00W"); bad != 2 {
		t.Errorf(`parseDigits("00W") bad = %d, want 2`, bad)
	}
}

// keyMaterial returns the key material k holds, the slices that Sign and
// Verify read, so that a test can overwrite it in place.
func keyMaterial(k Key) [][]byte { return [][]byte{k.m.s.inner, k.m.s.outer} }

// TestKeyMaterialNotPrinted: nothing a program prints a Key or Keys with
// shows key material, wherever the Key is held, including struct fields
// that fmt cannot call methods on (unexported ones). The oracle: every
// output is the same after the key material is overwritten in place (same
// addresses, other bytes), so no output depends on it.
func TestKeyMaterialNotPrinted(t *testing.T) {
	k, err := NewKey("k1", []byte("test secret one, 32 bytes long!!"))
	if err != nil {
		t.Fatal(err)
	}
	ks, err := NewKeys(k)
	if err != nil {
		t.Fatal(err)
	}
	type unexported struct {
		k  Key
		ks Keys
	}
	type exported struct {
		K  Key
		KS Keys
	}
	type nested struct {
		u unexported
		E exported
		p *unexported
		a any
		s []Key
		m map[string]Keys
	}
	values := []any{
		k, &k, ks, &ks, []Key{k}, map[string]Key{"a": k},
		unexported{k, ks}, &unexported{k, ks}, exported{k, ks}, &exported{k, ks},
		nested{unexported{k, ks}, exported{k, ks}, &unexported{k, ks}, k, []Key{k}, map[string]Keys{"a": ks}},
	}
	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	type output struct{ how, v, out string }
	print := func() []output {
		var out []output
		for _, v := range values {
			typ := fmt.Sprintf("%T", v)
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%X", "%q"} {
				out = append(out, output{"fmt " + verb, typ, fmt.Sprintf(verb, v)})
			}
			j, err := json.Marshal(v)
			out = append(out, output{"json.Marshal", typ, fmt.Sprint(string(j), err)})
			var b bytes.Buffer
			slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("m", "v", v)
			slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("m", "v", v)
			out = append(out, output{"slog", typ, b.String()})
		}
		return out
	}

	ref := refparam.Ref{Name: "login", Payload: "83121"}
	exp := time.Date(2026, 11, 23, 20, 15, 0, 0, time.UTC)
	signed, _ := Sign(ref, k, exp)
	before := print()
	for _, m := range keyMaterial(k) {
		for i := range m {
			m[i] ^= 0xa5
		}
	}
	// The overwritten bytes are the live key material: Sign now differs.
	// (Sign either fails, on a state that no longer unmarshals, or signs
	// differently.)
	func() {
		defer func() { _ = recover() }()
		if s, err := Sign(ref, k, exp); err == nil && s == signed {
			t.Fatalf("keyMaterial(k) is not what Sign reads: Sign still gives %q", s)
		}
	}()
	after := print()
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("%s of a %s shows key material:\n%s\nthen\n%s", before[i].how, before[i].v, before[i].out, after[i].out)
		}
	}

	// What encoding/json and slog's JSON handler write: the String forms.
	j, err := json.Marshal(exported{k, ks})
	if want := `{"K":"refsig.Key(k1)","KS":"refsig.Keys(k1)"}`; err != nil || string(j) != want {
		t.Errorf("json.Marshal(exported) = %s, %v; want %s", j, err, want)
	}
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("m", "k", k, "ks", ks)
	if got, want := b.String(), `{"level":"INFO","msg":"m","k":"refsig.Key(k1)","ks":"refsig.Keys(k1)"}`+"\n"; got != want {
		t.Errorf("slog JSON = %s, want %s", got, want)
	}
}
