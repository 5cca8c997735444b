package entrylink_test

import (
	"errors"
	"fmt"

	"github.com/entrylink/entrylink"
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// Any entry link, pasted from anywhere, to its channel, target and ref.
func ExampleParse() {
	e, err := entrylink.Parse("https://m.me/mypage?ref=tutorial--value1--738--value2--514--value3")
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Link.Kind, e.Link.Target)
	fmt.Println("raw:", e.Link.Ref)
	fmt.Println("flow:", e.Ref.Name, "default payload:", e.Ref.Payload)
	for _, f := range e.Ref.Fields {
		fmt.Printf("field %s = %s\n", f.ID, f.Value)
	}
	// Output:
	// Messenger mypage
	// raw: tutorial--value1--738--value2--514--value3
	// flow: tutorial default payload: value1
	// field 738 = value2
	// field 514 = value3
}

// Lookalike links are refused with a typed error.
func ExampleParse_lookalike() {
	_, err := entrylink.Parse("https://t.me.evil.com/my_bot?start=giveaway")
	fmt.Println(errors.Is(err, channel.ErrHost))
	// Output:
	// true
}

// Build picks the transport each channel needs: the same JSON ref travels
// raw on WhatsApp and as base64url on Telegram, whose alphabet has no '{'.
func ExampleBuild() {
	r := refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2}`)}
	for _, c := range []struct {
		kind   channel.Kind
		target string
	}{
		{channel.Telegram, "my_bot"},
		{channel.WhatsApp, "+1 555 010 4477"},
	} {
		link, err := entrylink.Build(c.kind, c.target, r)
		if err != nil {
			panic(err)
		}
		fmt.Println(link)
	}
	// Output:
	// https://t.me/my_bot?start=orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0
	// https://wa.me/15550104477?text=/orderjsondata--%7B%22sku%22:%22A1%22%2C%22qty%22:2%7D
}

// When a ref cannot fit, the error says so in numbers.
func ExampleBuild_tooLong() {
	r := refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2,"note":"please gift wrap it"}`)}
	_, err := entrylink.Build(channel.Telegram, "my_bot", r)
	fmt.Println(err)
	var fe *entrylink.FitError
	if errors.As(err, &fe) {
		fmt.Println(fe.Len-fe.Limit, "characters over")
	}
	// Output:
	// entrylink: Telegram allows 64 characters; this ref needs 81 after base64url encoding
	// 17 characters over
}

// A webhook body to the referrals it carries, each ref decoded. A ref that
// does not decode is reported on its own referral.
func ExampleReferrals() {
	body := []byte(`{"object":"page","entry":[{"id":"104820565340527","time":1732358400123,"messaging":[
	  {"sender":{"id":"6203461296388453"},"recipient":{"id":"104820565340527"},"timestamp":1732358400000,
	   "postback":{"title":"Get Started","payload":"GET_STARTED",
	     "referral":{"ref":"giveaway–456","source":"SHORTLINK","type":"OPEN_THREAD"}}}]}]}`)
	refs, err := entrylink.Referrals(channel.Messenger, body)
	if err != nil {
		panic(err)
	}
	for _, r := range refs {
		if r.Err != nil {
			fmt.Println("bad ref:", r.Err)
			continue
		}
		fmt.Printf("user %s came in via %s (%v): flow %q, payload %q\n",
			r.UserID, r.Source, r.Origin, r.Decoded.Name, r.Decoded.Payload)
	}
	// Output:
	// user 6203461296388453 came in via SHORTLINK (link): flow "giveaway", payload "456"
}
