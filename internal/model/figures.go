package model

import (
	"sort"
	"strings"

	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// Figure is a value read from a table or computed over one, with the type
// of its column, so that it can be printed the way that type prints.
type Figure struct {
	Kind   table.Type
	Money  num.Money  // money
	Dec    num.Dec    // a number, a percentage, a target's value
	Target num.Target // a target
	Raw    string     // as stated: for a blank cell, or one that cannot be read
	OK     bool       // the value was read or computed
}

// Value is the figure's quantity as a Dec (money in whole Rupiah × num.Scale).
func (f Figure) Value() num.Dec {
	if f.Kind == table.Money {
		return num.Dec(f.Money) * num.Scale
	}
	return f.Dec
}

// Numeric reports whether the figure holds a quantity (not text, nor a
// cell that could not be read).
func (f Figure) Numeric() bool { return f.OK && f.Kind != table.Text && f.Kind != table.Code }

// moneyFigure is a computed amount; "-" when nothing below states one.
func moneyFigure(m num.Money, ok bool) Figure {
	if !ok {
		return Figure{Kind: table.Money, Raw: "-"}
	}
	return Figure{Kind: table.Money, Money: m, OK: true}
}

// CellFigure is what a cell states. A blank text cell is a figure too (OK).
func CellFigure(col *table.Column, c table.Cell) Figure {
	f := Figure{Kind: col.Type, Raw: c.Raw}
	if c.Unreadable() || !c.Present() {
		f.OK = col.Type == table.Text || col.Type == table.Code
		return f
	}
	f.OK = true
	f.Money, f.Dec, f.Target = c.Money(), c.Dec(), c.Target()
	return f
}

// CodeFigure returns code c's figure in column col of t as its row prints
// it: what the row states; for a money column whose row leaves the amount
// empty, or a code with no row of its own (a flat list of sub kegiatan has
// no program rows), the computed sum of what lies below c. found is false
// when c is not in the table.
func (p *Project) CodeFigure(t *table.Table, c kode.Code, col *table.Column) (f Figure, found bool) {
	tr := p.Coded(t)
	if tr == nil {
		return Figure{}, false
	}
	n := tr.Node(c)
	if n != nil && (col.Type != table.Money || writes(n.Row.Cells[col.Index]) || len(n.Children) == 0) {
		return CellFigure(col, n.Row.Cells[col.Index]), true
	}
	if col.Type != table.Money {
		return Figure{}, false
	}
	return sumFigure(tr, c, col)
}

// sumFigure is the computed amount of a money column below code c.
func sumFigure(tr *Tree, c kode.Code, col *table.Column) (Figure, bool) {
	m, ok, found := tr.SumBelow(c, col.Index)
	if !found {
		return Figure{}, false
	}
	return moneyFigure(m, ok), true
}

// KeyRow returns the row of a table without codes whose first column is key
// (ignoring case), or nil.
func KeyRow(t *table.Table, key string) *table.Row {
	key = strings.TrimSpace(key)
	for _, row := range t.Rows {
		if strings.EqualFold(row.Cells[0].Raw, key) {
			return row
		}
	}
	return nil
}

// leafRows are the rows that figures over a table count: the leaf rows
// under code c of a table with codes, every row of a table without.
func (p *Project) leafRows(t *table.Table, c kode.Code) []*table.Row {
	if tr := p.Coded(t); tr != nil {
		return tr.LeafRows(c)
	}
	return t.Rows
}

// Total returns the total of a money, number or target column: of a
// hierarchical table the computed total, else the sum over the leaf rows
// (under code c, when c is not zero). A sum of targets is a number, as their
// units may differ. found is false when c is given and no row is below it.
func (p *Project) Total(t *table.Table, col *table.Column, c kode.Code) (f Figure, found bool) {
	if col.Type == table.Money && !c.IsZero() {
		tr := p.Coded(t)
		if tr == nil {
			return Figure{}, false
		}
		return sumFigure(tr, c, col)
	}
	if tr := p.Trees[t.ID]; tr != nil && tr.Table == t && col.Type == table.Money {
		m, ok := tr.Sum(tr.Root, col.Index)
		return moneyFigure(m, ok), true
	}
	var sum num.Dec
	var money num.Money
	ok := false
	rows := p.leafRows(t, c)
	for _, row := range rows {
		cell := row.Cells[col.Index]
		if !cell.Present() || cell.Unreadable() {
			continue
		}
		ok = true
		money += cell.Money()
		sum += cell.Dec()
	}
	if !c.IsZero() && len(rows) == 0 {
		return Figure{}, false
	}
	if col.Type == table.Money {
		return moneyFigure(money, ok), true
	}
	return Figure{Kind: table.Number, Dec: sum, OK: ok, Raw: "-"}, true
}

// Rows counts a table's rows, total rows left out.
func Rows(t *table.Table) int {
	n := 0
	for _, row := range t.Rows {
		if t.CodeCol() < 0 || row.CodeErr != nil || !row.Code.IsZero() {
			n++
		}
	}
	return n
}

// CountLevel counts the programs (kegiatan, sub kegiatan …) that the rows'
// codes belong to; ok is false for a table without codes.
func (p *Project) CountLevel(t *table.Table, l kode.Level) (n int, ok bool) {
	tr := p.Coded(t)
	if tr == nil {
		return 0, false
	}
	return tr.Count(l), true
}

// Distinct counts the different values of a column, ignoring case and blanks.
func Distinct(t *table.Table, col *table.Column) int {
	seen := map[string]bool{}
	for _, row := range t.Rows {
		if v := strings.TrimSpace(row.Cells[col.Index].Raw); !num.IsBlank(v) {
			seen[strings.ToLower(v)] = true
		}
	}
	return len(seen)
}

// ColumnMean is the plain mean of a percent, number or target column over
// the table's leaf rows, each row's value computed by the column's formula
// where it has one (RowValue); rows where it cannot be computed are left
// out. A percent column gives a percentage.
func (p *Project) ColumnMean(t *table.Table, col *table.Column) Figure {
	var vs []num.Dec
	for _, row := range p.leafRows(t, kode.Code{}) {
		if v, ok := RowValue(t, row, col); ok {
			vs = append(vs, v)
		}
	}
	kind := table.Number
	if col.Type == table.Percent {
		kind = table.Percent
	}
	m, ok := Mean(vs)
	if !ok {
		return Figure{Kind: kind, Raw: "-"}
	}
	return Figure{Kind: kind, Dec: m, OK: true}
}

// Criterion returns the criterion of a score by a criteria table (Tabel
// 2.2): the name, in lower case, of the row with the highest min the score
// reaches, so that 90,5 between Tinggi's 90 and Sangat Tinggi's 91 is tinggi
// and a score above the last max is still the highest criterion; a score
// below every min gets the lowest.
func Criterion(t *table.Table, min, name *table.Column, score num.Dec) (string, error) {
	type band struct {
		min  num.Dec
		name string
	}
	var bands []band
	for _, row := range t.Rows {
		c := row.Cells[min.Index]
		if c.Unreadable() || !c.Present() {
			return "", msg.Errorf("%s:%d: %s %q cannot be read", t.Path, row.Line, min.Name, c.Raw)
		}
		bands = append(bands, band{c.Dec(), strings.ToLower(strings.TrimSpace(row.Cells[name.Index].Raw))})
	}
	if len(bands) == 0 {
		return "", msg.Errorf("%s has no rows", t.Path)
	}
	sort.SliceStable(bands, func(i, j int) bool { return bands[i].min > bands[j].min })
	for _, b := range bands {
		if score >= b.min {
			return b.name, nil
		}
	}
	return bands[len(bands)-1].name, nil
}
