// Package model is the typed plan and owns every calculation on it: the
// project's settings, parts and tables, every table with codes read into a
// tree of program > kegiatan > sub kegiatan whose sums are computed once,
// in linear time, when the project is loaded; derived columns (a typed
// formula with one Eval); means, counts and totals; indicator columns;
// the criterion of a score; the figures of section 2.1's evaluation; and
// each cell as the document shows it. A parent's amount is computed from its
// children and kept apart from the amount its row states: the stated amount
// is what is printed, and the checker compares it with the computed one; a
// parent whose row leaves the amount empty prints the computed one. The
// checker judges, render and opendata only format what the model gives.
package model

import (
	"context"

	"renja/internal/config"
	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// Project is everything a build reads.
type Project struct {
	Dir    string
	Config *config.Config
	Parts  []*content.Part
	Tables []*table.Table
	Trees  map[string]*Tree // hierarchical tables, by table id
	coded  map[string]*Tree // every table with a code column, by table id
	// Codes is how sub kegiatan codes are printed: renja.toml's
	// codes.sub_kegiatan_digits, else as most of data/ writes them.
	Codes kode.Style
	// Previous and Renstra are the documents renja.toml's [previous] and
	// [renstra] name (nil when it names none), for the carry rule.
	Previous, Renstra *Document
}

// codeStyle is the project's style of sub kegiatan codes.
func codeStyle(cfg *config.Config, tables []*table.Table) kode.Style {
	if d := cfg.Codes.SubKegiatanDigits; d != 0 {
		return kode.Style(d)
	}
	n := 0
	for _, t := range tables {
		n += len(t.Rows)
	}
	spellings := make([]string, 0, n)
	for _, t := range tables {
		if i := t.CodeCol(); i >= 0 {
			for _, r := range t.Rows {
				spellings = append(spellings, r.Cells[i].Raw)
			}
		}
	}
	return kode.StyleOf(spellings)
}

// Code is a code as the project prints it.
func (p *Project) Code(c kode.Code) string { return p.Codes.Format(c) }

// Load reads a project folder: renja.toml, then content/ and data/, then
// builds the trees. Files that cannot be read stop it with a diag.List.
func Load(dir string) (*Project, error) {
	return LoadContext(context.Background(), dir)
}

// LoadContext is Load that stops, with ctx's cause as its error, when ctx
// ends.
func LoadContext(ctx context.Context, dir string) (*Project, error) {
	p, unread, err := load(ctx, dir, true)
	if err == nil && unread != nil {
		return nil, unread
	}
	return p, err
}

// LoadPartial is LoadContext that keeps going past tables that cannot be
// read (a missing column, a ragged row): it returns the project of the
// tables that could be read and, as unread, the errors of the others, so
// that `renja check` reports every other table's findings beside them.
// Settings or content that cannot be read still stop it (err).
func LoadPartial(ctx context.Context, dir string) (p *Project, unread, err error) {
	return load(ctx, dir, true)
}

// load reads a project: a Renja with its parts and the documents it is
// checked against (renja), or another document (last year's Renja, a
// Renstra), of which the carry rule compares only the settings and tables.
func load(ctx context.Context, dir string, renja bool) (*Project, error, error) {
	if ctx.Err() != nil {
		return nil, nil, context.Cause(ctx)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		return nil, nil, err
	}
	if ctx.Err() != nil {
		return nil, nil, context.Cause(ctx)
	}
	var parts []*content.Part
	var perr error
	if renja {
		parts, perr = content.LoadDir(dir, cfg.Parts)
	}
	if ctx.Err() != nil {
		return nil, nil, context.Cause(ctx)
	}
	tables, terr := table.LoadDir(dir)
	if _, ok := diag.ListOf(terr); terr != nil && (!ok || len(tables) == 0) {
		return nil, nil, terr
	}
	if perr != nil {
		return nil, nil, diag.Join(perr, terr)
	}
	if ctx.Err() != nil {
		return nil, nil, context.Cause(ctx)
	}
	p := New(cfg, parts, tables)
	p.Dir = dir
	if id := cfg.Plan.Table; id != "" && p.Trees[id] == nil && !unreadTable(terr, id) {
		return nil, nil, diag.Join(terr, &diag.Error{File: config.FileName, Msg: msg.Sprintf("plan.table %q is not a hierarchical table in data/", id),
			Hint: msg.Sprintf("name a table whose schema says hierarchy = true, e.g. t31")})
	}
	if renja {
		p.loadChain(ctx)
	}
	return p, terr, nil
}

// unreadTable reports whether table id is among the tables that could not
// be read (its plan.table error would only repeat theirs).
func unreadTable(unread error, id string) bool {
	l, _ := diag.ListOf(unread)
	for _, e := range l {
		if e.File == "data/"+id+".csv" || e.File == "data/"+id+".toml" {
			return true
		}
	}
	return false
}

// New makes a project of what was read, and computes its trees.
func New(cfg *config.Config, parts []*content.Part, tables []*table.Table) *Project {
	p := &Project{Config: cfg, Parts: parts, Tables: tables, Trees: map[string]*Tree{}, coded: map[string]*Tree{}}
	if cfg == nil { // tables alone, as tests build them
		cfg = &config.Config{}
	} else {
		// Years relative to plan.year and the office's names, resolved once.
		for _, part := range parts {
			part.Title = cfg.Expand(part.Title)
		}
		for _, t := range tables {
			t.Resolve(cfg.Expand, cfg.ExpandMeasure)
		}
	}
	p.Codes = codeStyle(cfg, tables)
	for _, t := range tables {
		if t.CodeCol() < 0 {
			continue
		}
		tr := Build(t)
		p.coded[t.ID] = tr
		if t.Hierarchy {
			p.Trees[t.ID] = tr
		}
	}
	return p
}

// Coded returns the tree of any table with a code column (hierarchical or a
// flat list of codes), or nil.
func (p *Project) Coded(t *table.Table) *Tree {
	if tr := p.coded[t.ID]; tr != nil && tr.Table == t {
		return tr
	}
	return nil
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

// Value is a cell as the document shows it, the same on the website, in the
// PDF and in the open-data files: the canonical code, an amount as written
// (the computed one only for a parent or a total row that leaves it empty),
// numbers in Indonesian format. A cell that cannot be read, and "-" for
// nothing planned, stay as written, as text.
type Value struct {
	Text    string
	Numeric bool      // Money (money columns) or Dec (number, percent) holds the value
	Money   num.Money // money
	Dec     num.Dec   // number and percent, as read (the text of a percent has two decimals)
	percent bool
}

// Shown is the number as its text shows it: a percentage rounded to two
// decimals, other numbers as read.
func (v Value) Shown() num.Dec {
	if v.percent {
		return num.Round(v.Dec, 2)
	}
	return v.Dec
}

// CellValue returns the value of row r in column c; tree is the table's
// tree, nil for a table without hierarchy.
func CellValue(tree *Tree, r *table.Row, c *table.Column) Value {
	cell := r.Cells[c.Index]
	v := Value{Text: cell.Raw}
	if cell.Unreadable() {
		return v
	}
	switch c.Type {
	case table.Code:
		if r.CodeErr == nil && !r.Code.IsZero() {
			v.Text = r.Code.String()
		}
	case table.Money:
		m, ok := cell.Money(), cell.Present()
		if tree != nil {
			m, ok, _ = tree.Amount(r, c.Index)
		}
		if ok {
			v = Value{Text: num.FormatMoney(m), Numeric: true, Money: m}
		}
	case table.Number:
		if cell.Present() {
			v = Value{Text: num.FormatDec(cell.Dec(), -1), Numeric: true, Dec: cell.Dec()}
		}
	case table.Percent:
		if cell.Present() {
			v = Value{Text: num.FormatDec(cell.Dec(), 2), Numeric: true, Dec: cell.Dec(), percent: true}
		}
	case table.Target:
		if cell.Present() {
			v.Text = cell.Target().String()
		}
	}
	return v
}
