package entrylink_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// FuzzBuildParse checks the composition: for every channel, a Ref that
// Build writes into a link is the Ref that Parse reads back from it, on
// the same channel; and a Build that fails says why with a typed error.
func FuzzBuildParse(f *testing.F) {
	for _, tt := range buildTests {
		var id, v string
		if len(tt.ref.Fields) > 0 {
			id, v = tt.ref.Fields[0].ID, tt.ref.Fields[0].Value
		}
		f.Add(uint8(tt.kind), tt.target, tt.ref.Name, tt.ref.Payload, id, v, string(tt.ref.JSON))
	}
	f.Add(uint8(channel.Telegram), "my_bot", "order", "", "", "", `{"note":"please gift wrap it, and thank you"}`)
	f.Add(uint8(channel.Messenger), "mypage", "a b", "c&d", "1", "#x", "")
	f.Fuzz(func(t *testing.T, kind uint8, target, name, payload, id, value, doc string) {
		k := channel.Kind(kind%uint8(len(channel.Kinds())) + 1)
		r := refparam.Ref{Name: name, Payload: payload}
		if id != "" || value != "" {
			r.Fields = []refparam.Field{{ID: id, Value: value}}
		}
		if doc != "" {
			r = refparam.Ref{Name: name, JSON: []byte(doc)}
		}
		link, err := entrylink.Build(k, target, r)
		// BuildLink takes the other road, through a string of the ref and
		// Link.URL; it must reach the same link, or the same error.
		link2, err2 := entrylink.BuildLink(channel.Link{Kind: k, Target: target}, r)
		if link2 != link || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("Build(%v, %q, %#v) = %q, %v; BuildLink = %q, %v", k, target, r, link, err, link2, err2)
		}
		if err != nil {
			var (
				ee *refparam.EncodeError
				le *channel.LinkError
				fe *entrylink.FitError
			)
			if !errors.As(err, &ee) && !errors.As(err, &le) && !errors.As(err, &fe) && !errors.Is(err, entrylink.ErrWhiteSpace) {
				t.Fatalf("Build(%v, %q, %#v) error %T: %v", k, target, r, err, err)
			}
			return
		}
		e, err := entrylink.Parse(link)
		if err != nil {
			t.Fatalf("Build(%v, %q, %#v) = %q, which Parse refuses: %v", k, target, r, link, err)
		}
		if e.Link.Kind != k {
			t.Fatalf("Build(%v, …) = %q, which Parse reads as %v", k, link, e.Link.Kind)
		}
		if !e.Ref.Equal(r) {
			t.Fatalf("Build(%v, %q, %#v) = %q, which Parse reads as %#v", k, target, r, link, e.Ref)
		}
		if again, err := entrylink.Build(k, e.Link.Target, e.Ref); err != nil || again != link {
			t.Fatalf("rebuilding %q from its own Entry gave %q, %v", link, again, err)
		}
	})
}

// FuzzParse checks that Parse is pure, never returns a partial Entry with
// an error, and that every Entry it returns builds back to a link that
// parses to the same Entry.
func FuzzParse(f *testing.F) {
	for _, tt := range buildTests {
		f.Add(tt.want)
	}
	f.Add("https://t.me/my_bot?start=giveaway–456")
	f.Add("https://m.me/mypage?ref=a---b")
	f.Fuzz(func(t *testing.T, link string) {
		e, err := entrylink.Parse(link)
		again, err2 := entrylink.Parse(link)
		if (err == nil) != (err2 == nil) || !cmp.Equal(e, again) {
			t.Fatalf("Parse(%q) is not pure", link)
		}
		if err != nil {
			if !cmp.Equal(e, entrylink.Entry{}) {
				t.Fatalf("Parse(%q) returned %#v with error %v", link, e, err)
			}
			return
		}
		l := e.Link
		l.Ref = ""
		rebuilt, err := entrylink.BuildLink(l, e.Ref)
		if err != nil {
			// A ref read liberally (en dashes, curly quotes) may be longer
			// in canonical form, or need base64url where it was %-encoded.
			var fe *entrylink.FitError
			if errors.As(err, &fe) {
				return
			}
			t.Fatalf("Parse(%q) = %#v, which does not build: %v", link, e, err)
		}
		back, err := entrylink.Parse(rebuilt)
		if err != nil || !back.Ref.Equal(e.Ref) || back.Link.Kind != e.Link.Kind {
			t.Fatalf("Parse(%q) = %#v; rebuilt as %q, which parses to %#v, %v", link, e.Ref, rebuilt, back.Ref, err)
		}
	})
}
