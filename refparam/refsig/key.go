package refsig

import (
	"crypto/sha256"
	"encoding"
	"fmt"
	"io"
	"slices"
	"strings"
)

// MinKeyLen is the shortest secret, in bytes, that [NewKey] accepts: 32
// bytes (256 bits), the output size of SHA-256 and the length RFC 2104
// recommends. Make one with crypto/rand and keep it out of the code.
const MinKeyLen = 32

// MaxKeyIDLen is the longest key id, in bytes. Key ids ride in every signed
// text, so they are short: "k1", "k2" or a date-like "b26".
const MaxKeyIDLen = 4

// A Key is a secret for HMAC-SHA-256 with a short public id. Make one with
// [NewKey]; the zero Key signs nothing and verifies nothing.
//
// A Key is an immutable value, safe for concurrent use and cheap to copy
// (copies share the key material, which nothing writes after NewKey). It
// keeps the SHA-256 states after the HMAC inner and outer pads rather than
// the secret (they are as secret as the secret is), and nothing prints
// them: fmt and log/slog print a Key as "refsig.Key(ID)" under every verb,
// encoding/json writes that as a JSON string, and where fmt cannot call a
// Key's methods (a Key in an unexported struct field, which fmt prints
// field by field) it shows the id and the address of the key material,
// never the material itself. A Key is not comparable with ==.
type Key struct {
	// == would compare the pointer m: true for copies of one Key, false
	// for two Keys NewKey made from the same id and secret. That is not
	// equality, so the zero-length func array keeps Key not comparable.
	_  [0]func()
	id string
	m  *material // nil for the zero Key
}

// material is the secret part of a [Key], two pointers away from the Key
// so that fmt, which prints the fields of a Key held in an unexported
// struct field (it cannot call the Key's methods there), prints only an
// address for it: fmt prints a pointer below the top level as its address,
// but under a verb that does not apply to pointers (%s, %q) it prints the
// pointer's target, so the target holds one more pointer.
type material struct {
	s *states
}

// states are the marshaled SHA-256 states after hashing (secret^ipad) and
// (secret^opad), which HMAC resumes for every MAC.
type states struct {
	inner, outer []byte
}

// NewKey returns a key with the given id and secret. The id must be 1 to
// [MaxKeyIDLen] characters of A-Z a-z 0-9 and '_', the first a letter
// (so that the signature never reads as a numeric custom-field id and never
// contains '-'); the secret must be at least [MinKeyLen] bytes. NewKey does
// not retain secret. Errors are an [*Error] wrapping [ErrKeyID] or
// [ErrWeakKey].
func NewKey(id string, secret []byte) (Key, error) {
	if off := checkKeyID(id); off >= 0 {
		return Key{}, &Error{Func: "NewKey", Input: id, Offset: off, Err: ErrKeyID}
	}
	if len(secret) < MinKeyLen {
		return Key{}, &Error{Func: "NewKey", Input: id, Offset: -1, Err: ErrWeakKey}
	}
	// HMAC (RFC 2104): a secret longer than the block is hashed first, then
	// padded with zeros to the block size and XORed with ipad and opad.
	var pad [sha256.BlockSize]byte
	if len(secret) > sha256.BlockSize {
		sum := sha256.Sum256(secret)
		copy(pad[:], sum[:])
	} else {
		copy(pad[:], secret)
	}
	st := new(states)
	for i := range pad {
		pad[i] ^= 0x36
	}
	st.inner = padState(&pad)
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	st.outer = padState(&pad)
	clear(pad[:])
	return Key{id: id, m: &material{st}}, nil
}

// padState returns the marshaled SHA-256 state after hashing one block.
func padState(block *[sha256.BlockSize]byte) []byte {
	h := sha256.New()
	h.Write(block[:])
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic("refsig: sha256 state does not marshal: " + err.Error())
	}
	return state
}

