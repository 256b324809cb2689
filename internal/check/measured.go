package check

import (
	"sort"
	"strings"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// The machinery of comparing figures by measure and code, which the
// cross-table rule uses within a project and the carry rule across two.

// measured is a cell of a measured column: its table, row and column, and
// whether its row is a leaf of the table's tree (a parent's amount is a sum).
type measured struct {
	t     *table.Table
	r     *table.Row
	col   int
	leaf  bool
	level kode.Level
}

// planFirst puts the cells of the plan table (plan.table) first, the others
// in their order: the plan is the reference, or where a finding is reported.
func planFirst(cells []measured, plan string) []measured {
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].t.ID == plan && cells[j].t.ID != plan })
	return cells
}

// measuredCells indexes the cells of the columns that key names (by a
// measure; "" leaves the column out) by that name and the row's code (in a
// table without codes, its indicator in lower case); trees are the tables'
// trees, which tell a parent from a leaf.
func measuredCells(tables []*table.Table, trees map[string]*model.Tree, key func(*table.Table, *table.Column) string) map[string]map[string][]measured {
	out := map[string]map[string][]measured{} // key → code → cells
	for _, t := range tables {
		tr := trees[t.ID]
		ind := (*table.Column)(nil) // a table without codes: rows by their indicator (Tabel 2.3, IKU)
		if t.CodeCol() < 0 {
			if ind = model.IndicatorCol(t); ind == nil {
				continue
			}
		}
		for i := range t.Columns {
			k := key(t, &t.Columns[i])
			if k == "" {
				continue
			}
			if out[k] == nil {
				out[k] = map[string][]measured{}
			}
			for _, r := range t.Rows {
				code, level := "", kode.None
				switch {
				case ind != nil:
					code = strings.ToLower(strings.Join(strings.Fields(r.Cells[ind.Index].Raw), " "))
				case r.CodeErr == nil && !r.Code.IsZero():
					code, level = r.Code.String(), r.Code.Level()
				}
				if code == "" {
					continue
				}
				leaf := true
				if tr != nil && ind == nil {
					if n := tr.Node(r.Code); n != nil && len(n.Children) > 0 {
						leaf = false
					}
				}
				out[k][code] = append(out[k][code], measured{t, r, i, leaf, level})
			}
		}
	}
	return out
}

// agree compares two cells of one measure: money exactly, targets by number
// and unit (unit spellings from renja.toml's [units] are the same unit), a
// plain number with a target by the number alone.
func agree(units map[string]string, ca *table.Column, a table.Cell, cb *table.Column, b table.Cell) (same bool, fa, fb string) {
	if ca.Type == table.Money || cb.Type == table.Money {
		if a.Money() == b.Money() {
			return true, "", ""
		}
		return false, num.FormatMoney(a.Money()), num.FormatMoney(b.Money())
	}
	if a.Dec() != b.Dec() {
		return false, a.Raw, b.Raw
	}
	if ca.Type == table.Target && cb.Type == table.Target && a.Target().Unit != b.Target().Unit {
		if unit(units, a.Target().Unit) != unit(units, b.Target().Unit) {
			return false, a.Raw, b.Raw
		}
	}
	return true, "", ""
}

func unit(aliases map[string]string, u string) string {
	u = strings.Join(strings.Fields(u), " ")
	for k, v := range aliases {
		if strings.EqualFold(u, k) {
			u = v
			break
		}
	}
	return strings.ToLower(u)
}
