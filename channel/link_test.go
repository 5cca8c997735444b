package channel_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entrylink/entrylink/channel"
)

// linkSentinels maps the error names used in testdata/links.json to the
// linkSentinels.
var linkSentinels = map[string]error{
	"ErrSyntax":      channel.ErrSyntax,
	"ErrScheme":      channel.ErrScheme,
	"ErrHost":        channel.ErrHost,
	"ErrIDNHost":     channel.ErrIDNHost,
	"ErrIPHost":      channel.ErrIPHost,
	"ErrPort":        channel.ErrPort,
	"ErrUserinfo":    channel.ErrUserinfo,
	"ErrBackslash":   channel.ErrBackslash,
	"ErrControl":     channel.ErrControl,
	"ErrRepeated":    channel.ErrRepeated,
	"ErrPlus":        channel.ErrPlus,
	"ErrPath":        channel.ErrPath,
	"ErrTarget":      channel.ErrTarget,
	"ErrVariant":     channel.ErrVariant,
	"ErrAlphabet":    channel.ErrAlphabet,
	"ErrTooLong":     channel.ErrTooLong,
	"ErrPrefix":      channel.ErrPrefix,
	"ErrParam":       channel.ErrParam,
	"ErrUnknownKind": channel.ErrUnknownKind,
}

// A linkGolden is one case of testdata/links.json.
type linkGolden struct {
	Name      string       `json:"name"`
	Link      string       `json:"link"`
	Kind      channel.Kind `json:"kind"`
	Target    string       `json:"target"`
	Ref       string       `json:"ref"`
	Param     string       `json:"param"`
	App       string       `json:"app"`
	Base      string       `json:"base"`
	Subject   string       `json:"subject"`
	Canonical string       `json:"canonical"`
	Error     string       `json:"error"`
}

func loadLinkGolden(t testing.TB) []linkGolden {
	t.Helper()
	b, err := os.ReadFile("../testdata/links.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []linkGolden `json:"cases"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Cases) == 0 {
		t.Fatal("no cases in testdata/links.json")
	}
	return f.Cases
}

var linkStartParams = map[string]channel.StartParam{
	"": channel.Start, "start": channel.Start, "startgroup": channel.StartGroup, "startapp": channel.StartApp,
}

func (g linkGolden) link(t *testing.T) channel.Link {
	p, ok := linkStartParams[g.Param]
	if !ok {
		t.Fatalf("bad param %q", g.Param)
	}
	return channel.Link{Kind: g.Kind, Target: g.Target, Ref: g.Ref, Param: p, App: g.App, Base: g.Base, Subject: g.Subject}
}

// TestGolden parses every link of testdata/links.json and checks the Link
// or the error, then writes each Link back and checks the canonical link,
// which must parse to the same Link.
func TestGolden(t *testing.T) {
	for _, g := range loadLinkGolden(t) {
		t.Run(g.Name, func(t *testing.T) {
			got, err := channel.Parse(g.Link)
			if g.Error != "" {
				want, ok := linkSentinels[g.Error]
				if !ok {
					t.Fatalf("unknown sentinel %q", g.Error)
				}
				if !errors.Is(err, want) {
					t.Fatalf("Parse(%q) = %+v, %v; want error %s", g.Link, got, err, g.Error)
				}
				var le *channel.LinkError
				if !errors.As(err, &le) {
					t.Fatalf("Parse(%q) error %T is not a *LinkError", g.Link, err)
				}
				if le.Op != "Parse" || le.Input != g.Link || le.Offset < -1 || le.Offset >= len(g.Link)+1 {
					t.Errorf("Parse(%q) error fields: %+v", g.Link, le)
				}
				if diff := cmp.Diff(channel.Link{}, got); diff != "" {
					t.Errorf("Parse(%q) returned a Link with its error (-want +got):\n%s", g.Link, diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", g.Link, err)
			}
			want := g.link(t)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("Parse(%q) mismatch (-want +got):\n%s", g.Link, diff)
			}
			canon := g.Canonical
			if canon == "" {
				canon = g.Link
			}
			s, err := got.URL()
			if err != nil {
				t.Fatalf("%+v.URL(): %v", got, err)
			}
			if s != canon {
				t.Errorf("%+v.URL() = %q, want %q", got, s, canon)
			}
			again, err := channel.Parse(s)
			if err != nil {
				t.Fatalf("Parse(%q) of the canonical link: %v", s, err)
			}
			if diff := cmp.Diff(want, again); diff != "" {
				t.Errorf("Parse(%q) of the canonical link mismatch (-want +got):\n%s", s, diff)
			}
		})
	}
}

// TestGoldenCoversEveryKind makes sure that testdata/links.json has a
// valid link of every channel.
func TestGoldenCoversEveryKind(t *testing.T) {
	seen := map[channel.Kind]bool{}
	for _, g := range loadLinkGolden(t) {
		if g.Error == "" {
			seen[g.Kind] = true
		}
	}
	for _, k := range channel.Kinds() {
		if !seen[k] {
			t.Errorf("no valid %v link in testdata/links.json", k)
		}
	}
}
