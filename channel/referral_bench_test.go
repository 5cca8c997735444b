package channel_test

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/entrylink/entrylink/channel"
)

// BenchmarkReferrals reads each sample body with Referrals ("referrals") and with
// the comparator ("encoding-json"): encoding/json Unmarshal into structs, as
// Go bot libraries do, then the same text rules (url.ParseQuery for SMS). Run
//
//	go test -run '^$' -bench Referrals -benchtime 300ms ./channel/
//
// and compare the two lines of each sample.
func BenchmarkReferrals(b *testing.B) {
	for _, s := range webhookSamples(b) {
		want, err := channel.Referrals(s.kind, s.body)
		if err != nil {
			b.Fatal(err)
		}
		if got := naiveReferrals(s.kind, s.body); len(got) != len(want) {
			b.Fatalf("%s: comparator found %d referrals, Referrals %d", s.name, len(got), len(want))
		}
		b.Run(s.name+"/referrals", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s.body)))
			for b.Loop() {
				_, _ = channel.Referrals(s.kind, s.body)
			}
		})
		b.Run(s.name+"/encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s.body)))
			for b.Loop() {
				_ = naiveReferrals(s.kind, s.body)
			}
		})
	}
}

// The comparator's structs: the fields a bot reads, as a typical library
// declares them (ids that may be numbers as json.Number).
type (
	naiveMetaRef struct {
		Ref            string      `json:"ref"`
		Source         string      `json:"source"`
		AdID           json.Number `json:"ad_id"`
		RefererURI     string      `json:"referer_uri"`
		AdsContextData *struct {
			AdTitle   string `json:"ad_title"`
			PhotoURL  string `json:"photo_url"`
			VideoURL  string `json:"video_url"`
			PostID    string `json:"post_id"`
			ProductID string `json:"product_id"`
			FlowID    string `json:"flow_id"`
		} `json:"ads_context_data"`
	}
	naiveMetaEvent struct {
		Sender struct {
			ID      json.Number `json:"id"`
			UserRef string      `json:"user_ref"`
		} `json:"sender"`
		Recipient struct {
			ID json.Number `json:"id"`
		} `json:"recipient"`
		Timestamp json.Number   `json:"timestamp"`
		Referral  *naiveMetaRef `json:"referral"`
		Postback  *struct {
			Mid      string        `json:"mid"`
			Referral *naiveMetaRef `json:"referral"`
		} `json:"postback"`
	}
	naiveMeta struct {
		Object string `json:"object"`
		Entry  []struct {
			Messaging []naiveMetaEvent `json:"messaging"`
			Changes   []struct {
				Field string         `json:"field"`
				Value naiveMetaEvent `json:"value"`
			} `json:"changes"`
		} `json:"entry"`
		Field string          `json:"field"`
		Value *naiveMetaEvent `json:"value"`
	}
	naiveWhatsApp struct {
		Object string `json:"object"`
		Entry  []struct {
			Changes []struct {
				Value struct {
					Metadata struct {
						PhoneNumberID string `json:"phone_number_id"`
					} `json:"metadata"`
					Contacts []struct {
						WaID string `json:"wa_id"`
					} `json:"contacts"`
					Messages []struct {
						From      string `json:"from"`
						ID        string `json:"id"`
						Timestamp string `json:"timestamp"`
						Text      *struct {
							Body string `json:"body"`
						} `json:"text"`
						Referral *struct {
							SourceURL    string `json:"source_url"`
							SourceID     string `json:"source_id"`
							SourceType   string `json:"source_type"`
							Body         string `json:"body"`
							Headline     string `json:"headline"`
							MediaType    string `json:"media_type"`
							ImageURL     string `json:"image_url"`
							VideoURL     string `json:"video_url"`
							ThumbnailURL string `json:"thumbnail_url"`
							CtwaClid     string `json:"ctwa_clid"`
						} `json:"referral"`
					} `json:"messages"`
				} `json:"value"`
			} `json:"changes"`
		} `json:"entry"`
	}
	naiveTelegram struct {
		UpdateID int64 `json:"update_id"`
		Message  *struct {
			MessageID int64 `json:"message_id"`
			From      struct {
				ID int64 `json:"id"`
			} `json:"from"`
			Chat struct {
				ID   int64  `json:"id"`
				Type string `json:"type"`
			} `json:"chat"`
			Date int64  `json:"date"`
			Text string `json:"text"`
		} `json:"message"`
	}
	naiveViber struct {
		Event        string      `json:"event"`
		Timestamp    json.Number `json:"timestamp"`
		MessageToken json.Number `json:"message_token"`
		Context      string      `json:"context"`
		User         struct {
			ID string `json:"id"`
		} `json:"user"`
	}
	naiveLine struct {
		Destination string `json:"destination"`
		Events      []struct {
			Type      string      `json:"type"`
			Timestamp json.Number `json:"timestamp"`
			Source    struct {
				UserID  string `json:"userId"`
				GroupID string `json:"groupId"`
				RoomID  string `json:"roomId"`
			} `json:"source"`
			Message struct {
				ID   string `json:"id"`
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"message"`
		} `json:"events"`
	}
)

// naiveReferrals is the comparator: the same results (for the samples) the
// way most Go bot code gets them.
func naiveReferrals(k channel.Kind, body []byte) []channel.Referral {
	var out []channel.Referral
	switch k {
	case channel.Messenger, channel.Instagram:
		var m naiveMeta
		if json.Unmarshal(body, &m) != nil {
			return nil
		}
		add := func(ev *naiveMetaEvent) {
			ref := ev.Referral
			mid := ""
			if ref == nil && ev.Postback != nil {
				ref, mid = ev.Postback.Referral, ev.Postback.Mid
			}
			if ref == nil {
				return
			}
			r := channel.Referral{Kind: k, UserID: string(ev.Sender.ID), Ref: ref.Ref, Origin: channel.FromLink,
				Source: ref.Source, RecipientID: string(ev.Recipient.ID), MessageID: mid,
				Time: string(ev.Timestamp), URL: ref.RefererURI}
			if r.UserID == "" {
				r.UserID, r.UserRef = ev.Sender.UserRef, true
			}
			if ref.Source == "ADS" {
				r.Origin = channel.FromAd
			}
			r.Ad.ID = string(ref.AdID)
			if a := ref.AdsContextData; a != nil {
				r.Ad.Title, r.Ad.PhotoURL, r.Ad.VideoURL = a.AdTitle, a.PhotoURL, a.VideoURL
				r.Ad.PostID, r.Ad.ProductID, r.Ad.FlowID = a.PostID, a.ProductID, a.FlowID
			}
			out = append(out, r)
		}
		if m.Value != nil {
			add(m.Value)
		}
		want := map[channel.Kind]string{channel.Messenger: "page", channel.Instagram: "instagram"}[k]
		if m.Object != want {
			return out
		}
		for _, e := range m.Entry {
			for i := range e.Messaging {
				add(&e.Messaging[i])
			}
			for i := range e.Changes {
				add(&e.Changes[i].Value)
			}
		}
	case channel.WhatsApp:
		var w naiveWhatsApp
		if json.Unmarshal(body, &w) != nil || w.Object != "whatsapp_business_account" {
			return nil
		}
		for _, e := range w.Entry {
			for _, c := range e.Changes {
				for _, m := range c.Value.Messages {
					var text string
					if m.Text != nil {
						text = m.Text.Body
					}
					ref, ok := naiveTextRef(text)
					r := channel.Referral{Kind: k, UserID: m.From, Ref: ref, Origin: channel.FromText,
						RecipientID: c.Value.Metadata.PhoneNumberID, MessageID: m.ID, Time: m.Timestamp}
					if a := m.Referral; a != nil {
						r.Origin, r.Source, r.URL = channel.FromAd, a.SourceType, a.SourceURL
						r.Ad = channel.AdContext{ID: a.SourceID, ClickID: a.CtwaClid, Title: a.Headline, Body: a.Body,
							MediaType: a.MediaType, PhotoURL: a.ImageURL, VideoURL: a.VideoURL, ThumbnailURL: a.ThumbnailURL}
					} else if !ok {
						continue
					}
					out = append(out, r)
				}
			}
		}
	case channel.Telegram:
		var u naiveTelegram
		if json.Unmarshal(body, &u) != nil || u.Message == nil {
			return nil
		}
		m := u.Message
		rest, ok := strings.CutPrefix(m.Text, "/start")
		if !ok {
			return nil
		}
		var bot string
		if strings.HasPrefix(rest, "@") {
			bot, rest, _ = strings.Cut(rest[1:], " ")
		}
		src := "start"
		if m.Chat.Type == "group" || m.Chat.Type == "supergroup" {
			src = "startgroup"
		}
		out = append(out, channel.Referral{Kind: k, UserID: strconv.FormatInt(m.From.ID, 10),
			Ref: strings.TrimSpace(rest), Origin: channel.FromLink, Source: src, RecipientID: bot,
			ChatID: strconv.FormatInt(m.Chat.ID, 10), MessageID: strconv.FormatInt(m.MessageID, 10),
			Time: strconv.FormatInt(m.Date, 10)})
	case channel.Viber:
		var v naiveViber
		if json.Unmarshal(body, &v) != nil || v.Event != "conversation_started" {
			return nil
		}
		out = append(out, channel.Referral{Kind: k, UserID: v.User.ID, Ref: v.Context, Origin: channel.FromLink,
			MessageID: string(v.MessageToken), Time: string(v.Timestamp)})
	case channel.Line:
		var l naiveLine
		if json.Unmarshal(body, &l) != nil {
			return nil
		}
		for i, e := range l.Events {
			if e.Type != "message" || e.Message.Type != "text" {
				continue
			}
			ref, ok := naiveTextRef(e.Message.Text)
			if !ok {
				continue
			}
			chat := e.Source.GroupID
			if chat == "" {
				chat = e.Source.RoomID
			}
			out = append(out, channel.Referral{Kind: k, Event: i, UserID: e.Source.UserID, Ref: ref,
				Origin: channel.FromText, RecipientID: l.Destination, ChatID: chat, MessageID: e.Message.ID,
				Time: string(e.Timestamp)})
		}
	case channel.SMS:
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return nil
		}
		ref, ok := naiveTextRef(v.Get("Body"))
		if !ok {
			return nil
		}
		out = append(out, channel.Referral{Kind: k, UserID: v.Get("From"), Ref: ref, Origin: channel.FromText,
			RecipientID: v.Get("To"), MessageID: v.Get("MessageSid")})
	}
	return out
}

func naiveTextRef(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "/") {
		return "", false
	}
	f := strings.FieldsFunc(t[1:], unicode.IsSpace)
	if len(f) == 0 || strings.IndexFunc(t[1:2], unicode.IsSpace) == 0 {
		return "", false
	}
	return f[0], true
}
