package model

import (
	"renja/internal/num"
	"renja/internal/table"
)

// eval computes a formula from the values of its arguments: ratio(a, b) is
// a ÷ b × 100 rounded to four decimals (ok is false for b = 0), sum(a, b, …)
// their sum. It is the one place where a derived column is computed.
func eval(f *table.Formula, args []num.Dec) (num.Dec, bool) {
	if f == nil || len(args) != len(f.Args) {
		return 0, false
	}
	switch f.Op {
	case table.Ratio:
		if len(args) != 2 {
			return 0, false
		}
		return num.Ratio(args[0], args[1])
	case table.Sum:
		var s num.Dec
		for _, a := range args {
			s += a
		}
		return s, true
	}
	return 0, false
}

// Stated returns the quantity a cell states as a Dec (money in whole Rupiah
// × num.Scale): the one conversion of a cell to a number. ok is false for a
// blank cell, a cell that cannot be read, and text.
func Stated(col *table.Column, cell table.Cell) (num.Dec, bool) {
	if !cell.Present() || cell.Unreadable() {
		return 0, false
	}
	switch col.Type {
	case table.Money:
		return num.Dec(cell.Money()) * num.Scale, true
	case table.Number, table.Percent, table.Target:
		return cell.Dec(), true
	}
	return 0, false
}

// Expected returns what a derived column should state in a row: its
// formula over the figures the row states in the formula's columns. The
// checker compares it with the stated figure. ok is false when the column
// has no formula or an argument cannot be read.
func Expected(t *table.Table, row *table.Row, col *table.Column) (num.Dec, bool) {
	if col.Expr == nil {
		return 0, false
	}
	args := make([]num.Dec, len(col.Expr.Args))
	for i, a := range col.Expr.Args {
		v, ok := Stated(&t.Columns[a], row.Cells[a])
		if !ok {
			return 0, false
		}
		args[i] = v
	}
	return eval(col.Expr, args)
}

// RowValue returns a row's value in a column: for a derived column, its
// formula computed from the row (never the figure the row states), its
// arguments computed the same way; else the figure the row states. ok is
// false when it cannot be computed or read.
func RowValue(t *table.Table, row *table.Row, col *table.Column) (num.Dec, bool) {
	if col.Expr == nil {
		return Stated(col, row.Cells[col.Index])
	}
	args := make([]num.Dec, len(col.Expr.Args))
	for i, a := range col.Expr.Args {
		v, ok := RowValue(t, row, &t.Columns[a])
		if !ok {
			return 0, false
		}
		args[i] = v
	}
	return eval(col.Expr, args)
}

// Mean returns the arithmetic mean of ds, rounded half away from zero to
// four decimals; ok is false for no values.
func Mean(ds []num.Dec) (num.Dec, bool) {
	if len(ds) == 0 {
		return 0, false
	}
	var s int64
	for _, d := range ds {
		s += int64(d)
	}
	n := int64(len(ds))
	if s < 0 {
		return -num.Dec((-2*s + n) / (2 * n)), true
	}
	return num.Dec((2*s + n) / (2 * n)), true
}
