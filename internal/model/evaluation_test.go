package model_test

import (
	"strings"
	"testing"

	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// codeName are the first two columns of a table with codes.
const codeName = `
[[columns]]
name = "kode"
type = "code"
[[columns]]
name = "uraian"
`

const evalSchema = codeName + `[[columns]]
name = "indikator"
[[columns]]
name = "target_kinerja"
type = "target"
[[columns]]
name = "realisasi_kinerja"
type = "target"
[[columns]]
name = "capaian_kinerja"
type = "percent"
formula = "ratio(realisasi_kinerja, target_kinerja)"
[[columns]]
name = "pagu"
type = "money"
[[columns]]
name = "realisasi_anggaran"
type = "money"
[[columns]]
name = "capaian_anggaran"
type = "percent"
formula = "ratio(realisasi_anggaran, pagu)"
`

const namesSchema = "hierarchy = true\n" + codeName

// TestEvaluate groups sub kegiatan by kegiatan and program in the rows'
// order, numbers them, and computes each ratio from the stated figures
// (never the ratio the row states): a group's capaian is the mean of its
// subs' capaian, its budget the sums of the subs whose budget and
// realisation can both be read.
func TestEvaluate(t *testing.T) {
	figures := parse(t, "eval", evalSchema, `kode;uraian;indikator;target_kinerja;realisasi_kinerja;capaian_kinerja;pagu;realisasi_anggaran;capaian_anggaran
7.01.02.2.01.01;Sub  Satu;indikator   satu;4 dokumen;3 dokumen;99;1.000;900;1
7.01.02.2.01.02;Sub Dua;b;2 dokumen;2 dokumen;100;3.000;2.000;
7.01.01.2.05.01;Sub Tiga;c;10 kali;5 kali;50;1.000,5;1.000;100
7.01.02.2.02.01;Sub Empat;d;0 kali;1 kali;;-;-;
`)
	names := parse(t, "names", namesSchema, `kode;uraian
7.01.02;Program Dua
7.01.02.2.01;Kegiatan Satu
7.01.01;Program Satu
`)
	p := model.New(nil, nil, []*table.Table{figures, names})
	ev, err := p.Evaluate(figures, names)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	money := func(f model.Figure) string {
		if !f.OK {
			return "-"
		}
		return num.FormatMoney(f.Money)
	}
	line := func(g *model.EvalGroup) string {
		return strings.Join([]string{g.Number, g.Level, g.Code.String(), g.Name, figure(g.Capaian), money(g.Pagu), money(g.Realisasi), figure(g.CapaianAnggaran), strings.Join(g.Left, ",")}, " | ")
	}
	for _, pg := range ev.Programs {
		got = append(got, line(pg))
		for _, k := range pg.Kegiatan {
			got = append(got, "  "+line(k))
			for _, s := range k.Subs {
				got = append(got, "    "+strings.Join([]string{s.Number, s.Name, s.Indicator, figure(s.Capaian), figure(s.CapaianAnggaran)}, " | "))
			}
		}
	}
	want := []string{
		"1 | program | 7.01.02 | Program Dua | 87,50 | 4.000 | 2.900 | 72,50 | ",
		"  1.1 | kegiatan | 7.01.02.2.01 | Kegiatan Satu | 87,50 | 4.000 | 2.900 | 72,50 | ",
		"    1.1.1 | Sub Satu | indikator satu | 75,00 | 90,00",
		"    1.1.2 | Sub Dua | b | 100,00 | 66,67",
		"  1.2 | kegiatan | 7.01.02.2.02 |  | - | - | - | - | ",
		"    1.2.1 | Sub Empat | d | - | -",
		// Sub Tiga's pagu cannot be read (three decimals): left out of the sums, and named.
		"2 | program | 7.01.01 | Program Satu | 50,00 | - | - | - | 2.1.1",
		"  2.1 | kegiatan | 7.01.01.2.05 |  | 50,00 | - | - | - | 2.1.1",
		"    2.1.1 | Sub Tiga | c | 50,00 | -",
	}
	sameLines(t, "evaluation", got, want)
}

// TestEvaluateRefuses a figures table that is not one (no ratio columns),
// a row that is not a sub kegiatan, and names without codes.
func TestEvaluateRefuses(t *testing.T) {
	names := parse(t, "names", namesSchema, "kode;uraian\n7.01.01;Program\n")
	figures := parse(t, "eval", evalSchema, "kode;uraian;indikator;target_kinerja;realisasi_kinerja;capaian_kinerja;pagu;realisasi_anggaran;capaian_anggaran\n7.01.01.2.01;Kegiatan;a;1;1;100;1;1;100\n")
	plain := parse(t, "plain", "[[columns]]\nname = \"uraian\"\n", "uraian\nx\n")
	noRatio := parse(t, "eval", namesSchema+"[[columns]]\nname = \"indikator\"\n", "kode;uraian;indikator\n7.01.01.2.01.01;a;b\n")
	p := model.New(nil, nil, []*table.Table{names, figures, plain, noRatio})
	for _, tt := range []struct {
		figures, names *table.Table
		want           string
	}{
		{figures, names, "data/eval.csv:2: 7.01.01.2.01 adalah kegiatan"},
		{figures, plain, "data/plain.toml tidak menyebut kode"},
		{noRatio, names, "data/eval.toml memerlukan kolom kode, uraian, indikator"},
	} {
		if _, err := p.Evaluate(tt.figures, tt.names); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Evaluate(%s, %s) err = %v, want %q", tt.figures.ID, tt.names.ID, err, tt.want)
		}
	}
}
