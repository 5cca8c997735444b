package refsig_test

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

var (
	t0      = time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)
	expiry0 = t0.Add(15 * time.Minute)
	secret1 = []byte("test secret one, 32 bytes long!!")
	secret2 = []byte("test secret two, 32 bytes long!!")
)

func mustKey(tb testing.TB, id string, secret []byte) refsig.Key {
	tb.Helper()
	k, err := refsig.NewKey(id, secret)
	if err != nil {
		tb.Fatal(err)
	}
	return k
}

func mustKeys(tb testing.TB, keys ...refsig.Key) refsig.Keys {
	tb.Helper()
	ks, err := refsig.NewKeys(keys...)
	if err != nil {
		tb.Fatal(err)
	}
	return ks
}

func mustSign(tb testing.TB, r refparam.Ref, k refsig.Key, expiry time.Time) string {
	tb.Helper()
	s, err := refsig.Sign(r, k, expiry)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkError fails unless err is an *Error from fn wrapping want at offset
// off (off < -1 skips the offset check).
func checkError(t *testing.T, err error, fn string, want error, off int) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("error = %v, want %v", err, want)
	}
	var e *refsig.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *refsig.Error", err)
	}
	if e.Func != fn {
		t.Errorf("Error.Func = %q, want %q", e.Func, fn)
	}
	if off >= -1 && e.Offset != off {
		t.Errorf("Error.Offset = %d, want %d (%v)", e.Offset, off, err)
	}
}

func TestNewKey(t *testing.T) {
	tests := []struct {
		name    string
		id      string
		secret  []byte
		wantErr error
		wantOff int
	}{
		{"ok", "k1", secret1, nil, 0},
		{"one letter", "K", secret1, nil, 0},
		{"MaxKeyIDLen", strings.Repeat("a", refsig.MaxKeyIDLen), secret1, nil, 0},
		{"underscore and digits", "b_26", secret1, nil, 0},
		{"long secret is hashed", "k1", []byte(strings.Repeat("x", 200)), nil, 0},
		{"MinKeyLen", "k1", make([]byte, refsig.MinKeyLen), nil, 0},
		{"MinKeyLen-1", "k1", make([]byte, refsig.MinKeyLen-1), refsig.ErrWeakKey, -1},
		{"nil secret", "k1", nil, refsig.ErrWeakKey, -1},
		{"empty id", "", secret1, refsig.ErrKeyID, 0},
		{"MaxKeyIDLen+1", strings.Repeat("a", refsig.MaxKeyIDLen+1), secret1, refsig.ErrKeyID, refsig.MaxKeyIDLen},
		{"digit first", "1k", secret1, refsig.ErrKeyID, 0},
		{"underscore first", "_k", secret1, refsig.ErrKeyID, 0},
		{"hyphen", "k-1", secret1, refsig.ErrKeyID, 1},
		{"non-ASCII", "kä", secret1, refsig.ErrKeyID, 1},
		{"bad id beats weak secret", "k-", nil, refsig.ErrKeyID, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := refsig.NewKey(tt.id, tt.secret)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("NewKey(%q) error: %v", tt.id, err)
				}
				if k.ID() != tt.id {
					t.Errorf("ID() = %q, want %q", k.ID(), tt.id)
				}
				return
			}
			checkError(t, err, "NewKey", tt.wantErr, tt.wantOff)
			if k.ID() != "" {
				t.Errorf("failed NewKey returned a key %v", k)
			}
		})
	}
}

