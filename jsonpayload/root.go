package jsonpayload

import (
	"strings"

	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/internal/jsonscan"
)

// maxRootMembers is how many members of a root object [validate] records.
const maxRootMembers = 32

// A rootIndex is where the members of a root object are, recorded by
// [validate] as it reads them. A lookup that starts at the root goes
// straight to the member its path starts with, instead of having gjson
// rescan, for every rule, the members before it and skip their values: an
// integration's response often ends with a small member ("summary",
// "paging") after a large one ("items", "data").
//
// It lives on the stack of one Extract call and is never shared.
type rootIndex struct {
	object  bool // the document is an object; members[:n] are its first members
	partial bool // the object has more than maxRootMembers members
	n       int
	members [maxRootMembers]rootMember
}

// A rootMember holds offsets in the document: of its key's opening quote,
// of its value and of the byte after its value.
type rootMember struct{ key, value, end int }

// reset readies x for another document.
func (x *rootIndex) reset() { x.object, x.partial, x.n = false, false, 0 }

// add records a member whose key's quote is at key and value at value.
func (x *rootIndex) add(key, value int) {
	if x.n == len(x.members) {
		x.partial = true
		return
	}
	x.members[x.n] = rootMember{key: key, value: value}
	x.n++
}

// ended records that the value of the last member added ends at end.
func (x *rootIndex) ended(end int) {
	if !x.partial {
		x.members[x.n-1].end = end
	}
}

// find looks p up in doc, a valid object whose members x records, as
// gjson.Get would: the first member named p.head whose value holds p.tail
// (or simply the first member named p.head when the tail is empty). When
// the index is partial and the recorded members hold no match, it falls
// back to gjson on the whole document.
//
// A path whose first step stands alone (two leading empty keys, which
// gjsonSteps splits) is walked a step at a time, and gjson's first step
// then takes the first member named "" whatever it holds: so does find.
//
// A path that is one step whose tail gjsonSteps splits (it goes on with
// two empty keys, "/a//") is another matter: gjson reads the whole step
// with its own rule for duplicate keys, which walking the split tail does
// not follow, so only gjson on the whole document answers as gjson does.
func (x *rootIndex) find(doc string, p path) (gjson.Result, int) {
	if len(p.steps) == 1 && len(p.tail) > 1 {
		return walk(gjson.Result{Type: gjson.JSON, Raw: doc}, 0, p.steps)
	}
	firstOnly := len(p.steps) > 1
	for _, m := range x.members[:x.n] {
		if !keyIs(doc[m.key:jsonscan.StringEnd(doc, m.key+1)], p.head) {
			continue
		}
		// Parse takes all of an object or array it is given: the value
		// alone is cut out.
		if r, off := walk(gjson.Parse(doc[m.value:m.end]), m.value, p.tail); r.Exists() || len(p.tail) == 0 || firstOnly {
			return r, off
		}
	}
	if x.partial {
		return walk(gjson.Result{Type: gjson.JSON, Raw: doc}, 0, p.steps)
	}
	return gjson.Result{}, -1
}

// keyIs reports whether the quoted key raw names the key k as gjson compares
// them: byte for byte, once unescaped if raw holds an escape.
func keyIs(raw, k string) bool {
	s := raw[1 : len(raw)-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s == k
	}
	return gjson.Parse(raw).Str == k
}
