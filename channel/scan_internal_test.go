package channel

import (
	"encoding/json"
	"net/mail"
	"net/url"
	"os"
	"strings"
	"testing"
)

// FuzzScan checks the hand-written scanner against net/url: every URL scan
// accepts, url.Parse accepts and splits the same way, and every query that
// checkQuery accepts, url.ParseQuery accepts; keys and values decode alike.
func FuzzScan(f *testing.F) {
	b, err := os.ReadFile("../testdata/links.json")
	if err != nil {
		f.Fatal(err)
	}
	var file struct {
		Cases []struct{ Link string } `json:"cases"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		f.Fatal(err)
	}
	for _, c := range file.Cases {
		f.Add(c.Link)
	}
	f.Add("https://a.b:443/p%41th?q=%2B+x&&=y&k")
	f.Fuzz(func(t *testing.T, s string) {
		var u rawURL
		e := scan(s, &u)
		if e != nil {
			if e.Err == nil || e.Offset < -1 || e.Offset > len(s) {
				t.Fatalf("scan(%q) error %+v", s, e)
			}
			return
		}
		v, err := url.Parse(s)
		if err != nil {
			t.Fatalf("scan(%q) = %+v, but url.Parse: %v", s, u, err)
		}
		if !strings.EqualFold(v.Scheme, u.scheme) {
			t.Fatalf("scan(%q) scheme %q, url.Parse %q", s, u.scheme, v.Scheme)
		}
		if v.User != nil || v.Fragment != "" || v.RawQuery != u.query || v.ForceQuery != (u.hasQuery && u.query == "") {
			t.Fatalf("scan(%q) = %+v; url.Parse = %#v", s, u, v)
		}
		if u.hier {
			path, err := url.PathUnescape(u.path)
			if err != nil || v.Opaque != "" || v.Hostname() != u.host || v.Port() != u.port || v.Path != path {
				t.Fatalf("scan(%q) = %+v; url.Parse = %#v", s, u, v)
			}
		} else if v.Opaque != u.path || v.Host != "" {
			t.Fatalf("scan(%q) = %+v; url.Parse = %#v", s, u, v)
		}
		if checkQuery(u.query, 0) != nil {
			return
		}
		vals, err := url.ParseQuery(u.query)
		if err != nil {
			t.Fatalf("checkQuery(%q) accepts, url.ParseQuery: %v", u.query, err)
		}
		for key, vs := range vals {
			for _, raw := range strings.Split(u.query, "&") {
				k, val, _ := strings.Cut(raw, "=")
				if !keyIs(k, key, false) || k == "" {
					continue
				}
				if !strings.Contains(val, "+") && !containsString(vs, unescape(val)) {
					t.Fatalf("query %q: key %q value %q decodes to %q, net/url has %q", u.query, key, val, unescape(val), vs)
				}
				if want, _ := url.PathUnescape(val); want != unescape(val) {
					t.Fatalf("unescape(%q) = %q, url.PathUnescape %q", val, unescape(val), want)
				}
			}
		}
	})
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzAddress checks that every address checkAddr accepts, net/mail reads
// as a bare address, unchanged.
func FuzzAddress(f *testing.F) {
	for _, s := range []string{"hello@example.com", "a.b+c@mail.example.co.uk", "o'neil@example.com", `"a b"@example.com`, "a@b", "a@[1.2.3.4]", "x=y@ex-ample.com", "a..b@example.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if checkAddr(s) != -1 {
			return
		}
		a, err := mail.ParseAddress(s)
		if err != nil {
			t.Fatalf("checkAddr accepts %q, net/mail: %v", s, err)
		}
		if a.Name != "" || a.Address != s {
			t.Fatalf("checkAddr accepts %q, net/mail reads %+v", s, a)
		}
	})
}

// FuzzEscapes checks refRule.escapes, which Build uses in place of check,
// against check and a byte-by-byte count, and that the length check
// returns is the length of the link URL writes, so that URL allocates once.
func FuzzEscapes(f *testing.F) {
	f.Add(uint8(Messenger), uint8(0), "a+b/c=d", "mypage", "", "")
	f.Add(uint8(WhatsApp), uint8(0), "héllo wörld & more\u0085", "15551234567", "", "")
	f.Add(uint8(Telegram), uint8(StartApp), "_tgr_abc", "my_bot", "shop", "")
	f.Add(uint8(Email), uint8(0), "x y", "a@example.com", "", "Hi & ¡olé!")
	f.Add(uint8(Line), uint8(0), "", "@line", "", "")
	f.Add(uint8(Email), uint8(0), "", "a@example.com", "", "")
	f.Fuzz(func(t *testing.T, kind, param uint8, s, target, app, subject string) {
		k, p := Kind(kind%uint8(numKinds-1)+1), StartParam(param%uint8(numStartParams))
		if k != Telegram {
			p = Start
		}
		r := ruleOf(k, p)
		n, ok := escapes(r, s, refClasses[k])
		_, _, err := r.check(s)
		if ok != (err == nil) {
			t.Fatalf("%v %v: escapes(%q) ok = %v, check: %v", k, p, s, ok, err)
		}
		want := 0
		for i := 0; i < len(s); i++ {
			if byteClass[s[i]]&refClasses[k] == 0 {
				want++
			}
		}
		if ok && n != want {
			t.Fatalf("%v: escapes(%q) = %d, want %d", k, s, n, want)
		}
		l := Link{Kind: k, Target: target, Ref: s, Param: p, App: app, Subject: subject}
		tt, esc, err := l.check()
		if err == nil {
			var n int
			n, err = refEscapes(l.Kind, l.Param, l.Ref)
			esc += n
		}
		size := l.size(tt, l.Ref == "", len(l.Ref), esc)
		u, err2 := l.URL()
		if (err == nil) != (err2 == nil) {
			t.Fatalf("%+v: check: %v, URL: %v", l, err, err2)
		}
		if err != nil {
			return
		}
		head, pre := l.lead(l.Ref == "")
		mid, val := l.middle()
		raw := head + pre + tt + mid + val + l.tail(l.Ref == "") + l.Ref
		if size != len(u) || (esc == 0) != (u == raw) || size != len(raw)+2*esc {
			t.Fatalf("%+v: check says %d bytes with %d escapes; URL writes %q", l, size, esc, u)
		}
	})
}

// FuzzSplitMailto checks that splitMailto, where it takes a URL, finds the
// parts that mark and split find.
func FuzzSplitMailto(f *testing.F) {
	for _, s := range []string{
		"mailto:hello@example.com?body=%2Fgiveaway--456",
		"mailto:hello@example.com",
		"mailto:a.b@c.example.org?subject=Hi&body=x",
		"mailto:hello@example.com?",
		"mailto:@example.com",
		"mailto:hello@example.com#x",
		"mailto:hello@exa%6Dple.com",
		"MAILTO:hello@example.com",
		"mailto://hello@example.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast := parsing{s: s}
		if !fast.splitMailto() {
			return
		}
		var want rawURL
		if e := want.mark(s, true); e != nil {
			t.Fatalf("splitMailto(%q) took a URL that mark refuses: %v", s, e)
		}
		if e := want.split(s); e != nil {
			t.Fatalf("splitMailto(%q) took a URL that split refuses: %v", s, e)
		}
		if fast.u != want {
			t.Fatalf("splitMailto(%q) = %+v, mark and split give %+v", s, fast.u, want)
		}
		if n, e := normTarget("Parse", Email, want.path); e != nil || n != want.path {
			t.Fatalf("splitMailto(%q) took address %q, which the Email form reads as %q, %v", s, want.path, n, e)
		}
	})
}
