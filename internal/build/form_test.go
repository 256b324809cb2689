package build

import (
	"context"
	"encoding/xml"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// textLine is a line of a page as poppler lays it out, with its box in
// points from the page's top left corner.
type textLine struct {
	X0, Y0, X1, Y1 float64
	Text           string
	Page           int // from 0
}

func (l textLine) center() float64 { return (l.X0 + l.X1) / 2 }

// boxes returns each page's lines with their boxes (pdftotext -bbox-layout).
func boxes(t *testing.T, file string) [][]textLine {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		Text string `xml:",chardata"`
	}
	type line struct {
		XMin  float64 `xml:"xMin,attr"`
		YMin  float64 `xml:"yMin,attr"`
		XMax  float64 `xml:"xMax,attr"`
		YMax  float64 `xml:"yMax,attr"`
		Words []word  `xml:"word"`
	}
	var doc struct {
		Pages []struct {
			Lines []line `xml:"flow>block>line"`
		} `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var ps [][]textLine
	for _, p := range doc.Pages {
		var ls []textLine
		for _, l := range p.Lines {
			var ws []string
			for _, w := range l.Words {
				ws = append(ws, w.Text)
			}
			ls = append(ls, textLine{l.XMin, l.YMin, l.XMax, l.YMax, strings.Join(ws, " "), len(ps)})
		}
		ps = append(ps, ls)
	}
	return ps
}

// printBundled builds the bundled Renja with a fixed date, PDF included.
func printBundled(t *testing.T) *Result {
	t.Helper()
	needTools(t)
	res, err := Build(context.Background(), Options{Dir: "../..", Out: t.TempDir(), Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func findLine(ls []textLine, prefix string) (textLine, bool) {
	for _, l := range ls {
		if strings.HasPrefix(l.Text, prefix) {
			return l, true
		}
	}
	return textLine{}, false
}

// TestDecreeForm reads the bundled Renja's decree as a legal drafter would
// look at it: the heading block and MEMUTUSKAN centred under the
// letterhead; Menimbang's items and Mengingat's set alike (their markers at
// one left edge, their following lines at one indent); the signature on the
// page of the last clause, KETIGA.
func TestDecreeForm(t *testing.T) {
	res := printBundled(t)
	ps := pages(t, res.PDF)
	bs := boxes(t, res.PDF)
	if len(bs) != len(ps) {
		t.Fatalf("pdftotext read %d pages with boxes, %d without", len(bs), len(ps))
	}

	signed := -1
	for i, p := range ps {
		if strings.Contains(p, "Ditetapkan di") {
			signed = i
		}
	}
	if signed < 0 {
		t.Fatal("no page holds \"Ditetapkan di\"")
	}
	if !strings.Contains(ps[signed], "KETIGA") {
		t.Errorf("page %d holds the decree's signature but not its last clause, KETIGA:\n%s", signed+1, ps[signed])
	}

	// Centred: each line's centre is the letterhead's, within 2 pt.
	var decree []textLine
	for i := 1; i <= signed; i++ {
		decree = append(decree, bs[i]...)
	}
	lh, ok := findLine(decree, "PEMERINTAH KABUPATEN")
	if !ok {
		t.Fatal("the decree's letterhead not found")
	}
	for _, want := range []string{"KEPUTUSAN CAMAT", "NOMOR", "TENTANG", "PENETAPAN RENCANA KERJA", "CAMAT KALAENA,", "MEMUTUSKAN"} {
		l, ok := findLine(decree, want)
		for _, m := range decree { // the rest of its row ("NOMOR :", then the blank, "TAHUN 2023")
			if ok && m.Page == l.Page && math.Abs(m.Y0-l.Y0) < 1 {
				l.X0, l.X1 = min(l.X0, m.X0), max(l.X1, m.X1)
			}
		}
		switch {
		case !ok:
			t.Errorf("the decree lacks a line starting %q", want)
		case math.Abs(l.center()-lh.center()) > 2:
			t.Errorf("%q is centred at x=%.1f, the letterhead at %.1f", l.Text, l.center(), lh.center())
		}
	}
	// MEMUTUSKAN opens the clauses: never the last line of its page.
	for i := 1; i <= signed; i++ {
		if ls := bs[i]; len(ls) > 0 && ls[len(ls)-1].Text == "MEMUTUSKAN" {
			t.Errorf("page %d ends with MEMUTUSKAN", i+1)
		}
	}

	// Set alike: the item "b." and the item "2." start at one x; the lines
	// that follow each item's first line share one indent. (The first items
	// share their line with the colon after Menimbang and Mengingat.)
	a, okA := findLine(decree, "b. bahwa")
	one, okOne := findLine(decree, "2. Undang-undang")
	if !okA || !okOne {
		t.Fatalf("Menimbang's b. (%v) or Mengingat's 2. (%v) not found", okA, okOne)
	}
	if math.Abs(a.X0-one.X0) > 1 {
		t.Errorf("Menimbang's b. starts at x=%.1f, Mengingat's 2. at %.1f: not set alike", a.X0, one.X0)
	}
	next := func(first textLine) (textLine, bool) {
		for _, l := range decree {
			if l.Page == first.Page && l.Y0 > first.Y1-1 && l.Y0 < first.Y1+8 && l.X0 > first.X0-1 {
				return l, true
			}
		}
		return textLine{}, false
	}
	a2, okA := next(a)
	one2, okOne := next(one)
	if !okA || !okOne {
		t.Fatalf("the second lines of b. (%v) and 2. (%v) not found", okA, okOne)
	}
	if math.Abs(a2.X0-one2.X0) > 1 {
		t.Errorf("Menimbang's b. continues at x=%.1f (%q), Mengingat's 2. at %.1f (%q): not set alike", a2.X0, a2.Text, one2.X0, one2.Text)
	}
	if a2.X0 <= a.X0+1 {
		t.Errorf("Menimbang's b. continues at x=%.1f, under its marker at %.1f: the marker does not hang", a2.X0, a.X0)
	}
}

// codeRow is a table row's first line: it opens with a budget code
// (7.01.01.2.01.04), which no paragraph of the text does.
var codeRow = regexp.MustCompile(`^[0-9]+\.[0-9]{2}(\.[0-9]+)*(\s|$)`)

// TestTableForm reads the bundled Renja's tables page by page: no page
// opens with a bare row (a table continues under its caption with
// "(lanjutan)" and its header: TestPrintPolish checks them); no page holds
// a total row (JUMLAH) with fewer than two rows of its table; Tabel 2.4,
// whose columns once squeezed its locations to a word a line, takes at most
// 9 pages.
func TestTableForm(t *testing.T) {
	res := printBundled(t)
	body := bodyLines(pages(t, res.PDF))
	rows := 0
	for i, lines := range body {
		if len(lines) == 0 {
			continue
		}
		if codeRow.MatchString(lines[0]) {
			t.Errorf("page %d opens with a bare table row: %q", i+1, lines[0])
		}
		n, total := 0, ""
		for _, l := range lines {
			switch {
			case codeRow.MatchString(l):
				n++
			case strings.HasPrefix(l, "JUMLAH"):
				total = l
			}
		}
		rows += n
		if total != "" && n < 2 {
			t.Errorf("page %d holds the total row %q with %d other rows of its table", i+1, total, n)
		}
	}
	if rows < 200 {
		t.Errorf("found %d table rows in the PDF; the bundled Renja has more", rows)
	}

	first, last := -1, -1
	for i, lines := range body {
		for j, l := range lines {
			if l == "Tabel 2.4" && j+1 < len(lines) && strings.HasPrefix(lines[j+1], "Reviu Terhadap") {
				first = i
			}
			if l == "Tabel 2.4 (lanjutan)" {
				last = i
			}
		}
	}
	if first < 0 || last < first {
		t.Fatalf("Tabel 2.4 not found (first page %d, last %d)", first+1, last+1)
	}
	t.Logf("Tabel 2.4 prints on pages %d–%d", first+1, last+1)
	if n := last - first + 1; n > 9 {
		t.Errorf("Tabel 2.4 takes %d pages (%d–%d), want at most 9", n, first+1, last+1)
	}
}

// bodyLines is each page's lines, spaces normalised, without the running
// header, DRAF and the page number.
func bodyLines(ps []string) [][]string {
	body := make([][]string, len(ps))
	number := regexp.MustCompile(`^([0-9]+|[ivxlc]+)$`)
	for i, p := range ps {
		for _, l := range strings.Split(p, "\n") {
			l = norm(l)
			if l == "" || l == "DRAF" || l == "RENCANA KERJA KANTOR KECAMATAN KALAENA" || number.MatchString(l) {
				continue
			}
			body[i] = append(body[i], l)
		}
	}
	return body
}

// TestFrontMatter reads the bundled Renja's front matter against its text:
// the Daftar Isi writes section numbers as the seed does, "1.1.", and so
// do the headings; the Daftar Tabel and Daftar Grafik give each caption
// the page on which it prints; a chart's title leaves no word alone on its
// last line, and its caption keeps clear of the running header's rule.
func TestFrontMatter(t *testing.T) {
	res := printBundled(t)
	ps := pages(t, res.PDF)
	body := bodyLines(ps)
	labels := make([]string, len(ps))
	for i, p := range ps {
		labels[i] = footer(p)
	}

	// The lists: an entry's first line starts with its caption, its last
	// ends with its page.
	type entry struct{ caption, page string }
	var list []entry
	section, lists := "", map[string]int{}
	numbered := regexp.MustCompile(`^[0-9]+\.[0-9]+`)
	caption := regexp.MustCompile(`^(Tabel \S+|Grafik [0-9]+) `)
	page := regexp.MustCompile(` ([0-9]+|[ivx]+)$`)
	for i, lines := range body {
		if !regexp.MustCompile(`^[ivx]+$`).MatchString(labels[i]) {
			continue
		}
		for _, l := range lines {
			switch {
			case l == "DAFTAR ISI" || l == "DAFTAR TABEL" || l == "DAFTAR GRAFIK":
				section = l
				continue
			case section == "":
				continue
			}
			if section == "DAFTAR ISI" && numbered.MatchString(l) && !regexp.MustCompile(`^[0-9]+(\.[0-9]+)+\. `).MatchString(l) {
				t.Errorf("the Daftar Isi writes %q: want its number as the seed writes them, 1.1.", l)
			}
			if m := caption.FindStringSubmatch(l); m != nil && section != "DAFTAR ISI" {
				list = append(list, entry{caption: m[1]})
				lists[section]++
			}
			if m := page.FindStringSubmatch(l); m != nil && len(list) > 0 && list[len(list)-1].page == "" && section != "DAFTAR ISI" {
				list[len(list)-1].page = m[1]
			}
		}
	}
	if lists["DAFTAR TABEL"] < 7 || lists["DAFTAR GRAFIK"] != 3 {
		t.Fatalf("the Daftar Tabel lists %d tables, the Daftar Grafik %d charts; the bundled Renja has 7 and 3", lists["DAFTAR TABEL"], lists["DAFTAR GRAFIK"])
	}
	for _, e := range list {
		found := -1
		for i, lines := range body {
			if containsLine(lines, e.caption) && labels[i] != "" && !regexp.MustCompile(`^[ivx]+$`).MatchString(labels[i]) {
				found = i
				break
			}
		}
		switch {
		case found < 0:
			t.Errorf("%s: its caption prints on no page", e.caption)
		case labels[found] != e.page:
			t.Errorf("the lists say %s is on page %q; it prints on the page numbered %q", e.caption, e.page, labels[found])
		}
	}

	// The headings write their numbers as the Daftar Isi does.
	undotted := regexp.MustCompile(`^[1-9]\.[1-9](\.[1-9])? [A-Z]`)
	for i, lines := range body {
		for _, l := range lines {
			if undotted.MatchString(l) {
				t.Errorf("page %d writes the section %q: want 1.1. as the Daftar Isi does", i+1, l)
			}
		}
	}

	// Charts: the title's last line holds two words at least; the caption
	// starts 15 pt below the running header's text at least (its rule is
	// about 6 pt below it).
	charts := 0
	for _, ls := range boxes(t, res.PDF) {
		head, ok := findLine(ls, "RENCANA KERJA KANTOR KECAMATAN KALAENA")
		for j, l := range ls {
			if !regexp.MustCompile(`^Grafik [0-9]+$`).MatchString(l.Text) {
				continue
			}
			charts++
			if ok && l.Y0-head.Y1 < 15 {
				t.Errorf("%s starts %.1f pt below the running header's text: it touches the rule", l.Text, l.Y0-head.Y1)
			}
			last := l
			for _, m := range ls[j+1:] {
				if math.Abs(m.center()-l.center()) > 3 || m.Y0-last.Y1 > 12 {
					break
				}
				last = m
			}
			if last == l {
				t.Errorf("%s: its title not found below it", l.Text)
			} else if len(strings.Fields(last.Text)) < 2 {
				t.Errorf("%s: its title's last line is one word, %q", l.Text, last.Text)
			}
		}
	}
	if charts != 3 {
		t.Errorf("found %d chart captions, want 3", charts)
	}
}
