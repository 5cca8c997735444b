package channel_test

import (
	"errors"
	"fmt"

	"github.com/entrylink/entrylink/channel"
)

func ExampleReferrals() {
	// A Messenger webhook: a person opened m.me/yourpage?ref=giveaway--456
	// and tapped Get Started.
	body := []byte(`{"object":"page","entry":[{"id":"104512345678901","time":1732358500123,"messaging":[
	  {"sender":{"id":"7012345678901234"},"recipient":{"id":"104512345678901"},"timestamp":1732358500001,
	   "postback":{"mid":"m_Gs9","title":"Get Started","payload":"GET_STARTED",
	     "referral":{"ref":"giveaway--456","source":"SHORTLINK","type":"OPEN_THREAD"}}}]}]}`)
	refs, err := channel.Referrals(channel.Messenger, body)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range refs {
		fmt.Printf("%v user %s brought ref %q (origin %v, source %s)\n", r.Kind, r.UserID, r.Ref, r.Origin, r.Source)
	}

	// A Telegram group: t.me/entrylink_demo_bot?startgroup=giveaway--456.
	body = []byte(`{"update_id":10001,"message":{"message_id":88,"from":{"id":1111111},
	  "chat":{"id":-1001234567890,"type":"supergroup"},"date":1441645600,
	  "text":"/start@entrylink_demo_bot giveaway--456"}}`)
	refs, _ = channel.Referrals(channel.Telegram, body)
	r := refs[0]
	fmt.Printf("%v user %s in chat %s via %s to @%s: %q\n", r.Kind, r.UserID, r.ChatID, r.Source, r.RecipientID, r.Ref)

	// Broken JSON is an error, matchable with errors.Is.
	_, err = channel.Referrals(channel.WhatsApp, []byte(`{"object":"whatsapp_business_account",}`))
	fmt.Println(errors.Is(err, channel.ErrBody), err)
	// Output:
	// Messenger user 7012345678901234 brought ref "giveaway--456" (origin link, source SHORTLINK)
	// Telegram user 1111111 in chat -1001234567890 via startgroup to @entrylink_demo_bot: "giveaway--456"
	// true channel: WhatsApp webhook body: invalid webhook body at offset 38
}

func ExampleReferralParser_BareText() {
	// wa.me/15550783881?text=giveaway--456, a link written without the "/".
	body := []byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
	  "metadata":{"phone_number_id":"106540352242922"},
	  "messages":[{"from":"16505551234","id":"wamid.X","timestamp":"1732359300","type":"text","text":{"body":"giveaway--456"}}]}}]}]}`)
	strict, _ := channel.Referrals(channel.WhatsApp, body)
	bare, _ := channel.ReferralParser{}.BareText().Referrals(channel.WhatsApp, body)
	fmt.Println(len(strict), bare[0].Ref, bare[0].Origin)
	// Output:
	// 0 giveaway--456 text
}
