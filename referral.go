package entrylink

import (
	"github.com/entrylink/entrylink/channel"
	"github.com/entrylink/entrylink/refparam"
)

// A Referral is a referral read from a webhook body, with its ref decoded.
//
// The embedded [channel.Referral] has the user, the origin and the raw ref
// text (Ref) as the body carried it; Decoded is that text decoded.
type Referral struct {
	channel.Referral
	// Decoded is the decoded ref. It is the zero Ref when the referral
	// carries no ref (a bare Telegram /start) or when the ref does not
	// decode.
	Decoded refparam.Ref
	// Err is why the raw ref did not decode (a *RefError), or nil.
	Err error `json:"-"`
}

// Referrals returns the referrals in a webhook body of channel k, each with
// its ref decoded. A ref that does not decode is reported in that
// referral's Err, not by failing the whole body; the error result is for a
// body that cannot be read at all (a [*channel.BodyError]).
//
// Referrals reads with [channel.ReferralParser]'s default rules; to read
// with other rules, pass the result of your own ReferralParser to
// [DecodeReferrals].
func Referrals(k channel.Kind, body []byte) ([]Referral, error) {
	rs, err := channel.Referrals(k, body)
	if err != nil {
		return nil, err
	}
	return DecodeReferrals(rs), nil
}

// DecodeReferrals decodes the ref of each referral.
func DecodeReferrals(rs []channel.Referral) []Referral {
	out := make([]Referral, len(rs))
	for i, cr := range rs {
		out[i].Referral = cr
		if cr.Ref == "" {
			continue
		}
		r, err := refparam.Parse(cr.Ref)
		if err != nil {
			re := &RefError{Kind: cr.Kind, Raw: cr.Ref, Err: err}
			if se, ok := err.(*refparam.SyntaxError); ok {
				re.Offset = se.Offset
			}
			out[i].Err = re
			continue
		}
		out[i].Decoded = r
	}
	return out
}
