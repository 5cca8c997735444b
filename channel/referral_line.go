package channel

// line reads a LINE Messaging API body: {"destination":…,"events":[…]}, each
// text message event whose text carries a ref (see textRef).
func (r *refReader) line(root jsonValue) error {
	keys := [...]string{"destination", "events"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(root, keys[:], v[:]); !ok || err != nil || !v[1].isArray() {
		return err
	}
	dest, err := r.id("destination", v[0])
	if err != nil {
		return err
	}
	r.doc.elems(v[1], func(ev jsonValue) bool {
		err = r.lineEvent(ev, dest)
		return err == nil
	})
	return err
}

func (r *refReader) lineEvent(ev jsonValue, dest string) error {
	keys := [...]string{"type", "message", "source", "timestamp"}
	var v [len(keys)]jsonValue
	ok, err := r.pick(ev, keys[:], v[:])
	if !ok || err != nil {
		return err
	}
	index := r.event
	r.event++
	if !v[0].is("message") {
		return nil
	}
	mk := [...]string{"type", "text", "id"}
	var m [len(mk)]jsonValue
	if err := r.pickIn("message", v[1], mk[:], m[:]); err != nil {
		return err
	}
	if !m[0].is("text") {
		return nil
	}
	text, err := r.str("text", m[1])
	if err != nil {
		return err
	}
	ref, ok := textRef(text, r.bare)
	if !ok {
		return nil
	}
	x := Referral{Kind: Line, Event: index, Ref: ref, Origin: FromText, RecipientID: dest}
	sk := [...]string{"userId", "groupId", "roomId"}
	var s [len(sk)]jsonValue
	if err := r.pickIn("source", v[2], sk[:], s[:]); err != nil {
		return err
	}
	if x.UserID, err = r.id("userId", s[0]); err != nil {
		return err
	}
	if x.ChatID, err = r.id("groupId", s[1]); err != nil {
		return err
	}
	if x.ChatID == "" {
		if x.ChatID, err = r.id("roomId", s[2]); err != nil {
			return err
		}
	}
	if x.MessageID, err = r.id("id", m[2]); err != nil {
		return err
	}
	if x.Time, err = r.id("timestamp", v[3]); err != nil {
		return err
	}
	r.out = append(r.out, x)
	return nil
}
