// Package refsig signs refs so that a chat user can be bound to an account
// without anyone being able to forge the binding.
//
// A magic link such as t.me/my_bot?start=login--83121 binds whoever clicks
// it to account 83121; unsigned, anyone can edit the number. [Sign] appends
// a signature (a key id, an expiry and an HMAC-SHA-256 tag) to the ref's
// canonical text, and [Verify] gives the ref back only if the text is
// exactly what Sign wrote, under a key the caller still accepts, before
// its expiry:
//
//	key, _ := refsig.NewKey("k1", secret)              // secret: ≥ 32 random bytes
//	keys, _ := refsig.NewKeys(key)                     // once, shared
//	start, _ := refsig.Sign(ref, key, now.Add(15*time.Minute))
//	ref, err := refsig.Verify(start, keys, time.Now()) // in the webhook handler
//
// The package is pure: it reads no clock (time is passed in), does no I/O
// and has no state a caller can change. [Key] and [Keys] are immutable
// values, safe for concurrent use.
//
// # The signed form
//
//	signed = ref "--" keyid "--" expiry tag
//	ref    = the canonical text of the Ref (refparam), JSON as base64url
//	keyid  = letter *3( letter / digit / "_" )     ; 1 to MaxKeyIDLen bytes
//	expiry = 7 base32hex digits                    ; Unix seconds, big-endian
//	tag    = 20 base32hex digits                   ; the first 100 bits of the MAC
//	base32hex digit = "0"-"9" / "A"-"V"             ; RFC 4648 §7, values 0-31
//
// For a ref without JSON the signed form is itself a ref: the signature is
// one more (field id, value) pair, so [refparam.Parse] reads the signed text
// as the same name, payload and fields followed by the field keyid =
// expiry+tag, and a reader that does not verify still routes on the name.
// (A name-only ref "login" signs as "login--k1--…", which Parse reads as
// pairs only: name "login" and the one signature field.) No part of the
// signature contains '-': key ids are letters, digits and '_', and the
// digits are base32hex, whose alphabet has no '-'; so the signature can
// never begin or end with '-' nor hold "--", and Verify finds it by
// working back from the end of the text. A key id starts with a letter, so
// the signature field is never taken for a numeric custom-field id.
//
// A ref with JSON is written NAMEjsondata--BASE64URL, and refparam takes the
// JSON part whole, to the end of the text; its signed form (the same text
// followed by the signature) stays inside Telegram's alphabet but is not a
// ref: only Verify reads it.
//
// Everything is inside Telegram's start-parameter alphabet A-Za-z0-9_- as
// long as the ref is. A signature adds 31 bytes plus the key id, at most
// [MaxOverhead] (35). For the typical binding, a name of up to 8 characters
// and an account id of up to 12 digits, the budget byte by byte is:
//
//	offset  bytes  text                  part
//	 0-7      8    loginxyz              name
//	 8-9      2    --                    separator
//	10-21    12    123456789012          payload: the account id
//	22-23     2    --                    separator
//	24-25     2    k1                    key id (1 to 4 bytes)
//	26-27     2    --                    separator
//	28-34     7    1LG97M4               expiry: 1795464900 = 2026-11-23T20:15:00Z
//	35-54    20    EDO255BSA19PL6EPNJNN  tag
//	                                     55 bytes; 57 with a 4-byte key id; Telegram allows 64
//
// # The MAC
//
// The tag is HMAC-SHA-256 (RFC 2104) keyed with the key's secret over an
// unambiguous input: a fixed context string, a version byte, then every
// field either fixed-size or length-prefixed, and last the exact bytes of
// the ref's canonical text, which determine the Ref that Verify returns
// (name, payload, every field id and value in order, the JSON):
//
//	"entrylink/refsig"  16 bytes, the context: a tag made here is no use elsewhere
//	0x01                 the format version; a later format changes it
//	len(keyid) keyid     1 byte, then the key id
//	expiry               8 bytes, Unix seconds, big-endian
//	len(ref) ref         4 bytes big-endian, then the canonical text
//
// So a signature moved to another name, payload, field list, JSON document,
// expiry or key id does not verify. The HMAC is computed by resuming the
// SHA-256 states saved after the inner and outer pads when the key was made
// (the precomputation crypto/hmac does itself); the tests check it against
// crypto/hmac for secrets shorter and longer than the SHA-256 block. Tags
// are compared with [hmac.Equal], in constant time.
//
// # Tag length and forgery odds
//
// The tag keeps the first 100 bits of the 256-bit MAC. Without the secret,
// each attempt at a text that Verify accepts succeeds with probability
// 2^-100, about 7.9e-31; a million online attempts (each one a /start
// message to the bot) succeed with probability at most 1e6 × 2^-100, about
// 7.9e-25. Seeing any number of signed links does not help: HMAC-SHA-256
// reveals nothing of the key, and there is exactly one valid text per
// (ref, key id, expiry), so valid texts cannot be rearranged into new ones.
//
// RFC 2104 §5 recommends keeping at least 80 bits and at least half the
// hash (128 here, "to match the birthday attack bound"). 100 bits meets the
// first and not the second, by choice: a birthday collision among observed
// truncated tags does not yield a forgery against a keyed HMAC, whose
// internal state stays 256 bits, so what bounds an attacker is the
// per-guess probability above (the basis NIST SP 800-107 gives for
// truncation). 128 bits would cost 6 more characters and leave one
// character of Telegram's 64 in the worst typical case; 100 leaves seven.
//
// # Expiry
//
// The expiry is whole Unix seconds; Sign drops a fraction of a second, so a
// link never outlives the time asked. A link is valid while now is before
// the expiry: at the expiry second it has expired. Seven base32hex digits
// carry 35 bits, so the horizon is [MaxExpiryUnix], 3058-10-26T03:46:07Z;
// Sign refuses an expiry after it or before 1970 (notably the zero
// time.Time) with [ErrExpiryRange].
//
// A signed link is a bearer token: whoever holds it until it expires can
// use it. Keep expiries short (minutes), and if a link must work only once,
// put a nonce in a field and remember used nonces in the application.
//
// # Keys
//
// A [Key] is a secret of at least [MinKeyLen] (32) bytes with a public id
// of 1 to [MaxKeyIDLen] (4) bytes, carried in every signed text. [NewKey]
// refuses shorter secrets with [ErrWeakKey] and ids that break the rule with
// [ErrKeyID]. Use a secret only for refsig (the context string keeps its
// tags from meaning anything to another protocol, but one secret per use is
// the rule). [Verify] looks the id up in a [Keys] set: to rotate, sign with
// a new key and verify with both until the old links have expired; to
// retire a key, leave it out of the set, and its links fail with
// [ErrUnknownKey]. Nothing prints key material: fmt and log/slog print a
// Key as refsig.Key(ID) and a Keys as refsig.Keys(ID,…) under every verb,
// encoding/json writes those as JSON strings, and a Key in an unexported
// struct field, which fmt prints field by field, shows its id and the
// address of its material.
//
// # What Verify reads, and its errors
//
// Verify reads only the exact text Sign wrote: it does not repair typographic
// dashes or case, since a text changed in any byte is not the signed one. It
// checks, in this order, and stops at the first failure with an [*Error]
// holding the input and the byte offset of the part at fault:
//
//   - the time now, which must not be before the Unix epoch (the zero
//     time.Time of a clock never set would otherwise make every link
//     valid): [ErrNowRange], with offset -1;
//   - the shape, and the length (at most refparam.MaxLen): [ErrMalformed];
//   - the key id: [ErrUnknownKey];
//   - the tag: [ErrBadSignature];
//   - the expiry: [ErrExpired];
//   - the ref, parsed only now that it is authentic: [ErrMalformed].
//
// A tampered text is therefore never reported as merely expired. Verify
// never returns a Ref together with an error, and for a ref without fields
// or JSON it does not allocate: the Ref's strings are substrings of the
// input.
//
// [Sign] and [AppendSign] report a zero [Key] ([ErrNoKey]), an expiry out of
// range, a ref refparam cannot write (the [*refparam.EncodeError], matchable
// with its sentinels) and a signed text longer than refparam.MaxLen
// ([refparam.ErrTooLong]).
package refsig
