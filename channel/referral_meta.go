package channel

// Meta's webhooks: Messenger and Instagram (one event shape), WhatsApp Cloud
// API. Every object is read once with pick; no gjson path is ever built.

// meta reads a Messenger or Instagram body: {"object":object,"entry":[…]},
// each entry's messaging[] events and changes[] {"field","value"} envelopes,
// or one bare {"field","value"} envelope (Meta's test notifications), which
// carries no object and so reads the same for both channels.
func (r *refReader) meta(root jsonValue, object string) error {
	keys := [...]string{"object", "entry", "field", "value"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(root, keys[:], v[:]); !ok || err != nil {
		return err
	}
	obj, entries, field, value := v[0], v[1], v[2], v[3]
	if obj.absent() && field.isString() && value.isObject() {
		return r.metaEvent(value)
	}
	if !obj.is(object) || !entries.isArray() {
		return nil
	}
	var err error
	r.doc.elems(entries, func(entry jsonValue) bool {
		keys := [...]string{"messaging", "changes"}
		var e [len(keys)]jsonValue
		if _, err = r.pick(entry, keys[:], e[:]); err != nil {
			return false
		}
		if e[0].isArray() {
			r.doc.elems(e[0], func(ev jsonValue) bool {
				err = r.metaEvent(ev)
				return err == nil
			})
		}
		if err == nil && e[1].isArray() {
			r.doc.elems(e[1], func(ch jsonValue) bool {
				keys := [...]string{"field", "value"}
				var c [len(keys)]jsonValue
				if _, err = r.pick(ch, keys[:], c[:]); err != nil {
					return false
				}
				if c[1].isObject() {
					err = r.metaEvent(c[1])
				}
				return err == nil
			})
		}
		return err == nil
	})
	return err
}

// metaEvent reads one Messenger or Instagram messaging event: a referral at
// the event's top level (an existing thread) or inside a postback (Get
// Started, a new thread).
func (r *refReader) metaEvent(ev jsonValue) error {
	keys := [...]string{"sender", "recipient", "timestamp", "referral", "postback"}
	var v [len(keys)]jsonValue
	ok, err := r.pick(ev, keys[:], v[:])
	if !ok || err != nil {
		return err
	}
	index := r.event
	r.event++
	sender, recipient, ts, ref, postback := v[0], v[1], v[2], v[3], v[4]
	var mid jsonValue
	if !postback.absent() {
		keys := [...]string{"referral", "mid"}
		var p [len(keys)]jsonValue
		if err := r.pickIn("postback", postback, keys[:], p[:]); err != nil {
			return err
		}
		if !p[0].absent() {
			if !ref.absent() {
				return &BodyError{Kind: r.kind, Offset: p[0].off, Key: "referral", Err: ErrBodyAmbiguous}
			}
			ref, mid = p[0], p[1]
		}
	}
	if ref.absent() {
		return nil
	}
	rk := [...]string{"ref", "source", "ad_id", "ads_context_data", "referer_uri"}
	var f [len(rk)]jsonValue
	if err := r.pickIn("referral", ref, rk[:], f[:]); err != nil {
		return err
	}

	x := Referral{Kind: r.kind, Event: index, Origin: FromLink}
	sk := [...]string{"id", "user_ref"}
	var s [len(sk)]jsonValue
	if err := r.pickIn("sender", sender, sk[:], s[:]); err != nil {
		return err
	}
	if x.UserID, err = r.id("id", s[0]); err != nil {
		return err
	}
	if x.UserID == "" {
		if x.UserID, err = r.id("user_ref", s[1]); err != nil {
			return err
		}
		x.UserRef = x.UserID != ""
	}
	rcp := [...]string{"id"}
	var rv [1]jsonValue
	if err := r.pickIn("recipient", recipient, rcp[:], rv[:]); err != nil {
		return err
	}
	if x.RecipientID, err = r.id("id", rv[0]); err != nil {
		return err
	}
	if x.Time, err = r.id("timestamp", ts); err != nil {
		return err
	}
	if x.MessageID, err = r.id("mid", mid); err != nil {
		return err
	}
	if x.Ref, err = r.str("ref", f[0]); err != nil {
		return err
	}
	if x.Source, err = r.str("source", f[1]); err != nil {
		return err
	}
	if x.Ad.ID, err = r.id("ad_id", f[2]); err != nil {
		return err
	}
	if x.URL, err = r.str("referer_uri", f[4]); err != nil {
		return err
	}
	if x.Source == "ADS" {
		x.Origin = FromAd
	}
	if !f[3].absent() {
		ak := [...]string{"ad_title", "photo_url", "video_url", "post_id", "product_id", "flow_id"}
		var a [len(ak)]jsonValue
		if err := r.pickIn("ads_context_data", f[3], ak[:], a[:]); err != nil {
			return err
		}
		dst := [...]*string{&x.Ad.Title, &x.Ad.PhotoURL, &x.Ad.VideoURL, &x.Ad.PostID, &x.Ad.ProductID, &x.Ad.FlowID}
		for i, p := range dst {
			if *p, err = r.id(ak[i], a[i]); err != nil {
				return err
			}
		}
	}
	r.out = append(r.out, x)
	return nil
}

// whatsapp reads a WhatsApp Cloud API body:
// {"object":"whatsapp_business_account","entry":[{"changes":[{"value":{…}}]}]},
// each value's messages[].
func (r *refReader) whatsapp(root jsonValue) error {
	keys := [...]string{"object", "entry"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(root, keys[:], v[:]); !ok || err != nil {
		return err
	}
	if !v[0].is("whatsapp_business_account") || !v[1].isArray() {
		return nil
	}
	var err error
	r.doc.elems(v[1], func(entry jsonValue) bool {
		keys := [...]string{"changes"}
		var e [len(keys)]jsonValue
		if _, err = r.pick(entry, keys[:], e[:]); err != nil || !e[0].isArray() {
			return err == nil
		}
		r.doc.elems(e[0], func(ch jsonValue) bool {
			keys := [...]string{"value"}
			var c [len(keys)]jsonValue
			if _, err = r.pick(ch, keys[:], c[:]); err == nil {
				err = r.whatsappValue(c[0])
			}
			return err == nil
		})
		return err == nil
	})
	return err
}

// whatsappValue reads one change value: metadata, contacts and messages.
func (r *refReader) whatsappValue(value jsonValue) error {
	keys := [...]string{"metadata", "contacts", "messages"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(value, keys[:], v[:]); !ok || err != nil || !v[2].isArray() {
		return err
	}
	mk := [...]string{"phone_number_id"}
	var m [1]jsonValue
	if err := r.pickIn("metadata", v[0], mk[:], m[:]); err != nil {
		return err
	}
	phoneID, err := r.id("phone_number_id", m[0])
	if err != nil {
		return err
	}
	// The sole contact's wa_id stands in for a message without "from".
	var waID string
	var contact jsonValue
	n := 0
	if v[1].isArray() {
		r.doc.elems(v[1], func(c jsonValue) bool {
			contact = c
			n++
			return n < 2
		})
	}
	if n == 1 {
		ck := [...]string{"wa_id"}
		var c [1]jsonValue
		if err := r.pickIn("contacts", contact, ck[:], c[:]); err != nil {
			return err
		}
		if waID, err = r.id("wa_id", c[0]); err != nil {
			return err
		}
	}
	r.doc.elems(v[2], func(msg jsonValue) bool {
		err = r.whatsappMessage(msg, phoneID, waID)
		return err == nil
	})
	return err
}

// whatsappMessage reads one message: a Click-to-WhatsApp referral, or a text
// whose body carries a ref.
func (r *refReader) whatsappMessage(msg jsonValue, phoneID, waID string) error {
	keys := [...]string{"from", "id", "timestamp", "text", "referral"}
	var v [len(keys)]jsonValue
	ok, err := r.pick(msg, keys[:], v[:])
	if !ok || err != nil {
		return err
	}
	index := r.event
	r.event++
	x := Referral{Kind: r.kind, Event: index, RecipientID: phoneID}
	var text string
	if !v[3].absent() {
		tk := [...]string{"body"}
		var t [1]jsonValue
		if err := r.pickIn("text", v[3], tk[:], t[:]); err != nil {
			return err
		}
		if text, err = r.str("body", t[0]); err != nil {
			return err
		}
	}
	ref, hasRef := textRef(text, r.bare)
	switch {
	case !v[4].absent():
		x.Origin = FromAd
		if err := r.whatsappAd(v[4], &x); err != nil {
			return err
		}
	case hasRef:
		x.Origin = FromText
	default:
		return nil
	}
	x.Ref = ref
	if x.UserID, err = r.id("from", v[0]); err != nil {
		return err
	}
	if x.UserID == "" {
		x.UserID = waID
	}
	if x.MessageID, err = r.id("id", v[1]); err != nil {
		return err
	}
	if x.Time, err = r.id("timestamp", v[2]); err != nil {
		return err
	}
	r.out = append(r.out, x)
	return nil
}

// whatsappAd reads a Click-to-WhatsApp messages[].referral into x.
func (r *refReader) whatsappAd(ref jsonValue, x *Referral) error {
	keys := [...]string{"source_url", "source_id", "source_type", "body", "headline",
		"media_type", "image_url", "video_url", "thumbnail_url", "ctwa_clid"}
	var v [len(keys)]jsonValue
	if err := r.pickIn("referral", ref, keys[:], v[:]); err != nil {
		return err
	}
	dst := [...]*string{&x.URL, &x.Ad.ID, &x.Source, &x.Ad.Body, &x.Ad.Title,
		&x.Ad.MediaType, &x.Ad.PhotoURL, &x.Ad.VideoURL, &x.Ad.ThumbnailURL, &x.Ad.ClickID}
	for i, p := range dst {
		var err error
		if *p, err = r.id(keys[i], v[i]); err != nil {
			return err
		}
	}
	return nil
}
