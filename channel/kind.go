package channel

import (
	"errors"
	"strconv"
)

// Kind names a messaging channel. The zero Kind is not a channel; it is what
// a zero [Link] carries.
type Kind uint8

// The channels, in the order the package documentation lists them.
const (
	Messenger Kind = iota + 1 // Facebook Messenger: m.me links
	Instagram                 // Instagram Direct: ig.me links
	WhatsApp                  // WhatsApp click-to-chat: wa.me links
	Telegram                  // Telegram bots: t.me deep links
	Viber                     // Viber bots: viber://pa links
	WebChat                   // the platform's web chat widget
	Line                      // LINE Official Accounts: line.me links
	SMS                       // SMS: sms: URIs (RFC 5724)
	Email                     // e-mail: mailto: URIs (RFC 6068)
)

// numKinds is one past the last valid Kind.
const numKinds = Email + 1

// kindNames holds each Kind's display name (String) and its token, the
// lowercase name that [ParseKind] reads and MarshalText writes.
var kindNames = [numKinds]struct{ display, token string }{
	Messenger: {"Messenger", "messenger"},
	Instagram: {"Instagram", "instagram"},
	WhatsApp:  {"WhatsApp", "whatsapp"},
	Telegram:  {"Telegram", "telegram"},
	Viber:     {"Viber", "viber"},
	WebChat:   {"WebChat", "webchat"},
	Line:      {"LINE", "line"},
	SMS:       {"SMS", "sms"},
	Email:     {"Email", "email"},
}

// Kinds returns every valid Kind, in declaration order. The slice is new on
// each call; callers may keep or change it.
func Kinds() []Kind {
	ks := make([]Kind, 0, numKinds-1)
	for k := Messenger; k < numKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}

// Valid reports whether k is one of the declared channels.
func (k Kind) Valid() bool { return k >= Messenger && k < numKinds }

// String returns the channel's display name ("Telegram", "LINE"), or
// "Kind(N)" for a value that is not a channel.
func (k Kind) String() string {
	if !k.Valid() {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k].display
}

// ErrUnknownKind is returned, wrapped, by [ParseKind] and by functions given a
// Kind that is not a channel.
var ErrUnknownKind = errors.New("unknown channel kind")

// ParseKind returns the Kind whose token (the lowercase name: "messenger",
// "instagram", "whatsapp", "telegram", "viber", "webchat", "line", "sms",
// "email") or display name equals s, ignoring ASCII case.
func ParseKind(s string) (Kind, error) {
	for k := Messenger; k < numKinds; k++ {
		if equalFoldASCII(s, kindNames[k].token) || equalFoldASCII(s, kindNames[k].display) {
			return k, nil
		}
	}
	return 0, &KindError{Name: s}
}

// MarshalText implements [encoding.TextMarshaler]; it writes the lowercase
// token that [ParseKind] reads. A Kind that is not a channel is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.Valid() {
		return nil, &KindError{Name: k.String()}
	}
	return []byte(kindNames[k].token), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseKind].
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// KindError reports a channel name that is not one of the [Kind] values.
// It matches [ErrUnknownKind] with errors.Is.
type KindError struct {
	Name string // the name as given
}

// Error returns a message such as `channel: unknown channel kind "icq"`.
func (e *KindError) Error() string {
	return "channel: unknown channel kind " + strconv.Quote(e.Name)
}

// Unwrap returns [ErrUnknownKind].
func (e *KindError) Unwrap() error { return ErrUnknownKind }

// equalFoldASCII reports whether s and t are equal under ASCII case folding.
// Unlike strings.EqualFold it does not fold non-ASCII letters (the Kelvin
// sign is not a "k"), which keeps the set of accepted names exactly the
// documented one.
func equalFoldASCII(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	if s == t {
		return true // the common case, links written in lower case
	}
	for i := 0; i < len(s); i++ {
		a, b := s[i], t[i]
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}
