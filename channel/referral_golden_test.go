package channel_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entrylink/entrylink/channel"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/webhooks/*.golden.json from the current results")

// webhookSample is one body under testdata/webhooks: <channel>-<case>.json,
// or .form for the form-encoded SMS (Twilio) bodies.
type webhookSample struct {
	name string // file name
	kind channel.Kind
	body []byte
}

func webhookSamples(t testing.TB) []webhookSample {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "webhooks", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []webhookSample
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		prefix, _, _ := strings.Cut(name, "-")
		k, err := channel.ParseKind(prefix)
		if err != nil {
			t.Fatalf("%s: file name does not start with a channel: %v", name, err)
		}
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, webhookSample{name, k, body})
	}
	if len(out) < 19 {
		t.Fatalf("found %d webhook samples, want at least 19", len(out))
	}
	return out
}

func goldenPath(sample string) string {
	return filepath.Join("..", "testdata", "webhooks", strings.TrimSuffix(sample, filepath.Ext(sample))+".golden.json")
}

// TestReferralsGolden reads every sample body and compares the result with
// the golden file beside it (go test -run Golden -update rewrites them;
// review the diff before committing).
func TestReferralsGolden(t *testing.T) {
	for _, s := range webhookSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			got, err := channel.Referrals(s.kind, s.body)
			if err != nil {
				t.Fatalf("Referrals(%v, %s): %v", s.kind, s.name, err)
			}
			path := goldenPath(s.name)
			if *updateGolden {
				if got == nil {
					got = []channel.Referral{}
				}
				data, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want []channel.Referral
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Referrals(%v, %s) mismatch (-want +got):\n%s", s.kind, s.name, diff)
			}
		})
	}
}

// TestReferralsOtherShapes reads every sample as every other channel: a body
// of another channel's shape yields nothing, and no error unless it is not
// even the other channel's syntax (a form is not JSON; a JSON body may hold
// a '%' that is not a valid form escape).
func TestReferralsOtherShapes(t *testing.T) {
	for _, s := range webhookSamples(t) {
		for _, k := range channel.Kinds() {
			if k == s.kind || k == channel.WebChat || k == channel.Email {
				continue
			}
			// A bare {"field","value"} envelope names no object: it reads
			// the same as Messenger and as Instagram (documented).
			if s.name == "messenger-envelope.json" && k == channel.Instagram {
				continue
			}
			got, err := channel.Referrals(k, s.body)
			if len(got) != 0 {
				t.Errorf("Referrals(%v, %s) = %d referrals, want none", k, s.name, len(got))
			}
			syntaxOnly := (k == channel.SMS) != (s.kind == channel.SMS)
			if err != nil && !(syntaxOnly && errors.Is(err, channel.ErrBody)) {
				t.Errorf("Referrals(%v, %s): unexpected error %v", k, s.name, err)
			}
			if s.kind == channel.SMS && k != channel.SMS && !errors.Is(err, channel.ErrBody) {
				t.Errorf("Referrals(%v, %s) = %v, want ErrBody (a form is not JSON)", k, s.name, err)
			}
		}
	}
}
