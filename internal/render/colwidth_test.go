package render

import "testing"

func TestWrapLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  int
	}{
		{"", 5, 1},
		{"Kab. Luwu Timur, Kalaena, Semua Kelurahan", 9, 5},
		{"Kab. Luwu Timur, Kalaena, Semua Kelurahan", 16, 3},
		{"Kab. Luwu Timur, Kalaena, Semua Kelurahan", 41, 1},
		{"Kab. Luwu Timur, Kalaena, Semua Kelurahan", 40, 2},
		{"RKA-SKPD", 4, 2},          // breaks after the hyphen, no space
		{"RKA-SKPD", 8, 1},          // glued again
		{"Program/ Kegiatan", 8, 2}, // a slash, then a space
		{"Kemasyarakatan", 5, 1},    // a word longer than the width takes its line
	} {
		if got := wrapLines(c.text, c.width); got != c.want {
			t.Errorf("wrapLines(%q, %d) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
	if got := longestWord("Jumlah Dokumen RKA-SKPD Kemasyarakatan"); got != 14 {
		t.Errorf("longestWord = %d, want 14", got)
	}
}

// samplePlan is a table of Tabel 2.4's kind of row: a code, a kegiatan, a location
// and an indicator, a target and a sum.
func samplePlan(rows, avail, headMax int) *widthPlan {
	p := &widthPlan{
		heads:      []string{"No", "Program/ Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian", "Pagu Indikatif"},
		groups:     make([]string, 6),
		fixed:      []bool{true, false, false, false, false, true},
		avail:      avail,
		headMax:    headMax,
		headWeight: 1 + rows/rowsPerPage,
		cells:      make([][]string, 6),
	}
	for range rows {
		for c, s := range []string{"7.01.01.2.01.04", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Kab. Luwu Timur, Kalaena, Semua Kelurahan",
			"Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", "2 Dok", "3.953.900"} {
			p.cells[c] = append(p.cells[c], s)
		}
	}
	return p
}

func TestPlanWidths(t *testing.T) {
	p := samplePlan(40, 110, 8)
	ws := p.plan()
	t.Logf("widths %v", ws)
	if s := sum(ws); s > p.avail {
		t.Errorf("the widths %v take %d characters of %d", ws, s, p.avail)
	}
	if ws[0] < len("7.01.01.2.01.04") || ws[5] < len("3.953.900") {
		t.Errorf("a code or a sum, which never wraps, is narrower than its text: %v", ws)
	}
	// The location, short, is not squeezed to a word a line while the
	// indicator, long, takes the room.
	if l := wrapLines(p.cells[2][0], ws[2]); l > 3 {
		t.Errorf("the location wraps into %d lines at %d characters (widths %v)", l, ws[2], ws)
	}
	// Fewer lines than Chrome's own share would give: widths in proportion
	// to the texts' lengths.
	lengths := []int{15, 42, 41, 81, 5, 9}
	prop := make([]int, len(lengths))
	for i, l := range lengths {
		prop[i] = max(l*p.avail/222, longestWord(p.cells[i][0]))
	}
	if got, base := p.cost(ws), p.cost(prop); got > base {
		t.Errorf("the plan's cost %d is higher than the proportional widths' %d", got, base)
	}
}

// TestPlanHeader: titles far longer than their figures (T-C.29's) wrap into
// no more lines than Chrome still repeats, when the table has the room.
func TestPlanHeader(t *testing.T) {
	title := "Realisasi Target Kinerja Hasil Program & Keluaran Kegiatan s/d tahun n-3 (2021)"
	p := &widthPlan{avail: 150, headMax: 6, headWeight: 5}
	for c := range 9 {
		p.heads = append(p.heads, title)
		p.groups = append(p.groups, "")
		p.fixed = append(p.fixed, c > 0)
		p.cells = append(p.cells, []string{"100"})
	}
	p.cells[0] = []string{"Penyelenggaraan rapat koordinasi dan konsultasi SKPD"}
	ws := p.plan()
	if h := p.headLines(ws); h > p.headMax {
		t.Errorf("the header takes %d lines, more than %d (widths %v)", h, p.headMax, ws)
	}
	if s := sum(ws); s > p.avail {
		t.Errorf("the widths %v take %d characters of %d", ws, s, p.avail)
	}
	// Without the room for such a header, the widths still fit the page.
	p.avail, p.headMax = 100, 2
	if ws := p.plan(); sum(ws) > p.avail {
		t.Errorf("with no room for a short header the widths %v take %d characters of %d", ws, sum(ws), p.avail)
	}
}
