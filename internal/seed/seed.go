// Package seed reads the published Renja as text (the seed the project's data
// was transcribed from) so that tests can hold data/*.csv against it.
//
// The text conversion writes a table as tab-separated lines, interrupted by
// blank lines and by the running page header "**RENCANA KERJA KANTOR KECAMATAN
// KALAENA**" where the table crosses a page, and marks bold cells with <b></b>.
package seed

import (
	"regexp"
	"strings"
)

// pageHeader is the running header that interrupts a table spanning pages.
const pageHeader = "**RENCANA KERJA KANTOR KECAMATAN KALAENA**"

// row is one line of a table: its 1-based line number in the text and its
// tab-separated cells, each cleaned (see Clean).
type row struct {
	Line  int
	Cells []string
}

// Cell returns cell i, or "" when the row is shorter.
func (r row) Cell(i int) string {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}

// textTable is a block of tab-separated lines.
type textTable struct {
	Head []row // header lines, ending with the column-number line ("1 2 3 …") where there is one
	Rows []row // the rows below the header, without blank lines and page headers
}

var boldRe = regexp.MustCompile(`(?i)</?b>`)

// clean strips <b></b> tags and surrounding blanks from a cell.
func clean(s string) string {
	return strings.TrimSpace(boldRe.ReplaceAllString(s, ""))
}

// lines splits text into lines without their line ends.
func lines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	return lines
}

func skippable(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || t == pageHeader
}

// tables returns every block of tab-separated lines in text, in order. A block
// runs on over blank lines and page headers and ends at the first other line
// without a tab.
func tables(text string) []textTable {
	lines := lines(text)
	var out []textTable
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(lines[i], "\t") {
			continue
		}
		var rows []row
		j := i
		for ; j < len(lines); j++ {
			l := lines[j]
			if skippable(l) {
				continue
			}
			if !strings.Contains(l, "\t") {
				break
			}
			cells := strings.Split(l, "\t")
			for k := range cells {
				cells[k] = clean(cells[k])
			}
			rows = append(rows, row{Line: j + 1, Cells: cells})
		}
		out = append(out, split(rows))
		i = j - 1
	}
	return out
}

// split cuts a block into header and rows: the header ends with the
// column-number line when one of the first four lines is one, else it is the
// first line.
func split(rows []row) textTable {
	for i := 0; i < len(rows) && i < 4; i++ {
		if isNumbering(rows[i]) {
			return textTable{Head: rows[:i+1], Rows: rows[i+1:]}
		}
	}
	if len(rows) == 0 {
		return textTable{}
	}
	return textTable{Head: rows[:1], Rows: rows[1:]}
}

// isNumbering reports whether a row is a column-number line: 1, 2, 3, … in its
// first three cells.
func isNumbering(r row) bool {
	return len(r.Cells) >= 3 && r.Cells[0] == "1" && r.Cells[1] == "2" && r.Cells[2] == "3"
}

// find returns the first table whose first header line starts with the given
// cells (compared after Clean), or nil.
func find(tables []textTable, head ...string) *textTable {
	for i := range tables {
		t := &tables[i]
		if len(t.Head) == 0 || len(t.Head[0].Cells) < len(head) {
			continue
		}
		ok := true
		for k, h := range head {
			if t.Head[0].Cells[k] != h {
				ok = false
				break
			}
		}
		if ok {
			return t
		}
	}
	return nil
}

// evaluation is one sub kegiatan paragraph of section 2.1 ("Indikator dari sub
// kegiatan ini adalah …") with the number of the heading above it.
type evaluation struct {
	Line    int      // line of the paragraph's first line
	Heading int      // line of the heading
	Nomor   string   // the heading's number, e.g. "1.1.1"
	Text    string   // the paragraph, its lines joined by a space
	Rp      []string // the amounts after "Rp", in order
	Percent []string // the percentages in brackets, in order, without "%"
}

var (
	paraRe    = regexp.MustCompile(`(?i)^Indikator (dari )?sub kegiatan`)
	nomorRe   = regexp.MustCompile(`(\d+\.\d+\.\d+)\.?`)
	rpRe      = regexp.MustCompile(`Rp\.?\s*(\d[\d.,]*\d|\d)`)
	bracketRe = regexp.MustCompile(`\(\s*(\d[\d.,]*)\s*%\s*\)`)
)

func isHeading(l string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "**")
}

// evaluations returns the sub kegiatan paragraphs of section 2.1, between the
// headings "2.1. Evaluasi Pelaksanaan" and "2.2. Analisis Kinerja". A paragraph
// broken by a page runs on over blank lines until the next heading or paragraph.
func evaluations(text string) []evaluation {
	lines := lines(text)
	start, end := -1, len(lines)
	for i, l := range lines {
		if strings.Contains(l, "\t") { // the table of contents
			continue
		}
		if start < 0 && strings.Contains(l, "2.1. Evaluasi Pelaksanaan") {
			start = i
		}
		if start >= 0 && strings.Contains(l, "2.2. Analisis Kinerja") {
			end = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	var out []evaluation
	heading, nomor := 0, ""
	for i := start; i < end; i++ {
		l := strings.TrimSpace(lines[i])
		if isHeading(l) {
			if m := nomorRe.FindAllStringSubmatch(l, -1); m != nil {
				heading, nomor = i+1, m[len(m)-1][1]
			}
			continue
		}
		if !paraRe.MatchString(l) {
			continue
		}
		parts := []string{l}
		j := i + 1
		for ; j < end; j++ {
			n := strings.TrimSpace(lines[j])
			if n == "" {
				continue
			}
			if isHeading(n) || paraRe.MatchString(n) {
				break
			}
			parts = append(parts, n)
		}
		e := evaluation{Line: i + 1, Heading: heading, Nomor: nomor, Text: strings.Join(parts, " ")}
		for _, m := range rpRe.FindAllStringSubmatch(e.Text, -1) {
			e.Rp = append(e.Rp, m[1])
		}
		for _, m := range bracketRe.FindAllStringSubmatch(e.Text, -1) {
			e.Percent = append(e.Percent, strings.TrimSpace(m[1]))
		}
		out = append(out, e)
		i = j - 1
	}
	return out
}
