package jsonpayload_test

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/entrylink/entrylink/jsonpayload"
	"github.com/entrylink/entrylink/refparam"
)

func ExampleExtract() {
	doc := []byte(`{"order": {"id": 120226305854810726, "placed": "2024-05-01", "items": [{"name": "Kettle"}]}}`)
	fields, err := jsonpayload.Extract(doc, []jsonpayload.Rule{
		{Path: "$.order.id", FieldID: "738", Type: jsonpayload.Number, Required: true},
		{Path: "/order/placed", FieldID: "514", Type: jsonpayload.Date},
		{Path: "order.items[0].name", FieldID: "515"},
		{Path: "order.coupon", FieldID: "516"}, // not in the document: skipped
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fields {
		fmt.Printf("%s = %s\n", f.ID, f.Value)
	}
	// Output:
	// 738 = 120226305854810726
	// 514 = 2024-05-01
	// 515 = Kettle
}

func ExampleLookup() {
	doc := []byte(`{"user": {"name": "Ana", "phone": null}}`)
	for _, path := range []string{"$.user.name", "/user/email", "user.phone"} {
		v, err := jsonpayload.Lookup(doc, path, jsonpayload.Text)
		switch {
		case err == nil:
			fmt.Printf("%s: found %q\n", path, v)
		case errors.Is(err, jsonpayload.ErrNotFound):
			fmt.Printf("%s: not found\n", path)
		case errors.Is(err, jsonpayload.ErrNull):
			fmt.Printf("%s: null\n", path)
		}
	}
	_, err := jsonpayload.Lookup([]byte(`{"user": `), "user", jsonpayload.Text)
	fmt.Println(errors.Is(err, jsonpayload.ErrInvalidDocument), err)
	// Output:
	// $.user.name: found "Ana"
	// /user/email: not found
	// user.phone: null
	// true jsonpayload: Lookup: document is not valid JSON at offset 9
}

// A jsondata ref carries a JSON document; the rules of the action
// "Get Data From JSON" map its parts into typed custom fields.
func Example_jsondata() {
	doc := `{"campaign": "spring", "user": {"id": "120226305854810726", "vip": true}, "visit": "2024-05-01T10:00:00Z"}`
	ref, err := refparam.Parse("giveaway--jsondata--" + base64.RawURLEncoding.EncodeToString([]byte(doc)))
	if err != nil {
		fmt.Println(err)
		return
	}
	rules := jsonpayload.MustCompile([]jsonpayload.Rule{
		{Path: "campaign", FieldID: "701"},
		{Path: "$.user.id", FieldID: "738", Type: jsonpayload.Number, Required: true},
		{Path: "/user/vip", FieldID: "739", Type: jsonpayload.Boolean},
		{Path: "x.visit", FieldID: "740", Type: jsonpayload.DateTime},
	})
	fields, err := rules.Extract(ref.JSON)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("flow:", ref.Name)
	for _, f := range fields {
		fmt.Printf("field %s = %s\n", f.ID, f.Value)
	}
	// Output:
	// flow: giveaway
	// field 701 = spring
	// field 738 = 120226305854810726
	// field 739 = true
	// field 740 = 2024-05-01T10:00:00Z
}

func ExampleOptions_WithDialect() {
	doc := []byte(`{"items": [{"name": "Kettle", "price": 20}, {"name": "Mug", "price": 5}]}`)
	// Only the GJSON dialect runs gjson's queries; elsewhere "#" is a key.
	gj := jsonpayload.Options{}.WithDialect(jsonpayload.GJSON)
	price, err := gj.Lookup(doc, `items.#(name=="Mug").price`, jsonpayload.Number)
	fmt.Println(price, err)
	_, err = jsonpayload.Lookup(doc, `items.#(name=="Mug").price`, jsonpayload.Number)
	fmt.Println(errors.Is(err, jsonpayload.ErrNotFound))
	// Output:
	// 5 <nil>
	// true
}

// The dialects of the README's table, each reaching the same value.
func Example_dialects() {
	doc := []byte(`{"data": {"items": [{"name": "Kettle"}, {"full name": "Mug"}]}}`)
	for _, path := range []string{
		`$.data.items[1]['full name']`, // JSONPath
		`/data/items/1/full name`,      // JSON Pointer
		`x.data.items[1]["full name"]`, // Finder
		`data.items[1].full name`,      // Dot
		`data.items.1.full name`,       // Dot
	} {
		v, err := jsonpayload.Lookup(doc, path, jsonpayload.Text)
		fmt.Println(v, err)
	}
	gj := jsonpayload.Options{}.WithDialect(jsonpayload.GJSON)
	fmt.Println(gj.Lookup(doc, `data.items.#(full name=="Mug").full name`, jsonpayload.Text))
	// Output:
	// Mug <nil>
	// Mug <nil>
	// Mug <nil>
	// Mug <nil>
	// Mug <nil>
	// Mug <nil>
}

func ExampleOptions_WithQuoteRepair() {
	pasted := []byte(`{“name”: “Ana”}`) // JSON pasted from a word processor
	name, err := jsonpayload.Options{}.WithQuoteRepair().Lookup(pasted, "name", jsonpayload.Text)
	fmt.Println(name, err)
	// Output:
	// Ana <nil>
}

func ExampleCompile() {
	_, err := jsonpayload.Compile([]jsonpayload.Rule{
		{Path: "$.order.id", FieldID: "738"},
		{Path: "$.items[*].name", FieldID: "739"},
	})
	var e *jsonpayload.Error
	if errors.As(err, &e) {
		fmt.Println(e.Rule, e.Offset, errors.Is(err, jsonpayload.ErrUnsupported))
		fmt.Println(err)
	}
	// Output:
	// 1 8 true
	// jsonpayload: Compile: rule 1 (path "$.items[*].name", field "739"): unsupported selector: wildcard (*) at offset 8
}
