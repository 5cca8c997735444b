package refsig_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

// fuzzKeys are the keys the fuzz targets sign and verify with: k1 signs;
// other1 has k1's id and another secret; k2 is another id.
type fuzzKeys struct {
	k1, other1, k2         refsig.Key
	keys, wrongKey, noKey1 refsig.Keys
}

func newFuzzKeys(tb testing.TB) fuzzKeys {
	var f fuzzKeys
	f.k1, f.other1, f.k2 = mustKey(tb, "k1", secret1), mustKey(tb, "k1", secret2), mustKey(tb, "k2", secret2)
	f.keys = mustKeys(tb, f.k1, f.k2)
	f.wrongKey = mustKeys(tb, f.other1, f.k2)
	f.noKey1 = mustKeys(tb, f.k2)
	return f
}

// fuzzRef builds a ref from fuzz strings: JSON when doc is set, else a
// name, payload and up to two fields.
func fuzzRef(name, payload, id1, v1, id2, v2, doc string) refparam.Ref {
	if doc != "" {
		return refparam.Ref{Name: name, JSON: []byte(doc)}
	}
	r := refparam.Ref{Name: name, Payload: payload}
	if id1 != "" {
		r.Fields = append(r.Fields, refparam.Field{ID: id1, Value: v1})
	}
	if id2 != "" {
		r.Fields = append(r.Fields, refparam.Field{ID: id2, Value: v2})
	}
	return r
}

// FuzzSignVerify: every ref that signs verifies back to itself, agrees with
// the slow reference, and parses as itself plus the signature field; it
// fails once expired, under another secret and under a retired key; and
// flipping, inserting or deleting any byte makes Verify fail, never as
// "expired".
func FuzzSignVerify(f *testing.F) {
	seeds := []struct {
		name, payload, id1, v1, id2, v2, doc string
	}{
		{"login", "83121", "", "", "", "", ""},
		{"login", "", "", "", "", "", ""},
		{"loginxyz", "123456789012", "", "", "", "", ""},
		{"tutorial", "value1", "738", "value2", "514", "value3", ""},
		{"g", "", "738", "", "", "", ""},
		{"g", "", "", "", "", "", `{"a":1}`},
		{"g", "", "", "", "", "", `[">"]`},
		{"café", "naïve", "1", "é", "", "", ""},
	}
	for i, s := range seeds {
		f.Add(s.name, s.payload, s.id1, s.v1, s.id2, s.v2, s.doc, int64(900), uint16(i*7), byte('x'), uint8(i))
	}
	fk := newFuzzKeys(f)
	f.Fuzz(func(t *testing.T, name, payload, id1, v1, id2, v2, doc string, ttl int64, pos uint16, b byte, op uint8) {
		r := fuzzRef(name, payload, id1, v1, id2, v2, doc)
		exp := t0.Add(time.Duration(ttl) * time.Second)
		s, err := refsig.Sign(r, fk.k1, exp)
		slow, slowErr := slowSign(r, "k1", secret1, exp)
		if err != nil {
			var e *refsig.Error
			if !errors.As(err, &e) || e.Func != "Sign" || s != "" {
				t.Fatalf("Sign(%#v) = %q, %v: not a *refsig.Error from Sign", r, s, err)
			}
			inRange := exp.Unix() >= 0 && exp.Unix() <= refsig.MaxExpiryUnix
			if slowErr == nil && inRange && len(slow) <= refparam.MaxLen {
				t.Fatalf("Sign(%#v) failed (%v), the slow reference signs %q", r, err, slow)
			}
			return
		}
		if slowErr != nil || s != slow {
			t.Fatalf("Sign(%#v) = %q, slow reference = %q, %v", r, s, slow, slowErr)
		}
		if !sigTail.MatchString(s) {
			t.Fatalf("Sign(%#v) = %q: the signature does not match %v", r, s, sigTail)
		}

		// Round trip, just before expiry.
		now := time.Unix(exp.Unix()-1, 0)
		got, err := refsig.Verify(s, fk.keys, now)
		if err != nil {
			t.Fatalf("Verify(Sign(%#v) = %q): %v", r, s, err)
		}
		if !got.Equal(r) {
			t.Fatalf("Verify(%q) = %#v, want %#v", s, got, r)
		}
		if slowGot, ok := slowVerify(s, map[string][]byte{"k1": secret1}, now); !ok || !slowGot.Equal(r) {
			t.Fatalf("slowVerify(%q) = %#v, %v", s, slowGot, ok)
		}
		// A reader that does not verify sees r and one more field.
		if len(r.JSON) == 0 {
			parsed, err := refparam.Parse(s)
			want := r
			want.Fields = append(want.Fields[:len(want.Fields):len(want.Fields)], refparam.Field{ID: "k1", Value: s[len(s)-27:]})
			if err != nil || !parsed.Equal(want) {
				t.Fatalf("refparam.Parse(%q) = %#v, %v; want %#v", s, parsed, err, want)
			}
		}

		// Expired, other secret, retired key.
		if _, err := refsig.Verify(s, fk.keys, exp); !errors.Is(err, refsig.ErrExpired) {
			t.Fatalf("Verify(%q) at expiry: %v, want ErrExpired", s, err)
		}
		if _, err := refsig.Verify(s, fk.wrongKey, now); !errors.Is(err, refsig.ErrBadSignature) {
			t.Fatalf("Verify(%q) with another secret: %v, want ErrBadSignature", s, err)
		}
		if _, err := refsig.Verify(s, fk.noKey1, now); !errors.Is(err, refsig.ErrUnknownKey) {
			t.Fatalf("Verify(%q) with k1 retired: %v, want ErrUnknownKey", s, err)
		}
		if s2 := mustSign(t, r, fk.k2, exp); s2 == s {
			t.Fatalf("k1 and k2 sign %#v the same", r)
		}

		// Tamper with one byte.
		var mut string
		switch i := int(pos); op % 3 {
		case 0: // flip
			i %= len(s)
			x := b
			if x == 0 {
				x = 1
			}
			mut = s[:i] + string(s[i]^x) + s[i+1:]
		case 1: // insert
			i %= len(s) + 1
			mut = s[:i] + string(b) + s[i:]
		case 2: // delete
			i %= len(s)
			mut = s[:i] + s[i+1:]
		}
		got, err = refsig.Verify(mut, fk.keys, now)
		if err == nil {
			t.Fatalf("Verify(%q), %q tampered, = %#v, nil", mut, s, got)
		}
		if errors.Is(err, refsig.ErrExpired) {
			t.Fatalf("Verify(%q), %q tampered: %v", mut, s, err)
		}
		if !reflect.DeepEqual(got, refparam.Ref{}) {
			t.Fatalf("Verify(%q) returned %#v with an error", mut, got)
		}
	})
}

