package refsig

import (
	"errors"
	"testing"
	"time"
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
