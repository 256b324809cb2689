package model

import (
	"fmt"
	"strings"

	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// Evaluation is section 2.1's evaluation of the past year: every sub
// kegiatan of a table of figures with its indicator's target and
// realisation and its budget and realisation, grouped by kegiatan and
// program in the order of the figures' rows and numbered 1, 1.1, 1.1.1.
// Templates word it (templates/evaluasi.md); the figures are computed here.
type Evaluation struct {
	Figures, Names *table.Table
	Programs       []*EvalGroup
}

// EvalGroup is a program or a kegiatan with what its sub kegiatan add up to.
type EvalGroup struct {
	Level    string // "program" or "kegiatan"
	Code     kode.Code
	Number   string // "1", "1.2"
	Name     string // from the names table; "" when it has no row for the code
	Source   string // the names table's file, data/tc29.csv
	Kegiatan []*EvalGroup
	Subs     []*EvalSub // a kegiatan's own; a program's, all of its kegiatan's

	// Capaian is the mean of the sub kegiatan's capaian kinerja that can be
	// computed (OK false when none can).
	Capaian Figure
	// Pagu and Realisasi add up the budgets of the sub kegiatan whose budget
	// and realisation can both be read; CapaianAnggaran is Realisasi ÷ Pagu.
	Pagu, Realisasi, CapaianAnggaran Figure
	// Left numbers the sub kegiatan left out of the budget's sums because a
	// figure of theirs cannot be read.
	Left []string
}

// EvalSub is a sub kegiatan's figures: as stated, and the two ratios
// computed from them (never read from the figure the row states).
type EvalSub struct {
	Number, Name, Indicator  string
	Target, Realisasi        Figure // of the indicator
	Pagu, RealisasiAnggaran  Figure
	Capaian, CapaianAnggaran Figure // realisation ÷ target, realisation ÷ pagu, in percent
}

// evalColumns are the columns of a figures table that an evaluation reads.
type evalColumns struct {
	Name, Indicator          *table.Column
	Target, Realisasi        *table.Column // the indicator's
	Pagu, RealisasiAnggaran  *table.Column
	Capaian, CapaianAnggaran *table.Column // ratio(Realisasi, Target), ratio(RealisasiAnggaran, Pagu)
}

// findEvalColumns finds them: the name (uraian), the indicator, and two
// ratio columns, one of money columns (the budget's) and one of the others
// (the indicator's).
func findEvalColumns(t *table.Table) (*evalColumns, error) {
	ec := &evalColumns{Name: t.Col("uraian"), Indicator: IndicatorCol(t)}
	if ec.Name == nil && t.NameCol() >= 0 {
		ec.Name = &t.Columns[t.NameCol()]
	}
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Expr == nil || c.Expr.Op != table.Ratio || len(c.Expr.Args) != 2 {
			continue
		}
		a, b := &t.Columns[c.Expr.Args[0]], &t.Columns[c.Expr.Args[1]]
		if a.Type == table.Money && b.Type == table.Money {
			ec.RealisasiAnggaran, ec.Pagu, ec.CapaianAnggaran = a, b, c
		} else {
			ec.Realisasi, ec.Target, ec.Capaian = a, b, c
		}
	}
	if t.CodeCol() < 0 || ec.Name == nil || ec.Indicator == nil || ec.Capaian == nil || ec.CapaianAnggaran == nil {
		var names []string
		for _, c := range t.Columns {
			names = append(names, c.Name)
		}
		return nil, msg.Errorf("%s needs a code column, uraian, indikator, a column ratio(realisasi, target) of the indicator and a column ratio(realisasi, pagu) of money columns (it has %s)",
			t.File, strings.Join(names, ", "))
	}
	return ec, nil
}

