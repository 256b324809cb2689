package table

import (
	"errors"
	"strings"

	"renja/internal/diag"
	"renja/internal/msg"
	"renja/internal/num"
)

// Cell is one value of a table. A table of 100,000 rows holds a million
// cells or more, so a cell is 32 bytes: its text (a substring of the table's
// text), one value (Money for a money column, Dec for the others), its place
// as a byte offset into the table's text (Table.Pos turns it into a line and
// a column), and flags. What is rare is kept beside the cells, in the table:
// why a value cannot be read (Table.Err).
type Cell struct {
	Raw   string
	v     int64  // the value: a num.Money in a money column, else a num.Dec (number, percent, a target's value)
	off   uint32 // where the cell starts: a byte offset into the table's text
	unit  uint8  // a target's unit: the last unit bytes of Raw (longUnit: longer, read again)
	flags uint8
}

const (
	present  = 1 << iota // the cell holds a value
	todo                 // a cell to fill: [isi], [isi realisasi] (renja check lists it)
	bad                  // the value cannot be read as the column's type (Table.Err says why)
	money                // v is a num.Money
	longUnit             // a target's unit longer than 255 bytes
)

// Money returns a money cell's amount (0 for a cell of another type).
func (c *Cell) Money() num.Money {
	if c.flags&money == 0 {
		return 0
	}
	return num.Money(c.v)
}

// Dec returns a number's, percent's or target's value (0 for a money cell).
func (c *Cell) Dec() num.Dec {
	if c.flags&money != 0 {
		return 0
	}
	return num.Dec(c.v)
}

// Present reports whether the cell holds a value (not blank, not a dash).
func (c *Cell) Present() bool { return c.flags&present != 0 }

// Todo reports whether the cell is a mark to fill in: [isi], [isi realisasi].
func (c *Cell) Todo() bool { return c.flags&todo != 0 }

// Unreadable reports whether the cell's text cannot be read as its column's
// type; Table.Err says why.
func (c *Cell) Unreadable() bool { return c.flags&bad != 0 }

// Target returns a target cell's value with its unit ("12 Dok", "100%").
func (c *Cell) Target() num.Target {
	if c.flags&longUnit != 0 {
		t, _, _ := num.ParseTarget(c.Raw)
		return num.Target{Value: num.Dec(c.v), Unit: t.Unit}
	}
	return num.Target{Value: num.Dec(c.v), Unit: c.Raw[len(c.Raw)-int(c.unit):]}
}

// Err returns why cell c of t cannot be read as its column's type, or nil.
func (t *Table) Err(c *Cell) *num.Error {
	if !c.Unreadable() {
		return nil
	}
	return t.errs[c.off]
}

// Pos returns where cell c of t starts in its file: the line, and the column
// in characters.
func (t *Table) Pos(c *Cell) diag.Position {
	return t.text.At(int(c.off))
}

// parseCell reads a cell's text raw, which starts at byte off of the table's
// text, as a value of typ. The cell's Raw is raw trimmed (and without the
// apostrophe FormulaSafe adds); a value that cannot be read is returned as
// its error, for the table to keep beside the cell.
func parseCell(typ Type, raw string, off uint32) (Cell, *num.Error) {
	c := Cell{Raw: unFormula(strings.TrimSpace(raw)), off: off}
	if IsPlaceholder(c.Raw) {
		c.flags = todo
		return c, nil
	}
	var (
		err error
		ok  bool
	)
	switch typ {
	case Money:
		var m num.Money
		m, ok, err = num.ParseMoney(raw)
		c.v, c.flags = int64(m), money
	case Number:
		var d num.Dec
		d, ok, err = num.ParseDec(raw)
		c.v = int64(d)
	case Percent:
		var d num.Dec
		d, ok, err = num.ParsePercent(raw)
		c.v = int64(d)
	case Target:
		var t num.Target
		t, ok, err = num.ParseTarget(raw)
		// The unit is the end of the trimmed text: "12 Dok", "100 %".
		switch {
		case err == nil && strings.HasSuffix(c.Raw, t.Unit) && len(t.Unit) <= 255:
			c.v, c.unit = int64(t.Value), uint8(len(t.Unit))
		case err == nil && strings.HasSuffix(c.Raw, t.Unit):
			c.v, c.flags = int64(t.Value), longUnit
		case err == nil:
			err = msg.Errorf("unit %q is not at the end of %q", t.Unit, c.Raw) // cannot happen
		}
	default:
		ok = c.Raw != ""
	}
	if ok {
		c.flags |= present
	}
	if err == nil {
		return c, nil
	}
	c.flags |= bad
	var ne *num.Error
	if !errors.As(err, &ne) {
		ne = &num.Error{Found: raw} // cannot happen: num returns *num.Error
	}
	return c, ne
}
