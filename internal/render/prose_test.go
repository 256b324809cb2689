package render

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"renja/internal/content"
	"renja/internal/model"
)

var (
	bundledOnce sync.Once
	bundledP    *model.Project
	bundledT    *Templates
	bundledErr  error
)

// markdown expands src as a chapter of the bundled project (the part's body
// starts on line 6 of content/99-uji.md) and returns its HTML.
func markdown(t *testing.T, src string) (string, error) {
	t.Helper()
	bundledOnce.Do(func() {
		bundledP, bundledErr = model.Load("../..")
		if bundledErr == nil {
			bundledT, bundledErr = LoadTemplates("../..")
		}
	})
	if bundledErr != nil {
		t.Fatal(bundledErr)
	}
	r := &renderer{ctx: context.Background(), p: bundledP, t: bundledT}
	part := &content.Part{ID: "uji", Title: "Uji", Kind: content.Chapter, File: "content/99-uji.md", Body: []byte(src), BodyLine: 6}
	out, _, err := part.Render(r.contentFuncs(part), r.data(), content.NewIDs())
	return string(out), err
}

func TestProseFunctions(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{{ rupiah 3852935 }}`, "Rp 3.852.935"},
		{`{{ angka 2590643300 }}`, "2.590.643.300"},
		{`{{ angka 89.9 2 }}`, "89,90"},
		{`{{ persen 97.1 }}`, "97,10%"},
		{`{{ persen 97 0 }}`, "97%"},
		{`{{ terbilang 36 }}`, "36 (Tiga Puluh Enam)"},
		{`{{ tanggal .Config.Signatory.Date }}`, "1 Mei 2023"},
		{`{{ tanggal "2023-02-22" }}`, "22 Februari 2023"},
		// a sub kegiatan: as stated; the seven-part spelling of its code reads too
		{`{{ pagu "t31" "7.01.01.2.01.01" }}`, "Rp 14.255.600"},
		{`{{ pagu "t31" "7.1.1.2.01.02.01" }}`, "Rp 1.739.817.446"},
		// a kegiatan of t41 states 34.835.600, its sub kegiatan add up to
		// 34.795.500: pagu prints what the row writes, jumlah the sum
		{`{{ pagu "t41" "7.01.01.2.05" }}`, "Rp 34.835.600"},
		{`{{ jumlah "t41" "pagu" "7.01.01.2.05" }}`, "Rp 34.795.500"},
		{`{{ pagu "t31" "7.01.01" "pagu_n_plus1" }}`, "Rp 3.634.250.000"},
		{`{{ angka (pagu "t31" "7.01.01.2.01.01") }}`, "14.255.600"},
		// eval21 is a flat list of sub kegiatan: a kegiatan's amount adds them up
		{`{{ pagu "eval21" "7.01.01.2.01" }}`, "Rp 15.754.945"},
		{`{{ target "t31" "7.01.01.2.01.07" }}`, "10 Lap"},
		{`{{ target "t31" "7.01.01.2.01.07" "target_n_plus1" }}`, "10 Dok"},
		{`{{ nilai "t23" "1" "realisasi_n_min2" }}`, "89,9"},
		{`{{ angka (nilai "t23" "1" "realisasi_n_min2") 2 }}`, "89,90"},
		{`{{ nilai "t23" "2" "target_n_min2" }}`, "97%"},
		{`{{ nilai "eval21" "7.01.03.2.01.01" "capaian_kinerja" }}`, "99,98%"}, // as stated: nilai reads cells
		{`{{ jumlah "eval21" "pagu" "7.01.03" }}`, "Rp 92.736.655"},
		{`{{ jumlah "eval21" "realisasi_anggaran" }}`, "Rp 2.827.767.677"},
		{`{{ hitung "eval21" "program" }}`, "6"},
		{`{{ hitung "eval21" "kegiatan" }}`, "15"},
		{`{{ terbilang (hitung "eval21" "sub kegiatan") }}`, "34 (Tiga Puluh Empat)"},
		{`{{ hitung "t23" }}`, "2"},
		{`{{ hitung "t25" "desa" }}`, "7"},
		{`{{ rerata "eval21" "capaian_kinerja" }}`, "93,52%"},
		{`{{ rerata "eval21" "capaian_anggaran" }}`, "94,97%"},
		{`{{ kategori "t22" 99.65 }}`, "sangat tinggi"},
		{`{{ kategori "t22" 90.5 }}`, "tinggi"},
		{`{{ kategori "t22" 66 }}`, "sedang"},
		{`{{ kategori "t22" 12 }}`, "sangat rendah"},
		{`{{ kategori "t22" (rerata "eval21" "capaian_anggaran") }}`, "sangat tinggi"},
		// a cell that cannot be read prints as it is stated
		{`{{ pagu "eval21" "7.01.01.2.07.02" }}`, "Rp 278.000,000"},
	} {
		got, err := markdown(t, c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got = html.UnescapeString(strings.TrimSpace(got)); got != "<p>"+c.want+"</p>" {
			t.Errorf("%s gives %s, want <p>%s</p>", c.src, got, c.want)
		}
	}
}

// TestProseErrors: a wrong table, column, code or argument is an error at the
// call's place in the Markdown file, never an empty string.
func TestProseErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`{{ pagu "t99" "7.01.01" }}`, `content/99-uji.md:6:4: pagu: no table "t99"`},
		{"Teks.\n\nAnggaran {{ pagu \"t31\" \"7.01.09\" }}.", `content/99-uji.md:8:13: pagu: code 7.01.09 is not in data/t31.csv`},
		{`{{ pagu "t31" "7.x" }}`, `pagu: "7.x" is not a code`},
		{`{{ pagu "t31" "7.01.01" "pagu_n_plus2" }}`, `pagu: data/t31.toml has no column "pagu_n_plus2"`},
		{`{{ target "t31" "7.01.01.2.01.99" }}`, `target: code 7.01.01.2.01.99 is not in data/t31.csv`},
		{`{{ nilai "t23" "3" "target_n_min2" }}`, `nilai: data/t23.csv has no row "3"`},
		{`{{ jumlah "eval21" "uraian" }}`, `jumlah: column uraian is text`},
		{`{{ hitung "eval21" "desa" }}`, `hitung: "desa" is neither a level`},
		{`{{ rerata "eval21" "pagu" }}`, `rerata: column pagu is money`},
		{`{{ kategori "t31" 90 }}`, `kategori: data/t31.toml needs the columns min, max and kriteria`},
		{`{{ persen "banyak" }}`, `persen: banyak (string) is not a number`},
		{`{{ terbilang 2.5 }}`, `terbilang: 2,5 is not a whole number`},
		{`{{ evaluasi "eval21" "t99" }}`, `evaluasi: no table "t99"`},
		{`{{ evaluasi "t31" "tc29" }}`, `evaluasi: data/t31.toml needs a code column, uraian, indikator, a column ratio(realisasi, target)`},
		{`{{ evalusi "eval21" "tc29" }}`, `content/99-uji.md:6:4: function "evalusi" not defined`},
	} {
		_, err := markdown(t, c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.src, err, c.want)
		}
	}
}

var (
	h3Re   = regexp.MustCompile(`<h3 id="[^"]+">([^<]*)</h3>`)
	h4Re   = regexp.MustCompile(`<h4 id="[^"]+">([^<]*)</h4>`)
	h5Re   = regexp.MustCompile(`<h5 id="[^"]+">([^<]*)</h5>`)
	headRe = regexp.MustCompile(`<h[345] id="[^"]+">([0-9.]+) `)
)

