package model

import (
	"sort"

	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"
)

// Node is a code in a table's hierarchy. A plan of 100,000 sub kegiatan
// has 100,000 of them: a tree's nodes are allocated many at once, and what
// is rare (rows with the same code) is kept behind a pointer.
type Node struct {
	Code     kode.Code
	Row      *table.Row    // the first row with this code; nil for the root
	dups     *[]*table.Row // further rows with the same code
	Parent   *Node
	Children []*Node
	sums     []sum // a node with children (and the root): the computed amount of each money column, by Tree.slot
}

type sum struct {
	m  num.Money
	ok bool
}

// Level returns the node's level (kode.None for the root).
func (n *Node) Level() kode.Level { return n.Code.Level() }

// Dups returns the further rows with n's code (the first is Row).
func (n *Node) Dups() []*table.Row {
	if n.dups == nil {
		return nil
	}
	return *n.dups
}

// Rows returns the row and its duplicates.
func (n *Node) Rows() []*table.Row {
	if n.Row == nil {
		return nil
	}
	return append([]*table.Row{n.Row}, n.Dups()...)
}

// Tree is one table read by code: the hierarchy of program > kegiatan > sub
// kegiatan, with the amount of every money column computed for every node
// when the tree is built. A built tree is only read, so any number of
// goroutines may read it at once.
type Tree struct {
	Table  *table.Table
	Root   *Node        // virtual: the whole table; total rows claim its amounts
	Totals []*table.Row // rows with no code (JUMLAH)
	Nodes  []*Node      // in row order
	byCode map[kode.Code]*Node
	slot   []int // by column index: the column's place in a node's sums, -1 for a column that is not money
}

// Build reads a table into a tree and computes its sums, in time linear in
// the number of rows. Rows whose code cannot be read are left out (the
// checker reports them); a code whose parent is missing hangs under its
// nearest ancestor that is present.
func Build(t *table.Table) *Tree {
	tr := &Tree{Table: t, Root: &Node{}, byCode: make(map[kode.Code]*Node, len(t.Rows))}
	var slab []Node
	for i, r := range t.Rows {
		switch {
		case r.CodeErr != nil:
		case r.Code.IsZero():
			tr.Totals = append(tr.Totals, r)
		case tr.byCode[r.Code] != nil:
			n := tr.byCode[r.Code]
			if n.dups == nil {
				n.dups = new([]*table.Row)
			}
			*n.dups = append(*n.dups, r)
		default:
			if len(slab) == 0 {
				slab = make([]Node, min(4096, len(t.Rows)-i))
			}
			n := &slab[0]
			slab = slab[1:]
			*n = Node{Code: r.Code, Row: r}
			tr.byCode[r.Code] = n
			tr.Nodes = append(tr.Nodes, n)
		}
	}
	for _, n := range tr.Nodes {
		p := tr.Root
		for c := n.Code.Parent(); !c.IsZero(); c = c.Parent() {
			if a := tr.byCode[c]; a != nil {
				p = a
				break
			}
		}
		n.Parent = p
		p.Children = append(p.Children, n)
	}
	var money []int
	tr.slot = make([]int, len(t.Columns))
	for i, c := range t.Columns {
		tr.slot[i] = -1
		if c.Type == table.Money {
			tr.slot[i] = len(money)
			money = append(money, i)
		}
	}
	if len(money) > 0 {
		tr.sum(tr.Root, money)
	}
	return tr
}

// sum computes the money columns of n and everything below it, once each:
// a node with children adds up their computed amounts; a leaf states its
// own, which Sum reads from its row (a leaf holds no sums: most nodes are
// leaves, and a plan of 100,000 sub kegiatan is 100,000 of them).
func (tr *Tree) sum(n *Node, money []int) {
	if len(n.Children) == 0 {
		return
	}
	n.sums = make([]sum, len(money))
	for _, ch := range n.Children {
		tr.sum(ch, money)
		for i, col := range money {
			if m, ok := tr.Sum(ch, col); ok {
				n.sums[i].m += m
				n.sums[i].ok = true
			}
		}
	}
}