func TestNewKeys(t *testing.T) {
	k1, k2 := mustKey(t, "k1", secret1), mustKey(t, "k2", secret2)
	k1b := mustKey(t, "k1", secret2)
	if _, err := refsig.NewKeys(k1, k2, k1b); err == nil {
		t.Fatal("NewKeys with a duplicate id: no error")
	} else {
		checkError(t, err, "NewKeys", refsig.ErrDuplicateKeyID, -1)
	}
	if _, err := refsig.NewKeys(k1, refsig.Key{}); err == nil {
		t.Fatal("NewKeys with a zero Key: no error")
	} else {
		checkError(t, err, "NewKeys", refsig.ErrNoKey, -1)
	}
	in := []refsig.Key{k2, k1}
	ks := mustKeys(t, in...)
	in[0] = refsig.Key{} // the set must not share the caller's slice
	for _, id := range []string{"k1", "k2"} {
		if k, ok := ks.Lookup(id); !ok || k.ID() != id {
			t.Errorf("Lookup(%q) = %v, %v", id, k, ok)
		}
	}
	if k, ok := ks.Lookup("k3"); ok {
		t.Errorf("Lookup(k3) = %v, true", k)
	}
	if ks.Len() != 2 || (refsig.Keys{}).Len() != 0 {
		t.Errorf("Len() = %d, zero Keys Len() = %d", ks.Len(), (refsig.Keys{}).Len())
	}
}

// TestSecretNotPrinted: no fmt verb shows key material. Keys that differ
// only in their secret must print the same, whatever the verb.
func TestSecretNotPrinted(t *testing.T) {
	a, b := mustKey(t, "k1", secret1), mustKey(t, "k1", secret2)
	c := mustKey(t, "k2", secret2)
	as, bs := mustKeys(t, a, c), mustKeys(t, b, c)
	pairs := [][2]any{
		{a, b}, {&a, &b}, {[]refsig.Key{a}, []refsig.Key{b}}, {as, bs},
		{struct{ K refsig.Keys }{as}, struct{ K refsig.Keys }{bs}},
		{struct{ K refsig.Key }{a}, struct{ K refsig.Key }{b}},
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%q", "%d"} {
		for _, p := range pairs {
			if x, y := fmt.Sprintf(verb, p[0]), fmt.Sprintf(verb, p[1]); x != y {
				t.Errorf("Sprintf(%q, %T) shows the secret: %q vs %q", verb, p[0], x, y)
			}
		}
	}
	if got, want := fmt.Sprint(as), "refsig.Keys(k1,k2)"; got != want {
		t.Errorf("Sprint(keys) = %q, want %q", got, want)
	}
	if got, want := fmt.Sprint(a), "refsig.Key(k1)"; got != want {
		t.Errorf("Sprint(key) = %q, want %q", got, want)
	}
}

// TestKeyNotComparable: == on Keys would compare where their material is
// stored, not the secrets, so Key is not comparable.
func TestKeyNotComparable(t *testing.T) {
	if reflect.TypeFor[refsig.Key]().Comparable() || reflect.TypeFor[refsig.Keys]().Comparable() {
		t.Error("refsig.Key or refsig.Keys is comparable")
	}
}

// sigTail matches the signature at the end of a signed text.
var sigTail = regexp.MustCompile(`--[A-Za-z][A-Za-z0-9_]{0,3}--[0-9A-V]{27}$`)

// telegram is Telegram's start-parameter alphabet and length limit.
var telegram = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func TestSignVerify(t *testing.T) {
	k1 := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k1)
	tests := []struct {
		name string
		ref  refparam.Ref
		want string // the signed text
	}{
		{"name and payload", refparam.Ref{Name: "login", Payload: "83121"}, "login--83121--k1--1LG97M44TSCSSJNELAMU6JIBTJ9"},
		{"name only", refparam.Ref{Name: "login"}, "login--k1--1LG97M4JPADP0F0CIE3HON15FI9"},
		{"fields", refparam.Ref{Name: "g", Payload: "v1", Fields: []refparam.Field{{ID: "738", Value: "v2"}, {ID: "514", Value: "v3"}}}, ""},
		{"empty default and an empty value", refparam.Ref{Name: "g", Fields: []refparam.Field{{ID: "738", Value: ""}}}, ""},
		{"JSON", refparam.Ref{Name: "g", JSON: []byte(`{"a":1}`)}, ""},
		{"JSON whose base64url ends in '-'", refparam.Ref{Name: "g", JSON: []byte(`[">"]`)}, ""},
		{"non-ASCII payload", refparam.Ref{Name: "café", Payload: "naïve"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSign(t, tt.ref, k1, expiry0)
			if tt.want != "" && s != tt.want {
				t.Errorf("Sign = %q, want %q", s, tt.want)
			}
			if !sigTail.MatchString(s) {
				t.Errorf("Sign = %q: the signature does not match %v", s, sigTail)
			}
			slow, err := slowSign(tt.ref, "k1", secret1, expiry0)
			if err != nil || s != slow {
				t.Errorf("Sign = %q, slow reference = %q, %v", s, slow, err)
			}
			got, err := refsig.Verify(s, keys, t0)
			if err != nil {
				t.Fatalf("Verify(%q): %v", s, err)
			}
			if diff := cmp.Diff(tt.ref, got); diff != "" {
				t.Errorf("Verify(%q) mismatch (-want +got):\n%s", s, diff)
			}
			if len(tt.ref.JSON) > 0 {
				return
			}
			// A reader that does not verify sees the ref and one more field.
			i := strings.LastIndex(s[:len(s)-29], "--")
			want := tt.ref
			want.Fields = append(want.Fields[:len(want.Fields):len(want.Fields)], refparam.Field{ID: s[i+2 : len(s)-29], Value: s[len(s)-27:]})
			parsed, err := refparam.Parse(s)
			if err != nil {
				t.Fatalf("refparam.Parse(%q): %v", s, err)
			}
			if diff := cmp.Diff(want, parsed); diff != "" {
				t.Errorf("refparam.Parse(%q) mismatch (-want +got):\n%s", s, diff)
			}
		})
	}
}

