// Package roll makes next year's Renja from this year's project (renja init
// DIR --from PROJECT): it copies the text and the tables, lets every year
// written relative to the plan year move with the new plan.year, carries
// forward what the next Renja starts from and marks what must be filled
// anew.
//
// Each column of a table has a year when its measure writes one (pagu:N+1)
// or its header does ({N-2}, or a label such as "(n-2)"), and a kind: its
// measure's name and qualifier, else its group and title without the year.
// A column of year N+k in the new project takes the old project's column of
// the same kind and year N+k+Δ (Δ the years rolled) from the same table:
// the Renstra targets of Tabel 2.3 move one column left. A measured column
// with no such column takes the plan table's column of that measure (the
// plan's N+1 forecast becomes the new N plan in Tabel 3.1, in Tabel 4.1 and
// on both sides of the review table, Tabel 2.4, by code). What has no source
// (the new forecast, realisation, evaluation) becomes [isi], a cell that
// renja check lists as a to-do; a derived column is emptied (its formula
// is the checker's); a realisation carried forward as "-" is to fill too.
// Columns without a year (codes, names, indicators, locations) and the rows
// stay as they are: the program / kegiatan / sub kegiatan structure.
package roll

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// mark is what a cell to fill holds.
const mark = "[isi]"

// Table is a rolled table: its CSV and how many cells it marks to fill.
type Table struct {
	Path  string // data/<id>.csv
	CSV   []byte
	Todos int
}

var (
	measureRe = regexp.MustCompile(`^([^:]*):(?:\{\s*)?[Nn]\s*(?:([+-])\s*(\d{1,2}))?(?:\s*\})?(:.*)?$`)
	labelRe   = regexp.MustCompile(`\(\s*(?:[Tt]ahun\s+)?[nN]\s*(?:([+-])\s*(\d{1,2}))?\s*\)|(?:^|[^\p{L}{])[nN]\s*([+-])\s*(\d{1,2})(?:[^\d]|$)`)
	placeRe   = regexp.MustCompile(`\{\s*[Nn]\s*(?:([+-])\s*(\d{1,2}))?\s*\}`)
	yearish   = regexp.MustCompile(`\{[^{}]*\}|\(\s*(?:[Tt]ahun\s+)?[nN]\s*(?:[+-]\s*\d{1,2})?\s*\)|(?:^|\s)[nN]\s*[+-]\s*\d{1,2}|\(\s*\)|\d{4}`)
)

// column is what roll knows of a column.
type column struct {
	col     *table.Column
	kind    string
	year    int // offset from the plan year
	hasYear bool
	measure string // the measure's name and qualifier, "pagu" + ":awal"
}

func describe(s *table.Schema, i int) column {
	c := &s.Columns[i]
	w := table.ColumnTexts{Title: c.Title, Group: c.Group, Measure: c.Measure}
	if s.Written != nil {
		w = s.Written.Columns[i]
	}
	out := column{col: c}
	if m := measureRe.FindStringSubmatch(w.Measure); m != nil {
		out.measure = m[1] + m[4]
		out.kind = "measure " + out.measure
		out.year, out.hasYear = offset(m[2], m[3]), true
		return out
	}
	for _, t := range []string{w.Title, w.Group} {
		if k, ok := yearOf(t); ok {
			out.year, out.hasYear = k, true
			break
		}
	}
	norm := func(t string) string {
		return strings.ToLower(strings.Join(strings.Fields(yearish.ReplaceAllString(t, " ")), " "))
	}
	out.kind = norm(w.Group) + "|" + norm(w.Title)
	return out
}

// yearOf reads a header's year: a label (n-2) first, else a placeholder {N-2}.
func yearOf(t string) (int, bool) {
	if m := labelRe.FindStringSubmatch(t); m != nil {
		if m[3] != "" {
			return offset(m[3], m[4]), true
		}
		return offset(m[1], m[2]), true
	}
	if m := placeRe.FindStringSubmatch(t); m != nil {
		return offset(m[1], m[2]), true
	}
	return 0, false
}

