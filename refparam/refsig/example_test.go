package refsig_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/entrylink/entrylink/refparam"
	"github.com/entrylink/entrylink/refparam/refsig"
)

// A magic login link: the app signs "login--83121" for the logged-in user
// of account 83121, and the bot's webhook handler verifies the start
// parameter before it binds the chat to the account.
func Example() {
	// Once, at start-up. In production the secret is 32 random bytes from
	// crypto/rand, kept in the secret store, never in the code.
	key, err := refsig.NewKey("k1", []byte("an example secret, 32+ bytes!..."))
	if err != nil {
		panic(err)
	}
	keys, err := refsig.NewKeys(key)
	if err != nil {
		panic(err)
	}
	now := time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC) // time.Now() in real code

	// In the web app: a link valid for 15 minutes.
	start, err := refsig.Sign(refparam.Ref{Name: "login", Payload: "83121"}, key, now.Add(15*time.Minute))
	if err != nil {
		panic(err)
	}
	fmt.Println("https://t.me/my_bot?start=" + start)
	fmt.Println(len(start), "bytes")

	// In the webhook handler, with the payload of "/start <payload>".
	r, err := refsig.Verify(start, keys, now.Add(2*time.Minute))
	if err != nil {
		fmt.Println("refused:", err)
		return
	}
	fmt.Println("bind this chat to account", r.Payload, "via flow", r.Name)

	// The same link an hour later.
	_, err = refsig.Verify(start, keys, now.Add(time.Hour))
	fmt.Println("an hour later, expired:", errors.Is(err, refsig.ErrExpired))
	// Output:
	// https://t.me/my_bot?start=login--83121--k1--1LG97M4D72UBJ6Q5GMDEK2FGR39
	// 45 bytes
	// bind this chat to account 83121 via flow login
	// an hour later, expired: true
}

// Someone edits the account id in a link they were sent: the tag no longer
// matches.
func ExampleVerify() {
	key, _ := refsig.NewKey("k1", []byte("an example secret, 32+ bytes!..."))
	keys, _ := refsig.NewKeys(key)
	now := time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)

	forged := "login--83122--k1--1LG97M4D72UBJ6Q5GMDEK2FGR39" // was 83121
	_, err := refsig.Verify(forged, keys, now)
	var e *refsig.Error
	switch {
	case errors.Is(err, refsig.ErrExpired):
		fmt.Println("expired: offer a new link")
	case errors.Is(err, refsig.ErrBadSignature), errors.Is(err, refsig.ErrUnknownKey):
		errors.As(err, &e)
		fmt.Println("forged or damaged; tag at offset", e.Offset)
	case errors.Is(err, refsig.ErrMalformed):
		fmt.Println("not a signed ref")
	}
	// Output:
	// forged or damaged; tag at offset 25
}

// Key rotation: sign with the new key, verify with both while old links
// live out their expiry, then retire the old key.
func ExampleNewKeys() {
	old, _ := refsig.NewKey("k1", []byte("the old secret, 32 bytes or more"))
	cur, _ := refsig.NewKey("k2", []byte("the new secret, 32 bytes or more"))
	now := time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)
	oldLink, _ := refsig.Sign(refparam.Ref{Name: "login", Payload: "83121"}, old, now.Add(time.Hour))

	rotating, _ := refsig.NewKeys(cur, old)
	_, err := refsig.Verify(oldLink, rotating, now)
	fmt.Println(rotating, "accepts the old link:", err == nil)

	retired, _ := refsig.NewKeys(cur)
	_, err = refsig.Verify(oldLink, retired, now)
	fmt.Println(retired, "unknown key:", errors.Is(err, refsig.ErrUnknownKey))
	// Output:
	// refsig.Keys(k1,k2) accepts the old link: true
	// refsig.Keys(k2) unknown key: true
}

// A key's secret must be at least MinKeyLen bytes.
func ExampleNewKey() {
	_, err := refsig.NewKey("k1", []byte("password"))
	fmt.Println(errors.Is(err, refsig.ErrWeakKey))
	fmt.Println(err)
	// Output:
	// true
	// refsig: NewKey("k1"): secret shorter than 32 bytes
}
