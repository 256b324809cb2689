package check

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

func (c *checker) codes() {
	for _, t := range c.p.Tables {
		ci := t.CodeCol()
		if ci < 0 {
			continue
		}
		for _, r := range t.Rows {
			if r.CodeErr != nil {
				var ke *kode.Error
				d := c.report(Codes, diag.SevError, t, r, ci, "%v", r.CodeErr)
				if asKode(r.CodeErr, &ke) {
					d.Message = msg.Sprintf("code cannot be read")
					d.Found, d.Expected, d.Hint = quote(ke.Found), ke.Expected, ke.Hint
				}
			}
		}
		tr := c.p.Trees[t.ID]
		if tr == nil {
			continue
		}
		for _, n := range tr.Nodes {
			for _, dup := range n.Dups() {
				d := c.report(Codes, diag.SevError, t, dup, ci, "code %s appears again (first on line %d)", n.Code, n.Row.Line)
				d.Found, d.Expected = quote(dup.Cells[ci].Raw), msg.Sprintf("each code once")
				d.Hint = msg.Sprintf("a code stands for one program, kegiatan or sub kegiatan; give this row its own code or merge the rows")
			}
			if l := n.Level(); l == kode.Kegiatan || l == kode.SubKegiatan {
				if want := n.Code.Parent(); tr.Node(want) == nil {
					d := c.report(Codes, diag.SevError, t, n.Row, ci, "the parent %s %s of %s %s is not in the table", want.Level(), want, l, n.Code)
					d.Found, d.Expected = msg.Sprintf("no row %s", want), msg.Sprintf("a row for %s", want)
					d.Hint = msg.Sprintf("add the parent's row, or correct the code (the seed writes some kegiatan of one program under another number)")
				}
			}
			if n.Level() == kode.SubKegiatan || n.Level() == kode.Kegiatan {
				name := t.Name(n.Row)
				if model.NamedLikeIndicator(name) {
					d := c.report(Codes, diag.SevWarning, t, n.Row, t.NameCol(), "%s %s is named like an indicator: %q", n.Level(), n.Code, name)
					d.Found, d.Expected = quote(name), msg.Sprintf("the %s's name from the nomenclature", n.Level())
					d.Hint = msg.Sprintf("the indicator belongs in the indicator column; write the %s's own name here", n.Level())
				}
			}
		}
	}
}

func asKode(err error, ke **kode.Error) bool {
	e, ok := err.(*kode.Error)
	if ok {
		*ke = e
	}
	return ok
}

// quote shows a cell as written, in quotes: "\100%", not Go's "\\100%";
// Go's quoting only for a text with invisible characters.
func quote(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%q", s)
		}
	}
	return `"` + s + `"`
}

func (c *checker) values() {
	for _, t := range c.p.Tables {
		ind := model.IndicatorCol(t)
		for _, r := range t.Rows {
			isPct := ind != nil && model.PercentIndicator(r.Cells[ind.Index].Raw)
			for i, col := range t.Columns {
				cell := r.Cells[i]
				if cell.Unreadable() {
					d := c.report(Values, diag.SevError, t, r, i, "%s cannot be read as %s", col.Label(), typeName(col.Type))
					err := t.Err(&r.Cells[i])
					d.Found, d.Expected, d.Hint = quote(cell.Raw), err.Expected, err.Hint
					if d.Expected == "" {
						d.Expected = typeName(col.Type)
					}
					continue
				}
				if !cell.Present() {
					continue
				}
				switch col.Type {
				case table.Money:
					if cell.Money() < 0 {
						d := c.report(Values, diag.SevError, t, r, i, "%s is negative", col.Label())
						d.Found, d.Expected = num.FormatMoney(cell.Money()), msg.Sprintf("an amount of 0 or more")
					}
				case table.Target:
					if cell.Target().Unit == "" && t.CodeCol() >= 0 {
						d := c.report(Values, diag.SevError, t, r, i, "the target %s has no unit", cell.Raw)
						d.Found, d.Expected = quote(cell.Raw), msg.Sprintf("a number with its unit, e.g. %s Dok", cell.Raw)
						d.Hint = msg.Sprintf("write the unit after the number")
					} else if cell.Target().Unit == "%" && cell.Target().Value > num.DecOf(100) {
						d := c.report(Values, diag.SevError, t, r, i, "percentage above 100")
						d.Found, d.Expected = cell.Raw, msg.Sprintf("at most 100%%")
					}
				case table.Percent:
					if col.Expr == nil && cell.Dec() > num.DecOf(100) {
						d := c.report(Values, diag.SevWarning, t, r, i, "%s is above 100%%", col.Label())
						d.Found, d.Expected = cell.Raw, msg.Sprintf("at most 100")
					}
				case table.Number:
					if isPct && cell.Dec() > num.DecOf(100) {
						d := c.report(Values, diag.SevError, t, r, i, "the indicator is a percentage but %s is above 100", col.Label())
						d.Found, d.Expected = cell.Raw, msg.Sprintf("at most 100")
					}
				}
			}
		}
	}
}

