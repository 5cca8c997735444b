package refsig

import (
	"crypto/sha256"
	"encoding"
	"encoding/base32"
	"encoding/binary"
)

// The MAC input, version 1 (see "The MAC" in the package documentation):
//
//	"entrylink/refsig" 0x01 len(keyid) keyid expiry(uint64 BE) len(ref)(uint32 BE) ref
const (
	macContext = "entrylink/refsig"
	macVersion = 1
)

// The signature's lengths, in characters of the signed text.
const (
	expiryLen = 7                                // expiry: 7 base32hex digits, 35 bits
	tagLen    = 20                               // tag: 20 base32hex digits, 100 bits
	tagBits   = 5 * tagLen                       // the bits of HMAC-SHA-256 kept
	valueLen  = expiryLen + tagLen               // the signature field's value
	fixedLen  = len("--") + len("--") + valueLen // the signature, less the key id
	tagBytes  = (tagBits + 7) / 8                // bytes of the MAC the tag encodes
)

// MaxOverhead is the most that signing adds to a ref's canonical text, in
// bytes: "--", a key id of up to [MaxKeyIDLen], "--", 7 expiry digits and a
// 20-digit tag. With a key id of n bytes it adds 31+n.
const MaxOverhead = 35

// MaxExpiryUnix is the latest expiry the signed form carries, in Unix
// seconds: 32^7-1 (the largest 7-digit base32hex number), which is
// 3058-10-26T03:46:07Z. [Sign] refuses later expiries.
const MaxExpiryUnix = 1<<35 - 1

// The exported limits agree with the layout: each index is out of range,
// and the package does not compile, if they differ.
var (
	_ = [1]struct{}{}[MaxOverhead-(fixedLen+MaxKeyIDLen)]
	_ = [1]struct{}{}[MaxExpiryUnix-(1<<(5*expiryLen)-1)]
)

// digits is the base32hex alphabet (RFC 4648 §7): digit values 0-31 in
// order, so that expiries compare as text, and no '-' anywhere, so that
// no signature can start, end or be cut by a hyphen.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUV"

// digitVal maps a byte to its base32hex value, or 0xff.
var digitVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(digits); i++ {
		t[digits[i]] = byte(i)
	}
	return t
}()

// tagEncoding writes the tag. It is the same alphabet as digits.
var tagEncoding = base32.HexEncoding.WithPadding(base32.NoPadding)

// text is the two forms a ref's text comes in: Verify's substring of its
// input, Sign's bytes just written.
type text interface{ ~string | ~[]byte }

// sum returns HMAC-SHA-256 over the version-1 MAC input for ref signed with
// k, expiring at exp. It resumes the SHA-256 states the key saved after its
// pads, which is crypto/hmac's own method, and copies the input through a
// stack buffer, so it does not allocate.
func sum[T text](k *Key, exp int64, ref T) (mac [sha256.Size]byte) {
	var buf [128]byte
	b := append(buf[:0], macContext...)
	b = append(b, macVersion, byte(len(k.id)))
	b = append(b, k.id...)
	b = binary.BigEndian.AppendUint64(b, uint64(exp))
	b = binary.BigEndian.AppendUint32(b, uint32(len(ref)))

	h := sha256.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(k.m.s.inner); err != nil {
		panic("refsig: sha256 state does not unmarshal: " + err.Error())
	}
	for {
		n := copy(buf[len(b):], ref)
		h.Write(buf[:len(b)+n])
		ref = ref[n:]
		b = buf[:0]
		if len(ref) == 0 {
			break
		}
	}
	h.Sum(mac[:0])

	h = sha256.New()
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(k.m.s.outer); err != nil {
		panic("refsig: sha256 state does not unmarshal: " + err.Error())
	}
	h.Write(mac[:])
	h.Sum(mac[:0])
	return mac
}

// appendTag appends the first tagBits bits of mac as base32hex digits.
func appendTag(b []byte, mac *[sha256.Size]byte) []byte {
	var t [(tagBytes*8 + 4) / 5]byte
	tagEncoding.Encode(t[:], mac[:tagBytes])
	return append(b, t[:tagLen]...)
}

// appendExpiry appends exp, 0 <= exp <= MaxExpiryUnix, as expiryLen
// base32hex digits.
func appendExpiry(b []byte, exp int64) []byte {
	for i := expiryLen - 1; i >= 0; i-- {
		b = append(b, digits[exp>>(5*i)&31])
	}
	return b
}

// parseDigits returns the value of the base32hex digits s, or the offset
// of the first byte of s that is not one.
func parseDigits(s string) (v int64, bad int) {
	for i := 0; i < len(s); i++ {
		d := digitVal[s[i]]
		if d == 0xff {
			return 0, i
		}
		v = v<<5 | int64(d)
	}
	return v, -1
}