// FuzzVerify: on any input and time Verify does not panic, returns a Ref
// only without an error, classifies every failure with exactly one sentinel
// and an offset inside the input (-1 for a now before the epoch), gives the
// same answer twice, and agrees with the slow reference; whatever it
// accepts is exactly what Sign writes.
func FuzzVerify(f *testing.F) {
	fk := newFuzzKeys(f)
	for _, r := range []refparam.Ref{
		{Name: "login", Payload: "83121"},
		{Name: "login"},
		{Name: "g", Fields: []refparam.Field{{ID: "738", Value: ""}}},
		{Name: "g", JSON: []byte(`[">"]`)},
	} {
		f.Add(mustSign(f, r, fk.k1, expiry0), t0.Unix(), int32(0))
		f.Add(mustSign(f, r, fk.k2, expiry0), t0.Unix(), int32(0))
	}
	for _, s := range []string{"", "--", "----", "login--83121", "a--k1--", "--k1--0000000000000000000000000000", "a---k1--1LG97M4QJ5F9SHNOG1KGQ8BO9DD"} {
		f.Add(s, t0.Unix(), int32(0))
	}
	login := mustSign(f, refparam.Ref{Name: "login", Payload: "83121"}, fk.k1, expiry0)
	for _, now := range []time.Time{{}, time.Unix(-1, 5e8), time.Unix(0, 0), expiry0.Add(-time.Nanosecond), expiry0} {
		f.Add(login, now.Unix(), int32(now.Nanosecond()))
	}
	secrets := map[string][]byte{"k1": secret1, "k2": secret2}
	sentinels := []error{refsig.ErrMalformed, refsig.ErrUnknownKey, refsig.ErrBadSignature, refsig.ErrExpired, refsig.ErrNowRange}
	f.Fuzz(func(t *testing.T, s string, sec int64, nsec int32) {
		now := time.Unix(sec, int64(nsec))
		got, err := refsig.Verify(s, fk.keys, now)
		got2, err2 := refsig.Verify(s, fk.keys, now)
		if !reflect.DeepEqual(got, got2) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("Verify(%q) twice: %#v, %v then %#v, %v", s, got, err, got2, err2)
		}
		slowGot, slowOK := slowVerify(s, secrets, now)
		if (err == nil) != slowOK {
			t.Fatalf("Verify(%q, %v) = %v; slow reference ok = %v", s, now, err, slowOK)
		}
		if err != nil {
			if !reflect.DeepEqual(got, refparam.Ref{}) {
				t.Fatalf("Verify(%q) returned %#v with error %v", s, got, err)
			}
			var e *refsig.Error
			if !errors.As(err, &e) || e.Func != "Verify" || e.Input != s {
				t.Fatalf("Verify(%q): %#v is not a *refsig.Error for this input", s, err)
			}
			if errors.Is(err, refsig.ErrNowRange) != (e.Offset == -1) {
				t.Fatalf("Verify(%q, %v): offset %d for %v", s, now, e.Offset, err)
			}
			if e.Offset < -1 || e.Offset > len(s) && !(e.Offset == refparam.MaxLen && len(s) > refparam.MaxLen) {
				t.Fatalf("Verify(%q): offset %d outside the input", s, e.Offset)
			}
			n := 0
			for _, want := range sentinels {
				if errors.Is(err, want) {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("Verify(%q): %v matches %d sentinels, want 1", s, err, n)
			}
			return
		}
		if diff := cmp.Diff(slowGot, got); diff != "" {
			t.Fatalf("Verify(%q) mismatch with the slow reference (-slow +got):\n%s", s, diff)
		}
		// Only Sign's exact output verifies: sign the result again.
		i := strings.LastIndex(s[:len(s)-29], "--")
		k, _ := fk.keys.Lookup(s[i+2 : len(s)-29])
		exp := s[len(s)-27 : len(s)-20]
		var unix int64
		for _, c := range exp {
			unix = unix<<5 | int64(strings.IndexRune("0123456789ABCDEFGHIJKLMNOPQRSTUV", c))
		}
		if again := mustSign(t, got, k, time.Unix(unix, 0)); again != s {
			t.Fatalf("Verify(%q) accepted text that Sign writes as %q", s, again)
		}
	})
}

