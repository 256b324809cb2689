package chart

import (
	"encoding/xml"
	"math"
	"strings"
	"testing"
)

func sample() *Chart {
	return &Chart{ID: "g", Title: "Pagu & realisasi", Series: []string{"2024", "2025"}, Items: []Item{
		{Label: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota yang sangat panjang namanya", Values: []float64{2472039400, 3634250000}, Texts: []string{"Rp 2.472.039.400", "Rp 3.634.250.000"}},
		{Label: "Program <Kecil>", Values: []float64{1322900, math.NaN()}, Texts: []string{"Rp 1.322.900", "tidak ada data"}},
	}}
}

func TestSVG(t *testing.T) {
	a, b := sample().SVG(), sample().SVG()
	if a != b {
		t.Fatal("two drawings of the same chart differ")
	}
	if err := xml.Unmarshal([]byte(a), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, a)
	}
	for _, want := range []string{`role="img"`, `<title id="g-title">Pagu &amp; realisasi</title>`, "Program &lt;Kecil&gt;", "tidak ada data", `viewBox="0 0 360 `} {
		if !strings.Contains(a, want) {
			t.Errorf("the SVG lacks %s", want)
		}
	}
	if strings.Contains(a, "<script") || strings.Contains(a, "href") {
		t.Error("the SVG must load and run nothing")
	}
	// 3 bars (the missing value has none) and 2 legend squares.
	if n := strings.Count(a, "<rect"); n != 5 {
		t.Errorf("%d rects, want 5", n)
	}
	if !strings.Contains(a, `width="260"`) {
		t.Error("the largest value should span the whole bar width (260)")
	}
}

func TestWrap(t *testing.T) {
	lines := wrap("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota yang sangat panjang namanya sekali", 200)
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", lines)
	}
	for _, l := range lines {
		if textWidth(l) > 200 && strings.Contains(l, " ") {
			t.Errorf("line %q is %v wide", l, textWidth(l))
		}
	}
}
