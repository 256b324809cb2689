package check

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/num"
	"renja/internal/table"
	"renja/internal/tomlx"
)

// Carry is the rule that compares a Renja with the documents it carries
// figures from: last year's Renja ([previous]) and the Renstra ([renstra]).
const Carry = diag.RuleCarry

// Measures that carry has a rule for, beyond "the same measure is the same
// figure": a cumulative realisation through year Y (T-C.29's column 5, "s/d
// n-3") is last year's cumulative realisation through Y-1 plus last year's
// realisation of Y (domain.md, "The annual cycle").
const (
	realisation = "realisasi"
	cumulative  = "realisasi-kumulatif"
)

// carry compares every figure this year's Renja carries from another
// document with its source, by measure (after the measures' years are
// resolved, each document with its own plan year) and code. Last year's
// Tabel 3.1 forecast N+1 is this year's plan and Tabel 2.4's rencana awal
// (a measure's :awal is the same figure as the plain one of the document it
// comes from), its target N is T-C.29's target n-1, and so on, without a
// rule per table. The finding is at this year's cell: a departure from a
// forecast (a year from the plan year on) is a warning that a note in the
// row's catatan column silences; a figure of a past year, and any
// realisation, is history and an error.
func (c *checker) carry() {
	for _, d := range []*model.Document{c.p.Previous, c.p.Renstra} {
		if d == nil {
			continue
		}
		if d.Err != nil {
			c.unreadable(d)
			continue
		}
		c.carryFrom(d)
	}
}

// carryKey is the key a measure is compared under: its name and year; ok is
// false for a measure without a year or with a qualifier other than awal,
// which only this year's side has when compared with last year's Renja
// (awal: the initial draft starts from last year's forecast; the Renstra
// is compared with the plan's own figures).
func carryKey(m string, mine bool) (key string, ok bool) {
	parts := strings.Split(m, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return "", false
	}
	if _, err := strconv.Atoi(parts[1]); err != nil {
		return "", false
	}
	if len(parts) == 3 && (!mine || parts[2] != "awal") {
		return "", false
	}
	return parts[0] + ":" + parts[1], true
}

func (c *checker) carryFrom(d *model.Document) {
	trees, plan := c.p.Trees, ""
	if d.Project != nil {
		trees, plan = d.Project.Trees, d.Project.Config.Plan.Table
	}
	old := measuredCells(d.Tables(), trees, func(_ *table.Table, col *table.Column) string {
		k, _ := carryKey(col.Measure, false)
		return k
	})
	nu := measuredCells(c.p.Tables, c.p.Trees, func(t *table.Table, col *table.Column) string {
		k, ok := carryKey(col.Measure, d.Key == "previous")
		if !ok || t == d.Table {
			return ""
		}
		if name, _, _ := strings.Cut(k, ":"); old[k] == nil && name != cumulative {
			return ""
		}
		return k
	})
	for _, k := range slices.Sorted(maps.Keys(nu)) {
		for _, code := range slices.Sorted(maps.Keys(nu[k])) {
			// The plan table first: a figure that differs there and in the
			// tables that repeat it is reported once, at the plan.
			cells := planFirst(nu[k][code], c.cfg.Plan.Table)
			if refs := old[k][code]; len(refs) > 0 {
				c.carryCells(d, k, code, pick(refs, plan), cells)
			} else {
				c.carrySum(d, k, code, old, plan, cells)
			}
		}
	}
}

// pick is the source cell of a figure: the plan table's, else the first.
func pick(cells []measured, plan string) measured { return planFirst(cells, plan)[0] }

// carryCells compares this year's cells of one measure and code with their
// source; the second and later that differ follow from the first.
func (c *checker) carryCells(d *model.Document, k, code string, ref measured, cells []measured) {
	refCol := &ref.t.Columns[ref.col]
	a := ref.r.Cells[ref.col]
	if a.Unreadable() || !a.Present() {
		return
	}
	var first *diag.Diagnostic
	for _, o := range cells {
		oc := &o.t.Columns[o.col]
		if refCol.Type == table.Money && !(ref.leaf && o.leaf) {
			continue // parents' amounts are sums, checked by the hierarchy rule
		}
		b := o.r.Cells[o.col]
		if b.Unreadable() || !b.Present() {
			continue
		}
		same, fa, fb := agree(c.cfg.Units, refCol, a, oc, b)
		if same {
			continue
		}
		at := d.File(ref.t.Path) + ":" + strconv.Itoa(ref.t.Pos(&a).Line)
		first = c.carryReport(d, k, code, o, fa, fb, at, first)
	}
}