// TestBudget: a typical binding fits Telegram's start parameter.
func TestBudget(t *testing.T) {
	for _, id := range []string{"k", "k1", "key1"} {
		k := mustKey(t, id, secret1)
		r := refparam.Ref{Name: "loginxyz", Payload: "123456789012"} // the longest typical binding
		s := mustSign(t, r, k, time.Unix(refsig.MaxExpiryUnix, 0))
		if !telegram.MatchString(s) {
			t.Errorf("Sign(%v) = %q (%d bytes), not a Telegram start parameter", r, s, len(s))
		}
		if got, want := len(s), len("loginxyz--123456789012")+31+len(id); got != want {
			t.Errorf("len(%q) = %d, want %d", s, got, want)
		}
		if len(s)-len("loginxyz--123456789012") > refsig.MaxOverhead {
			t.Errorf("overhead of %q is more than MaxOverhead", s)
		}
	}
}

func TestSignErrors(t *testing.T) {
	k1 := mustKey(t, "k1", secret1)
	ok := refparam.Ref{Name: "login", Payload: "83121"}
	// A payload that makes the signed text exactly refparam.MaxLen bytes.
	long := refparam.Ref{Name: "a", Payload: strings.Repeat("x", refparam.MaxLen-len("a--")-31-len("k1"))}
	tests := []struct {
		name    string
		ref     refparam.Ref
		key     refsig.Key
		expiry  time.Time
		wantErr error
	}{
		{"epoch", ok, k1, time.Unix(0, 0), nil},
		{"MaxExpiryUnix", ok, k1, time.Unix(refsig.MaxExpiryUnix, 999999999), nil},
		{"MaxLen", long, k1, expiry0, nil},
		{"MaxLen+1", refparam.Ref{Name: "a", Payload: long.Payload + "x"}, k1, expiry0, refparam.ErrTooLong},
		{"before the epoch", ok, k1, time.Unix(-1, 0), refsig.ErrExpiryRange},
		{"zero time", ok, k1, time.Time{}, refsig.ErrExpiryRange},
		{"MaxExpiryUnix+1", ok, k1, time.Unix(refsig.MaxExpiryUnix+1, 0), refsig.ErrExpiryRange},
		{"zero Key", ok, refsig.Key{}, expiry0, refsig.ErrNoKey},
		{"separator in payload", refparam.Ref{Name: "login", Payload: "a--b"}, k1, expiry0, refparam.ErrSeparator},
		{"empty name", refparam.Ref{Payload: "83121"}, k1, expiry0, refparam.ErrEmptyName},
		{"JSON and payload", refparam.Ref{Name: "g", Payload: "x", JSON: []byte(`{}`)}, k1, expiry0, refparam.ErrJSONMixed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := refsig.Sign(tt.ref, tt.key, tt.expiry)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Sign: %v", err)
				}
				// Verify a second before expiry; a link expiring at the
				// epoch was never valid at a now Verify takes, but its tag
				// checks, so it fails only as expired.
				exp := tt.expiry.Unix()
				_, err := refsig.Verify(s, mustKeys(t, k1), time.Unix(max(exp-1, 0), 0))
				if exp == 0 && !errors.Is(err, refsig.ErrExpired) || exp > 0 && err != nil {
					t.Errorf("Verify(%q) a second before expiry: %v", s, err)
				}
				return
			}
			checkError(t, err, "Sign", tt.wantErr, -1)
			if s != "" {
				t.Errorf("Sign returned %q with an error", s)
			}
			b := []byte("keep")
			if got, _ := refsig.AppendSign(b, tt.ref, tt.key, tt.expiry); string(got) != "keep" {
				t.Errorf("AppendSign changed b on error: %q", got)
			}
		})
	}
	if s := mustSign(t, long, k1, expiry0); len(s) != refparam.MaxLen {
		t.Errorf("the MaxLen case signs %d bytes, want %d", len(s), refparam.MaxLen)
	}
}

