package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckNesting: arrays and dictionaries deeper than maxNesting are
// refused before a reader recurses into them; brackets inside strings,
// comments and streams do not count.
func TestCheckNesting(t *testing.T) {
	deep := func(open, close string, n int) []byte {
		return []byte(strings.Repeat(open, n) + strings.Repeat(close, n))
	}
	for _, c := range []struct {
		name string
		doc  []byte
		ok   bool
	}{
		{"arrays at the limit", deep("[", "]", maxNesting), true},
		{"arrays too deep", deep("[", "]", maxNesting+1), false},
		{"dictionaries too deep", deep("<< /A ", ">>", maxNesting+1), false},
		{"side by side", bytes.Repeat([]byte("[[]]"), 1000), true},
		{"in a string", []byte("(" + strings.Repeat("[", 1000) + ")"), true},
		{"in a comment", []byte("%" + strings.Repeat("[", 1000) + "\n[]"), true},
		{"in a stream", []byte("stream\n" + strings.Repeat("[", 1000) + "\nendstream"), true},
		{"hex strings", []byte(strings.Repeat("<41>", 1000)), true},
	} {
		err := CheckNesting(c.doc)
		if (err == nil) != c.ok {
			t.Errorf("%s: CheckNesting = %v", c.name, err)
		}
		if !c.ok {
			if _, err := ReadContext(c.doc); err == nil || !strings.Contains(err.Error(), " 256 ") {
				t.Errorf("%s: ReadContext = %v", c.name, err)
			}
		}
	}
}
