package sign

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// malformed are files that start like a PDF and are not one, of n bytes:
// no %%EOF; a startxref pointing into deeply nested arrays; a %%EOF followed
// by much rubbish.
func malformed(n int) map[string][]byte {
	body := bytes.Repeat([]byte("1 0 obj << /A [ "), n/16)
	return map[string][]byte{
		"no %%EOF":          append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("a"), n)...),
		"nested":            append(append([]byte("%PDF-1.7\n"), body...), "\nstartxref\n9\n%%EOF\n"...),
		"rubbish after EOF": append(append([]byte("%PDF-1.7\n%%EOF\n"), body...), bytes.Repeat([]byte("x"), n)...),
	}
}

// TestVerifyMalformedFast: verifying a 2 MB file that is no PDF is an
// error, at once. Before, a file without %%EOF took about a minute and time
// grew with the square of its size; the bound here is a hundred times what
// it takes now.
func TestVerifyMalformedFast(t *testing.T) {
	for name, doc := range malformed(2 << 20) {
		start := time.Now()
		_, err := Verify(doc)
		if err == nil {
			t.Errorf("%s: no error", name)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: verify took %v", name, d)
		}
		if _, err := Blocks(doc); err == nil {
			t.Errorf("%s: Blocks: no error", name)
		}
	}
}

// BenchmarkVerifyMalformed shows that verify's time grows linearly with
// the size of a malformed file.
func BenchmarkVerifyMalformed(b *testing.B) {
	for _, n := range []int{256 << 10, 1 << 20, 4 << 20} {
		for name, doc := range malformed(n) {
			b.Run(fmt.Sprintf("%s/%dKiB", name, n>>10), func(b *testing.B) {
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					Verify(doc)
				}
			})
		}
	}
}