func TestVerify(t *testing.T) {
	k1 := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k1, mustKey(t, "k2", secret2))
	login := refparam.Ref{Name: "login", Payload: "83121"}
	s := mustSign(t, login, k1, expiry0) // login--83121--k1--1LG97M44TSCSSJNELAMU6JIBTJ9
	// Offsets in s.
	const kidOff, expOff, tagOff = 14, 18, 25
	swap := func(i int, c byte) string { return s[:i] + string(c) + s[i+1:] }
	long := mustSign(t, refparam.Ref{Name: "a", Payload: strings.Repeat("x", refparam.MaxLen-len("a--")-33)}, k1, expiry0)

	tests := []struct {
		name    string
		in      string
		now     time.Time
		want    refparam.Ref
		wantErr error
		wantOff int
	}{
		{"valid", s, t0, login, nil, 0},
		{"a second before expiry", s, expiry0.Add(-time.Nanosecond), login, nil, 0},
		{"at expiry", s, expiry0, refparam.Ref{}, refsig.ErrExpired, expOff},
		{"after expiry", s, expiry0.Add(time.Hour), refparam.Ref{}, refsig.ErrExpired, expOff},
		{"MaxLen", long, t0, refparam.Ref{Name: "a", Payload: strings.Repeat("x", refparam.MaxLen-len("a--")-33)}, nil, 0},
		{"MaxLen+1", "a" + long, t0, refparam.Ref{}, refsig.ErrMalformed, refparam.MaxLen},
		{"empty", "", t0, refparam.Ref{}, refsig.ErrMalformed, 0},
		{"unsigned ref", "login--83121", t0, refparam.Ref{}, refsig.ErrMalformed, 0},
		{"no separator before the value", strings.Replace(s, "k1--", "k1-x", 1), t0, refparam.Ref{}, refsig.ErrMalformed, 16},
		{"no key id separator", s[kidOff:], t0, refparam.Ref{}, refsig.ErrMalformed, 0},
		{"empty ref", s[kidOff-2:], t0, refparam.Ref{}, refsig.ErrMalformed, 0},
		{"lower-case expiry digit", swap(expOff+1, 'l'), t0, refparam.Ref{}, refsig.ErrMalformed, expOff + 1},
		{"digit past V in the tag", swap(tagOff+3, 'W'), t0, refparam.Ref{}, refsig.ErrMalformed, tagOff + 3},
		{"hyphen in the tag", swap(tagOff+3, '-'), t0, refparam.Ref{}, refsig.ErrMalformed, tagOff + 3},
		{"key id too long", strings.Replace(s, "--k1--", "--k1234--", 1), t0, refparam.Ref{}, refsig.ErrMalformed, kidOff + 4},
		{"key id with a digit first", strings.Replace(s, "--k1--", "--1k--", 1), t0, refparam.Ref{}, refsig.ErrMalformed, kidOff},
		{"unknown key", strings.Replace(s, "--k1--", "--k9--", 1), t0, refparam.Ref{}, refsig.ErrUnknownKey, kidOff},
		{"other known key", strings.Replace(s, "--k1--", "--k2--", 1), t0, refparam.Ref{}, refsig.ErrBadSignature, tagOff},
		{"edited account", strings.Replace(s, "83121", "83122", 1), t0, refparam.Ref{}, refsig.ErrBadSignature, tagOff},
		{"edited tag", swap(len(s)-1, 'A'), t0, refparam.Ref{}, refsig.ErrBadSignature, tagOff},
		{"later expiry, even when expired", swap(expOff+6, 'V'), expiry0.Add(time.Hour), refparam.Ref{}, refsig.ErrBadSignature, tagOff},
		{"en dash retyped", strings.Replace(s, "login--", "login\u2013", 1), t0, refparam.Ref{}, refsig.ErrBadSignature, tagOff + 1},
		{"upper-case name", strings.Replace(s, "login", "LOGIN", 1), t0, refparam.Ref{}, refsig.ErrBadSignature, tagOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := refsig.Verify(tt.in, keys, tt.now)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Verify(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Verify(%q): %v", tt.in, err)
				}
				return
			}
			checkError(t, err, "Verify", tt.wantErr, tt.wantOff)
			var e *refsig.Error
			if errors.As(err, &e) && e.Input != tt.in {
				t.Errorf("Error.Input = %q, want %q", e.Input, tt.in)
			}
		})
	}
	if s != "login--83121--k1--1LG97M44TSCSSJNELAMU6JIBTJ9" {
		t.Errorf("the offsets above assume another text than %q", s)
	}
}

