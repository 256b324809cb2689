package model_test

import (
	"fmt"
	"strings"
	"testing"

	"renja/internal/kode"
	"renja/internal/model"
)

// TestCellValue: a cell as the document prints it — the canonical code, an
// amount as written or, for a parent that leaves it empty, the computed sum;
// numbers in Indonesian format, a percentage with two decimals; a cell that
// cannot be read, and a code that cannot, as written.
func TestCellValue(t *testing.T) {
	p, tb := loadCSV(t, `kode;uraian;target;realisasi;capaian;pagu;jumlah
7.1.1;PROGRAM;;;;;
7.01.01.2.01;Kegiatan;;;;21.000.000;
7.01.01.2.01.01;Sub A;2,50;2;80;12.000.000;4
7.01.01.2.01.01;Sub A again;1;1;100;1.000;2
7.01.01.2.0102;Sub B;x;3;75,125;8.000.000,5;7
`)
	tr := p.Trees["x"]
	var got []string
	for _, r := range tb.Rows {
		var cells []string
		for i := range tb.Columns {
			v := model.CellValue(tr, r, &tb.Columns[i])
			s := v.Text
			if v.Numeric {
				s += "#"
			}
			cells = append(cells, s)
		}
		got = append(got, strings.Join(cells, " | "))
	}
	want := []string{
		"7.01.01 | PROGRAM |  |  |  | 12.000.000# | ", // left empty: the sum of its sub kegiatan (Sub B's code cannot be read)
		"7.01.01.2.01 | Kegiatan |  |  |  | 21.000.000# | ",
		"7.01.01.2.01.01 | Sub A | 2,5# | 2# | 80,00# | 12.000.000# | 4#",
		"7.01.01.2.01.01 | Sub A again | 1# | 1# | 100,00# | 1.000# | 2#",
		"7.01.01.2.0102 | Sub B | x | 3# | 75,13# | 8.000.000,5 | 7#",
	}
	sameLines(t, "values", got, want)

	// The tree: a code's duplicate rows, the nodes of a level in row order.
	n := tr.Node(kode.MustParse("7.01.01.2.01.01"))
	if n == nil || len(n.Dups()) != 1 || len(n.Rows()) != 2 || n.Rows()[1].Line != 5 {
		t.Errorf("node 7.01.01.2.01.01: %v", n)
	}
	if d := tr.Node(kode.MustParse("7.01.01.2.01")); d.Dups() != nil || len(d.Rows()) != 1 {
		t.Errorf("a code of one row: dups %v", d.Dups())
	}
	var subs []string
	for _, s := range tr.At(kode.SubKegiatan) {
		subs = append(subs, fmt.Sprint(s.Code, " ", s.Row.Line))
	}
	if strings.Join(subs, ", ") != "7.01.01.2.01.01 4" {
		t.Errorf("sub kegiatan = %v", subs)
	}
}
