package projfs

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadSized(t *testing.T) {
	text := strings.Repeat("kode;uraian;pagu\n", 1000)
	for _, c := range []struct {
		name        string
		size, limit int64
		want        string
	}{
		{"the size as looked at", int64(len(text)), -1, text},
		{"an empty file", 0, -1, ""},
		{"grew after it was looked at", 10, -1, text},
		{"shrank", int64(len(text)) + 500, -1, text},
		{"cut at the limit", int64(len(text)), 101, text[:101]},
		{"grew past the limit", 10, 101, text[:101]},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := text
			if c.size == 0 {
				in = ""
			}
			// One byte per Read, as a slow disk or pipe may give.
			got, err := readSized(iotest.OneByteReader(strings.NewReader(in)), c.size, c.limit)
			if err != nil || !bytes.Equal(got, []byte(c.want)) {
				t.Errorf("readSized = %d bytes, %v; want %d bytes", len(got), err, len(c.want))
			}
		})
	}
	// The size as looked at: one allocation, no doubling.
	allocs := testing.AllocsPerRun(10, func() {
		_, _ = readSized(strings.NewReader(text), int64(len(text)), -1)
	})
	if allocs > 2 {
		t.Errorf("readSized of a file of the size looked at made %v allocations, want 1", allocs)
	}
}