// checkKeyID returns the offset of the first byte of id that breaks the
// key-id rule, or -1 if id is a valid key id.
func checkKeyID(id string) int {
	if id == "" {
		return 0
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if i == MaxKeyIDLen || !isLetter(c) && (i == 0 || !isDigit(c) && c != '_') {
			return i
		}
	}
	return -1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// ID returns the key's id, "" for the zero Key.
func (k Key) ID() string { return k.id }

// String returns "refsig.Key(ID)", never the secret.
func (k Key) String() string { return "refsig.Key(" + k.id + ")" }

// GoString is like String, so that %#v does not print the secret either.
func (k Key) GoString() string { return k.String() }

// Format implements [fmt.Formatter]: every verb prints String, so that no
// verb (%d, %x, …) prints the key material.
func (k Key) Format(f fmt.State, verb rune) { io.WriteString(f, k.String()) }

// MarshalJSON implements [encoding/json.Marshaler]: a Key is written as its
// String, the JSON string "refsig.Key(ID)", so that a Key in a struct that
// is logged or marshaled shows its id and nothing secret. There is no
// UnmarshalJSON: a Key is made from its secret with [NewKey].
func (k Key) MarshalJSON() ([]byte, error) { return jsonString(k.String()), nil }

// Keys is the set of keys [Verify] accepts, looked up by the id carried in
// the signed text. Build it once with [NewKeys] and share it: it is an
// immutable value, safe for concurrent use. To rotate, sign with a new key
// and verify with a set holding the new and the old; to retire a key, build
// a set without it, and its links fail with [ErrUnknownKey]. The zero Keys
// holds no key.
type Keys struct {
	keys []Key // sorted by id, no duplicates
}

// NewKeys returns a set of the given keys. It fails with an [*Error]
// wrapping [ErrNoKey] for a zero Key or [ErrDuplicateKeyID] when two keys
// share an id.
func NewKeys(keys ...Key) (Keys, error) {
	ks := slices.Clone(keys)
	slices.SortFunc(ks, func(a, b Key) int { return strings.Compare(a.id, b.id) })
	for i, k := range ks {
		if k.m == nil {
			return Keys{}, &Error{Func: "NewKeys", Offset: -1, Err: ErrNoKey}
		}
		if i > 0 && ks[i-1].id == k.id {
			return Keys{}, &Error{Func: "NewKeys", Input: k.id, Offset: -1, Err: ErrDuplicateKeyID}
		}
	}
	return Keys{keys: ks}, nil
}

// Lookup returns the key with the given id, and whether there is one.
func (ks Keys) Lookup(id string) (Key, bool) {
	i, ok := slices.BinarySearchFunc(ks.keys, id, func(k Key, id string) int { return strings.Compare(k.id, id) })
	if !ok {
		return Key{}, false
	}
	return ks.keys[i], true
}

// Len returns the number of keys in the set.
func (ks Keys) Len() int { return len(ks.keys) }

// String returns "refsig.Keys(ID1,ID2,…)", never a secret.
func (ks Keys) String() string {
	s := "refsig.Keys("
	for i, k := range ks.keys {
		if i > 0 {
			s += ","
		}
		s += k.id
	}
	return s + ")"
}

// GoString is like String, so that %#v does not print the secrets either.
func (ks Keys) GoString() string { return ks.String() }

// Format implements [fmt.Formatter]: every verb prints String.
func (ks Keys) Format(f fmt.State, verb rune) { io.WriteString(f, ks.String()) }

// MarshalJSON implements [encoding/json.Marshaler]: a Keys is written as its
// String, the JSON string "refsig.Keys(ID1,ID2,…)", never a secret. There is
// no UnmarshalJSON.
func (ks Keys) MarshalJSON() ([]byte, error) { return jsonString(ks.String()), nil }

// jsonString returns s as a JSON string. s is a String of a Key or Keys:
// ids are A-Z a-z 0-9 _, and the rest is "refsig.Key(", "Keys(", ",", ")",
// none of which JSON escapes.
func jsonString(s string) []byte {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
