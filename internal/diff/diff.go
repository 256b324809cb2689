// Package diff says what changed in a Renja between two versions of a
// project, by code rather than by line: amounts and targets old → new with
// the difference, rows added, removed or moved to another code, the effect
// on every parent and on the table's total, and then the prose: which
// sections' text changed and which figures the text computes from data
// changed because the data did.
//
// Every amount of a parent or a total is the model's computed sum
// (model.Tree.Sum); this package compares figures and never adds them up.
package diff

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// Kinds of change.
const (
	Changed     = "changed" // a cell a row states: an amount, a target, a text
	Added       = "added"   // a row (or a table) that is new
	Removed     = "removed" // a row (or a table) that is gone
	Moved       = "moved"   // a row now under another code, with the same name
	Parent      = "parent"  // the computed amount of a program, kegiatan, bidang or urusan
	Total       = "total"   // the computed total of a table
	kindSection = "section" // a section of the narrative whose text changed
	kindFigure  = "figure"  // a figure the narrative computes from data that changed
)

// Change is one line of the diff. For a row of a table, Code is its
// canonical code (in a table without codes, the value of its first column)
// and Column the CSV column; for a table's total Code is empty. For the
// prose, Table is the Markdown file, Code the section's heading and Column,
// for a figure, the call that computes it.
type Change struct {
	Table  string   `json:"table"`
	Code   string   `json:"code"`
	Column string   `json:"column"`
	Old    string   `json:"old"`
	New    string   `json:"new"`
	Delta  *num.Dec `json:"delta"` // new − old for money, numbers, percentages and targets of one unit; null otherwise
	Kind   string   `json:"kind"`

	Name  string     `json:"-"` // the row's name (uraian), for the text and Markdown forms
	Level kode.Level `json:"-"`
	Money bool       `json:"-"` // Delta is Rupiah (a whole number)
	Line  int        `json:"-"` // for a figure: its line in Table
}

// Report is the diff of two projects.
type Report struct {
	Old, New string            // what was compared: "HEAD", "working tree", a hash
	Tables   []Change          // in table order, then by code
	Prose    []Change          // sections, then figures
	Captions map[string]string // table id → its caption ("Tabel 3.1")
}

// Empty reports whether nothing changed.
func (r *Report) Empty() bool { return len(r.Tables) == 0 && len(r.Prose) == 0 }

// Compare compares two loaded projects.
func Compare(old, nu *model.Project) *Report {
	r := &Report{Captions: map[string]string{}}
	ids := map[string]bool{}
	for _, t := range old.Tables {
		ids[t.ID] = true
		r.Captions[t.ID] = t.Caption
	}
	for _, t := range nu.Tables {
		ids[t.ID] = true
		r.Captions[t.ID] = t.Caption
	}
	var order []string
	for id := range ids {
		order = append(order, id)
	}
	sort.Strings(order)
	for _, id := range order {
		ot, nt := old.Table(id), nu.Table(id)
		switch {
		case ot == nil:
			r.Tables = append(r.Tables, Change{Table: id, Kind: Added, New: tableName(nt)})
		case nt == nil:
			r.Tables = append(r.Tables, Change{Table: id, Kind: Removed, Old: tableName(ot)})
		default:
			r.Tables = append(r.Tables, compareColumns(ot, nt)...)
		}
		switch {
		case ot == nil || nt == nil:
		case old.Trees[id] != nil && nu.Trees[id] != nil:
			r.Tables = append(r.Tables, compareTree(old.Trees[id], nu.Trees[id], common(ot, nt))...)
		default:
			r.Tables = append(r.Tables, compareRows(ot, nt)...)
		}
	}
	r.codes(nu)
	r.Prose = compareProse(old, nu)
	return r
}

// codes writes the codes as the project writes them (a four-digit sub
// kegiatan), as everywhere else the officer reads them.
func (r *Report) codes(nu *model.Project) {
	for i := range r.Tables {
		c := &r.Tables[i]
		c.Code = nu.Codes.Text(c.Code)
		if c.Kind == Moved {
			c.Old, c.New = nu.Codes.Text(c.Old), nu.Codes.Text(c.New)
		}
	}
}

// rowName is what a reader calls a row: its uraian, else its first text
// column that holds a word (not a number like eval21's "1.1.1").
func rowName(t *table.Table, r *table.Row) string {
	if c := t.Col("uraian"); c != nil && c.Type == table.Text {
		return oneLine(r.Cells[c.Index].Raw)
	}
	for _, c := range t.Columns {
		if c.Type == table.Text && c.Name != t.Group && strings.ContainsFunc(r.Cells[c.Index].Raw, unicode.IsLetter) {
			return oneLine(r.Cells[c.Index].Raw)
		}
	}
	return oneLine(t.Name(r))
}