// Evaluate computes the evaluation of the sub kegiatan in figures, named by
// the table names (T-C.29, which names programs and kegiatan).
func (p *Project) Evaluate(figures, names *table.Table) (*Evaluation, error) {
	ec, err := findEvalColumns(figures)
	if err != nil {
		return nil, err
	}
	if names.CodeCol() < 0 || names.NameCol() < 0 {
		return nil, msg.Errorf("%s names no codes: it needs a code column and a name column", names.File)
	}
	nameTree := p.Coded(names)
	nameOf := func(c kode.Code) string {
		if n := nameTree.Node(c); n != nil {
			return strings.TrimSpace(names.Name(n.Row))
		}
		return ""
	}
	ev := &Evaluation{Figures: figures, Names: names}
	byCode := map[kode.Code]*EvalGroup{}
	group := func(c kode.Code, parent *EvalGroup) *EvalGroup {
		g := byCode[c]
		if g == nil {
			g = &EvalGroup{Level: c.Level().String(), Code: c, Name: nameOf(c), Source: names.Path}
			byCode[c] = g
			if parent == nil {
				ev.Programs = append(ev.Programs, g)
			} else {
				parent.Kegiatan = append(parent.Kegiatan, g)
			}
		}
		return g
	}
	for _, row := range figures.Rows {
		switch {
		case row.CodeErr != nil || row.Code.IsZero():
			continue // the codes rule reports a code that cannot be read
		case row.Code.Level() != kode.SubKegiatan:
			return nil, msg.Errorf("%s:%d: %s is a %s; %s lists sub kegiatan", figures.Path, row.Line, row.Code, row.Code.Level(), figures.Path)
		}
		keg := row.Code.Parent()
		k := group(keg, group(keg.Parent(), nil))
		k.Subs = append(k.Subs, evalSub(figures, ec, row))
	}
	for i, pg := range ev.Programs {
		pg.Number = fmt.Sprint(i + 1)
		for j, k := range pg.Kegiatan {
			k.Number = fmt.Sprintf("%s.%d", pg.Number, j+1)
			for l, s := range k.Subs {
				s.Number = fmt.Sprintf("%s.%d", k.Number, l+1)
			}
			pg.Subs = append(pg.Subs, k.Subs...)
		}
	}
	for _, pg := range ev.Programs {
		pg.aggregate()
		for _, k := range pg.Kegiatan {
			k.aggregate()
		}
	}
	return ev, nil
}

func evalSub(t *table.Table, ec *evalColumns, row *table.Row) *EvalSub {
	s := &EvalSub{
		Name:              strings.Join(strings.Fields(row.Cells[ec.Name.Index].Raw), " "),
		Indicator:         strings.Join(strings.Fields(row.Cells[ec.Indicator.Index].Raw), " "),
		Target:            CellFigure(ec.Target, row.Cells[ec.Target.Index]),
		Realisasi:         CellFigure(ec.Realisasi, row.Cells[ec.Realisasi.Index]),
		Pagu:              CellFigure(ec.Pagu, row.Cells[ec.Pagu.Index]),
		RealisasiAnggaran: CellFigure(ec.RealisasiAnggaran, row.Cells[ec.RealisasiAnggaran.Index]),
	}
	s.Capaian = percent(RowValue(t, row, ec.Capaian))
	s.CapaianAnggaran = percent(RowValue(t, row, ec.CapaianAnggaran))
	return s
}

func percent(d num.Dec, ok bool) Figure {
	if !ok {
		return Figure{Kind: table.Percent, Raw: "-"}
	}
	return Figure{Kind: table.Percent, Dec: d, OK: true}
}

// aggregate computes a group's figures from its sub kegiatan.
func (g *EvalGroup) aggregate() {
	var caps []num.Dec
	for _, s := range g.Subs {
		if s.Capaian.OK {
			caps = append(caps, s.Capaian.Dec)
		}
	}
	g.Capaian = percent(Mean(caps))
	var pagu, real num.Money
	n := 0
	for _, s := range g.Subs {
		if !s.Pagu.OK || !s.RealisasiAnggaran.OK {
			if !num.IsBlank(s.Pagu.Raw) || !num.IsBlank(s.RealisasiAnggaran.Raw) {
				g.Left = append(g.Left, s.Number)
			}
			continue
		}
		pagu += s.Pagu.Money
		real += s.RealisasiAnggaran.Money
		n++
	}
	g.Pagu, g.Realisasi = moneyFigure(pagu, n > 0), moneyFigure(real, n > 0)
	g.CapaianAnggaran = percent(num.MoneyRatio(real, pagu))
	if n == 0 {
		g.CapaianAnggaran = percent(0, false)
	}
}
