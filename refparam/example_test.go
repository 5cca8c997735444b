package refparam_test

import (
	"errors"
	"fmt"

	"github.com/entrylink/entrylink/refparam"
)

func ExampleParse() {
	r, err := refparam.Parse("tutorial--value1--738--value2--514--value3")
	if err != nil {
		panic(err)
	}
	fmt.Println("flow:", r.Name)
	fmt.Println("default payload:", r.Payload)
	for _, f := range r.Fields {
		fmt.Printf("field %s = %s\n", f.ID, f.Value)
	}
	// Output:
	// flow: tutorial
	// default payload: value1
	// field 738 = value2
	// field 514 = value3
}

// Text that went through WordPress or a word processor has en and em dashes
// where "--" was, and curly quotes in its JSON. Parse reads it as meant.
func ExampleParse_copyPaste() {
	for _, s := range []string{
		"giveaway–456",
		"giveaway—738—value2",
		`giveawayjsondata—{“plan”:“pro”}`,
	} {
		r, err := refparam.Parse(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-32s → %s\n", s, r)
	}
	// Output:
	// giveaway–456                     → giveaway--456
	// giveaway—738—value2              → giveaway----738--value2
	// giveawayjsondata—{“plan”:“pro”}  → giveawayjsondata--{"plan":"pro"}
}

// Malformed input is an error that says what and where, never a guess.
func ExampleParse_error() {
	_, err := refparam.Parse("giveaway---456")
	fmt.Println(err)
	fmt.Println(errors.Is(err, refparam.ErrEdgeHyphen))
	var se *refparam.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("offset:", se.Offset)
	}
	// Output:
	// refparam: Parse("giveaway---456"): '-' at the start or end of a segment at offset 10
	// true
	// offset: 10
}

func ExampleRef_String() {
	r := refparam.Ref{
		Name:   "giveaway",
		Fields: []refparam.Field{{ID: "738", Value: "blue"}, {ID: "514", Value: "XL"}},
	}
	fmt.Println(r)
	// Output:
	// giveaway----738--blue--514--XL
}

// Telegram's start parameter and Instagram's ref allow only A-Z a-z 0-9 _ -,
// so a JSON document travels there as unpadded base64url.
func ExampleEncoder_WithJSONEncoding() {
	r := refparam.Ref{Name: "order", JSON: []byte(`{"sku":"A1","qty":2}`)}
	enc := refparam.Encoder{}.WithJSONEncoding(refparam.JSONBase64URL)
	s, err := enc.Encode(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(s)
	back, _ := refparam.Parse(s)
	fmt.Println(string(back.JSON))
	// Output:
	// orderjsondata--eyJza3UiOiJBMSIsInF0eSI6Mn0
	// {"sku":"A1","qty":2}
}

// A value that contains the separator cannot be written: the grammar has
// no escape, and the encoder says which part is at fault.
func ExampleEncoder_Check() {
	r := refparam.Ref{Name: "signup", Fields: []refparam.Field{{ID: "738", Value: "a--b"}}}
	err := refparam.Encoder{}.Check(r)
	fmt.Println(err)
	var ee *refparam.EncodeError
	if errors.As(err, &ee) {
		fmt.Println(ee.Part, ee.Index, errors.Is(err, refparam.ErrSeparator))
	}
	// Output:
	// refparam: field 0 value "a--b": contains a separator at offset 1
	// field value 0 true
}
