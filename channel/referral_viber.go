package channel

// viber reads a Viber conversation_started callback: every one is a
// referral, with the deep link's context as the ref (absent: "").
func (r *refReader) viber(root jsonValue) error {
	keys := [...]string{"event", "context", "user", "timestamp", "message_token"}
	var v [len(keys)]jsonValue
	if ok, err := r.pick(root, keys[:], v[:]); !ok || err != nil {
		return err
	}
	if !v[0].is("conversation_started") {
		return nil
	}
	r.event++
	x := Referral{Kind: Viber, Origin: FromLink}
	var err error
	if x.Ref, err = r.str("context", v[1]); err != nil {
		return err
	}
	uk := [...]string{"id"}
	var u [1]jsonValue
	if err := r.pickIn("user", v[2], uk[:], u[:]); err != nil {
		return err
	}
	if x.UserID, err = r.id("id", u[0]); err != nil {
		return err
	}
	if x.Time, err = r.id("timestamp", v[3]); err != nil {
		return err
	}
	if x.MessageID, err = r.id("message_token", v[4]); err != nil {
		return err
	}
	r.out = append(r.out, x)
	return nil
}
