package diff_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/diff"
	"renja/internal/difftest"
)

func TestTextconv(t *testing.T) {
	dir := difftest.Bundled(t)
	src, err := os.ReadFile(filepath.Join(dir, "data", "t31.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// git hands the driver the old version as a temporary file named
	// XXXXXX_t31.csv outside the project, run from the repository's top.
	tmp := filepath.Join(t.TempDir(), "a1B2c3_t31.csv")
	os.WriteFile(tmp, src, 0o644)
	t.Chdir(dir)
	s := diff.TextconvSchema(tmp)
	if s == nil || s.ID != "t31" {
		t.Fatalf("schema of %s not found: %v", tmp, s)
	}
	out := string(diff.Textconv(src, s))
	for _, want := range []string{
		"7.01.01.2.01.01 pagu: 14.255.600\n", // canonical code, though the file writes "7.01.01. 2.01.01"
		"7.01.01.2.01.01 kode: 7.01.01. 2.01.01\n",
		"7.01.01 pagu: 2.472.039.400\n",
		"7.01.01.2.01.07 target: 10 Lap\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("textconv lacks %q", want)
		}
	}
	if strings.Contains(out, "catatan:") {
		t.Error("empty cells are listed")
	}
	lines := strings.Count(out, "\n")
	if lines < 300 {
		t.Errorf("only %d lines", lines)
	}

	// Without a schema: keyed by the kode column all the same.
	if got := string(diff.Textconv(src, nil)); !strings.Contains(got, "7.01.01.2.01.01 pagu: 14.255.600\n") {
		t.Errorf("schema-less textconv:\n%.300s", got)
	}
	// Rows without code, repeated keys, a table without codes, a broken file.
	for _, tc := range []struct{ in, want string }{
		{"no;uraian;nilai\n1;a;3\n1;b;4\n", "1 no: 1\n1 uraian: a\n1 nilai: 3\n1#2 no: 1\n1#2 uraian: b\n1#2 nilai: 4\n"},
		{"kode;uraian;pagu\n;JUMLAH;5\n", "JUMLAH uraian: JUMLAH\nJUMLAH pagu: 5\n"},
		{"kode;uraian\n7;\"two\nlines\"\n", "7 kode: 7\n7 uraian: two\\nlines\n"},
		{"kode;uraian\n7;\"open\n", "kode;uraian\n7;\"open\n"},
		// Read as renja build reads it: Windows-1252, UTF-16, a BOM.
		{"kode;uraian\n7;Caf\xe9\n", "7 kode: 7\n7 uraian: Café\n"},
		{"\xff\xfek\x00o\x00d\x00e\x00,\x00u\x00\n\x007\x00,\x00\xe9\x00\n\x00", "7 kode: 7\n7 u: é\n"},
		{"\xef\xbb\xbfkode,uraian\r\n7,a\r\n", "7 kode: 7\n7 uraian: a\n"},
	} {
		if got := string(diff.Textconv([]byte(tc.in), nil)); got != tc.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTextconv: any bytes give an answer, never a panic; a readable table
// gives one line per non-empty cell.
func FuzzTextconv(f *testing.F) {
	f.Add([]byte("kode;uraian;pagu\n7.01;a;1.000\n"))
	f.Add([]byte("\xef\xbb\xbf\"kode\";\"pagu\";\r\n\"7.01.01. 2.01\";\"5\";\r\n"))
	f.Add([]byte("no,nilai\n1,\"x\ny\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out := diff.Textconv(src, nil)
		if string(out) == string(src) {
			return // not CSV: passed through
		}
		for _, l := range strings.SplitAfter(string(out), "\n") {
			if l != "" && !strings.Contains(l, ": ") {
				t.Fatalf("line without key and column: %q", l)
			}
		}
	})
}