// section returns the heading whose text starts with number and the
// paragraph after it, unescaped.
func section(t *testing.T, page, number string) string {
	t.Helper()
	re := regexp.MustCompile(`<h[345] id="[^"]+">` + regexp.QuoteMeta(number) + ` [^<]*</h[345]>\n<p>[^\n]*</p>`)
	m := re.FindString(page)
	if m == "" {
		t.Fatalf("no heading %s with its paragraph", number)
	}
	return html.UnescapeString(m)
}

// TestEvaluasiBundled: section 2.1 is generated from data/eval21 and
// data/tc29 — one numbered heading and paragraph per program, kegiatan and
// sub kegiatan, numbered without the seed's repeats — with the percentages
// computed, not copied.
func TestEvaluasiBundled(t *testing.T) {
	page, err := markdown(t, `{{ evaluasi "eval21" "tc29" }}`)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h3Re.FindAllString(page, -1)); n != 6 {
		t.Errorf("%d program headings, want 6", n)
	}
	if n := len(h4Re.FindAllString(page, -1)); n != 15 {
		t.Errorf("%d kegiatan headings, want 15", n)
	}
	if n := len(h5Re.FindAllString(page, -1)); n != 34 {
		t.Errorf("%d sub kegiatan headings, want 34 (the rows of data/eval21.csv)", n)
	}
	seen := map[string]bool{}
	for _, m := range headRe.FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("heading number %s twice", m[1])
		}
		seen[m[1]] = true
	}
	for _, n := range []string{"5.1.1.", "6.1.2."} { // the seed numbers these 4.1.1 and 5.1.2
		if !seen[n] {
			t.Errorf("no heading %s", n)
		}
	}
	for _, c := range []struct{ number, want string }{
		{"1.", "1. Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota</h3>"},
		{"1.", "Program ini terdiri atas 9 (Sembilan) kegiatan dan 25 (Dua Puluh Lima) sub kegiatan"},
		{"1.1.1.", "Indikator dari sub kegiatan ini adalah jumlah dokumen perencanaan yang disusun tepat waktu dengan target kinerja sebanyak 2 dokumen dan terealisasi sebanyak 2 dokumen (100,00%) dengan target anggaran sebesar Rp 3.852.935 dan terealisasi sebesar Rp 3.741.200 (97,10%)."},
		{"1.1.", "Target anggaran kegiatan ini sebesar Rp 15.754.945 dan terealisasi sebesar Rp 15.326.500 (97,28%)."},
		// the seed types 99,98% and 100% here
		{"3.1.1.", "terealisasi sebanyak 137 orang (97,86%)"},
		{"1.5.2.", "terealisasi sebanyak 5 orang (9,43%)"},
		{"1.9.2.", "terealisasi sebanyak 26 unit (72,22%)"},
		{"1.6.4.", "terealisasi sebesar Rp 2.550.000 (85,00%)."},
		// the cell 278.000,000 cannot be read: shown as stated, without a percentage
		{"1.7.1.", "dengan target anggaran sebesar Rp 278.000,000 dan terealisasi sebesar Rp 277.999.900.</p>"},
		{"1.7.", "Target anggaran kegiatan ini sebesar Rp 15.000.000 dan terealisasi sebesar Rp 15.000.000 (100,00%), tidak termasuk sub kegiatan 1.7.1 yang anggarannya tidak dapat dijumlahkan."},
		{"1.", "tidak termasuk sub kegiatan 1.7.1 yang anggarannya tidak dapat dijumlahkan."},
	} {
		if s := section(t, page, c.number); !strings.Contains(s, c.want) {
			t.Errorf("%s reads\n\t%s\nwant it to contain\n\t%s", c.number, s, c.want)
		}
	}
	if s := section(t, page, "3.1.1."); strings.Contains(s, "137 orang (99,98%)") {
		t.Errorf("3.1.1 prints the seed's stated capaian kinerja 99,98%%: %s", s)
	}
}

