package jsonpayload

import (
	"github.com/tidwall/gjson"

	"github.com/entrylink/entrylink/refparam"
)

// A Rule maps the value at Path in a document to the custom field FieldID.
type Rule struct {
	Path     string // in the dialect of the Options that compile it; Auto by default
	FieldID  string // the custom field to fill; must not be empty
	Type     Type   // the field's type; Text by default
	Required bool   // a missing or null value is an error; otherwise the rule is skipped
}

// Options configure how paths are read and documents checked. An Options
// is an immutable value: the With methods return a modified copy. The zero
// value is the default: the Auto dialect, no quote repair.
type Options struct {
	dialect      Dialect
	repairQuotes bool
}

// WithDialect returns a copy of o that reads every path in dialect d
// instead of detecting each path's dialect. Choosing [GJSON] is the only
// way to reach gjson's wildcards, queries, modifiers and pipes.
func (o Options) WithDialect(d Dialect) Options {
	o.dialect = d
	return o
}

// WithQuoteRepair returns a copy of o that, when a document is not valid
// JSON as it stands, replaces the typographic quotes that word processors
// substitute for ASCII ones (with [refparam.StraightQuotes]) and reads the
// result if it is valid. A document that is valid as it stands is never
// changed: its typographic quotes are text inside strings.
func (o Options) WithQuoteRepair() Options {
	o.repairQuotes = true
	return o
}

// An Extractor is a compiled rule set. It is immutable and safe for
// concurrent use.
type Extractor struct {
	opts  Options
	rules []compiled
}

type compiled struct {
	Rule
	path path
}

// Compile checks rules and translates every path once, with the default
// [Options]. The error names the first bad rule.
func Compile(rules []Rule) (*Extractor, error) {
	return Options{}.compile("Compile", rules)
}

// MustCompile is like [Compile] but panics on error. It is meant for rule
// sets written in the program, in package variables and tests.
func MustCompile(rules []Rule) *Extractor {
	e, err := Compile(rules)
	if err != nil {
		panic(err)
	}
	return e
}

// Compile checks rules and translates every path once, reading paths as o
// says. The error names the first bad rule.
func (o Options) Compile(rules []Rule) (*Extractor, error) {
	return o.compile("Compile", rules)
}

func (o Options) compile(op string, rules []Rule) (*Extractor, error) {
	e := &Extractor{opts: o, rules: make([]compiled, len(rules))}
	for i, r := range rules {
		ruleErr := func(err error, off int, detail string) error {
			return ruleError(op, i, &r, err, off, "", detail)
		}
		switch {
		case !o.dialect.valid():
			return nil, ruleErr(ErrRule, -1, "unknown dialect "+o.dialect.String())
		case r.FieldID == "":
			return nil, ruleErr(ErrRule, -1, "empty FieldID")
		case !r.Type.valid():
			return nil, ruleErr(ErrRule, -1, "unknown type "+r.Type.String())
		}
		p, pe := compilePath(r.Path, o.dialect)
		if pe != nil {
			return nil, ruleErr(pe.err, pe.off, pe.detail)
		}
		e.rules[i] = compiled{r, p}
	}
	return e, nil
}

// Rules returns a copy of the rules e was compiled from.
func (e *Extractor) Rules() []Rule {
	rules := make([]Rule, len(e.rules))
	for i, c := range e.rules {
		rules[i] = c.Rule
	}
	return rules
}

// Extract returns one field per rule whose path is found in doc, in rule
// order, each value written as the rule's type says. A rule whose path is
// missing or null is skipped, unless it is Required. It fails as a whole,
// returning no fields, when doc is not valid JSON within the limits, when a
// required value is missing or null, or when a value does not fit its type.
//
// Extract copies doc once; the field values share that copy's memory (see
// the package documentation). It returns nil when no rule matched.
func (e *Extractor) Extract(doc []byte) ([]refparam.Field, error) {
	return e.extract("Extract", string(doc))
}

// ExtractString is like Extract for a document held in a string. It does
// not copy doc: the field values are substrings of it, except values that
// had to be decoded or rewritten.
func (e *Extractor) ExtractString(doc string) ([]refparam.Field, error) {
	return e.extract("Extract", doc)
}

