// Quickstart builds entry links for every channel from two refs, parses
// each link back, and decodes the referrals in every sample webhook body,
// printing what it finds as tables. It exits non-zero if any link does not
// read back as the ref it was built from.
//
// Run it from the module root:
//
//	go run ./examples/quickstart
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// targets is one plausible target per channel.
var targets = map[channel.Kind]string{
	channel.Messenger: "mypage",
	channel.Instagram: "mybrand",
	channel.WhatsApp:  "+1 (555) 010-4477",
	channel.Telegram:  "my_bot",
	channel.Viber:     "mybot",
	channel.WebChat:   "12345",
	channel.Line:      "@mybot",
	channel.SMS:       "+1 555 010 4477",
	channel.Email:     "bot@example.com",
}

func main() {
	dir := flag.String("webhooks", filepath.Join("testdata", "webhooks"), "directory of sample webhook bodies")
	flag.Parse()
	if err := run(os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, webhooks string) error {
	refs := []refparam.Ref{
		{Name: "giveaway", Payload: "456", Fields: []refparam.Field{{ID: "738", Value: "blue"}, {ID: "514", Value: "XL"}}},
		{Name: "order", JSON: []byte(`{"sku":"A1","qty":2}`)},
	}
	failures, err := links(w, refs)
	if err != nil {
		return err
	}
	if err := referrals(w, webhooks); err != nil {
		return err
	}
	if failures > 0 {
		return fmt.Errorf("%d links did not read back as built", failures)
	}
	return nil
}

// links builds each ref into a link for every channel, parses it back and
// prints the table; it returns how many round trips failed.
func links(w io.Writer, refs []refparam.Ref) (failures int, err error) {
	fmt.Fprintln(w, "Links: each ref built for every channel, then parsed back")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHANNEL\tLINK\tREAD BACK")
	for _, r := range refs {
		for _, k := range channel.Kinds() {
			link, err := entrylink.Build(k, targets[k], r)
			if err != nil {
				return 0, fmt.Errorf("build %v link for %s: %w", k, r, err)
			}
			status := "ok"
			e, err := entrylink.Parse(link)
			switch {
			case err != nil:
				status, failures = "FAILED: "+err.Error(), failures+1
			case e.Link.Kind != k || !e.Ref.Equal(r):
				status, failures = "DIFFERS: "+e.Link.Kind.String()+" "+e.Ref.String(), failures+1
			}
			fmt.Fprintf(tw, "%v\t%s\t%s\n", k, link, status)
		}
	}
	return failures, tw.Flush()
}

// referrals decodes every sample body in dir, whose file names start with
// the channel's name (telegram-start-private.json, sms-twilio.form).
func referrals(w io.Writer, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Referrals: every sample webhook body in", dir)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "BODY\tCHANNEL\tUSER\tORIGIN\tSOURCE\tREF\tDECODED")
	bodies := 0
	for _, path := range files {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		kindName, _, _ := strings.Cut(name, "-")
		k, err := channel.ParseKind(kindName)
		if err != nil {
			continue // not a sample body
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		bodies++
		rs, err := entrylink.Referrals(k, body)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if len(rs) == 0 {
			fmt.Fprintf(tw, "%s\t%v\t\t\t\t(no referral)\t\n", name, k)
		}
		for _, r := range rs {
			decoded := describe(r.Decoded)
			if r.Err != nil {
				decoded = "error: " + r.Err.Error()
			}
			fmt.Fprintf(tw, "%s\t%v\t%s\t%v\t%s\t%q\t%s\n", name, k, r.UserID, r.Origin, r.Source, r.Ref, decoded)
		}
	}
	if bodies == 0 {
		return fmt.Errorf("no sample bodies in %s (run from the module root, or pass -webhooks)", dir)
	}
	return tw.Flush()
}

// describe renders a decoded ref for the table.
func describe(r refparam.Ref) string {
	if r.Name == "" {
		return "(no ref)"
	}
	var b strings.Builder
	b.WriteString("flow=" + r.Name)
	if r.Payload != "" {
		b.WriteString(" payload=" + r.Payload)
	}
	for _, f := range r.Fields {
		b.WriteString(" field[" + f.ID + "]=" + f.Value)
	}
	if len(r.JSON) > 0 {
		b.WriteString(" json=" + string(r.JSON))
	}
	return b.String()
}