// FuzzKey: for any secret and key id, NewKey accepts exactly what the rules
// say, and Sign's MAC agrees with crypto/hmac (through the slow reference),
// including secrets longer than the SHA-256 block, which HMAC hashes.
func FuzzKey(f *testing.F) {
	f.Add("k1", secret1, "login--83121", int64(1795464900))
	f.Add("key1", []byte(strings.Repeat("long secret ", 12)), "g----738--v", int64(0))
	f.Add("K", make([]byte, 64), "a", int64(refsig.MaxExpiryUnix))
	f.Add("1k", make([]byte, 31), "a", int64(1))
	f.Fuzz(func(t *testing.T, id string, secret []byte, ref string, exp int64) {
		k, err := refsig.NewKey(id, secret)
		validID := len(id) >= 1 && len(id) <= refsig.MaxKeyIDLen && !strings.ContainsFunc(id, func(c rune) bool {
			return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_')
		}) && !('0' <= id[0] && id[0] <= '9' || id[0] == '_')
		switch {
		case !validID:
			if !errors.Is(err, refsig.ErrKeyID) {
				t.Fatalf("NewKey(%q, %d bytes) = %v, want ErrKeyID", id, len(secret), err)
			}
			return
		case len(secret) < refsig.MinKeyLen:
			if !errors.Is(err, refsig.ErrWeakKey) {
				t.Fatalf("NewKey(%q, %d bytes) = %v, want ErrWeakKey", id, len(secret), err)
			}
			return
		case err != nil:
			t.Fatalf("NewKey(%q, %d bytes): %v", id, len(secret), err)
		}
		r, err := refparam.Parse(ref)
		if err != nil || exp < 0 || exp > refsig.MaxExpiryUnix {
			return
		}
		expiry := time.Unix(exp, 0)
		s, err := refsig.Sign(r, k, expiry)
		slow, slowErr := slowSign(r, id, secret, expiry)
		if (err == nil) != (slowErr == nil && len(slow) <= refparam.MaxLen) || err == nil && s != slow {
			t.Fatalf("Sign(%q, NewKey(%q, %x), %d) = %q, %v; slow reference %q, %v", ref, id, secret, exp, s, err, slow, slowErr)
		}
	})
}