// carrySum compares a cumulative realisation with last year's cumulative
// realisation of the year before plus last year's realisation of its year
// (T-C.29: the new column 5 is the old column 5 + column 7). A percentage
// indicator's realisations do not add up, and are left out.
func (c *checker) carrySum(d *model.Document, k, code string, old map[string]map[string][]measured, plan string, cells []measured) {
	name, y, _ := strings.Cut(k, ":")
	year, _ := strconv.Atoi(y)
	before, of := old[name+":"+strconv.Itoa(year-1)][code], old[realisation+":"+y][code]
	if name != cumulative || len(before) == 0 || len(of) == 0 {
		return
	}
	// The realisation of the table that states the cumulative one: another
	// table's that differs is the cross-table rule's finding in last year's.
	b, r := pick(before, plan), pick(of, plan)
	for _, x := range of {
		if x.t == b.t {
			r = x
		}
	}
	cb, cr := b.r.Cells[b.col], r.r.Cells[r.col]
	if !cb.Present() || !cr.Present() || cb.Unreadable() || cr.Unreadable() {
		return
	}
	want := cb.Dec() + cr.Dec()
	var first *diag.Diagnostic
	for _, o := range cells {
		cell := o.r.Cells[o.col]
		if !cell.Present() || cell.Unreadable() || cell.Dec() == want {
			continue
		}
		if ind := model.IndicatorCol(o.t); ind != nil && model.PercentIndicator(o.r.Cells[ind.Index].Raw) {
			continue
		}
		fa := num.FormatDec(cb.Dec(), -1) + " + " + num.FormatDec(cr.Dec(), -1) + " = " + num.FormatDec(want, -1)
		at := d.File(b.t.Path) + ":" + strconv.Itoa(b.t.Pos(&cb).Line)
		if r.t != b.t || r.r != b.r {
			at += ", " + d.File(r.t.Path) + ":" + strconv.Itoa(r.t.Pos(&cr).Line)
		}
		first = c.carryReport(d, k, code, o, fa, num.FormatDec(cell.Dec(), -1), at, first)
	}
}

// explained stands for a first finding that a note explains: the cells of
// the other tables that repeat the figure follow it, silent too.
var explained = &diag.Diagnostic{}

// carryReport reports this year's cell o, which states found where the
// document at source gives want; it returns the first finding of the figure.
func (c *checker) carryReport(d *model.Document, k, code string, o measured, want, found, source string, first *diag.Diagnostic) *diag.Diagnostic {
	name, y, _ := strings.Cut(k, ":")
	year, _ := strconv.Atoi(y)
	history := strings.HasPrefix(name, realisation) || year < c.cfg.Plan.Year
	sev := diag.SevError
	if !history {
		if first == explained || first == nil && note(o.t, o.r) {
			return explained // the departure is explained
		}
		sev = diag.SevWarning
	}
	var r *diag.Diagnostic
	m := o.t.Columns[o.col].Measure // as this year's column names it: pagu:2025:awal
	if d.Key == "renstra" {
		r = c.report(Carry, sev, o.t, o.r, o.col, "%s of %s is %s here but %s in the Renstra (%s)", m, code, found, want, source)
	} else {
		r = c.report(Carry, sev, o.t, o.r, o.col, "%s of %s is %s here but %s in last year's Renja (%s)", m, code, found, want, source)
	}
	r.Found, r.Expected = found, want
	switch {
	case history:
		r.Hint = msg.Sprintf("a figure of a past year is history, the same in every year's Renja: correct it here, or in the other document if that one is wrong")
	case d.Key == "renstra":
		r.Hint = msg.Sprintf("the Renja departs from the Renstra: write the reason in the row's catatan column, or correct the figure")
	default:
		r.Hint = msg.Sprintf("the plan departs from last year's forecast: write the reason (the analysis of needs) in the row's catatan column, or correct the figure")
	}
	if first != nil {
		r.Cause = first.Position().String()
		return first
	}
	return r
}

// note reports whether row r explains itself: its catatan column says
// something.
func note(t *table.Table, r *table.Row) bool {
	for i, col := range t.Columns {
		if col.Type != table.Text || !strings.HasPrefix(strings.ToLower(col.Name+" "+col.Title), "catatan") {
			continue
		}
		if cell := r.Cells[i]; !num.IsBlank(cell.Raw) && !cell.Todo() {
			return true
		}
	}
	return false
}

// unreadable reports, once, a document renja.toml names that cannot be read,
// at its section in renja.toml.
func (c *checker) unreadable(d *model.Document) {
	keys := tomlx.Index(diag.NewSource(config.FileName, c.cfg.Src, 1))
	at := keys.Pos(d.Key, "project")
	if d.Source.Project == "" {
		at = keys.Pos(d.Key, "rev")
	}
	if d.Source.Project == "" && d.Source.Rev == "" {
		at = keys.Pos(d.Key, "table")
	}
	why, _, _ := strings.Cut(d.Err.Error(), "\n")
	r := &diag.Diagnostic{Severity: diag.SevError, Rule: Carry, File: config.FileName, Line: at.Line, Column: at.Column, Found: d.Source.Name()}
	if d.Key == "renstra" {
		r.Message = msg.Sprintf("the Renstra %s cannot be read: %s; it is not compared", or(d.Source.Name(), d.Source.Table), why)
		r.Hint = msg.Sprintf("correct [renstra] in renja.toml: project = the Renstra's folder, table = its table's id in data/")
	} else {
		r.Message = msg.Sprintf("last year's Renja %s cannot be read: %s; it is not compared", d.Source.Name(), why)
		r.Hint = msg.Sprintf("correct [previous] in renja.toml: project = the folder of last year's Renja, or rev = a git tag or commit of it")
	}
	c.add(*r)
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// isRenstra reports whether t is the Renstra table of this project, which
// the carry rule compares.
func (c *checker) isRenstra(t *table.Table) bool {
	return c.p.Renstra != nil && c.p.Renstra.Project == nil && c.p.Renstra.Table == t
}
