package refsig_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"strconv"
	"strings"
	"time"

	"github.com/entrylink/entrylink/refparam"
)

// The slow reference: the signed form written out the obvious way, from
// crypto/hmac, encoding/base32, strconv and strings, with a fresh HMAC and
// fresh strings on every call. The fuzz targets check the package against
// it, and the benchmarks use it as the naive comparator.

// slowTagLen and slowExpiryLen repeat the package documentation.
const (
	slowTagLen    = 20 // base32hex digits: the first 100 bits of the MAC
	slowExpiryLen = 7  // base32hex digits of Unix seconds
)

// slowMAC is HMAC-SHA-256 over the version-1 MAC input of the package
// documentation.
func slowMAC(secret []byte, kid string, exp int64, ref string) []byte {
	in := []byte("entrylink/refsig")
	in = append(in, 1, byte(len(kid)))
	in = append(in, kid...)
	in = binary.BigEndian.AppendUint64(in, uint64(exp))
	in = binary.BigEndian.AppendUint32(in, uint32(len(ref)))
	in = append(in, ref...)
	m := hmac.New(sha256.New, secret)
	m.Write(in)
	return m.Sum(nil)
}

// slowSignText signs the canonical text ref.
func slowSignText(ref, kid string, secret []byte, exp int64) string {
	tag := base32.HexEncoding.EncodeToString(slowMAC(secret, kid, exp, ref))[:slowTagLen]
	e := strings.ToUpper(strconv.FormatInt(exp, 32))
	e = strings.Repeat("0", slowExpiryLen-len(e)) + e
	return ref + "--" + kid + "--" + e + tag
}

// slowSign signs r the way the package documents: its canonical text with
// JSON as base64url, then the signature.
func slowSign(r refparam.Ref, kid string, secret []byte, expiry time.Time) (string, error) {
	ref, err := refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL).Encode(r)
	if err != nil {
		return "", err
	}
	if ref == "" { // the zero Ref: no ref, nothing to sign
		return "", refparam.ErrEmptyName
	}
	return slowSignText(ref, kid, secret, expiry.Unix()), nil
}

// slowVerify reports whether s verifies with the secrets (by key id) at
// now, which must not be before the Unix epoch, and returns the ref. It says nothing about why s fails.
func slowVerify(s string, secrets map[string][]byte, now time.Time) (refparam.Ref, bool) {
	if now.Before(time.Unix(0, 0)) || len(s) > refparam.MaxLen {
		return refparam.Ref{}, false
	}
	i := strings.LastIndex(s, "--")
	if i < 0 {
		return refparam.Ref{}, false
	}
	rest, value := s[:i], s[i+2:]
	j := strings.LastIndex(rest, "--")
	if j <= 0 || len(value) != slowExpiryLen+slowTagLen {
		return refparam.Ref{}, false
	}
	ref, kid := rest[:j], rest[j+2:]
	secret, ok := secrets[kid]
	if !ok {
		return refparam.Ref{}, false
	}
	e := value[:slowExpiryLen]
	if strings.Trim(value, "0123456789ABCDEFGHIJKLMNOPQRSTUV") != "" {
		return refparam.Ref{}, false
	}
	exp, err := strconv.ParseInt(e, 32, 64)
	if err != nil {
		return refparam.Ref{}, false
	}
	want := base32.HexEncoding.EncodeToString(slowMAC(secret, kid, exp, ref))[:slowTagLen]
	if !hmac.Equal([]byte(want), []byte(value[slowExpiryLen:])) || now.Unix() >= exp {
		return refparam.Ref{}, false
	}
	r, err := refparam.Parse(ref)
	return r, err == nil
}
