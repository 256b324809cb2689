// Package model is the typed plan: the project's settings, parts and tables,
// with every hierarchical table read into a tree of program > kegiatan > sub
// kegiatan by canonical code. A parent's amount is computed from its
// children; an amount a row states for a parent is kept as a claim that the
// checker compares with the computed one.
package model

import (
	"fmt"
	"sort"

	"renja/internal/config"
	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"
)

// Project is everything a build reads.
type Project struct {
	Dir    string
	Config *config.Config
	Parts  []*content.Part
	Tables []*table.Table
	Trees  map[string]*Tree // hierarchical tables, by table id
}

// Load reads a project folder: renja.toml, then content/ and data/, then
// builds the trees. Files that cannot be read stop it with a diag.List.
func Load(dir string) (*Project, error) {
	cfg, err := config.Load(dir)
	if err != nil {
		return nil, err
	}
	parts, perr := content.LoadDir(dir, cfg.Parts)
	tables, terr := table.LoadDir(dir)
	if err := diag.Join(perr, terr); err != nil {
		return nil, err
	}
	p := &Project{Dir: dir, Config: cfg, Parts: parts, Tables: tables, Trees: map[string]*Tree{}}
	for _, t := range tables {
		if t.Hierarchy {
			p.Trees[t.ID] = Build(t)
		}
	}
	if id := cfg.Plan.Table; id != "" && p.Trees[id] == nil {
		return nil, &diag.Error{File: config.FileName, Msg: fmt.Sprintf("plan.table %q is not a hierarchical table in data/", id),
			Hint: "name a table whose schema says hierarchy = true, e.g. t31"}
	}
	return p, nil
}

