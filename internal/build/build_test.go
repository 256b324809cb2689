package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"renja/internal/gen"
	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
	"renja/internal/testenv"
)

// needTools skips when the browser or poppler is missing, except in CI, which
// installs both, where a missing tool is a failure.
func needTools(t *testing.T) {
	t.Helper()
	var missing []string
	if _, err := pdf.FindChrome(""); err != nil {
		missing = append(missing, "Chrome/Chromium ("+err.Error()+")")
	}
	for _, tool := range []string{"pdftotext", "pdfinfo", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool+" (apt-get install poppler-utils qpdf)")
		}
	}
	if len(missing) > 0 {
		testenv.Missing(t, "this test prints a real PDF and reads it back; missing: "+strings.Join(missing, "; "))
	}
}

var fixedDate = time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)

// pages returns the text of each page, as pdftotext lays it out.
func pages(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	ps := strings.Split(string(out), "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// pageSizes returns "WxH" in points for each page.
func pageSizes(t *testing.T, file string, n int) []string {
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", itoa(n), file).Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)`)
	var s []string
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		s = append(s, m[1]+"x"+m[2])
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// footer returns the page number printed at the foot of a page, or "".
func footer(page string) string {
	lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if regexp.MustCompile(`^([0-9]+|[ivxlc]+)$`).MatchString(last) {
		return last
	}
	return ""
}

func TestBundledPDF(t *testing.T) {
	needTools(t)
	out := t.TempDir()
	res, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if res.PDF == "" {
		t.Fatal("no PDF was written")
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "[^.]*.pdf")) // .renja-print.pdf: the print cache
	if len(pdfs) != 1 {
		t.Fatalf("want exactly one PDF in output/ besides the print cache, got %v", pdfs)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Fatal(err)
	}
	var leftovers []string
	for _, pat := range []string{".renja-stage-*", ".renja-print-*", ".renja-tmp-*", ".renja.lock"} {
		m, _ := filepath.Glob(filepath.Join(out, pat))
		leftovers = append(leftovers, m...)
	}
	// Beside output/: the staging, old and lock entries of package outdir.
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".renja-*"))
	leftovers = append(leftovers, m...)
	if len(leftovers) > 0 {
		t.Errorf("temporary files left in output/: %v", leftovers)
	}
	ps := pages(t, res.PDF)
	if len(ps) < 40 {
		t.Fatalf("the PDF has %d pages; the Renja has about 60", len(ps))
	}
	all := strings.Join(ps, "\n")
	flat := strings.Join(strings.Fields(all), " ")
	for _, want := range []string{
		"BAB I PENDAHULUAN", "BAB II HASIL EVALUASI RENJA", "BAB III TUJUAN, SASARAN, PROGRAM DAN KEGIATAN",
		"BAB IV RENCANA KERJA DAN PENDANAAN", "BAB V PENUTUP", "KATA PENGANTAR", "DAFTAR ISI",
		"Tabel T-C.29", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 2.5", "Tabel 3.1", "Tabel 4.1",
		"MUHAMMAD YUSRI, S.E., M.Si.", "NIP : 19770329 200801 1 008", "2.590.643.300",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}

	// Page sizes: portrait and landscape A4 both present.
	sizes := pageSizes(t, res.PDF, len(ps))
	var portrait, landscape int
	for _, s := range sizes {
		switch s {
		case "594.96x841.92":
			portrait++
		case "841.92x594.96":
			landscape++
		default:
			t.Errorf("page size %s is not A4", s)
		}
	}
	if portrait == 0 || landscape == 0 {
		t.Errorf("want portrait and landscape pages, got %d and %d", portrait, landscape)
	}

	// The running header: not on the cover or the decree, on every page from the foreword on.
	header := "RENCANA KERJA KANTOR KECAMATAN KALAENA"
	if strings.Contains(ps[0], header) {
		t.Error("the cover carries the running header")
	}
	foreword := -1
	for i, p := range ps {
		if strings.Contains(p, "KATA PENGANTAR") && foreword < 0 && i > 0 {
			foreword = i
		}
	}
	if foreword < 2 {
		t.Fatalf("foreword found on page %d", foreword+1)
	}
	for i := 1; i < foreword; i++ {
		if strings.Contains(ps[i], header) {
			t.Errorf("decree page %d carries the running header", i+1)
		}
	}
	for i := foreword; i < len(ps); i++ {
		if !strings.Contains(ps[i], header) {
			t.Errorf("page %d lacks the running header", i+1)
		}
	}

	// Printed numbers: i, ii, … on the front matter, then 1, 2, … without gaps.
	labels := make([]string, len(ps))
	for i, p := range ps {
		labels[i] = footer(p)
	}
	if labels[foreword] != "i" || labels[foreword+1] != "ii" {
		t.Errorf("front matter numbered %q, %q; want i, ii", labels[foreword], labels[foreword+1])
	}
	n := 0
	for i := foreword; i < len(ps); i++ {
		if regexp.MustCompile(`^[0-9]+$`).MatchString(labels[i]) {
			n++
			if labels[i] != itoa(n) {
				t.Fatalf("page %d is numbered %q, want %d", i+1, labels[i], n)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d pages numbered 1, 2, …", n)
	}

	// The Daftar Isi: every entry's number is the page on which its heading is printed.
	var toc string
	for _, p := range ps {
		if strings.Contains(p, "DAFTAR ISI") && strings.Contains(p, "BAB I PENDAHULUAN") {
			toc = p
			break
		}
	}
	entry := regexp.MustCompile(`(?m)^\s*((?:BAB [IV]+|\d\.\d\.?|KATA|DAFTAR|Tabel)[^\n]*?)\s{2,}([0-9]+|[ivx]+)\s*$`)
	entries := entry.FindAllStringSubmatch(toc, -1)
	if len(entries) < 20 {
		t.Fatalf("found %d entries in the Daftar Isi:\n%s", len(entries), toc)
	}
	t.Logf("%d pages (%d portrait, %d landscape), %d Daftar Isi entries checked", len(ps), portrait, landscape, len(entries))
	for _, e := range entries {
		text, label := strings.TrimSpace(e[1]), e[2]
		words := strings.Fields(text)
		probe := strings.Join(words[:min(4, len(words))], " ")
		found := false
		for i, p := range ps {
			if labels[i] == label && strings.Contains(strings.Join(strings.Fields(p), " "), probe) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("Daftar Isi says %q is on page %s, but that page does not show %q", text, label, probe)
		}
	}

	// Page labels in the PDF match the numbers printed on the pages.
	var pl struct {
		PageLabels []struct {
			Index int `json:"index"`
			Label struct {
				S  string `json:"/S"`
				St int    `json:"/St"`
			} `json:"label"`
		} `json:"pagelabels"`
		Outlines []outline `json:"outlines"`
	}
	js, err := exec.Command("qpdf", "--json=2", "--json-key=pagelabels", "--json-key=outlines", res.PDF).Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &pl); err != nil {
		t.Fatal(err)
	}
	var ranges []pdf.Label
	for _, r := range pl.PageLabels {
		ranges = append(ranges, pdf.Label{From: r.Index, Style: strings.TrimPrefix(r.Label.S, "/"), Start: r.Label.St})
	}
	for i := range ps {
		if got := labelOf(ranges, i); got != labels[i] {
			t.Errorf("page %d prints %q, its page label is %q (ranges %+v)", i+1, labels[i], got, ranges)
		}
	}
	if len(pl.PageLabels) != 3 {
		t.Errorf("want 3 page label ranges (none, i…, 1…), got %+v", pl.PageLabels)
	}

	// Bookmarks: every Daftar Isi entry is one, with its spaces.
	var titles []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			titles = append(titles, o.Title)
			walk(o.Kids)
		}
	}
	walk(pl.Outlines)
	joined := "\n" + strings.Join(titles, "\n") + "\n"
	for _, e := range entries {
		text := strings.Join(strings.Fields(e[1]), " ")
		if strings.HasPrefix(text, "Tabel") {
			continue
		}
		if !strings.Contains(joined, "\n"+text) {
			t.Errorf("no bookmark titled %q", text)
		}
	}

	// Metadata.
	info, err := exec.Command("pdfinfo", res.PDF).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           Rencana Kerja Tahun 2024", "Author:          Kantor Kecamatan Kalaena", "Subject:", "Keywords:", "Tagged:          yes"} {
		if !bytes.Contains(info, []byte(want)) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}

	// No table row split across pages: every code of Tabel 4.1 appears whole on one page.
	for _, code := range []string{"7.01.01.2.01.01", "7.01.06.2.01.18", "7.01.04.7.04.01"} {
		found := false
		for _, p := range ps {
			if strings.Contains(p, code) {
				found = true
			}
		}
		if !found {
			t.Errorf("code %s not found whole on any page", code)
		}
	}
}

