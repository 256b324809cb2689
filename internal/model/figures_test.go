package model_test

import (
	"strings"
	"testing"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// parse reads src as data/NAME.csv of the schema.
func parse(t *testing.T, name, schema, src string) *table.Table {
	t.Helper()
	s, err := table.ParseSchema("data/"+name+".toml", name, []byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := table.Parse(s, "data/"+name+".csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// sameLines fails the test when got and want, a line each, differ.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("%s:\n%s\nwant:\n%s", what, g, w)
	}
}

const criteriaSchema = `
[[columns]]
name = "min"
type = "number"
[[columns]]
name = "max"
type = "number"
[[columns]]
name = "kriteria"
`

// TestCriterion reads Tabel 2.2's bands in any order: the highest min a
// score reaches names it, on the boundary included; above the last max is
// still the highest, below every min the lowest.
func TestCriterion(t *testing.T) {
	tb := parse(t, "k", criteriaSchema, `min;max;kriteria
0;50;Sangat Rendah
91;100;Sangat Tinggi
51;75;Rendah
76;90;Tinggi
`)
	min, name := tb.Col("min"), tb.Col("kriteria")
	for _, tt := range []struct {
		score string
		want  string
	}{
		{"0", "sangat rendah"},
		{"50,99", "sangat rendah"},
		{"51", "rendah"},
		{"75,5", "rendah"},
		{"76", "tinggi"},
		{"90,5", "tinggi"},
		{"91", "sangat tinggi"},
		{"120", "sangat tinggi"},
		{"-3", "sangat rendah"},
	} {
		score, _, err := num.ParseDec(tt.score)
		if err != nil {
			t.Fatal(err)
		}
		got, err := model.Criterion(tb, min, name, score)
		if err != nil || got != tt.want {
			t.Errorf("Criterion(%s) = %q, %v; want %q", tt.score, got, err, tt.want)
		}
	}

	// A score below every min gets the lowest band even when that band's
	// min is above 0.
	high := parse(t, "k", criteriaSchema, "min;max;kriteria\n80;100;Baik\n60;79;Cukup\n")
	if got, err := model.Criterion(high, high.Col("min"), high.Col("kriteria"), num.DecOf(10)); err != nil || got != "cukup" {
		t.Errorf("Criterion(10) = %q, %v; want cukup", got, err)
	}

	bad := parse(t, "k", criteriaSchema, "min;max;kriteria\n0;50;Rendah\nx;100;Tinggi\n")
	if _, err := model.Criterion(bad, bad.Col("min"), bad.Col("kriteria"), num.DecOf(60)); err == nil || !strings.Contains(err.Error(), "data/k.csv:3") {
		t.Errorf("an unreadable min: err = %v, want one at data/k.csv:3", err)
	}
	empty := parse(t, "k", criteriaSchema, "min;max;kriteria\n")
	if _, err := model.Criterion(empty, empty.Col("min"), empty.Col("kriteria"), num.DecOf(60)); err == nil {
		t.Error("a table without rows gave a criterion")
	}
}

// TestCountingFigures: Rows leaves the total row out, Distinct ignores case
// and blanks, KeyRow finds a row by its first column, CountLevel needs codes.
func TestCountingFigures(t *testing.T) {
	p, tb := load(t)
	if got := model.Rows(tb); got != 7 {
		t.Errorf("Rows = %d, want 7 (the JUMLAH row left out)", got)
	}
	if n, ok := p.CountLevel(tb, kode.SubKegiatan); !ok || n != 4 {
		t.Errorf("CountLevel(sub kegiatan) = %d, %v; want 4", n, ok)
	}

	flat := parse(t, "f", `
[[columns]]
name = "uraian"
[[columns]]
name = "satuan"
[[columns]]
name = "nilai"
type = "number"
`, "uraian;satuan;nilai\nLuas wilayah;km2;12\nPenduduk;Jiwa;5\nRumah tangga;jiwa;-\nDesa;;3\n  Jumlah ;;20\n")
	if got := model.Rows(flat); got != 5 {
		t.Errorf("Rows of a table without codes = %d, want all 5", got)
	}
	if got := model.Distinct(flat, flat.Col("satuan")); got != 2 {
		t.Errorf("Distinct(satuan) = %d, want 2 (km2, jiwa)", got)
	}
	if got := model.Distinct(flat, flat.Col("nilai")); got != 4 {
		t.Errorf("Distinct(nilai) = %d, want 4 (the dash is blank)", got)
	}
	if r := model.KeyRow(flat, " penduduk "); r == nil || r.Cells[2].Raw != "5" {
		t.Errorf("KeyRow(penduduk) = %v", r)
	}
	if r := model.KeyRow(flat, "Kelurahan"); r != nil {
		t.Errorf("KeyRow(Kelurahan) = %v, want nil", r)
	}
	fp := model.New(nil, nil, []*table.Table{flat})
	if _, ok := fp.CountLevel(flat, kode.Program); ok {
		t.Error("CountLevel of a table without codes is ok")
	}
	if f, found := fp.Total(flat, flat.Col("nilai"), kode.Code{}); !found || !f.OK || f.Dec != num.DecOf(40) {
		t.Errorf("Total(nilai) = %+v, %v; want 40 over every row", f, found)
	}
}

// TestCodeFigure: a row prints what it states; a money cell left empty on a
// parent prints the computed sum below; a code of no row, the sum of its rows.
func TestCodeFigure(t *testing.T) {
	p, tb := loadCSV(t, `kode;uraian;target;realisasi;capaian;pagu;jumlah
7.01.01;PROGRAM;;;;;
7.01.01.2.01;Kegiatan A;;;;21.000.000;
7.01.01.2.01.01;Sub A1;2;2;100;12.000.000;4
7.01.01.2.01.02;Sub A2;4;3;80;8.000.000;7
7.01.02.2.01.01;Sub C1;10;5;50;1.000;15
`)
	pagu, target := tb.Col("pagu"), tb.Col("target")
	for _, tt := range []struct {
		code  string
		col   *table.Column
		want  int64
		ok    bool
		found bool
	}{
		{"7.01.01.2.01", pagu, 21_000_000, true, true}, // as stated, not the 20.000.000 below
		{"7.01.01", pagu, 20_000_000, true, true},      // empty: the sum of the sub kegiatan below
		{"7.01.02", pagu, 1000, true, true},            // no row of its own
		{"7.01.01.2.01.01", target, 2, true, true},
		{"7.01.01", target, 0, false, true}, // its row states no target; a number is not summed
		{"7.01.02", target, 0, false, false},
		{"7.01.03", pagu, 0, false, false},
	} {
		f, found := p.CodeFigure(tb, kode.MustParse(tt.code), tt.col)
		if found != tt.found || f.OK != tt.ok || (tt.ok && f.Value() != num.DecOf(tt.want)) {
			t.Errorf("CodeFigure(%s, %s) = %+v, found %v; want %d, ok %v, found %v", tt.code, tt.col.Name, f, found, tt.want, tt.ok, tt.found)
		}
	}
}

// TestTotal: a money column's total is computed over the hierarchy (not the
// stated parents); under a code, of the rows below it; none below, not found.
func TestTotal(t *testing.T) {
	p, tb := load(t)
	pagu := tb.Col("pagu")
	for _, tt := range []struct {
		code  string
		want  num.Money
		ok    bool
		found bool
	}{
		{"", 20_001_000, true, true},
		{"7.01.01", 20_000_000, true, true},
		{"7.01.01.2.02", 0, false, true}, // its only sub kegiatan cannot be read
		{"7.01.09", 0, false, false},
	} {
		var c kode.Code
		if tt.code != "" {
			c = kode.MustParse(tt.code)
		}
		f, found := p.Total(tb, pagu, c)
		if found != tt.found || f.OK != tt.ok || f.Money != tt.want || (found && f.Kind != table.Money) {
			t.Errorf("Total(pagu, %q) = %+v, %v; want %d, ok %v, found %v", tt.code, f, found, tt.want, tt.ok, tt.found)
		}
	}
	if f, found := p.Total(tb, tb.Col("realisasi"), kode.Code{}); !found || !f.OK || f.Dec != num.DecOf(11) || f.Kind != table.Number {
		t.Errorf("Total(realisasi) = %+v, %v; want 11 over the leaf rows", f, found)
	}
	if _, found := p.Total(tb, tb.Col("realisasi"), kode.MustParse("7.01.09")); found {
		t.Error("Total(realisasi) under a code of no row is found")
	}
}

// TestFigure: Value scales money to a Dec; text, codes and unread cells are
// not numeric; a blank text cell is a figure, a blank number is not.
func TestFigure(t *testing.T) {
	_, tb := load(t)
	row := tb.Rows[5] // Sub B1: target 0, capaian blank, pagu unreadable
	for _, tt := range []struct {
		col           string
		ok, numeric   bool
		raw           string
		value         num.Dec
		checkValueToo bool
	}{
		{"kode", true, false, "7.01.01.2.02.01", 0, false},
		{"target", true, true, "0", 0, true},
		{"capaian", false, false, "", 0, false},
		{"pagu", false, false, "278.000,000", 0, false},
		{"realisasi", true, true, "1", num.DecOf(1), true},
	} {
		f := model.CellFigure(tb.Col(tt.col), row.Cells[tb.Col(tt.col).Index])
		if f.OK != tt.ok || f.Numeric() != tt.numeric || f.Raw != tt.raw || (tt.numeric && f.Value() != tt.value) {
			t.Errorf("CellFigure(%s) = %+v (numeric %v)", tt.col, f, f.Numeric())
		}
	}
	m := model.Figure{Kind: table.Money, Money: 1500, OK: true}
	if m.Value() != 1500*num.Scale {
		t.Errorf("Value of Rp 1.500 = %d", m.Value())
	}
	blank := parse(t, "b", "[[columns]]\nname = \"uraian\"\n[[columns]]\nname = \"n\"\ntype = \"number\"\n", "uraian;n\n;5\n")
	if f := model.CellFigure(blank.Col("uraian"), blank.Rows[0].Cells[0]); !f.OK || f.Numeric() {
		t.Errorf("a blank text cell = %+v, want OK and not numeric", f)
	}
}