// Extract compiles rules with the default [Options] and applies them to
// doc. Compile the rules once with [Compile] when they are used more than
// once.
func Extract(doc []byte, rules []Rule) ([]refparam.Field, error) {
	e, err := Options{}.compile("Extract", rules)
	if err != nil {
		return nil, err
	}
	return e.extract("Extract", string(doc))
}

// Lookup returns the value at path in doc, written as type t, reading the
// path in the Auto dialect. It tells the outcomes apart by its error:
// nil when the value is found, [ErrNotFound] when it is not,
// [ErrNull] when it is null, [ErrInvalidDocument] when doc is not valid JSON
// within the limits, [ErrType] when the value does not fit t, and a path
// error when path is malformed.
func Lookup(doc []byte, path string, t Type) (string, error) {
	return Options{}.Lookup(doc, path, t)
}

// Lookup is like the package function [Lookup] with the options o.
func (o Options) Lookup(doc []byte, path string, t Type) (string, error) {
	e, err := o.compile("Lookup", []Rule{{Path: path, FieldID: "-", Type: t, Required: true}})
	if err != nil {
		return "", err
	}
	f, err := e.extract("Lookup", string(doc))
	if err != nil {
		return "", err
	}
	return f[0].Value, nil
}

// extract is the one implementation behind Extract, ExtractString and
// Lookup.
func (e *Extractor) extract(op string, doc string) ([]refparam.Field, error) {
	var root rootIndex
	doc, de := checkDocument(doc, e.opts.repairQuotes, &root)
	if de != nil {
		return nil, &Error{Op: op, Rule: -1, Offset: de.off, Err: de.err, Detail: de.detail}
	}
	var fields []refparam.Field
	for i := range e.rules {
		c := &e.rules[i]
		r, off := find(doc, c.path, &root)
		var err error
		switch {
		case !r.Exists():
			err = ErrNotFound
		case r.Type == gjson.Null:
			err = ErrNull
		}
		if err != nil {
			if !c.Required {
				continue
			}
			return nil, ruleError(op, i, &c.Rule, err, off, "", "")
		}
		v, ok := convert(r, c.Type)
		if !ok {
			return nil, ruleError(op, i, &c.Rule, ErrType, off, clip(r.Raw), "")
		}
		if fields == nil {
			fields = make([]refparam.Field, 0, len(e.rules)-i)
		}
		fields = append(fields, refparam.Field{ID: c.FieldID, Value: v})
	}
	return fields, nil
}

// ruleError reports a problem with rule i. Lookup has a path but no rule.
func ruleError(op string, i int, r *Rule, err error, off int, value, detail string) error {
	x := &Error{Op: op, Rule: i, Path: r.Path, FieldID: r.FieldID, Type: r.Type, Offset: off, Value: value, Err: err, Detail: detail}
	if op == "Lookup" {
		x.Rule, x.FieldID = -1, ""
	}
	return x
}

// find returns the value at p in the checked document doc and its byte
// offset in doc (-1 when not found or not known). root is what validate
// recorded of doc.
func find(doc string, p path, root *rootIndex) (gjson.Result, int) {
	if p.gjson {
		r := gjson.Get(doc, p.steps[0])
		if !r.Exists() || r.Index == 0 {
			return r, -1 // not found, or computed by gjson
		}
		return r, r.Index
	}
	if len(p.steps) == 0 {
		r := gjson.Parse(doc)
		if r.Type == gjson.JSON {
			r.Raw = trimSpace(r.Raw) // Parse keeps trailing white space
		}
		return r, r.Index
	}
	if root.object {
		return root.find(doc, p)
	}
	return walk(gjson.Result{Type: gjson.JSON, Raw: doc}, 0, p.steps)
}

// walk applies steps in turn, each to the value the previous one found,
// starting from r at offset base in the document. It returns the value
// found and its offset.
func walk(r gjson.Result, base int, steps []string) (gjson.Result, int) {
	for _, step := range steps {
		// gjson looks for the first bracket of its input, even inside a
		// string: only objects and arrays may be searched.
		s := trimSpace(r.Raw)
		if r.Type != gjson.JSON || s == "" || (s[0] != '{' && s[0] != '[') {
			return gjson.Result{}, -1
		}
		r = gjson.Get(r.Raw, step)
		if !r.Exists() {
			return r, -1
		}
		base += r.Index
	}
	return r, base
}
