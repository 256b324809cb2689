package signtest

import (
	"bytes"
	"fmt"
	"regexp"
	"testing"
)

// Free appends to doc, as an attacker would, an incremental update that
// marks object nr free and changes nothing else: a reader that follows the
// cross-reference table no longer finds the object. It reads the trailer's
// entries from doc's last ones.
func Free(t testing.TB, doc []byte, nr int) []byte {
	t.Helper()
	last := func(re string) string {
		m := regexp.MustCompile(re).FindAllSubmatch(doc, -1)
		if len(m) == 0 {
			t.Fatalf("no %s in the PDF", re)
		}
		return string(m[len(m)-1][1])
	}
	return fmt.Appendf(bytes.Clone(doc), "xref\n%d 1\n0000000000 00001 f \ntrailer\n<< /Size %s /Root %s /Info %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		nr, last(`/Size ?(\d+)`), last(`/Root ?(\d+ 0 R)`), last(`/Info ?(\d+ 0 R)`), last(`startxref\s+(\d+)`), len(doc))
}
