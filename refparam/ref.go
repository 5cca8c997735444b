package refparam

import "bytes"

// A Ref is the decoded form of the text that rides in an entry link.
//
// A Ref is a plain value. Its zero value is "no ref": it encodes as the
// empty text and [Ref.UnmarshalText] reads the empty text back as it, but
// [Parse] rejects the empty text, as every ref it reads has a name. Refs
// hold slices, so compare them with [Ref.Equal] rather than ==.
type Ref struct {
	Name    string  // flow keyword: "giveaway"
	Payload string  // default payload; "" when none
	Fields  []Field // (id, value) pairs in link order; nil when none
	JSON    []byte  // the jsondata document as JSON text; nil when none
}

// A Field is one (custom field id, value) pair carried by a ref.
type Field struct{ ID, Value string }

// Equal reports whether r and o carry the same name, payload, fields and
// JSON text. A nil and an empty Fields or JSON are equal.
func (r Ref) Equal(o Ref) bool {
	if r.Name != o.Name || r.Payload != o.Payload || len(r.Fields) != len(o.Fields) || !bytes.Equal(r.JSON, o.JSON) {
		return false
	}
	for i, f := range r.Fields {
		if f != o.Fields[i] {
			return false
		}
	}
	return true
}

// Lookup returns the value of the first field whose ID is id, and whether
// there was one.
func (r Ref) Lookup(id string) (value string, ok bool) {
	for _, f := range r.Fields {
		if f.ID == id {
			return f.Value, true
		}
	}
	return "", false
}

// IsZero reports whether r carries nothing: no name, payload, field or JSON.
func (r Ref) IsZero() bool {
	return r.Name == "" && r.Payload == "" && len(r.Fields) == 0 && len(r.JSON) == 0
}