func (c *checker) hierarchy() {
	for _, t := range c.p.Tables {
		tr := c.p.Trees[t.ID]
		if tr == nil {
			continue
		}
		for i, col := range t.Columns {
			if col.Type != table.Money {
				continue
			}
			check := func(n *model.Node, rows []*table.Row, what string) {
				want, ok := tr.Sum(n, i)
				if !ok {
					return
				}
				for _, r := range rows {
					cell := r.Cells[i]
					if !cell.Present() || cell.Unreadable() || cell.Money() == want {
						continue
					}
					d := c.report(Hierarchy, diag.SevError, t, r, i, "%s %s states %s, but its %s add up to %s (differs by %s)",
						what, col.Label(), num.FormatMoney(cell.Money()), childWord(n), num.FormatMoney(want), num.FormatMoney(abs(cell.Money()-want)))
					d.Found, d.Expected = num.FormatMoney(cell.Money()), num.FormatMoney(want)
					d.Hint = msg.Sprintf("the amount is printed as written; correct it or the amounts below it, or leave it empty to print the sum")
				}
			}
			for _, n := range tr.Nodes {
				if len(n.Children) > 0 {
					check(n, n.Rows(), n.Level().String()+" "+n.Code.String())
				}
			}
			check(tr.Root, tr.Totals, msg.Sprintf("the total"))
		}
	}
}

// typeName is a column type in the officer's words.
func typeName(t table.Type) string {
	switch t {
	case table.Code:
		return msg.Sprintf("code")
	case table.Text:
		return msg.Sprintf("text")
	case table.Money:
		return msg.Sprintf("money")
	case table.Number:
		return msg.Sprintf("number")
	case table.Percent:
		return msg.Sprintf("percent")
	case table.Target:
		return msg.Sprintf("target")
	}
	return string(t)
}

func childWord(n *model.Node) string {
	switch n.Level() {
	case kode.Program:
		return "kegiatan"
	case kode.Kegiatan:
		return "sub kegiatan"
	case kode.None:
		return msg.Sprintf("rows")
	}
	return msg.Sprintf("parts")
}

func abs(m num.Money) num.Money {
	if m < 0 {
		return -m
	}
	return m
}

type failure struct {
	r             *table.Row
	found, expect num.Dec
	detail        string
}

func (c *checker) derived() {
	tol := num.Dec(math.Round(c.tolerance(Derived, 0.01) * num.Scale))
	for _, t := range c.p.Tables {
		for i := range t.Columns {
			col := &t.Columns[i]
			if col.Expr == nil {
				continue
			}
			var fails []failure
			checked := 0
			for _, r := range t.Rows {
				got, ok := model.Stated(col, r.Cells[i])
				if !ok {
					continue
				}
				want, ok := model.Expected(t, r, col)
				if !ok {
					continue
				}
				checked++
				if diff := got - want; diff > tol || -diff > tol {
					fails = append(fails, failure{r: r, found: got, expect: want})
				}
			}
			if len(fails) >= 5 && len(fails)*5 >= checked*4 {
				d := c.report(Derived, diag.SevError, t, nil, i, "column %s (%s) differs from its formula %s in %d of %d rows: the column seems to hold something else than its header's formula",
					col.Label(), col.Number, col.Expr.Words(t.Columns), len(fails), checked)
				d.Field, d.Formula = col.Name, col.Formula
				d.Found = msg.Sprintf("%s in row %d", format(col, fails[0].found), fails[0].r.Line)
				d.Expected = format(col, fails[0].expect)
				d.Hint = msg.Sprintf("check what the column really holds; if the header is wrong, correct the formula in %s", t.File)
				continue
			}
			for _, f := range fails {
				d := c.report(Derived, diag.SevError, t, f.r, i, "%s should be %s = %s, not %s (differs by %s)",
					col.Label(), col.Expr.Words(t.Columns), format(col, num.Round(f.expect, 2)), format(col, f.found), format(col, absDec(f.found-f.expect)))
				d.Field, d.Formula = col.Name, col.Formula
				d.Found, d.Expected = format(col, f.found), format(col, num.Round(f.expect, 2))
				d.Hint = msg.Sprintf("the figure is computed from the row; correct it, or the figures it is computed from")
			}
		}
	}
}