func offset(sign, digits string) int {
	if digits == "" {
		return 0
	}
	n, _ := strconv.Atoi(digits)
	if sign == "-" {
		return -n
	}
	return n
}

// Tables rolls every table of the old project by delta years.
func Tables(old *model.Project, delta int) []Table {
	var out []Table
	for _, t := range old.Tables {
		out = append(out, rollTable(old, t, delta))
	}
	return out
}

func rollTable(old *model.Project, t *table.Table, delta int) Table {
	cols := make([]column, len(t.Columns))
	for i := range t.Columns {
		cols[i] = describe(t.Schema, i)
	}
	plan := old.Plan()
	var planCols []column
	if plan != nil {
		for i := range plan.Table.Columns {
			planCols = append(planCols, describe(plan.Table.Schema, i))
		}
	}
	src := make([]*source, len(cols))
	for i, c := range cols {
		if !c.hasYear || c.col.Expr != nil {
			continue
		}
		for j, d := range cols {
			if d.kind == c.kind && d.hasYear && d.year == c.year+delta && d.col.Expr == nil {
				src[i] = &source{col: j}
				break
			}
		}
		if src[i] == nil && c.measure == cumulative && delta == 1 {
			src[i] = cumulativeSource(cols, c)
		}
		if src[i] == nil && c.measure != "" && plan != nil && plan.Table != t {
			name, _, _ := strings.Cut(c.measure, ":")
			for j, d := range planCols {
				if d.measure == name && d.year == c.year+delta && (d.col.Type == c.col.Type || d.col.Type == table.Target && c.col.Type == table.Number) {
					src[i] = &source{col: j, plan: true}
					break
				}
			}
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if d := t.Delimiter; d == "," || d == "\t" {
		w.Comma = rune(d[0])
	} else {
		w.Comma = ';'
	}
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Name
	}
	// The example's rows stay marked: they are still another office's; a
	// yearly table's rows are marked too: they are last year's.
	example := t.Yearly || slices.ContainsFunc(t.Rows, func(r *table.Row) bool { return r.Example })
	if example {
		header = append(header, table.ExampleColumn)
	}
	w.Write(header)
	todos := 0
	for _, r := range t.Rows {
		rec := make([]string, len(t.Columns))
		for i, c := range cols {
			raw := r.Cells[i].Raw
			switch {
			case c.col.Expr != nil:
				raw = ""
			case !c.hasYear:
			case r.CodeErr == nil && r.Code.IsZero() && t.Hierarchy && c.col.Type == table.Money:
				raw = "" // a total row: printed computed
			case src[i] == nil:
				raw = mark
			case src[i].plan:
				raw = mark
				if n := plan.Node(r.Code); r.CodeErr == nil && n != nil && n.Row != nil {
					raw = n.Row.Cells[src[i].col].Raw
					if cell := &n.Row.Cells[src[i].col]; plan.Table.Columns[src[i].col].Type != c.col.Type && cell.Present() && !cell.Unreadable() {
						raw = num.FormatDec(cell.Target().Value, -1) // a target's number in a column of numbers (T-C.29)
					}
				}
			case src[i].plus > 0:
				raw = sum(t, r, src[i].col, src[i].plus-1)
			default:
				raw = r.Cells[src[i].col].Raw
			}
			if c.hasYear && c.col.Expr == nil && isRealisation(c.col) && (strings.TrimSpace(raw) == "" || strings.TrimSpace(raw) == "-") {
				raw = mark
			}
			if raw == mark && c.col.Type == table.Money && isParent(old, t, r) {
				raw = "" // a parent's amount is computed from its children
			}
			if raw == mark {
				todos++
			}
			rec[i] = raw
		}
		if example {
			rec = append(rec, exampleMark(t, r))
		}
		w.Write(rec)
	}
	w.Flush()
	return Table{Path: t.Path, CSV: b.Bytes(), Todos: todos}
}

// source of a column: a column of this table, or of the plan table.
type source struct {
	col  int
	plan bool
	plus int // > 0: a cumulative realisation, col + the realisation in column plus-1
}

// cumulative is the measure of a realisation through a year (T-C.29's "s/d
// n-3"): next year's is this year's plus this year's realisation of the year
// after it (domain.md, "The annual cycle").
const cumulative = "realisasi-kumulatif"

// cumulativeSource is the source of a cumulative realisation of year k
// rolled one year on: the same column and the realisation of year k+1.
func cumulativeSource(cols []column, c column) *source {
	self, real := -1, -1
	for j, d := range cols {
		switch {
		case d.measure == cumulative && d.year == c.year && d.col.Expr == nil:
			self = j
		case d.measure == "realisasi" && d.year == c.year+1 && d.col.Expr == nil:
			real = j
		}
	}
	if self < 0 || real < 0 {
		return nil
	}
	return &source{col: self, plus: real + 1}
}

// sum is a cumulative realisation carried one year on: a + b of row r, or
// a cell to fill where either is missing or the row's indicator is a
// percentage (percentages do not add up).
func sum(t *table.Table, r *table.Row, a, b int) string {
	ca, cb := &r.Cells[a], &r.Cells[b]
	if !ca.Present() || !cb.Present() || ca.Unreadable() || cb.Unreadable() || t.Columns[a].Type != table.Number || t.Columns[b].Type != table.Number {
		return mark
	}
	if ind := model.IndicatorCol(t); ind != nil && model.PercentIndicator(r.Cells[ind.Index].Raw) {
		return mark
	}
	return num.FormatDec(ca.Dec()+cb.Dec(), -1)
}

func exampleMark(t *table.Table, r *table.Row) string {
	if r.Example || t.Yearly {
		return table.ExampleMark
	}
	return ""
}

func isParent(p *model.Project, t *table.Table, r *table.Row) bool {
	tr := p.Trees[t.ID]
	if tr == nil || r.CodeErr != nil || r.Code.IsZero() {
		return false
	}
	n := tr.Node(r.Code)
	return n != nil && len(n.Children) > 0
}

func isRealisation(c *table.Column) bool {
	s := strings.ToLower(c.Name + " " + c.Title + " " + c.Measure)
	return strings.Contains(s, "realisasi")
}

// labelFixRe finds a year written relative to the plan year that its label
// contradicts: "Tahun {N-1} (n)".
var labelFixRe = regexp.MustCompile(`\{\s*[Nn]\s*(?:([+-])\s*(\d{1,2}))?\s*\}(\s*\(\s*)([nN])\s*(?:([+-])\s*(\d{1,2}))?(\s*\))`)

// FixLabels makes a schema's relative years agree with their labels, so
// that the rolled table names the years that fit its plan year: "Tahun
// {N-1} (n)" becomes "Tahun {N} (n)". It returns the text and what it changed.
func FixLabels(src []byte) ([]byte, []string) {
	var changed []string
	out := labelFixRe.ReplaceAllFunc(src, func(m []byte) []byte {
		g := labelFixRe.FindSubmatch(m)
		have, want := offset(string(g[1]), string(g[2])), offset(string(g[5]), string(g[6]))
		if have == want {
			return m
		}
		fixed := fmt.Sprintf("{N%s}%s%s%s%s", signed(want), g[3], g[4], labelText(g[5], g[6]), g[7])
		changed = append(changed, fmt.Sprintf("%s → %s", m, fixed))
		return []byte(fixed)
	})
	return out, changed
}

func signed(k int) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprintf("%+d", k)
}

func labelText(sign, digits []byte) string {
	if len(digits) == 0 {
		return ""
	}
	return string(sign) + string(digits)
}