// TestVerifyNowRange: a now before the Unix epoch, notably the zero
// time.Time of a clock never set, is refused whatever the text, and never
// taken as a time before every expiry.
func TestVerifyNowRange(t *testing.T) {
	k1 := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k1)
	login := refparam.Ref{Name: "login", Payload: "83121"}
	early := mustSign(t, login, k1, time.Unix(1000, 0)) // expired at 1970-01-01T00:16:40Z
	valid := mustSign(t, login, k1, expiry0)
	for _, tt := range []struct {
		name    string
		in      string
		now     time.Time
		want    refparam.Ref
		wantErr error
	}{
		{"zero time", early, time.Time{}, refparam.Ref{}, refsig.ErrNowRange},
		{"zero time, valid link", valid, time.Time{}, refparam.Ref{}, refsig.ErrNowRange},
		{"zero time, malformed text", "login--83121", time.Time{}, refparam.Ref{}, refsig.ErrNowRange},
		{"a nanosecond before the epoch", early, time.Unix(0, -1), refparam.Ref{}, refsig.ErrNowRange},
		{"the epoch", early, time.Unix(0, 0), login, nil},
		{"at expiry", early, time.Unix(1000, 0), refparam.Ref{}, refsig.ErrExpired},
		{"after MaxExpiryUnix", valid, time.Unix(refsig.MaxExpiryUnix+1, 0), refparam.Ref{}, refsig.ErrExpired},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := refsig.Verify(tt.in, keys, tt.now)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Verify(%q, %v) mismatch (-want +got):\n%s", tt.in, tt.now, diff)
			}
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Verify(%q, %v): %v", tt.in, tt.now, err)
				}
				return
			}
			off := -2 // the expiry's offset, not checked here
			if tt.wantErr == refsig.ErrNowRange {
				off = -1 // not in the input
			}
			checkError(t, err, "Verify", tt.wantErr, off)
		})
	}
}

