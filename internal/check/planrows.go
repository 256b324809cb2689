package check

// The plan-rows rule: a plan is its sub kegiatan. A budget table of the plan
// (renja.toml's plan.budget; by default plan.table and every table with
// rows by code that states the plan year's pagu: Tabel 3.1, 4.1 and the
// review table's needs side) without a single sub kegiatan is a to-do, so a
// blank project whose placeholders are filled cannot become final with
// tables that hold a header and nothing else.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/msg"
	"renja/internal/table"
	"renja/internal/tomlx"
)

// planRows is the rule's id.
const planRows = diag.RulePlanRows

// budgetTables returns the plan's budget tables, and the ids plan.budget
// names that no table has.
func (c *checker) budgetTables() ([]*table.Table, []string) {
	if ids := c.cfg.Plan.Budget; len(ids) > 0 {
		var out []*table.Table
		var missing []string
		for _, id := range ids {
			if t := c.p.Table(id); t != nil {
				out = append(out, t)
			} else {
				missing = append(missing, id)
			}
		}
		return out, missing
	}
	pagu := fmt.Sprintf("pagu:%d", c.cfg.Plan.Year)
	var out []*table.Table
	for _, t := range c.p.Tables {
		if t.ID == c.cfg.Plan.Table || t.Hierarchy && slices.ContainsFunc(t.Columns, func(col table.Column) bool {
			return col.Type == table.Money && col.Measure == pagu
		}) {
			out = append(out, t)
		}
	}
	return out, nil
}

func (c *checker) planRows() {
	tables, missing := c.budgetTables()
	for _, id := range missing {
		src := diag.NewSource(config.FileName, c.cfg.Src, 1)
		at, _ := tomlx.Index(src).Find("plan", "budget")
		if i := strings.Index(src.Line(at.Line), strconv.Quote(id)); i >= 0 {
			at.Column = src.Column(at.Line, i+1)
		}
		c.add(diag.Diagnostic{Severity: diag.SevError, Rule: planRows, File: config.FileName, Line: at.Line, Column: at.Column,
			Message: msg.Sprintf("plan.budget names the table %q, which data/ does not have", id), Found: quote(id),
			Hint: msg.Sprintf("name tables by the id of their data/<id>.toml")})
	}
	for _, t := range tables {
		if slices.ContainsFunc(t.Rows, func(r *table.Row) bool { return r.CodeErr == nil && r.Code.Level() == kode.SubKegiatan }) {
			continue
		}
		name := t.Caption
		if name == "" {
			name = t.ID
		}
		c.add(diag.Diagnostic{Severity: diag.SevTodo, Rule: planRows, File: t.Path, Line: 1, Column: 1,
			Message: msg.Sprintf("%s has no sub kegiatan: the plan's budget is still empty", name),
			Hint:    msg.Sprintf("write the plan's program, kegiatan and sub kegiatan rows with their targets and pagu; a final build waits for them")})
	}
}
