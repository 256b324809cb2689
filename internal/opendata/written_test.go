package opendata

import (
	"strings"
	"testing"

	"renja/internal/model"
)

// TestWrittenAmounts: the open data of the bundled Renja hold a parent's
// amount as its row writes it, like the document, not the sum of its
// children (the checker's finding says what that is).
func TestWrittenAmounts(t *testing.T) {
	p, err := model.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		table, code, col string
		written          int64
		line             string // of the CSV
	}{
		{"t41", "7.01.01.2.05", "pagu", 34_835_600, ";34.835.600;"},    // the sub kegiatan add up to 34.795.500
		{"t24", "7.01", "pagu_awal", 2_434_456_400, ";2.434.456.400;"}, // the parts add up to 2.563.235.700
	} {
		tb := p.Table(c.table)
		col := tb.Col(c.col)
		rows := Rows(p, tb)
		found := false
		for i, r := range tb.Rows {
			if r.Code.String() != c.code {
				continue
			}
			found = true
			if v := rows[i][col.Index]; v.Kind != Money || v.Money != c.written {
				t.Errorf("%s %s %s: open data hold %+v, want the written %d", c.table, c.code, c.col, v, c.written)
			}
			break
		}
		if !found {
			t.Errorf("%s has no row %s", c.table, c.code)
		}
		if csv := string(CSV(tb, rows)); !strings.Contains(csv, c.line) {
			t.Errorf("%s.csv has no cell %q", c.table, c.line)
		}
	}
}