// TestMovedSignature: a signature taken from one ref and put on another
// fails, whatever part differs.
func TestMovedSignature(t *testing.T) {
	k1 := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k1)
	f := func(kv ...string) []refparam.Field {
		var fs []refparam.Field
		for i := 0; i < len(kv); i += 2 {
			fs = append(fs, refparam.Field{ID: kv[i], Value: kv[i+1]})
		}
		return fs
	}
	base := refparam.Ref{Name: "login", Payload: "83121", Fields: f("738", "a", "514", "b")}
	others := map[string]refparam.Ref{
		"other name":            {Name: "admin", Payload: "83121", Fields: f("738", "a", "514", "b")},
		"other payload":         {Name: "login", Payload: "83122", Fields: f("738", "a", "514", "b")},
		"no payload":            {Name: "login", Fields: f("738", "a", "514", "b")},
		"field dropped":         {Name: "login", Payload: "83121", Fields: f("738", "a")},
		"field added":           {Name: "login", Payload: "83121", Fields: f("738", "a", "514", "b", "1", "c")},
		"fields swapped":        {Name: "login", Payload: "83121", Fields: f("514", "b", "738", "a")},
		"field id changed":      {Name: "login", Payload: "83121", Fields: f("739", "a", "514", "b")},
		"field value changed":   {Name: "login", Payload: "83121", Fields: f("738", "a", "514", "c")},
		"value moved to an id":  {Name: "login", Payload: "83121", Fields: f("738", "a", "514b", "")},
		"JSON instead":          {Name: "login", JSON: []byte(`{"a":1}`)},
		"name only":             {Name: "login"},
		"payload moved to name": {Name: "login83121", Fields: f("738", "a", "514", "b")},
	}
	s := mustSign(t, base, k1, expiry0)
	sig := s[strings.LastIndex(s[:len(s)-29], "--"):]
	jsonSig := mustSign(t, others["JSON instead"], k1, expiry0)
	for name, r := range others {
		t.Run(name, func(t *testing.T) {
			text, err := refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL).Encode(r)
			if err != nil {
				t.Fatal(err)
			}
			_, err = refsig.Verify(text+sig, keys, t0)
			checkError(t, err, "Verify", refsig.ErrBadSignature, -2)
			// And the other way round: r's signature on base.
			other := mustSign(t, r, k1, expiry0)
			_, err = refsig.Verify(s[:len(s)-len(sig)]+other[strings.LastIndex(other[:len(other)-29], "--"):], keys, t0)
			checkError(t, err, "Verify", refsig.ErrBadSignature, -2)
		})
	}
	_ = jsonSig
}

// TestKeys: a link signed with one key never verifies with another, and a
// retired key's links fail with ErrUnknownKey.
func TestKeys(t *testing.T) {
	k1, k2 := mustKey(t, "k1", secret1), mustKey(t, "k2", secret2)
	k1Other := mustKey(t, "k1", secret2) // same id, other secret
	r := refparam.Ref{Name: "login", Payload: "83121"}
	s1, s2 := mustSign(t, r, k1, expiry0), mustSign(t, r, k2, expiry0)

	rotating := mustKeys(t, k1, k2)
	for _, s := range []string{s1, s2} {
		if _, err := refsig.Verify(s, rotating, t0); err != nil {
			t.Errorf("Verify(%q) with both keys: %v", s, err)
		}
	}
	_, err := refsig.Verify(s1, mustKeys(t, k2), t0) // k1 retired
	checkError(t, err, "Verify", refsig.ErrUnknownKey, 14)
	_, err = refsig.Verify(s1, mustKeys(t, k1Other, k2), t0)
	checkError(t, err, "Verify", refsig.ErrBadSignature, 25)
	_, err = refsig.Verify(s1, refsig.Keys{}, t0)
	checkError(t, err, "Verify", refsig.ErrUnknownKey, 14)
	// A longer secret that starts with the same 32 bytes is another key.
	long := mustKey(t, "k1", append(append([]byte(nil), secret1...), 'x'))
	_, err = refsig.Verify(s1, mustKeys(t, long), t0)
	checkError(t, err, "Verify", refsig.ErrBadSignature, 25)
}

