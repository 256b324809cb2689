package model_test

import (
	"fmt"
	"testing"

	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// TestRealisationRates: a program's performance rate is what its row states
// in the ratio(realisasi:Y, target:Y) column; its budget rate is Σ realisasi
// ÷ Σ pagu over its sub kegiatan, those with an unreadable or blank amount
// left out; programs come in code order, with either rate or both.
func TestRealisationRates(t *testing.T) {
	perf := parse(t, "perf", "hierarchy = true\n"+codeName+`[[columns]]
name = "target"
type = "number"
measure = "target:2022"
[[columns]]
name = "realisasi"
type = "number"
measure = "realisasi:2022"
[[columns]]
name = "tingkat"
type = "percent"
formula = "ratio(realisasi, target)"
`, `kode;uraian;target;realisasi;tingkat
7.01.02;Program Dua;100;90;91
7.01.02.2.01;Kegiatan;100;100;100
7.01.01;Program Satu;100;99,47;99,47
7.01.03;Program Tiga;100;;x
`)
	budget := parse(t, "budget", codeName+`[[columns]]
name = "pagu"
type = "money"
measure = "pagu:2022"
[[columns]]
name = "realisasi_anggaran"
type = "money"
measure = "realisasi-anggaran:2022"
`, `kode;uraian;pagu;realisasi_anggaran
7.01.01.2.01.01;a;1.000;900
7.01.01.2.02.01;b;3.000;2.000
7.01.01.2.02.02;c;5.000;-
7.01.02.2.01.01;d;2.000;2.000,123
7.01.04.2.01.01;e;4.000;1.000
7.01.01.2.01;a kegiatan row is not a sub kegiatan;1.000.000;0
`)
	p := model.New(nil, nil, []*table.Table{budget, perf})
	rates, src := p.RealisationRates(2022)
	var got []string
	for _, r := range rates {
		got = append(got, fmt.Sprintf("%s kinerja %s anggaran %s", r.Code, figure(r.Kinerja), figure(r.Anggaran)))
	}
	want := []string{
		"7.01.01 kinerja 99,47 anggaran 72,50", // (900 + 2.000) ÷ (1.000 + 3.000)
		"7.01.02 kinerja 91,00 anggaran -",     // its one sub kegiatan's realisation cannot be read
		"7.01.03 kinerja - anggaran -",
		"7.01.04 kinerja - anggaran 25,00",
	}
	sameLines(t, "rates", got, want)
	if src.Kinerja != perf || src.KinerjaCol != perf.Col("tingkat") || src.Anggaran != budget {
		t.Errorf("sources = %+v", src)
	}
	if rates, src := p.RealisationRates(2023); len(rates) != 0 || src.Kinerja != nil || src.Anggaran != nil {
		t.Errorf("rates of a year no table measures: %d, %+v", len(rates), src)
	}
}

func figure(f model.Figure) string {
	if !f.OK {
		return "-"
	}
	return num.FormatDec(f.Dec, 2)
}