// Table returns the table with the given id, or nil.
func (p *Project) Table(id string) *table.Table {
	for _, t := range p.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Plan returns the tree of the table named by plan.table, or nil.
func (p *Project) Plan() *Tree { return p.Trees[p.Config.Plan.Table] }

// Node is a code in a table's hierarchy.
type Node struct {
	Code     kode.Code
	Row      *table.Row   // the first row with this code; nil for the root
	Dups     []*table.Row // further rows with the same code
	Parent   *Node
	Children []*Node
}

// Level returns the node's level (kode.None for the root).
func (n *Node) Level() kode.Level { return n.Code.Level() }

// Rows returns the row and its duplicates.
func (n *Node) Rows() []*table.Row {
	if n.Row == nil {
		return nil
	}
	return append([]*table.Row{n.Row}, n.Dups...)
}

// Tree is one hierarchical table read by code.
type Tree struct {
	Table  *table.Table
	Root   *Node        // virtual: the whole table; total rows claim its amounts
	Totals []*table.Row // rows with no code (JUMLAH)
	Nodes  []*Node      // in row order
	byCode map[string]*Node
	sums   map[sumKey]sum
}

type sumKey struct {
	n   *Node
	col int
}

type sum struct {
	m  num.Money
	ok bool
}

// Build reads a table into a tree. Rows whose code cannot be read are left
// out (the checker reports them); a code whose parent is missing hangs under
// its nearest ancestor that is present.
func Build(t *table.Table) *Tree {
	tr := &Tree{Table: t, Root: &Node{}, byCode: map[string]*Node{}, sums: map[sumKey]sum{}}
	for _, r := range t.Rows {
		switch {
		case r.CodeErr != nil:
		case r.Code.IsZero():
			tr.Totals = append(tr.Totals, r)
		case tr.byCode[r.Code.String()] != nil:
			n := tr.byCode[r.Code.String()]
			n.Dups = append(n.Dups, r)
		default:
			n := &Node{Code: r.Code, Row: r}
			tr.byCode[r.Code.String()] = n
			tr.Nodes = append(tr.Nodes, n)
		}
	}
	for _, n := range tr.Nodes {
		p := tr.Root
		for c := n.Code.Parent(); !c.IsZero(); c = c.Parent() {
			if a := tr.byCode[c.String()]; a != nil {
				p = a
				break
			}
		}
		n.Parent = p
		p.Children = append(p.Children, n)
	}
	return tr
}

// Node returns the node of a canonical code, or nil.
func (tr *Tree) Node(c kode.Code) *Node { return tr.byCode[c.String()] }

// At returns the nodes of the given level, in row order.
func (tr *Tree) At(l kode.Level) []*Node {
	var out []*Node
	for _, n := range tr.Nodes {
		if n.Level() == l {
			out = append(out, n)
		}
	}
	return out
}

// Programs, Kegiatan and SubKegiatan list the nodes of each level.
func (tr *Tree) Programs() []*Node    { return tr.At(kode.Program) }
func (tr *Tree) Kegiatan() []*Node    { return tr.At(kode.Kegiatan) }
func (tr *Tree) SubKegiatan() []*Node { return tr.At(kode.SubKegiatan) }

// Sum returns the computed amount of a money column for n: for a node with
// children, the sum of their computed amounts; for a leaf, what its row
// states. ok is false when nothing below states an amount.
func (tr *Tree) Sum(n *Node, col int) (num.Money, bool) {
	k := sumKey{n, col}
	if s, hit := tr.sums[k]; hit {
		return s.m, s.ok
	}
	var s sum
	if len(n.Children) == 0 {
		if n.Row != nil {
			c := n.Row.Cells[col]
			s = sum{c.Money, c.Present && c.Err == nil}
		}
	} else {
		for _, ch := range n.Children {
			if m, ok := tr.Sum(ch, col); ok {
				s.m += m
				s.ok = true
			}
		}
	}
	tr.sums[k] = s
	return s.m, s.ok
}

// Computed returns the amount to print for a row's money cell: the computed
// sum for a parent or a total row, the stated amount for a leaf.
func (tr *Tree) Computed(r *table.Row, col int) (num.Money, bool) {
	if r.Code.IsZero() && r.CodeErr == nil {
		return tr.Sum(tr.Root, col)
	}
	if r.CodeErr != nil {
		c := r.Cells[col]
		return c.Money, c.Present && c.Err == nil
	}
	return tr.Sum(tr.byCode[r.Code.String()], col)
}

// Codes returns the canonical codes of the tree's nodes at a level, sorted.
func (tr *Tree) Codes(l kode.Level) []string {
	var out []string
	for _, n := range tr.At(l) {
		out = append(out, n.Code.String())
	}
	sort.Strings(out)
	return out
}

// Value is a cell as the document shows it, the same on the website, in the
// PDF and in the open-data files: the canonical code, the computed amount of
// a parent or a total row, numbers in Indonesian format. A cell that cannot
// be read, and "-" for nothing planned, stay as written, as text.
type Value struct {
	Text    string
	Numeric bool      // Money (money columns) or Dec (number, percent) holds the value
	Money   num.Money // money
	Dec     num.Dec   // number and percent, as read (the text of a percent has two decimals)
}

// CellValue returns the value of row r in column c; tree is the table's
// tree, nil for a table without hierarchy.
func CellValue(tree *Tree, r *table.Row, c *table.Column) Value {
	cell := r.Cells[c.Index]
	v := Value{Text: cell.Raw}
	if cell.Err != nil {
		return v
	}
	switch c.Type {
	case table.Code:
		if r.CodeErr == nil && !r.Code.IsZero() {
			v.Text = r.Code.String()
		}
	case table.Money:
		m, ok := cell.Money, cell.Present
		if tree != nil {
			m, ok = tree.Computed(r, c.Index)
		}
		if ok {
			v = Value{Text: num.FormatMoney(m), Numeric: true, Money: m}
		}
	case table.Number:
		if cell.Present {
			v = Value{Text: num.FormatDec(cell.Dec, -1), Numeric: true, Dec: cell.Dec}
		}
	case table.Percent:
		if cell.Present {
			v = Value{Text: num.FormatDec(cell.Dec, 2), Numeric: true, Dec: cell.Dec}
		}
	case table.Target:
		if cell.Present {
			v.Text = cell.Target.String()
		}
	}
	return v
}