// Sum returns the computed amount of a money column for n: for a node with
// children, the sum of their computed amounts; for a leaf, what its row
// states. ok is false when nothing below states an amount.
func (tr *Tree) Sum(n *Node, col int) (num.Money, bool) {
	if n == nil || col < 0 || col >= len(tr.slot) || tr.slot[col] < 0 {
		return 0, false
	}
	if len(n.Children) == 0 {
		if n.Row == nil {
			return 0, false
		}
		return written(n.Row, col)
	}
	s := n.sums[tr.slot[col]]
	return s.m, s.ok
}

// Computed returns the computed amount of a row's money cell: the sum below
// a parent (or, for a total row, of the whole table), what a leaf states.
// It is what the checker compares a stated amount with, and what is printed
// where a parent's or total row's amount is left empty (see Amount).
func (tr *Tree) Computed(r *table.Row, col int) (num.Money, bool) {
	if r.Code.IsZero() && r.CodeErr == nil {
		return tr.Sum(tr.Root, col)
	}
	if r.CodeErr != nil {
		return written(r, col)
	}
	return tr.Sum(tr.byCode[r.Code], col)
}

// writes reports whether a cell writes an amount, readable or not (a blank
// cell, "-" and a mark to fill in write none).
func writes(c table.Cell) bool { return c.Present() || c.Unreadable() }

// written returns the amount a row's money cell writes; ok is false for a
// blank cell or one that cannot be read.
func written(r *table.Row, col int) (num.Money, bool) {
	c := r.Cells[col]
	return c.Money(), c.Present() && !c.Unreadable()
}

// Amount returns the amount to print for a row's money cell: what the row
// writes, whatever the sum below it (the checker reports a difference); the
// computed amount only where a parent or total row leaves it empty. computed
// tells which of the two it is. A cell that cannot be read is written too:
// ok is false, and the document prints its text.
func (tr *Tree) Amount(r *table.Row, col int) (m num.Money, ok, computed bool) {
	if writes(r.Cells[col]) {
		m, ok = written(r, col)
		return m, ok, false
	}
	m, ok = tr.Computed(r, col)
	return m, ok, ok
}

// SumBelow returns the computed amount of a money column over what lies
// below code c, c itself included: the node's sum when c has a row, else the
// sum of the leaf rows under c (a flat list of sub kegiatan has no program
// rows). Cells that cannot be read are left out, as in the printed tables'
// totals. found is false when no row is c or below it.
func (tr *Tree) SumBelow(c kode.Code, col int) (m num.Money, ok, found bool) {
	if n := tr.byCode[c]; n != nil {
		m, ok = tr.Sum(n, col)
		return m, ok, true
	}
	for _, r := range tr.LeafRows(c) {
		found = true
		if cell := r.Cells[col]; cell.Present() && !cell.Unreadable() {
			m += cell.Money()
			ok = true
		}
	}
	return m, ok, found
}

// LeafRows returns the rows that have no row below them, under code c (all
// of them for the zero code), in row order: every row of a flat list of sub
// kegiatan. Rows whose code cannot be read and total rows are left out.
func (tr *Tree) LeafRows(c kode.Code) []*table.Row {
	var out []*table.Row
	for _, r := range tr.Table.Rows {
		if r.CodeErr == nil && !r.Code.IsZero() && tr.Leaf(r.Code) && (c.IsZero() || c.Contains(r.Code)) {
			out = append(out, r)
		}
	}
	return out
}

// Leaf reports whether a row's code has nothing below it.
func (tr *Tree) Leaf(c kode.Code) bool {
	n := tr.byCode[c]
	return n != nil && len(n.Children) == 0
}

// Node returns the node of a canonical code, or nil.
func (tr *Tree) Node(c kode.Code) *Node { return tr.byCode[c] }

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

// Count returns how many different codes of level l the rows' codes and
// their parents hold: a flat list of sub kegiatan counts its programs.
func (tr *Tree) Count(l kode.Level) int {
	seen := map[kode.Code]bool{}
	for _, n := range tr.Nodes {
		for c := n.Code; !c.IsZero() && c.Level() >= l; c = c.Parent() {
			if c.Level() == l {
				seen[c] = true
				break
			}
		}
	}
	return len(seen)
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