// compareColumns lists the columns one schema declares and the other not
// (or with another type); their cells are not compared.
func compareColumns(ot, nt *table.Table) []Change {
	var out []Change
	for _, c := range nt.Columns {
		if oc := ot.Col(c.Name); oc == nil || oc.Type != c.Type {
			out = append(out, Change{Table: nt.ID, Column: c.Name, Kind: Added, New: c.Title})
		}
	}
	for _, c := range ot.Columns {
		if nc := nt.Col(c.Name); nc == nil || nc.Type != c.Type {
			out = append(out, Change{Table: ot.ID, Column: c.Name, Kind: Removed, Old: c.Title})
		}
	}
	return out
}

func tableName(t *table.Table) string {
	if len(t.Title) > 0 {
		return strings.TrimSpace(t.Caption + " " + t.Title[0])
	}
	return t.Caption
}

// common returns the columns both schemas declare with the same type, in the
// new schema's order: pairs of (old, new) columns.
func common(ot, nt *table.Table) [][2]*table.Column {
	var out [][2]*table.Column
	for i := range nt.Columns {
		nc := &nt.Columns[i]
		if oc := ot.Col(nc.Name); oc != nil && oc.Type == nc.Type {
			out = append(out, [2]*table.Column{oc, nc})
		}
	}
	return out
}

// compareTree compares two versions of a hierarchical table by code, in the
// pairs of (old, new) columns cols.
func compareTree(ot, nt *model.Tree, cols [][2]*table.Column) []Change {
	id := nt.Table.ID
	var out []Change
	name := func(tr *model.Tree, n *model.Node) string { return rowName(tr.Table, n.Row) }

	// Rows that left one code for another with the same name and level.
	gone, fresh := map[string]*model.Node{}, map[string]*model.Node{}
	for _, n := range ot.Nodes {
		if nt.Node(n.Code) == nil {
			gone[n.Code.String()] = n
		}
	}
	for _, n := range nt.Nodes {
		if ot.Node(n.Code) == nil {
			fresh[n.Code.String()] = n
		}
	}
	movedFrom := map[string]*model.Node{} // new code → old node
	for _, nc := range slices.Sorted(maps.Keys(fresh)) {
		n := fresh[nc]
		key := strings.ToLower(name(nt, n))
		if key == "" {
			continue
		}
		for _, oc := range slices.Sorted(maps.Keys(gone)) {
			o := gone[oc]
			if o.Level() == n.Level() && strings.ToLower(name(ot, o)) == key {
				movedFrom[nc] = o
				delete(gone, oc)
				break
			}
		}
	}

	for _, n := range nt.Nodes {
		code := n.Code.String()
		base := Change{Table: id, Code: code, Name: name(nt, n), Level: n.Level()}
		o := ot.Node(n.Code)
		if m := movedFrom[code]; m != nil {
			c := base
			c.Kind, c.Column, c.Old, c.New = Moved, nt.Table.Columns[nt.Table.CodeCol()].Name, m.Code.String(), code
			out = append(out, c)
			o = m
		} else if o == nil {
			out = append(out, addedRow(nt, n, base, Added)...)
			continue
		}
		otree := ot
		parent := len(n.Children) > 0 || len(o.Children) > 0
		for _, p := range cols {
			oc, nc := p[0], p[1]
			if nc.Type == table.Money && parent {
				om, ook := otree.Sum(o, oc.Index)
				nm, nok := nt.Sum(n, nc.Index)
				if c, ok := moneyChange(base, nc.Name, om, ook, nm, nok); ok {
					c.Kind = Parent
					out = append(out, c)
				}
				continue // a parent's stated amount is a claim for the checker, not the plan
			}
			if c, ok := cellChange(base, nc, o.Row.Cells[oc.Index], n.Row.Cells[nc.Index]); ok {
				out = append(out, c)
			}
		}
	}
	for _, code := range slices.Sorted(maps.Keys(gone)) {
		n := gone[code]
		out = append(out, addedRow(ot, n, Change{Table: id, Code: code, Name: name(ot, n), Level: n.Level()}, Removed)...)
	}
	for _, p := range cols {
		if p[1].Type != table.Money {
			continue
		}
		om, ook := ot.Sum(ot.Root, p[0].Index)
		nm, nok := nt.Sum(nt.Root, p[1].Index)
		if c, ok := moneyChange(Change{Table: id}, p[1].Name, om, ook, nm, nok); ok {
			c.Kind = Total
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Kind == Total) != (b.Kind == Total) {
			return b.Kind == Total
		}
		return a.Code < b.Code
	})
	return out
}

