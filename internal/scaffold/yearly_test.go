package scaffold

import (
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/model"
)

// TestFromYearlyRows: Tabel 2.5 holds the proposals of the plan year's
// Musrenbang (schema: yearly = true). Next year's project keeps them marked
// as last year's, a to-do that says so; the other tables' rows are this
// office's and stay unmarked.
func TestFromYearlyRows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "k25")
	if _, err := From(FromOptions{Dir: dir, From: "../.."}); err != nil {
		t.Fatal(err)
	}
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, tb := range p.Tables {
		for _, r := range tb.Rows {
			if r.Example != tb.Yearly {
				t.Fatalf("%s:%d: marked %v, yearly table %v", tb.Path, r.Line, r.Example, tb.Yearly)
			}
			if r.Example {
				rows++
			}
		}
	}
	if tb := p.Table("t25"); tb == nil || !tb.Yearly || rows != len(tb.Rows) || rows == 0 {
		t.Fatalf("Tabel 2.5 is not yearly, or %d rows are marked", rows)
	}
	ds := check.Run(p)
	found := 0
	for _, d := range ds {
		if d.Rule == diag.RuleExample {
			found++
			if d.File != "data/t25.csv" || d.Severity != diag.SevTodo || !strings.Contains(d.Message, "last year's") || !strings.Contains(d.Hint, "this year's rows") {
				t.Errorf("the to-do: %s", d)
			}
		}
	}
	if found != 1 || check.ExampleRows(ds) != rows {
		t.Errorf("%d to-dos for %d rows of last year, counted %d", found, rows, check.ExampleRows(ds))
	}
	// Rolled again, they stay last year's until written anew.
	next := filepath.Join(t.TempDir(), "k26")
	if _, err := From(FromOptions{Dir: next, From: dir}); err != nil {
		t.Fatal(err)
	}
	p2, err := model.Load(next)
	if err != nil {
		t.Fatal(err)
	}
	if got := check.ExampleRows(check.Run(p2)); got != rows {
		t.Errorf("rolled again: %d rows of last year, want %d", got, rows)
	}
}
