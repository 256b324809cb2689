package render

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/model"
)

// TestPlanYearMovesEveryYear: the bundled project writes its years relative
// to plan.year, so changing plan.year alone moves every year of every table
// title, header, measure and chart, and the checker finds no new mistake.
func TestPlanYearMovesEveryYear(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile("../../renja.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml = []byte(strings.Replace(string(toml), "year = 2024", "year = 2030", 1))
	toml = []byte(strings.Replace(string(toml), `title = "Rencana Kerja Tahun 2024"`, `title = "Rencana Kerja Tahun 2030"`, 1))
	if err := os.WriteFile(filepath.Join(dir, "renja.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	base, err := model.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(check.Run(p)), len(check.Run(base)); got != want {
		t.Errorf("plan year 2030: %d findings, the bundled 2024: %d", got, want)
	}
	tpl, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(p, tpl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(out.HTML))
	for _, want := range []string{
		"Alokasi Anggaran Kantor Kecamatan Kalaena Tahun 2030",              // Tabel 4.1's title
		"Rencana Tahun 2030 (N)", "Prakiraan Maju Rencana Tahun 2031 (N+1)", // Tabel 3.1's groups
		"Tahun 2028 (n-2)", "Tahun 2031 (n+1)", // Tabel 2.3's headers
		"s/d tahun n-3 (2027)", "Reviu Terhadap Rancangan Awal RKPD Tahun 2030",
		"Pagu Indikatif Tahun 2030 per Program", "Prakiraan Maju Tahun 2031 per Program", // charts
		"Tingkat Realisasi Tahun 2028 per Program",
		"PENETAPAN RENCANA KERJA KECAMATAN KALAENA TAHUN 2030", "RKPD Tahun 2028, diperoleh nilai",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("plan year 2030: the website lacks %q", want)
		}
	}
	// No year of the 2024 plan is left in a table's caption, title or header.
	heads := regexp.MustCompile(`(?s)<figcaption>.*?</figcaption>|<thead>.*?</thead>`).FindAllString(page, -1)
	for _, h := range heads {
		if m := regexp.MustCompile(`202[2-5]`).FindString(h); m != "" {
			t.Errorf("plan year 2030: a table's title or header still says %s: %s", m, h)
		}
	}
	for _, tb := range p.Tables {
		for _, c := range tb.Columns {
			if regexp.MustCompile(`202[2-5]`).MatchString(c.Measure) {
				t.Errorf("%s: column %s measures %s", tb.File, c.Name, c.Measure)
			}
		}
	}
}
