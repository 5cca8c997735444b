package refsig_test

import (
	"testing"

	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

// The benchmark inputs: the longest typical binding (55 bytes signed), a
// binding with one field (60 bytes signed), and a small JSON document.
var benchRefs = []struct {
	name string
	ref  refparam.Ref
}{
	{"payload", refparam.Ref{Name: "loginxyz", Payload: "123456789012"}},
	{"fields", refparam.Ref{Name: "login", Payload: "83121", Fields: []refparam.Field{{ID: "738", Value: "ab12cdef"}}}},
	{"json", refparam.Ref{Name: "g", JSON: []byte(`{"account":83121,"plan":"pro"}`)}},
}

var (
	sinkRef refparam.Ref
	sinkStr string
	sinkOK  bool
)

func BenchmarkVerify(b *testing.B) {
	k := mustKey(b, "k1", secret1)
	keys := mustKeys(b, k)
	for _, bb := range benchRefs {
		s := mustSign(b, bb.ref, k, expiry0)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				r, err := refsig.Verify(s, keys, t0)
				if err != nil {
					b.Fatal(err)
				}
				sinkRef = r
			}
		})
	}
}

// BenchmarkVerifyNaive is the comparator: slowVerify, the code a careful
// developer writes first (hmac.New per call, base32 and strconv on
// strings, strings.LastIndex to split).
func BenchmarkVerifyNaive(b *testing.B) {
	k := mustKey(b, "k1", secret1)
	secrets := map[string][]byte{"k1": secret1}
	for _, bb := range benchRefs {
		s := mustSign(b, bb.ref, k, expiry0)
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				r, ok := slowVerify(s, secrets, t0)
				if !ok {
					b.Fatal("slowVerify failed")
				}
				sinkRef = r
			}
		})
	}
}

// BenchmarkVerifyFail: a forged tag costs what a valid one does, plus the
// error.
func BenchmarkVerifyFail(b *testing.B) {
	k := mustKey(b, "k1", secret1)
	keys := mustKeys(b, k)
	s := mustSign(b, benchRefs[0].ref, k, expiry0)
	s = s[:len(s)-1] + "0"
	b.ReportAllocs()
	for b.Loop() {
		_, err := refsig.Verify(s, keys, t0)
		sinkOK = err == nil
	}
}

func BenchmarkSign(b *testing.B) {
	k := mustKey(b, "k1", secret1)
	for _, bb := range benchRefs {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := refsig.Sign(bb.ref, k, expiry0)
				if err != nil {
					b.Fatal(err)
				}
				sinkStr = s
			}
		})
	}
}

func BenchmarkAppendSign(b *testing.B) {
	k := mustKey(b, "k1", secret1)
	buf := make([]byte, 0, 256)
	for _, bb := range benchRefs {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if buf, err = refsig.AppendSign(buf[:0], bb.ref, k, expiry0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSignNaive is the comparator: slowSign (refparam's Encode, then
// hmac.New, base32 and strconv, strings concatenated).
func BenchmarkSignNaive(b *testing.B) {
	for _, bb := range benchRefs {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := slowSign(bb.ref, "k1", secret1, expiry0)
				if err != nil {
					b.Fatal(err)
				}
				sinkStr = s
			}
		})
	}
}