// TestProseFollowsData changes one sub kegiatan's realisation in a copy of
// the bundled project: its paragraph, its kegiatan's and its program's
// figures and the chapter's averages change with it.
func TestProseFollowsData(t *testing.T) {
	before := renderCopy(t, nil)
	after := renderCopy(t, func(dir string) {
		f := filepath.Join(dir, "data", "eval21.csv")
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// 3.1.1: 137 of 140 participants → 140; Rp 10.140.000 of 10.142.295 → 5.071.147
		old := "140 orang;137 orang;99,98;10.142.295;10.140.000;99,98"
		if !strings.Contains(string(b), old) {
			t.Fatalf("data/eval21.csv lacks %q", old)
		}
		b = []byte(strings.Replace(string(b), old, "140 orang;140 orang;99,98;10.142.295;5.071.147;99,98", 1))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	})
	for _, c := range []struct{ number, before, after string }{
		{"3.1.1.", "terealisasi sebanyak 137 orang (97,86%)", "terealisasi sebanyak 140 orang (100,00%)"},
		{"3.1.1.", "terealisasi sebesar Rp 10.140.000 (99,98%).", "terealisasi sebesar Rp 5.071.147 (50,00%)."},
		{"3.1.", "rata-rata capaian kinerja sebesar 98,93%", "rata-rata capaian kinerja sebesar 100,00%"},
		{"3.1.", "terealisasi sebesar Rp 92.696.180 (99,96%)", "terealisasi sebesar Rp 87.627.327 (94,49%)"},
		{"3.", "terealisasi sebesar Rp 92.696.180 (99,96%)", "terealisasi sebesar Rp 87.627.327 (94,49%)"},
	} {
		b, a := section(t, before, c.number), section(t, after, c.number)
		if !strings.Contains(b, c.before) || !strings.Contains(a, c.after) {
			t.Errorf("%s\nbefore: %s\n want: %s\nafter: %s\n want: %s", c.number, b, c.before, a, c.after)
		}
	}
	for _, c := range []struct{ before, after string }{
		{"diperoleh nilai 93,52% sedangkan untuk Realiasasi Anggaran mencapai 94,97%", "diperoleh nilai 93,58% sedangkan untuk Realiasasi Anggaran mencapai 93,46%"},
	} {
		if !strings.Contains(before, c.before) || !strings.Contains(after, c.after) {
			t.Errorf("the averages should follow the data: want %q before and %q after", c.before, c.after)
		}
	}
}

