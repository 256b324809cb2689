package check

import (
	"strconv"

	"renja/internal/diag"
	"renja/internal/msg"
	"renja/internal/table"
)

// example is the rule id of the example's rows: a table of a project made by
// renja init for another office holds the bundled example's rows, each
// marked in the column contoh, until the office replaces or deletes them.
// One to-do per table, at its first example row, says how many are left;
// Found holds the count, which ExampleRows adds up for the summary.
const example = diag.RuleExample

func (c *checker) examples() {
	for _, t := range c.p.Tables {
		var first *table.Row
		n := 0
		for _, r := range t.Rows {
			if r.Example {
				if first == nil {
					first = r
				}
				n++
			}
		}
		if n == 0 {
			continue
		}
		d := diag.Diagnostic{Severity: diag.SevTodo, Rule: example, File: t.Path, Line: first.Line, Column: 1, Code: codeOf(t, first),
			Message: msg.Sprintf("%d of the table's %d rows are the example's (marked in the column %s)", n, len(t.Rows), table.ExampleColumn),
			Found:   strconv.Itoa(n),
			Hint:    msg.Sprintf("replace them with this office's rows, or delete them; a row is this office's once its cell in the column %s is empty", table.ExampleColumn)}
		if t.Yearly {
			// renja init --from marked last year's rows (schema: yearly).
			d.Message = msg.Sprintf("%d of the table's %d rows are last year's (marked in the column %s)", n, len(t.Rows), table.ExampleColumn)
			d.Hint = msg.Sprintf("write this year's rows in their place, or delete them; a row is this year's once its cell in the column %s is empty", table.ExampleColumn)
		}
		c.add(d)
	}
}

// ExampleRows returns how many rows of the example the diagnostics count.
func ExampleRows(ds []diag.Diagnostic) (n int) {
	for _, d := range ds {
		if d.Rule == example && d.Severity != diag.SevOff {
			k, _ := strconv.Atoi(d.Found)
			n += k
		}
	}
	return n
}
