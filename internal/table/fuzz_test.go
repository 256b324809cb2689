package table_test

import (
	"testing"

	"renja/internal/diag"
	"renja/internal/table"
)

// FuzzParse feeds arbitrary bytes to Parse against a fixed schema: it must
// not panic, every error must be a diag error naming the file, and a table
// that reads must place every cell.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"kode;uraian;target;pagu\n7.01.01;PROGRAM PENUNJANG;100%;2.590.643.300\n",
		"\xef\xbb\xbfkode;uraian;target;pagu\r\n07.01.01 .2.01;Kegiatan;17 Org/ Bln;Rp 2.590.643.300\r\n",
		"kode,uraian,target,pagu\n7.1.1.2.01.02.01,\"Sub, kegiatan\",\\100%,\"278.000,000\"\n",
		"kode;uraian;target;pagu;;\n7.01.01. 2.01.04;\"a\nb\";12x4;-;;\n;;;;;\n;JUMLAH;;99,47\n",
		"kode;uraian;target;pagu\n7.01.01;\"open\n",
		"kode;uraian;target;pagu\n7.01.01;a\"b;1;2\n",
		"kode;uraian;target;pagu\n7.01.01;a;1\n",
		"kode;uraian;target;pagu\n7.01.01;a;1;2;3\n",
		"kode;uraian;targt\n",
		"kode;urai\xe1n;target;pagu\n",
		"\xef\xbb\xbf",
		"PK\x03\x04\x00",
		"",
		"\"",
		";;;\n\"\n",
		"kode;uraian;target;pagu;contoh\n7.01.01;a;1;2;ya\n7.01.02;b;1;2;\n",
		"contoh;kode;uraian;target;pagu;contoh\nya;7.01.01;a;1;2;ya\n",
	} {
		f.Add([]byte(s))
	}
	s := schema(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		tab, err := table.Parse(s, "data/x.csv", src)
		if err != nil {
			l, ok := diag.ListOf(err)
			switch {
			case !ok:
				t.Fatalf("error %T is not a diag error: %v", err, err)
			case len(l) == 0:
				t.Fatal("empty diag.List")
			}
			for _, e := range l {
				if e.File != "data/x.csv" {
					t.Fatalf("error without the file: %v", e)
				}
			}
			_ = err.Error()
			return
		}
		prev := 1
		for _, r := range tab.Rows {
			if r.Line <= prev {
				t.Fatalf("row at line %d after line %d", r.Line, prev)
			}
			prev = r.Line
			if len(r.Cells) != len(s.Columns) {
				t.Fatalf("row has %d cells", len(r.Cells))
			}
			for _, c := range r.Cells {
				if p := tab.Pos(&c); p.Line < r.Line || p.Column < 1 {
					t.Fatalf("cell %q at %d:%d in row at line %d", c.Raw, p.Line, p.Column, r.Line)
				}
			}
		}
	})
}
