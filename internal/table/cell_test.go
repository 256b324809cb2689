package table

import (
	"strings"
	"testing"
	"unsafe"
)

// TestCellSize: a table of 100,000 rows holds a million cells or more; a
// cell must stay 32 bytes (it was 56).
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n > 32 {
		t.Errorf("a cell is %d bytes, want at most 32", n)
	}
}

// TestTargetUnit: a target's unit of up to 255 bytes is kept in the cell as
// a length (no second parse); a longer one is read again from Raw. Either
// way Target gives the unit as written, and a number or a mark has none.
func TestTargetUnit(t *testing.T) {
	for _, c := range []struct {
		raw, unit string
		long      bool
	}{
		{"17 Org/ Bln", "Org/ Bln", false},
		{"100%", "%", false},
		{"12", "", false},
		{"3 " + strings.Repeat("u", 254), strings.Repeat("u", 254), false},
		{"3 " + strings.Repeat("u", 255), strings.Repeat("u", 255), false},
		{"3 " + strings.Repeat("u", 256), strings.Repeat("u", 256), true},
	} {
		cell, err := parseCell(Target, c.raw, 0)
		if err != nil {
			t.Fatalf("%.20q: %v", c.raw, err)
		}
		if got := cell.Target().Unit; got != c.unit {
			t.Errorf("%.20q: unit %.20q (%d bytes), want %d bytes", c.raw, got, len(got), len(c.unit))
		}
		if long := cell.flags&longUnit != 0; long != c.long {
			t.Errorf("%.20q (unit %d bytes): read again from Raw = %v, want %v", c.raw, len(c.unit), long, c.long)
		}
		if !cell.Present() || cell.Todo() || cell.Unreadable() {
			t.Errorf("%.20q: present %v, to do %v, unreadable %v", c.raw, cell.Present(), cell.Todo(), cell.Unreadable())
		}
	}
}

// TestTodo: a mark to fill in is a to-do, not a value; a value and a blank
// are not to-dos.
func TestTodo(t *testing.T) {
	for _, c := range []struct {
		typ        Type
		raw        string
		todo, pres bool
	}{
		{Money, "[isi]", true, false},
		{Target, " [isi realisasi] ", true, false},
		{Money, "1.000", false, true},
		{Text, "isi", false, true},
		{Money, "", false, false},
	} {
		cell, _ := parseCell(c.typ, c.raw, 0)
		if cell.Todo() != c.todo || cell.Present() != c.pres {
			t.Errorf("%q: to do %v, present %v; want %v, %v", c.raw, cell.Todo(), cell.Present(), c.todo, c.pres)
		}
	}
}

// TestInText: a field is a substring of the table's text, not a copy (a
// table of 64 MB would otherwise be held twice), also after a quote; a field
// the reader changed is a copy with the reader's text.
func TestInText(t *testing.T) {
	text := `a;"b c";"d ""e"""`
	within := func(s string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	for _, c := range []struct {
		off    int
		field  string
		shared bool
	}{
		{0, "a", true},
		{2, "b c", true},
		{8, `d "e"`, false},
	} {
		got := inText(text, c.off, strings.Clone(c.field))
		if got != c.field || within(got) != c.shared {
			t.Errorf("inText(%d, %q) = %q, shares the text: %v, want %v", c.off, c.field, got, within(got), c.shared)
		}
	}
	if got := inText(text, len(text), "x"); got != "x" {
		t.Errorf("inText at the end = %q", got)
	}
}
