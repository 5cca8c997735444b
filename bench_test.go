package entrylink_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// The comparator: what a Go developer writes without this library —
// url.Parse, Query().Get, a switch on the host, strings.Split on "--" and a
// map for the fields, encoding/json for a JSON document. It checks far less
// (no lookalike hosts, no alphabets, no ambiguity); it is here to show the
// speed of the usual approach.
type naiveEntry struct {
	kind, target, name, payload string
	fields                      map[string]string
	doc                         map[string]any
}

func naiveParse(raw string) (naiveEntry, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return naiveEntry{}, err
	}
	q := u.Query()
	var e naiveEntry
	var ref string
	switch strings.ToLower(u.Host) {
	case "m.me":
		e.kind, e.target, ref = "messenger", strings.Trim(u.Path, "/"), q.Get("ref")
	case "ig.me":
		e.kind, e.target, ref = "instagram", strings.TrimPrefix(strings.Trim(u.Path, "/"), "m/"), q.Get("ref")
	case "t.me", "telegram.me":
		e.kind, e.target, ref = "telegram", strings.Trim(u.Path, "/"), q.Get("start")
	case "wa.me":
		e.kind, e.target, ref = "whatsapp", strings.Trim(u.Path, "/"), strings.TrimPrefix(q.Get("text"), "/")
	default:
		return naiveEntry{}, errors.New("unknown host")
	}
	parts := strings.Split(ref, "--")
	e.name = parts[0]
	if strings.HasSuffix(e.name, "jsondata") && len(parts) > 1 {
		e.name = strings.TrimSuffix(e.name, "jsondata")
		doc := []byte(strings.Join(parts[1:], "--"))
		if doc[0] != '{' {
			if doc, err = base64.RawURLEncoding.DecodeString(string(doc)); err != nil {
				return naiveEntry{}, err
			}
		}
		return e, json.Unmarshal(doc, &e.doc)
	}
	rest := parts[1:]
	if len(rest)%2 == 1 {
		e.payload, rest = rest[0], rest[1:]
	}
	e.fields = make(map[string]string)
	for i := 0; i+1 < len(rest); i += 2 {
		e.fields[rest[i]] = rest[i+1]
	}
	return e, nil
}

// naiveBuild is the comparator for Build: url.Values, strings.Join,
// encoding/json and base64 for the JSON document.
func naiveBuild(kind, target, name, payload string, fields [][2]string, doc map[string]any) (string, error) {
	parts := []string{name}
	if doc != nil {
		b, err := json.Marshal(doc)
		if err != nil {
			return "", err
		}
		parts = []string{name + "jsondata", base64.RawURLEncoding.EncodeToString(b)}
	} else if payload != "" || len(fields) > 0 {
		parts = append(parts, payload)
		for _, f := range fields {
			parts = append(parts, f[0], f[1])
		}
	}
	ref := strings.Join(parts, "--")
	q := url.Values{}
	u := url.URL{Scheme: "https"}
	switch kind {
	case "telegram":
		u.Host, u.Path = "t.me", "/"+target
		q.Set("start", ref)
	case "messenger":
		u.Host, u.Path = "m.me", "/"+target
		q.Set("ref", ref)
	case "whatsapp":
		u.Host, u.Path = "wa.me", "/"+target
		q.Set("text", "/"+ref)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

var benchLinks = []struct{ name, link string }{
	{"messenger-payload", "https://m.me/mypage?ref=giveaway--456"},
	{"telegram-fields", "https://t.me/my_bot?start=giveaway--value1--738--value2--514--value3"},
	{"whatsapp-fields", "https://wa.me/15550104477?text=/giveaway--value1--738--value2--514--value3"},
	{"telegram-json", "https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0"},
}

func BenchmarkParse(b *testing.B) {
	for _, bb := range benchLinks {
		if _, err := entrylink.Parse(bb.link); err != nil {
			b.Fatal(err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				entrylink.Parse(bb.link)
			}
		})
	}
}

func BenchmarkNaiveParse(b *testing.B) {
	for _, bb := range benchLinks {
		if _, err := naiveParse(bb.link); err != nil {
			b.Fatal(err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				naiveParse(bb.link)
			}
		})
	}
}

var benchBuilds = []struct {
	name   string
	kind   channel.Kind
	target string
	ref    refparam.Ref
}{
	{"messenger-payload", channel.Messenger, "mypage", refparam.Ref{Name: "giveaway", Payload: "456"}},
	{"telegram-fields", channel.Telegram, "my_bot", refparam.MustParse("giveaway--value1--738--value2--514--value3")},
	{"whatsapp-fields", channel.WhatsApp, "15550104477", refparam.MustParse("giveaway--value1--738--value2--514--value3")},
	{"telegram-json", channel.Telegram, "my_bot", refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2}`)}},
}

func BenchmarkBuild(b *testing.B) {
	for _, bb := range benchBuilds {
		if _, err := entrylink.Build(bb.kind, bb.target, bb.ref); err != nil {
			b.Fatal(err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				entrylink.Build(bb.kind, bb.target, bb.ref)
			}
		})
	}
}

func BenchmarkNaiveBuild(b *testing.B) {
	for _, bb := range benchBuilds {
		kind, _ := bb.kind.MarshalText()
		var fields [][2]string
		for _, f := range bb.ref.Fields {
			fields = append(fields, [2]string{f.ID, f.Value})
		}
		var doc map[string]any
		if bb.ref.JSON != nil {
			if err := json.Unmarshal(bb.ref.JSON, &doc); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				naiveBuild(string(kind), bb.target, bb.ref.Name, bb.ref.Payload, fields, doc)
			}
		})
	}
}
