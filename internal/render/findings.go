package render

import (
	"fmt"
	"strings"

	"renja/internal/check"
	"renja/internal/diag"
)

// findingsID and findingsTitle are the id and the heading of a draft's
// Daftar Temuan Pemeriksaan.
const (
	findingsID    = "daftar-temuan"
	findingsTitle = "DAFTAR TEMUAN PEMERIKSAAN"
)

// findingView is an entry of the Daftar Temuan Pemeriksaan: the checker's
// finding (check.Findings) as text, numbered as the mark in its cell.
type findingView struct {
	Number   int
	ID       string // the entry's id: temuan-N
	Cell     string // the id of its mark in the cell, when the cell is printed; "" else
	Cause    int    // the number of the finding it follows from, 0 for a root cause
	Severity string // kesalahan, peringatan
	Error    bool
	Table    string // "Tabel 4.1", or the file of a table that is not printed
	Code     string
	Column   string // the column's title (with its group and number)
	At       string // file:line:col, where the officer corrects it
	Message  string
	Found    string // what is written
	Expected string // what it should be: the computed sum, the carried figure
	Hint     string
}

// findingsView is the Daftar Temuan Pemeriksaan of a draft.
type findingsView struct {
	ID       string
	Errors   int
	Warnings int
	Entries  []findingView
}

func findingID(n int) string { return fmt.Sprintf("temuan-%d", n) }
func markID(n int) string    { return fmt.Sprintf("sel-%d", n) }

// isDraft is whether diagnostics make a build a draft: errors, or cells and
// placeholders still to fill.
func isDraft(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.SevError || d.Severity == diag.SevTodo {
			return true
		}
	}
	return false
}

// findingMarks numbers the findings of a draft at their cells; a final
// document (no errors, nothing to fill) marks none.
func (r *renderer) findingMarks() {
	if !isDraft(r.opts.Diagnostics) {
		return
	}
	r.findings = check.Findings(r.p, r.opts.Diagnostics)
	r.marks = map[cellPos][]int{}
	r.marked = map[int]bool{}
	for _, f := range r.findings {
		k := cellPos{f.File, f.Line, f.Column}
		r.marks[k] = append(r.marks[k], f.Number)
	}
}

// findingsPart places a draft's Daftar Temuan Pemeriksaan after the parts,
// in the contents and the PDF's bookmarks.
func (r *renderer) findingsPart(doc *docView, out *Output) {
	if doc.Findings = r.findingsList(); doc.Findings != nil {
		doc.TOC = append(doc.TOC, Entry{Level: 1, ID: findingsID, Text: findingsTitle})
		out.Titles = append(out.Titles, findingsTitle)
	}
}

// findingsList is the Daftar Temuan Pemeriksaan, once the parts are
// rendered (an entry links to its cell only when the cell was printed).
func (r *renderer) findingsList() *findingsView {
	if len(r.findings) == 0 {
		return nil
	}
	placed := map[string]bool{}
	for _, e := range r.tables {
		placed[e.ID] = true
	}
	fv := &findingsView{ID: findingsID}
	for _, f := range r.findings {
		v := findingView{Number: f.Number, ID: findingID(f.Number), Cause: f.Cause, Severity: f.Severity.Text(),
			Error: f.Severity == diag.SevError, Code: f.Code, At: f.Position().String(),
			Message: f.Message, Found: f.Found, Expected: f.Expected, Hint: f.Hint}
		if v.Error {
			fv.Errors++
		} else {
			fv.Warnings++
		}
		if r.marked[f.Number] {
			v.Cell = markID(f.Number)
		}
		if t := f.Table; t != nil {
			v.Table = t.Path
			if placed[t.ID] && t.Caption != "" {
				v.Table = t.Caption
			}
		}
		if c := f.TableColumn(); c != nil {
			title := strings.Join(strings.Fields(c.Title), " ")
			if title == "" {
				title = c.Name
			}
			if c.Group != "" {
				title = strings.Join(strings.Fields(c.Group), " ") + ": " + title
			}
			if c.Number != "" {
				title += " (" + c.Number + ")"
			}
			v.Column = title
		}
		fv.Entries = append(fv.Entries, v)
	}
	return fv
}

// cellMarks are the numbers of a cell's findings, the first printing of
// each with the id its entry links back to.
func (r *renderer) cellMarks(k cellPos) []markView {
	ns := r.marks[k]
	if len(ns) == 0 {
		return nil
	}
	out := make([]markView, len(ns))
	for i, n := range ns {
		out[i] = markView{N: n, Href: "#" + findingID(n)}
		if r.sizes == nil && !r.marked[n] {
			r.marked[n] = true
			out[i].ID = markID(n)
		}
	}
	return out
}

// markView is a finding's number in its cell.
type markView struct {
	N    int
	ID   string
	Href string
}