// structIDs are the ids Chrome gives the structure elements of a tagged PDF;
// they vary between prints of the same page in about one print in six.
var structIDs = regexp.MustCompile(`\(node[0-9]{8}\)|/ID ?\[<[0-9A-Fa-f]+> ?<[0-9A-Fa-f]+>\]`)

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

// TestPDFDeterministic builds twice with a fixed date in one browser: the
// PDFs are the same bytes, apart from Chrome's structure ids (and the file
// /ID computed from them), and the website is byte-identical.
func TestPDFDeterministic(t *testing.T) {
	needTools(t)
	b := pdftest.Browser(t)
	ctx := context.Background()
	var docs, webs [][]byte
	for i := 0; i < 2; i++ {
		out := t.TempDir()
		res, err := Build(ctx, Options{Dir: "../..", Out: out, Date: fixedDate, Browser: b})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := os.ReadFile(res.PDF)
		if err != nil {
			t.Fatal(err)
		}
		web, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		docs, webs = append(docs, doc), append(webs, web)
	}
	if !bytes.Equal(webs[0], webs[1]) {
		t.Error("index.html differs between two builds of the same inputs")
	}
	if len(docs[0]) != len(docs[1]) {
		t.Fatalf("the PDFs differ in length: %d and %d bytes", len(docs[0]), len(docs[1]))
	}
	a := structIDs.ReplaceAll(docs[0], []byte("(id)"))
	c := structIDs.ReplaceAll(docs[1], []byte("(id)"))
	if !bytes.Equal(a, c) {
		t.Error("two PDFs of the same inputs and date differ beyond Chrome's structure ids")
	}
	if !bytes.Contains(docs[0], []byte("/CreationDate (D:20230501")) {
		t.Error("the PDF does not carry the fixed date")
	}
}