// TestSignatureAlphabet proves that no part of a signature can begin or end
// with '-' or contain "--": the value's digits and the key id's characters
// exclude '-' entirely.
func TestSignatureAlphabet(t *testing.T) {
	// Every digit Sign can write appears in a signed expiry or tag.
	seen := map[rune]bool{}
	k := mustKey(t, "k1", secret1)
	for i := range 64 {
		s := mustSign(t, refparam.Ref{Name: "n", Payload: fmt.Sprint(i)}, k, time.Unix(int64(i)*(refsig.MaxExpiryUnix/63), 0))
		for _, c := range s[len(s)-27:] {
			seen[c] = true
		}
	}
	for c := range seen {
		if !strings.ContainsRune("0123456789ABCDEFGHIJKLMNOPQRSTUV", c) {
			t.Errorf("signature digit %q outside base32hex", c)
		}
	}
	if len(seen) != 32 {
		t.Errorf("saw %d distinct digits in 64 signatures, want all 32", len(seen))
	}
	// Key ids: NewKey refuses every byte outside [A-Za-z0-9_] and a first
	// byte outside [A-Za-z].
	for c := range 256 {
		id := "k" + string(rune(c))
		_, err := refsig.NewKey(id, secret1)
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
		if (err == nil) != ok {
			t.Errorf("NewKey(%q): %v", id, err)
		}
	}
}

// TestVerifyAllocs holds Verify of a signed ref of about 60 bytes to at most
// 2 allocations (it makes none for a name and payload, one for fields).
func TestVerifyAllocs(t *testing.T) {
	k := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k)
	for _, tt := range []struct {
		ref  refparam.Ref
		max  float64
		name string
	}{
		{refparam.Ref{Name: "loginxyz", Payload: "123456789012"}, 0, "payload"},
		{refparam.Ref{Name: "login", Payload: "83121", Fields: []refparam.Field{{ID: "738", Value: "ab12cd"}}}, 1, "fields"},
	} {
		s := mustSign(t, tt.ref, k, expiry0)
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := refsig.Verify(s, keys, t0); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("Verify %s (%d bytes): %v allocs", tt.name, len(s), allocs)
		if allocs > tt.max || allocs > 2 {
			t.Errorf("Verify(%q) makes %v allocations, want at most %v", s, allocs, tt.max)
		}
	}
	buf := make([]byte, 0, 128)
	r := refparam.Ref{Name: "loginxyz", Payload: "123456789012"}
	if allocs := testing.AllocsPerRun(200, func() { _, _ = refsig.AppendSign(buf[:0], r, k, expiry0) }); allocs != 0 {
		t.Errorf("AppendSign makes %v allocations, want 0", allocs)
	}
	if allocs := testing.AllocsPerRun(200, func() { _, _ = refsig.Sign(r, k, expiry0) }); allocs != 1 {
		t.Errorf("Sign makes %v allocations, want 1 (the string)", allocs)
	}
}

// TestConcurrent shares one Keys among goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	k := mustKey(t, "k1", secret1)
	keys := mustKeys(t, k)
	done := make(chan error)
	for g := range 4 {
		go func() {
			var err error
			for i := range 50 {
				r := refparam.Ref{Name: "login", Payload: fmt.Sprint(g*100 + i)}
				var s string
				var got refparam.Ref
				if s, err = refsig.Sign(r, k, expiry0); err != nil {
					break
				}
				if got, err = refsig.Verify(s, keys, t0); err == nil && !got.Equal(r) {
					err = fmt.Errorf("Verify = %v, want %v", got, r)
				}
				if err != nil {
					break
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	// Messages name the package, the function, the input and the offset;
	// tests elsewhere never compare them, this one checks their shape.
	_, err := refsig.Verify("login--83121--k9--1LG97M4QJ5F9SHNOG1KGQ8BO9DD", refsig.Keys{}, t0)
	if got, want := err.Error(), `refsig: Verify("login--83121--k9--1LG97M4QJ5F9SHNOG1KGQ8BO9DD"): unknown key at offset 14`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	_, err = refsig.NewKey("k1", nil)
	if got, want := err.Error(), `refsig: NewKey("k1"): secret shorter than 32 bytes`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// The zero Ref is no ref (it encodes as the empty text): Sign refuses it
// rather than sign a text that Verify would refuse. FuzzSignVerify found it.
func TestSignZeroRef(t *testing.T) {
	key, err := refsig.NewKey("k1", make([]byte, refsig.MinKeyLen))
	if err != nil {
		t.Fatal(err)
	}
	s, err := refsig.Sign(refparam.Ref{}, key, expiry0)
	if !errors.Is(err, refparam.ErrEmptyName) || s != "" {
		t.Errorf("Sign(Ref{}) = %q, %v; want ErrEmptyName", s, err)
	}
}
