package scaffold

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/render"
)

// TestInitOtherOffice: Malili 2025 from the bundled Kalaena 2024. Every
// sentence of its site that names this plan says 2025, or renja check
// reports it where it is written; Kalaena's Musrenbang date and attendance
// are to-dos; every row of the example's tables is counted as the example's.
func TestInitOtherOffice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "malili")
	if _, err := Init(Options{Dir: dir, Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025}); err != nil {
		t.Fatal(err)
	}
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ds := check.Run(p)
	tpl, err := render.LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := render.Render(p, tpl, render.Options{Diagnostics: ds})
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(out.HTML), ""))

	// The sentences that name this plan (its decree, its legal basis, its
	// outline): each says 2025, or check reports its year.
	named := regexp.MustCompile(`(?:menetapkan|Penetapan|menjabarkan|penyusunan|penulisan) Rencana Kerja[^.;:]{0,120}?Tahun (\d{4})|Rancangan Awal RKPD Tahun (\d{4})`)
	wrong := 0
	for _, m := range named.FindAllStringSubmatch(page, -1) {
		if y := m[1] + m[2]; y != "2025" {
			wrong++
			if strings.Contains(m[0], "2024") {
				t.Errorf("the site names the plan of 2024: %q", m[0])
			}
		}
	}
	years := 0
	for _, d := range ds {
		if d.Rule == check.PlanYear {
			years++
			if !strings.HasPrefix(d.File, "content/") || d.Line == 0 || d.Column == 0 || d.Expected != "{{ tahun }}" {
				t.Errorf("plan-year without its place or call: %s", d)
			}
		}
	}
	t.Logf("%d sentences name the plan with another year; check reports %d", wrong, years)
	if wrong == 0 || years != wrong {
		t.Errorf("%d sentences name the plan with another year, check reports %d", wrong, years)
	}

	// Kalaena's Musrenbang: a to-do each, the example's value kept in the mark.
	for _, want := range []string{"tanggal Musrenbang Kecamatan [isi; contoh: 22 februari 2023]", "jumlah peserta Musrenbang Kecamatan [isi; contoh: 163]"} {
		found := false
		for _, d := range ds {
			found = found || d.Severity == diag.SevTodo && d.File == "content/20-bab-2.md" && strings.HasSuffix(d.Message, want)
		}
		if !found {
			t.Errorf("no to-do for %s", want)
		}
	}
	if strings.Contains(page, "22 februari 2023 dengan") || strings.Contains(page, "yaitu 163 Orang") {
		t.Error("the site states Kalaena's Musrenbang as Malili's")
	}

	// Every row of the example's tables, but Tabel 2.2's criteria, is the example's.
	rows := 0
	for _, tb := range p.Tables {
		for _, r := range tb.Rows {
			if r.Example != (tb.ID != "t22") {
				t.Fatalf("%s:%d: example %v", tb.Path, r.Line, r.Example)
			}
			if r.Example {
				rows++
			}
		}
	}
	if got := check.ExampleRows(ds); got != rows || rows < 200 {
		t.Errorf("check counts %d example rows, the tables hold %d", got, rows)
	}
	// The draft shows them: each row marked, a note above each table that
	// has them (Tabel 2.2 has none).
	marked := regexp.MustCompile(`<tr class="[^"]*\bcontoh\b`).FindAllIndex(out.HTML, -1)
	notes := strings.Count(string(out.HTML), `<p class="contoh-note">`)
	shown, shownRows := 0, 0
	for _, tb := range p.Tables {
		if strings.Contains(string(out.HTML), `id="`+tb.ID+`"`) && tb.ID != "t22" {
			shown++
			shownRows += len(tb.Rows)
		}
	}
	if len(marked) != shownRows || shownRows == 0 || notes != shown {
		t.Errorf("the draft marks %d rows and has %d notes; its %d tables with example rows hold %d", len(marked), notes, shown, shownRows)
	}

	// Next year's project from it: the rows stay the example's, the marks
	// stay marks.
	next := filepath.Join(t.TempDir(), "malili26")
	res, err := From(FromOptions{Dir: next, From: dir})
	if err != nil {
		t.Fatal(err)
	}
	if res.Facts != 0 {
		t.Errorf("init --from marked %d facts already marked", res.Facts)
	}
	p2, err := model.Load(next)
	if err != nil {
		t.Fatal(err)
	}
	if got := check.ExampleRows(check.Run(p2)); got != rows {
		t.Errorf("the next year's project counts %d example rows, want %d", got, rows)
	}
}