// TestBuildAll builds three projects with one browser, in parallel tabs.
func TestBuildAll(t *testing.T) {
	needTools(t)
	var opts []Options
	for i := 0; i < 3; i++ {
		dir := t.TempDir()
		if err := gen.Write(dir, 10+i); err != nil {
			t.Fatal(err)
		}
		opts = append(opts, Options{Dir: dir, Date: fixedDate})
	}
	for i, oc := range BuildAll(context.Background(), opts) {
		if oc.Err != nil {
			t.Fatalf("project %d: %v", i, oc.Err)
		}
		if oc.Options.Browser == nil {
			t.Errorf("project %d did not get the shared browser", i)
		}
		if oc.Result.Errors != 0 || oc.Result.PDF == "" {
			t.Errorf("project %d: %d errors, PDF %q", i, oc.Result.Errors, oc.Result.PDF)
		}
		text, err := exec.Command("pdftotext", oc.Result.PDF, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if want := "Sub Kegiatan Contoh " + itoa(10+i); !bytes.Contains(text, []byte(want)) {
			t.Errorf("project %d's PDF lacks %q", i, want)
		}
	}
}

// TestF4Paper: paper.size = "F4" prints 215 × 330 mm pages, portrait and, for
// a wide table, landscape.
func TestF4Paper(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	if err := gen.Write(dir, 5); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "renja.toml")
	b, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(b, "\n[paper]\nsize = \"F4\"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Dir: dir, Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	n := len(pages(t, res.PDF))
	seen := map[string]bool{}
	for _, s := range pageSizes(t, res.PDF, n) {
		seen[s] = true
	}
	// 215 mm = 609.45 pt, 330 mm = 935.43 pt; Chrome rounds to whole CSS pixels.
	near := func(a, b float64) bool { return a-b < 1.5 && b-a < 1.5 }
	portrait, landscape := false, false
	for s := range seen {
		var w, h float64
		fmt.Sscanf(strings.Replace(s, "x", " ", 1), "%g %g", &w, &h)
		portrait = portrait || near(w, 609.45) && near(h, 935.43)
		landscape = landscape || near(h, 609.45) && near(w, 935.43)
	}
	if !portrait {
		t.Errorf("no F4 portrait page; sizes: %v", seen)
	}
	if !landscape {
		t.Errorf("no F4 landscape page; sizes: %v", seen)
	}
}
