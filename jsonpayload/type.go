package jsonpayload

import "strconv"

// A Type is the type of the custom field a [Rule] fills. It decides which
// JSON values the rule accepts and how they are written; the table in the
// package documentation gives every case.
type Type uint8

// The custom-field types of the chatbot builders (REFERENCE §1). Text is the
// zero value.
const (
	Text     Type = iota // any scalar, as text; objects and arrays as their JSON text
	Number               // a JSON number or numeric string, exact text kept
	Boolean              // true or false, written "true" or "false"
	Date                 // a "YYYY-MM-DD" string naming a real calendar date
	DateTime             // an RFC 3339 date-time string
	JSON                 // an object or array, as its JSON text
)

var typeNames = [...]string{
	Text:     "Text",
	Number:   "Number",
	Boolean:  "Boolean",
	Date:     "Date",
	DateTime: "DateTime",
	JSON:     "JSON",
}

// String returns the name of t, such as "DateTime", or "Type(9)" for a value
// outside the defined constants.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

func (t Type) valid() bool { return int(t) < len(typeNames) }

// A Dialect is a path syntax. The package documentation gives the grammar of
// each one.
type Dialect uint8

// The path dialects. Auto, the zero value, picks one of Dot, JSONPath,
// Pointer and Finder from the start of each path; GJSON is never picked
// automatically.
const (
	Auto     Dialect = iota // chosen per path from its first bytes
	Dot                     // dot and bracket paths: rates.USD, items[0].name, values.0.0
	JSONPath                // $.data.items[0], $['key with space']
	Pointer                 // RFC 6901 JSON Pointer: /data/items/0/name
	Finder                  // jsonpathfinder.com paths: x.data.items[0].name
	GJSON                   // gjson's own syntax, with wildcards, queries, modifiers and pipes
)

var dialectNames = [...]string{
	Auto:     "Auto",
	Dot:      "Dot",
	JSONPath: "JSONPath",
	Pointer:  "Pointer",
	Finder:   "Finder",
	GJSON:    "GJSON",
}

// String returns the name of d, such as "Pointer", or "Dialect(9)" for a
// value outside the defined constants.
func (d Dialect) String() string {
	if int(d) < len(dialectNames) {
		return dialectNames[d]
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

func (d Dialect) valid() bool { return int(d) < len(dialectNames) }