// addedRow lists a row that is new (or gone): its name, then each amount and
// target it holds. For a parent the amounts are the computed ones.
func addedRow(tr *model.Tree, n *model.Node, base Change, kind string) []Change {
	var out []Change
	c := base
	c.Kind = kind
	if i := tr.Table.NameCol(); i >= 0 {
		c.Column = tr.Table.Columns[i].Name
	}
	if kind == Added {
		c.New = c.Name
	} else {
		c.Old = c.Name
	}
	out = append(out, c)
	for _, col := range tr.Table.Columns {
		var v string
		var d num.Dec
		var money, has bool
		switch col.Type {
		case table.Money:
			m, ok := tr.Sum(n, col.Index)
			if !ok {
				continue
			}
			v, d, money, has = num.FormatMoney(m), num.Dec(m), true, true
		case table.Target:
			cell := n.Row.Cells[col.Index]
			if !cell.Present() {
				continue
			}
			v = cell.Raw
			if !cell.Unreadable() {
				d, has = cell.Target().Value, true
			}
		default:
			continue
		}
		c := base
		c.Kind, c.Column, c.Money = kind, col.Name, money
		if kind == Added {
			c.New = v
		} else {
			c.Old, d = v, -d
		}
		if has {
			c.Delta = &d
		}
		out = append(out, c)
	}
	return out
}

func moneyChange(base Change, col string, om num.Money, ook bool, nm num.Money, nok bool) (Change, bool) {
	if om == nm && ook == nok {
		return Change{}, false
	}
	c := base
	c.Column, c.Money = col, true
	if ook {
		c.Old = num.FormatMoney(om)
	}
	if nok {
		c.New = num.FormatMoney(nm)
	}
	d := num.Dec(nm - om)
	c.Delta = &d
	return c, true
}

// cellChange compares one stated cell. Values are compared as read, so a
// new spelling of the same amount ("2590643300" for "2.590.643.300") is no
// change; a cell that cannot be read is compared as written.
func cellChange(base Change, col *table.Column, o, n table.Cell) (Change, bool) {
	c := base
	c.Kind, c.Column = Changed, col.Name
	c.Old, c.New = o.Raw, n.Raw
	readable := !o.Unreadable() && !n.Unreadable()
	switch {
	case !readable:
		return c, o.Raw != n.Raw
	case col.Type == table.Money:
		return moneyChange(c, col.Name, o.Money(), o.Present(), n.Money(), n.Present())
	case col.Type == table.Target:
		if o.Present() == n.Present() && o.Target() == n.Target() {
			return c, false
		}
		if o.Present() && n.Present() && o.Target().Unit == n.Target().Unit {
			d := n.Target().Value - o.Target().Value
			c.Delta = &d
		}
		return c, true
	case col.Type == table.Number || col.Type == table.Percent:
		if o.Present() == n.Present() && o.Dec() == n.Dec() {
			return c, false
		}
		if o.Present() && n.Present() {
			d := n.Dec() - o.Dec()
			c.Delta = &d
		}
		return c, true
	case col.Type == table.Code:
		return c, false // the code is the key; a new spelling is no change
	}
	return c, o.Raw != n.Raw
}

// compareRows compares two versions of a table without hierarchy, row by
// the value of its first column (Tabel 2.3's no, Tabel 2.5's desa).
func compareRows(ot, nt *table.Table) []Change {
	cols := common(ot, nt)
	okeys, nkeys := rowKeys(ot), rowKeys(nt)
	oldAt := make(map[string]int, len(okeys))
	for i, k := range okeys {
		oldAt[k] = i
	}
	var out []Change
	seen := map[string]bool{}
	for i, r := range nt.Rows {
		k := nkeys[i]
		seen[k] = true
		base := Change{Table: nt.ID, Code: k, Name: rowName(nt, r)}
		j, ok := oldAt[k]
		if !ok {
			c := base
			c.Kind, c.New = Added, base.Name
			out = append(out, c)
			continue
		}
		for _, p := range cols {
			if c, ok := cellChange(base, p[1], ot.Rows[j].Cells[p[0].Index], r.Cells[p[1].Index]); ok {
				out = append(out, c)
			}
		}
	}
	for i, r := range ot.Rows {
		if !seen[okeys[i]] {
			out = append(out, Change{Table: ot.ID, Code: okeys[i], Kind: Removed, Name: rowName(ot, r), Old: rowName(ot, r)})
		}
	}
	return out
}

// rowKeys keys each row by its code, else its first column; a key that
// repeats gets "#2", "#3" after it.
func rowKeys(t *table.Table) []string {
	keys := make([]string, len(t.Rows))
	n := map[string]int{}
	for i, r := range t.Rows {
		k := ""
		switch {
		case r.CodeErr == nil && !r.Code.IsZero():
			k = r.Code.String()
		case t.Group != "" && len(r.Cells) > 1:
			// Tabel 2.5: the village, then the row's first other column.
			g := t.Col(t.Group).Index
			first := 0
			if g == 0 {
				first = 1
			}
			k = r.Cells[g].Raw + " › " + r.Cells[first].Raw
		case len(r.Cells) > 0:
			k = r.Cells[0].Raw
		}
		n[k]++
		if n[k] > 1 {
			k += "#" + itoa(n[k])
		}
		keys[i] = k
	}
	return keys
}

func itoa(n int) string { return num.FormatDec(num.DecOf(int64(n)), 0) }
