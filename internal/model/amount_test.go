package model_test

import (
	"testing"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
)

var formatMoney = num.FormatMoney

// amountCSV: a program that writes its amount, one that leaves it empty, a
// kegiatan whose written amount is not the sum below it, one whose amount
// cannot be read, and a total row that writes a wrong total.
const amountCSV = `kode;uraian;target;realisasi;capaian;pagu;jumlah
7.01.01;PROGRAM A;;;;30.000.000;
7.01.01.2.01;Kegiatan A;;;;21.000.000;
7.01.01.2.01.01;Sub A1;2;2;100;12.000.000;4
7.01.01.2.01.02;Sub A2;4;3;80;8.000.000;7
7.01.01.2.02;Kegiatan B;;;;;
7.01.01.2.02.01;Sub B1;1;1;100;10.000.000;2
7.01.02;PROGRAM C;;;;;
7.01.02.2.01;Kegiatan C;;;;12,5 juta;
7.01.02.2.01.01;Sub C1;10;5;50;1.000;15
;JUMLAH;;;;99;
;JUMLAH (hitung);;;;;
`

// TestPrintedAsWritten: a money cell prints what its row writes, the
// computed sum only where a parent or total row leaves it empty; the
// computed sum stays apart (Computed, Sum) for the checker; pagu's figure
// follows the printed cell and jumlah's is always the sum.
func TestPrintedAsWritten(t *testing.T) {
	p, tb := loadCSV(t, amountCSV)
	tr := p.Trees["x"]
	pagu := tb.Col("pagu")
	for i, tt := range []struct {
		printed  string
		computed bool   // printed is the computed sum (the row writes none)
		sum      string // the computed amount, as the checker sees it
	}{
		{"30.000.000", false, "30.000.000"}, // written, and it is the sum (20 + 10 million)
		{"21.000.000", false, "20.000.000"}, // written, not the sum: printed as written
		{"12.000.000", false, "12.000.000"},
		{"8.000.000", false, "8.000.000"},
		{"10.000.000", true, "10.000.000"}, // left empty: the sum
		{"10.000.000", false, "10.000.000"},
		{"1.000", true, "1.000"},
		{"12,5 juta", false, "1.000"}, // cannot be read: as written, as text
		{"1.000", false, "1.000"},
		{"99", false, "30.001.000"},        // a total row that writes its total
		{"30.001.000", true, "30.001.000"}, // one that leaves it empty
	} {
		r := tb.Rows[i]
		v := model.CellValue(tr, r, pagu)
		if v.Text != tt.printed {
			t.Errorf("row %d (%s): printed %q, want %q", r.Line, r.Cells[0].Raw, v.Text, tt.printed)
		}
		m, ok, computed := tr.Amount(r, pagu.Index)
		if computed != tt.computed || (ok && m != v.Money) {
			t.Errorf("row %d: Amount = %d, %v, computed %v; want computed %v", r.Line, m, ok, computed, tt.computed)
		}
		if m, _ := tr.Computed(r, pagu.Index); formatMoney(m) != tt.sum {
			t.Errorf("row %d: Computed = %s, want %s", r.Line, formatMoney(m), tt.sum)
		}
	}
	for _, c := range []struct{ call, code, want string }{
		{"pagu", "7.01.01.2.01", "21.000.000"},   // as written
		{"pagu", "7.01.01.2.02", "10.000.000"},   // empty: the sum
		{"pagu", "7.01.02.2.01", "12,5 juta"},    // as written, unreadable
		{"jumlah", "7.01.01.2.01", "20.000.000"}, // the sum
		{"jumlah", "7.01.01", "30.000.000"},
	} {
		var f model.Figure
		var found bool
		if c.call == "pagu" {
			f, found = p.CodeFigure(tb, kode.MustParse(c.code), pagu)
		} else {
			f, found = p.Total(tb, pagu, kode.MustParse(c.code))
		}
		got := f.Raw
		if f.OK {
			got = formatMoney(f.Money)
		}
		if !found || got != c.want {
			t.Errorf("%s %s = %q (found %v), want %q", c.call, c.code, got, found, c.want)
		}
	}
}
