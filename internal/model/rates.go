package model

import (
	"fmt"
	"sort"

	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"
)

// ProgramRate is a program's realisation rates of one year, in percent.
type ProgramRate struct {
	Code     kode.Code
	Table    *table.Table // where the program's performance row is; nil when none is
	Row      *table.Row
	Kinerja  Figure // the percentage the program's row states in a ratio(realisasi:Y, target:Y) column
	Anggaran Figure // Σ realisasi-anggaran:Y ÷ Σ pagu:Y over the program's sub kegiatan
}

// RateSources say where the rates come from: the performance column and the
// table of the budget's figures (nil when there is none).
type RateSources struct {
	Kinerja    *table.Table
	KinerjaCol *table.Column
	Anggaran   *table.Table
}

// RealisationRates computes every program's rates of year, in code order:
// performance from the first table with program rows and a percent column
// ratio(realisasi:YEAR, target:YEAR) (T-C.29's column 8), budget from the
// first table with pagu:YEAR and realisasi-anggaran:YEAR money columns,
// summed over each program's sub kegiatan (the 2.1 figures); a sub kegiatan
// whose amount cannot be read is left out of both sums.
func (p *Project) RealisationRates(year int) ([]*ProgramRate, RateSources) {
	var src RateSources
	byCode := map[kode.Code]*ProgramRate{}
	var order []kode.Code
	get := func(c kode.Code) *ProgramRate {
		if byCode[c] == nil {
			byCode[c] = &ProgramRate{Code: c, Kinerja: percent(0, false), Anggaran: percent(0, false)}
			order = append(order, c)
		}
		return byCode[c]
	}
	for _, t := range p.Tables {
		pc := ratioCol(t, fmt.Sprintf("realisasi:%d", year), fmt.Sprintf("target:%d", year))
		if pc == nil || t.CodeCol() < 0 {
			continue
		}
		found := false
		for _, row := range t.Rows {
			if row.CodeErr != nil || row.Code.Level() != kode.Program {
				continue
			}
			found = true
			rt := get(row.Code)
			if rt.Row == nil {
				rt.Table, rt.Row = t, row
			}
			if cell := row.Cells[pc.Index]; !cell.Unreadable() && cell.Present() {
				rt.Kinerja = percent(cell.Dec(), true)
			}
		}
		if found {
			src.Kinerja, src.KinerjaCol = t, pc
			break
		}
	}
	type budget struct{ plan, real num.Money }
	sums := map[kode.Code]*budget{}
	for _, t := range p.Tables {
		pg := MeasureCol(t, fmt.Sprintf("pagu:%d", year), table.Money)
		re := MeasureCol(t, fmt.Sprintf("realisasi-anggaran:%d", year), table.Money)
		if pg == nil || re == nil || t.CodeCol() < 0 {
			continue
		}
		for _, row := range t.Rows {
			if row.CodeErr != nil || row.Code.Level() != kode.SubKegiatan {
				continue
			}
			a, b := row.Cells[pg.Index], row.Cells[re.Index]
			if a.Unreadable() || b.Unreadable() || !a.Present() || !b.Present() {
				continue
			}
			prog := row.Code
			for !prog.IsZero() && prog.Level() != kode.Program {
				prog = prog.Parent()
			}
			if prog.IsZero() {
				continue
			}
			get(prog)
			if sums[prog] == nil {
				sums[prog] = &budget{}
			}
			sums[prog].plan += a.Money()
			sums[prog].real += b.Money()
		}
		src.Anggaran = t
		break
	}
	for c, s := range sums {
		byCode[c].Anggaran = percent(num.MoneyRatio(s.real, s.plan))
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].String() < order[j].String() })
	out := make([]*ProgramRate, len(order))
	for i, c := range order {
		out[i] = byCode[c]
	}
	return out, src
}

// MeasureCol returns the column of that type with the measure, or nil.
func MeasureCol(t *table.Table, measure string, typ table.Type) *table.Column {
	for i := range t.Columns {
		if c := &t.Columns[i]; c.Measure == measure && c.Type == typ {
			return c
		}
	}
	return nil
}

// ratioCol returns a percent column whose formula divides the column
// measuring num by the one measuring den, or nil.
func ratioCol(t *table.Table, num, den string) *table.Column {
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Type != table.Percent || c.Expr == nil || c.Expr.Op != table.Ratio || len(c.Expr.Args) != 2 {
			continue
		}
		if t.Columns[c.Expr.Args[0]].Measure == num && t.Columns[c.Expr.Args[1]].Measure == den {
			return c
		}
	}
	return nil
}
