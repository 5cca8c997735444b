package channel_test

import (
	"errors"
	"fmt"

	"github.com/entrylink/entrylink/channel"
)

func ExampleBuild() {
	for _, k := range []channel.Kind{channel.Messenger, channel.Telegram, channel.WhatsApp, channel.SMS} {
		target := map[channel.Kind]string{
			channel.Messenger: "mypage",
			channel.Telegram:  "giveaway_bot",
			channel.WhatsApp:  "+1 (555) 123-4567",
			channel.SMS:       "+1 555 123 4567",
		}[k]
		link, err := channel.Build(k, target, "giveaway--456")
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(link)
	}
	// Output:
	// https://m.me/mypage?ref=giveaway--456
	// https://t.me/giveaway_bot?start=giveaway--456
	// https://wa.me/15551234567?text=/giveaway--456
	// sms:+15551234567?body=%2Fgiveaway--456
}

// AppendLink writes links into one buffer, for a page of links, say, with
// refs the program has as bytes.
func ExampleAppendLink() {
	var page []byte
	for _, ref := range [][]byte{[]byte("giveaway--456"), []byte("survey----738--yes")} {
		var err error
		page, err = channel.AppendLink(page, channel.Telegram, "giveaway_bot", ref)
		if err != nil {
			fmt.Println(err)
			return
		}
		page = append(page, '\n')
	}
	fmt.Print(string(page))
	// Output:
	// https://t.me/giveaway_bot?start=giveaway--456
	// https://t.me/giveaway_bot?start=survey----738--yes
}

func ExampleParse() {
	l, err := channel.Parse("https://api.whatsapp.com/send?phone=15551234567&text=%2Fgiveaway--456")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Kind, l.Target, l.Ref)

	_, err = channel.Parse("https://t.me.evil.com/giveaway_bot?start=x")
	fmt.Println(errors.Is(err, channel.ErrHost))
	fmt.Println(err)
	// Output:
	// WhatsApp 15551234567 giveaway--456
	// true
	// channel: Parse("https://t.me.evil.com/giveaway_bot?start=x"): host "t.me.evil.com" at byte 8: host is not a channel's
}

func ExampleCheck() {
	fmt.Println(channel.Check(channel.Telegram, "giveaway--456"))
	fmt.Println(channel.Check(channel.Telegram, `giveaway{"a":1}`))

	err := channel.Check(channel.Telegram, "eyJ0eXBlIjoiZ2l2ZWF3YXkiLCJjb2RlIjoiU1VNTUVSLTIwMjYiLCJjYW1wYWlnbiI6ImluZmx1ZW5jZXJzIn0")
	var le *channel.LinkError
	if errors.As(err, &le) && errors.Is(err, channel.ErrTooLong) {
		fmt.Println(le.Len, le.Limit)
	}
	fmt.Println(err)
	// Output:
	// <nil>
	// channel: Telegram start payload: '{' at byte 8 is not allowed (A-Z a-z 0-9 _ -)
	// 87 64
	// channel: Telegram start payload is 87 characters; the limit is 64
}

func ExampleLink_URL() {
	l := channel.Link{
		Kind:   channel.Telegram,
		Target: "giveaway_bot",
		Param:  channel.StartApp,
		App:    "shop",
		Ref:    "item-42",
	}
	s, err := l.URL()
	fmt.Println(s, err)
	// Output:
	// https://t.me/giveaway_bot/shop?startapp=item-42 <nil>
}

func ExampleParser_WithWebChatHosts() {
	p := channel.Parser{}.WithWebChatHosts("chatrace.com")
	l, err := p.Parse("https://chatrace.com/bots/webchat/?p=1234567&ref=giveaway--456")
	fmt.Printf("%v %q %q %q %v\n", l.Kind, l.Base, l.Target, l.Ref, err)
	// Output:
	// WebChat "https://chatrace.com/bots/webchat/" "1234567" "giveaway--456" <nil>
}

func ExampleInAlphabet() {
	json := `{"id":7}`
	fmt.Println(channel.InAlphabet(channel.Telegram, json), channel.InAlphabet(channel.WhatsApp, json))
	// Output:
	// false true
}
