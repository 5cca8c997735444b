package channel

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScanJSON holds scanJSON, which replaces a JSON validator, to
// encoding/json: it accepts a body exactly when json.Valid does and
// encoding/json's tokens nest at most MaxBodyDepth deep, and the index it
// builds gives, for each of the first maxIndexed objects and arrays, the
// offsets of the brackets that encoding/json's decoder reads.
func FuzzScanJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "webhooks", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{``, ` `, `0`, `-0.5e+3`, `01`, `1.`, `-`, `1e`, `"\u00e9\ud800"`, `"\x"`, "\"\x01\"",
		"\"\xff\"", `[1,]`, `{"a":1,}`, `{"a" 1}`, `{1:2}`, `[]]`, `[[]`, ` {"a":[true,false,null]} `, `nul`, `truex`,
		`"abc`, `[` + strings.Repeat("[", MaxBodyDepth-1) + strings.Repeat("]", MaxBodyDepth), `{"a":"\\"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var ix containerIndex
		got := scanJSON(b, &ix)
		pairs, depth, valid := slowContainers(b)
		if want := valid && depth <= MaxBodyDepth; got != want {
			t.Fatalf("scanJSON(%q) = %v; json.Valid %v, depth %d", b, got, valid, depth)
		}
		if !got {
			return
		}
		if n := min(len(pairs), maxIndexed); ix.n != n {
			t.Fatalf("scanJSON(%q) indexed %d containers, want %d", b, ix.n, n)
		}
		for k := range ix.n {
			if p := pairs[k]; int(ix.open[k]) != p[0] || int(ix.close[k]) != p[1] {
				t.Fatalf("scanJSON(%q): container %d at [%d,%d], encoding/json says %v", b, k, ix.open[k], ix.close[k], p)
			}
		}
	})
}

// slowContainers reads b with encoding/json's decoder and returns the
// offsets of the opening and closing brackets of each object and array in
// the order they open, the deepest nesting, and json.Valid(b).
func slowContainers(b []byte) (pairs [][2]int, deepest int, valid bool) {
	if !json.Valid(b) {
		return nil, 0, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // any number literal, however long
	var stack []int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return pairs, deepest, true
		}
		if err != nil {
			panic(err) // json.Valid accepted it
		}
		at := int(dec.InputOffset()) - 1 // a delimiter is one byte
		switch tok {
		case json.Delim('{'), json.Delim('['):
			stack = append(stack, len(pairs))
			pairs = append(pairs, [2]int{at, -1})
			deepest = max(deepest, len(stack))
		case json.Delim('}'), json.Delim(']'):
			pairs[stack[len(stack)-1]][1] = at
			stack = stack[:len(stack)-1]
		}
	}
}
