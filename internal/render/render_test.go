package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// load loads the project in dir and its templates.
func load(t *testing.T, dir string) (*model.Project, *Templates) {
	t.Helper()
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p, tpl
}

// bundled renders the repository's own project, the Renja of Kalaena 2024.
func bundled(t *testing.T, opts Options) *Output {
	t.Helper()
	p, tpl := load(t, "../..")
	if opts.Diagnostics == nil {
		opts.Diagnostics = check.Run(p)
	}
	out, err := Render(p, tpl, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var sectionRe = regexp.MustCompile(`(?s)<section id="([a-z0-9-]+)"[^>]*>(.*?)</section>`)

// TestGoldenParts compares the HTML of each part of the website edition with
// testdata/golden/<part>.html. Refresh with: go test ./internal/render -update
func TestGoldenParts(t *testing.T) {
	out := bundled(t, Options{PDF: "renja.pdf"})
	parts := sectionRe.FindAllSubmatch(out.HTML, -1)
	if len(parts) != 10 {
		t.Fatalf("found %d parts in index.html, want 9 and the draft's Daftar Temuan Pemeriksaan", len(parts))
	}
	for _, m := range parts {
		id, html := string(m[1]), m[2]
		golden := filepath.Join("testdata", "golden", id+".html")
		if *update {
			if err := os.WriteFile(golden, html, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
		}
		if !bytes.Equal(html, want) {
			t.Errorf("part %s differs from %s (%d bytes, want %d); if the change is intended, run go test ./internal/render -update\nfirst difference: %s",
				id, golden, len(html), len(want), firstDiff(html, want))
		}
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-60)
	return string(a[lo:min(len(a), i+60)]) + "\n  want: " + string(b[lo:min(len(b), i+60)])
}

func TestDeterministicHTML(t *testing.T) {
	a := bundled(t, Options{})
	b := bundled(t, Options{})
	if !bytes.Equal(a.HTML, b.HTML) {
		t.Fatalf("two renders of the same inputs differ: %s", firstDiff(a.HTML, b.HTML))
	}
	pa := bundled(t, Options{Print: true, Pages: map[string]string{"bab-1": "1"}})
	pb := bundled(t, Options{Print: true, Pages: map[string]string{"bab-1": "1"}})
	if !bytes.Equal(pa.HTML, pb.HTML) {
		t.Fatalf("two print renders differ: %s", firstDiff(pa.HTML, pb.HTML))
	}
}

// TestEveryTableAndRow checks that the website holds every table of data/
// placed in content, with all its rows.
func TestEveryTableAndRow(t *testing.T) {
	p, err := model.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	html := string(bundled(t, Options{}).HTML)
	for _, tb := range p.Tables {
		if tb.ID == "eval21" {
			continue // the figures behind 2.1's paragraphs, not a printed table
		}
		i := strings.Index(html, `<table data-table="`+tb.ID+`">`)
		if i < 0 {
			t.Errorf("table %s is not in index.html", tb.ID)
			continue
		}
		body := html[i:]
		body = body[strings.Index(body, "<tbody>"):strings.Index(body, "</tbody>")]
		rows := strings.Count(body, "<tr class=") - strings.Count(body, `<tr class="group"`)
		if rows != len(tb.Rows) {
			t.Errorf("table %s: %d rows in index.html, %d in %s", tb.ID, rows, len(tb.Rows), tb.Path)
		}
	}
}

func TestTOCAndHeadingIDs(t *testing.T) {
	out := bundled(t, Options{Print: true})
	want := []string{"KATA PENGANTAR", "DAFTAR ISI", "BAB I PENDAHULUAN", "1.1. Latar Belakang", "BAB V PENUTUP"}
	var got []string
	for _, e := range out.TOC {
		got = append(got, e.Text)
	}
	joined := strings.Join(got, "|")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("table of contents lacks %q; has %s", w, joined)
		}
	}
	seen := map[string]bool{}
	for _, id := range out.Dests {
		if seen[id] {
			t.Errorf("destination id %q twice", id)
		}
		seen[id] = true
		if !bytes.Contains(out.HTML, []byte(`id="`+id+`"`)) {
			t.Errorf("the table of contents points at %q, which no element has", id)
		}
	}
	for _, list := range []string{"DAFTAR TABEL", "DAFTAR GRAFIK"} {
		if !bytes.Contains(out.HTML, []byte(">"+list+"<")) {
			t.Errorf("the table of contents lacks its %s", list)
		}
	}
	if !bytes.Contains(out.HTML, []byte(`>00</span>`)) {
		t.Error("before the pages are known, the table of contents should hold placeholders")
	}
}

func TestDraftMarksFailingCells(t *testing.T) {
	html := string(bundled(t, Options{}).HTML)
	if !strings.Contains(html, `class="draft-banner"`) {
		t.Error("the bundled project has checker errors: the website must say it is a draft")
	}
	// Tabel 4.1's 7.01.01.2.05: written 34.835.600, marked with the number
	// of its finding, which links to the entry and is linked back to.
	m := regexp.MustCompile(`class="num bad">34\.835\.600 <sup class="marks"><a class="mark" href="#temuan-(\d+)" id="sel-(\d+)" aria-label="Temuan \d+">\d+</a></sup>`).FindStringSubmatch(html)
	if m == nil || m[1] != m[2] {
		t.Fatalf("Tabel 4.1's 7.01.01.2.05 is not printed as written with its finding's mark: %q", m)
	}
	if !strings.Contains(html, `<li id="temuan-`+m[1]+`" class="finding error"`) || !strings.Contains(html, `href="#sel-`+m[1]+`"`) {
		t.Errorf("finding %s has no entry linking back to its cell", m[1])
	}
	if strings.Contains(html, ` title="[`) {
		t.Error("a finding is still hidden in a title tooltip")
	}
}