// renderCopy copies the bundled project (renja.toml, content/, data/) to a
// temporary folder, lets change edit it, renders the website and returns
// BAB II's HTML, unescaped.
func renderCopy(t *testing.T, change func(dir string)) string {
	t.Helper()
	page, err := renderCopyErr(t, change)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func renderCopyErr(t *testing.T, change func(dir string)) (string, error) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"renja.toml", "content", "data"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			if err := copyFile(filepath.Join("../..", name), filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if change != nil {
		change(dir)
	}
	p, tpl := load(t, dir)
	out, err := Render(p, tpl, Options{})
	if err != nil {
		return "", err
	}
	m := sectionRe.FindAllStringSubmatch(string(out.HTML), -1)
	for _, s := range m {
		if s[1] == "bab-2" {
			return html.UnescapeString(s[2]), nil
		}
	}
	t.Fatal("no part bab-2 in the website")
	return "", nil
}

// appendRow adds a line to a copy's data/eval21.csv.
func appendRow(t *testing.T, line string) func(dir string) {
	return func(dir string) {
		f := filepath.Join(dir, "data", "eval21.csv")
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, append(b, []byte(line+"\n")...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEvaluasiOddRows: a sub kegiatan whose kegiatan T-C.29 does not name is
// headed by its code; a row whose code cannot be read is left out (the
// codes rule reports it); a row that is not a sub kegiatan stops the build
// at the call, naming the row.
func TestEvaluasiOddRows(t *testing.T) {
	page := renderCopy(t, func(dir string) {
		appendRow(t, "7.01.06.2.09.01;9.9.9;Sub kegiatan baru;Jumlah dokumen;2 dokumen;1 dokumen;50;1.000.000;-;")(dir)
		appendRow(t, "7.01.x;9.9.9;Kode rusak;Jumlah dokumen;2 dokumen;1 dokumen;50;1.000;1.000;100")(dir)
	})
	for _, want := range []string{
		">6.2. Kegiatan 7.01.06.2.09 (tidak ada di data/tc29.csv)</h4>",
		">6.2.1. Sub kegiatan baru</h5>",
		"target kinerja sebanyak 2 dokumen dan terealisasi sebanyak 1 dokumen (50,00%) dengan target anggaran sebesar Rp 1.000.000 dan terealisasi sebesar -.",
		"Kegiatan ini terdiri atas 1 (Satu) sub kegiatan dengan rata-rata capaian kinerja sebesar 50,00%.</p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("section 2.1 lacks %q", want)
		}
	}
	if strings.Contains(page, "Kode rusak") {
		t.Error("a row whose code cannot be read is placed in section 2.1")
	}
	_, err := renderCopyErr(t, appendRow(t, "7.01.01.2.01;9.9;Kegiatan;Jumlah;1 dok;1 dok;100;1.000;1.000;100"))
	if err == nil || !strings.Contains(err.Error(), "content/20-bab-2.md:41:4: evaluasi: data/eval21.csv:36: 7.01.01.2.01 is a kegiatan") {
		t.Errorf("a kegiatan row in data/eval21.csv: error %v", err)
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// TestEvaluasiTemplate: a project's templates/evaluasi.md words section 2.1
// its own way, fed the same figures; a mistake in it is an error at its line.
func TestEvaluasiTemplate(t *testing.T) {
	markdown(t, "") // loads the bundled project
	dir := t.TempDir()
	own := "{{ range .Programs }}Program {{ .Number }}: {{ .Pagu }} dari {{ len .Subs }} sub kegiatan.\n{{ end }}"
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "evaluasi.md"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	tpl, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := &renderer{ctx: context.Background(), p: bundledP, t: tpl}
	got, err := r.evaluasi("eval21", "tc29")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "Program 1: Rp ") || strings.Contains(got, "Indikator dari") || strings.Count(got, "Program ") != 6 {
		t.Errorf("the project's evaluasi.md was not used:\n%s", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "evaluasi.md"), []byte("baik\n{{ range .Programs }"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadTemplates(dir)
	if err == nil || !strings.HasPrefix(err.Error(), "templates/evaluasi.md:2") {
		t.Errorf("a broken evaluasi.md: %v", err)
	}
}
