// Linkgen builds and reads chatbot entry links from the command line.
//
//	linkgen -channel telegram -target my_bot giveaway--456
//	linkgen -decode 'https://t.me/my_bot?start=giveaway--456'
//
// Run linkgen -h for the manual.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

const manual = `NAME
    linkgen - build and read chatbot entry links

SYNOPSIS
    linkgen -channel CHANNEL -target TARGET [-param PARAM] [-app NAME]
            [-base URL] [-subject TEXT] [-json] REF
    linkgen -decode LINK [-json]

DESCRIPTION
    An entry link sends a person into a bot conversation and carries a ref:
    a flow name, a default payload, custom-field values or a JSON document,
    written NAME--PAYLOAD--ID--VALUE... or NAMEjsondata--{...}.

    In the first form linkgen reads REF (en and em dashes for "--" and curly
    quotes in JSON are fine), writes it canonically, and prints the link of
    CHANNEL to TARGET that carries it. A JSON document travels raw where the
    channel allows it and as base64url where it does not (Messenger,
    Instagram, Telegram) or where its white space would end the ref
    (WhatsApp, LINE, SMS, Email). Quote REF for the shell.

    In the second form linkgen reads LINK, from any channel, and prints its
    channel, target and ref, raw and decoded. Lookalike hosts, userinfo,
    other ports and repeated parameters are refused.

OPTIONS
    -channel CHANNEL
        messenger, instagram, whatsapp, telegram, viber, webchat, line, sms
        or email.
    -target TARGET
        The conversation to open: the page (Messenger), username
        (Instagram), phone number (WhatsApp, SMS), bot username (Telegram),
        chat URI (Viber), account id (WebChat), LINE id (@name) or e-mail
        address.
    -param PARAM
        Telegram only: start (the default), startgroup or startapp.
    -app NAME
        Telegram only, with -param startapp: the Mini App's short name.
    -base URL
        WebChat only: the web chat page of a white-label host.
    -subject TEXT
        Email only: the subject line.
    -decode LINK
        Read LINK instead of building one.
    -json
        Print one JSON object instead of text.
    -h  Print this manual.

EXAMPLES
    linkgen -channel telegram -target my_bot giveaway--456
        https://t.me/my_bot?start=giveaway--456

    linkgen -channel whatsapp -target '+1 555 010 4477' 'giveaway–value1–738–value2'
        https://wa.me/15550104477?text=/giveaway--value1--738--value2

    linkgen -channel telegram -target my_bot 'orderjsondata--{"sku":"A1"}'
        https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSJ9

    linkgen -json -decode 'https://m.me/mypage?ref=giveaway--456'

EXIT STATUS
    0 on success; 2 on bad input: a usage error, a ref or link that does
    not decode, or a ref that the channel cannot carry (the message says
    which rule and where).
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is linkgen with its arguments and output streams; it returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("linkgen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		kindName = fs.String("channel", "", "")
		target   = fs.String("target", "", "")
		param    = fs.String("param", "start", "")
		app      = fs.String("app", "", "")
		base     = fs.String("base", "", "")
		subject  = fs.String("subject", "", "")
		decode   = fs.String("decode", "", "")
		asJSON   = fs.Bool("json", false, "")
	)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, manual)
			return 0
		}
		return usage(stderr, err.Error())
	}

	var out any
	if *decode != "" {
		building := false
		fs.Visit(func(f *flag.Flag) {
			building = building || f.Name != "decode" && f.Name != "json"
		})
		if fs.NArg() > 0 || building {
			return usage(stderr, "-decode takes a link and only -json beside it")
		}
		e, err := entrylink.Parse(*decode)
		if err != nil {
			return fail(stderr, err)
		}
		out = describe(e)
	} else {
		if fs.NArg() != 1 {
			return usage(stderr, "give exactly one REF (quote it for the shell)")
		}
		k, err := channel.ParseKind(*kindName)
		if err != nil {
			return usage(stderr, "-channel: "+err.Error())
		}
		l := channel.Link{Kind: k, Target: *target, App: *app, Base: *base, Subject: *subject}
		if l.Param, err = parseParam(*param); err != nil {
			return usage(stderr, err.Error())
		}
		r, err := refparam.Parse(fs.Arg(0))
		if err != nil {
			return fail(stderr, err)
		}
		link, err := entrylink.BuildLink(l, r)
		if err != nil {
			return fail(stderr, err)
		}
		if !*asJSON {
			fmt.Fprintln(stdout, link)
			return 0
		}
		e, err := entrylink.Parse(link)
		if err != nil {
			return fail(stderr, err)
		}
		out = describe(e)
	}

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	printText(stdout, out.(entry))
	return 0
}

func parseParam(s string) (channel.StartParam, error) {
	for _, p := range []channel.StartParam{channel.Start, channel.StartGroup, channel.StartApp} {
		if s == p.String() {
			return p, nil
		}
	}
	return 0, fmt.Errorf("-param: %q is not start, startgroup or startapp", s)
}

// entry is what linkgen prints about a link.
type entry struct {
	Link    string `json:"link,omitempty"`
	Channel string `json:"channel"`
	Target  string `json:"target"`
	Param   string `json:"param,omitempty"`
	App     string `json:"app,omitempty"`
	Base    string `json:"base,omitempty"`
	Subject string `json:"subject,omitempty"`
	Ref     string `json:"ref"`
	Decoded *ref   `json:"decoded,omitempty"`
}

type ref struct {
	Name    string          `json:"name"`
	Payload string          `json:"payload,omitempty"`
	Fields  []field         `json:"fields,omitempty"`
	JSON    json.RawMessage `json:"json,omitempty"`
}

type field struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

func describe(e entrylink.Entry) entry {
	kind, _ := e.Link.Kind.MarshalText()
	out := entry{
		Channel: string(kind), Target: e.Link.Target, App: e.Link.App,
		Base: e.Link.Base, Subject: e.Link.Subject, Ref: e.Link.Ref,
	}
	if link, err := e.Link.URL(); err == nil {
		out.Link = link
	}
	if e.Link.Kind == channel.Telegram {
		out.Param = e.Link.Param.String()
	}
	if e.Ref.Name != "" {
		d := &ref{Name: e.Ref.Name, Payload: e.Ref.Payload, JSON: json.RawMessage(e.Ref.JSON)}
		for _, f := range e.Ref.Fields {
			d.Fields = append(d.Fields, field{ID: f.ID, Value: f.Value})
		}
		out.Decoded = d
	}
	return out
}

func printText(w io.Writer, e entry) {
	fmt.Fprintf(w, "channel  %s\n", e.Channel)
	fmt.Fprintf(w, "target   %s\n", e.Target)
	for _, kv := range [][2]string{{"param", e.Param}, {"app", e.App}, {"base", e.Base}, {"subject", e.Subject}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "%-8s %s\n", kv[0], kv[1])
		}
	}
	if e.Ref == "" {
		fmt.Fprintln(w, "ref      (none)")
		return
	}
	fmt.Fprintf(w, "ref      %s\n", e.Ref)
	d := e.Decoded
	fmt.Fprintf(w, "flow     %s\n", d.Name)
	if d.Payload != "" {
		fmt.Fprintf(w, "payload  %s\n", d.Payload)
	}
	for _, f := range d.Fields {
		fmt.Fprintf(w, "field    %s = %s\n", f.ID, f.Value)
	}
	if len(d.JSON) > 0 {
		fmt.Fprintf(w, "json     %s\n", d.JSON)
	}
}

func usage(w io.Writer, msg string) int {
	fmt.Fprintf(w, "linkgen: %s\n", msg)
	fmt.Fprintln(w, "usage: linkgen -channel CHANNEL -target TARGET [options] REF")
	fmt.Fprintln(w, "       linkgen -decode LINK [-json]")
	fmt.Fprintln(w, "Run linkgen -h for the manual.")
	return 2
}

func fail(w io.Writer, err error) int {
	msg := err.Error()
	if !strings.HasPrefix(msg, "linkgen") {
		msg = "linkgen: " + msg
	}
	fmt.Fprintln(w, msg)
	return 2
}