func absDec(d num.Dec) num.Dec {
	if d < 0 {
		return -d
	}
	return d
}

func format(col *table.Column, d num.Dec) string {
	switch col.Type {
	case table.Money:
		return num.FormatMoney(num.Money(d / num.Scale))
	case table.Percent:
		return num.FormatDec(num.Round(d, 2), -1) + "%"
	}
	return num.FormatDec(d, -1)
}

// crossTable compares cells with the same measure and code across tables;
// the plan table (plan.table) is the reference where it has the measure.
func (c *checker) crossTable() {
	tablesOf := map[string][]*table.Table{}
	for _, t := range c.p.Tables {
		if c.isRenstra(t) {
			continue // compared by the carry rule, the finding at the Renja's cell
		}
		for _, col := range t.Columns {
			if col.Measure != "" {
				tablesOf[col.Measure] = append(tablesOf[col.Measure], t)
			}
		}
	}
	// Only a measure that two columns carry is compared: the cells of one
	// table's own measures are not indexed (a plan of 100,000 rows would
	// hold an entry for each of its rows in each such column).
	byMeasure := measuredCells(c.p.Tables, c.p.Trees, func(t *table.Table, col *table.Column) string {
		if col.Measure == "" || len(tablesOf[col.Measure]) < 2 || c.isRenstra(t) {
			return ""
		}
		return col.Measure
	})
	plan := c.cfg.Plan.Table
	for _, m := range slices.Sorted(maps.Keys(byMeasure)) {
		tables := tablesOf[m]
		if len(tables) < 2 {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(byMeasure[m])) {
			cells := planFirst(byMeasure[m][k], plan)
			ref := cells[0]
			refCol := &ref.t.Columns[ref.col]
			for _, o := range cells[1:] {
				if o.t == ref.t {
					continue
				}
				oc := &o.t.Columns[o.col]
				if refCol.Type == table.Money && !(ref.leaf && o.leaf) {
					continue // parents' amounts are checked by the hierarchy rule
				}
				a, b := ref.r.Cells[ref.col], o.r.Cells[o.col]
				if a.Unreadable() || b.Unreadable() || !a.Present() || !b.Present() {
					continue
				}
				if same, fa, fb := agree(c.cfg.Units, refCol, a, oc, b); !same {
					d := c.report(CrossTable, diag.SevError, o.t, o.r, o.col, "%s of %s is %s here but %s in %s:%d", m, k, fb, fa, ref.t.Path, ref.t.Pos(&a).Line)
					d.Found, d.Expected = fb, fa
					d.Hint = msg.Sprintf("the same code and year must carry the same figure in every table; correct one of them")
				}
			}
		}
		c.missing(m, tables, byMeasure[m])
	}
}

// missing reports a sub kegiatan that some tables of a money measure plan
// and another leaves out.
func (c *checker) missing(m string, tables []*table.Table, cells map[string][]measured) {
	money := false
	for _, t := range tables {
		for _, col := range t.Columns {
			if col.Measure == m && col.Type == table.Money {
				money = true
			}
		}
	}
	if !money {
		return
	}
	codes := make([]string, 0, len(cells))
	for k := range cells {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	for _, k := range codes {
		if cells[k][0].level != kode.SubKegiatan {
			continue
		}
		in := map[*table.Table]bool{}
		for _, x := range cells[k] {
			in[x.t] = true
		}
		for _, t := range tables {
			if in[t] {
				continue
			}
			x := cells[k][0]
			var others []string
			for _, o := range tables {
				if in[o] {
					others = append(others, o.Path)
				}
			}
			d := c.report(CrossTable, diag.SevError, x.t, x.r, t0(x.t), "sub kegiatan %s (%s) is planned in %s but missing from %s", k, x.t.Name(x.r), strings.Join(others, ", "), t.Path)
			d.Found, d.Expected = msg.Sprintf("no row in %s", t.Path), msg.Sprintf("a row for %s in every table of %s", k, m)
			d.Hint = msg.Sprintf("add the row to %s, or remove the sub kegiatan from the other tables", t.Path)
		}
	}
}

func t0(t *table.Table) int { return t.CodeCol() }
