package check

import (
	"testing"

	"renja/internal/diag"
	"renja/internal/model"
)

// TestFindings: errors and warnings only, the root causes first in the
// checker's order, then the findings that follow from one, each naming its
// cause's number; every finding placed in its table and column.
func TestFindings(t *testing.T) {
	p, err := model.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	ds := []diag.Diagnostic{
		{Severity: diag.SevError, Rule: Hierarchy, File: "data/t41.csv", Line: 2, Column: 40, Cause: "data/t41.csv:15:1"},
		{Severity: diag.SevTodo, Rule: todo, File: "data/t41.csv", Line: 3, Column: 1},
		{Severity: diag.SevWarning, Rule: Codes, File: "data/t41.csv", Line: 9, Column: 5},
		{Severity: diag.SevError, Rule: Codes, File: "data/t41.csv", Line: 15, Column: 1},
		{Severity: diag.SevError, Rule: years, File: "data/t41.toml", Line: 3, Column: 10},
		{Severity: diag.SevError, Rule: Prose, File: "content/10-bab-1.md", Line: 7, Column: 3},
	}
	fs := Findings(p, ds)
	want := []struct {
		line, number, cause int
		table, column       string
	}{
		{9, 1, 0, "t41", ""}, // no cell at column 5
		{15, 2, 0, "t41", "kode"},
		{3, 3, 0, "t41", ""}, // the schema
		{7, 4, 0, "", ""},
		{2, 5, 2, "t41", ""}, // follows from finding 2
	}
	if len(fs) != len(want) {
		t.Fatalf("%d findings, want %d (no to-do): %+v", len(fs), len(want), fs)
	}
	for i, w := range want {
		f := fs[i]
		table, column := "", ""
		if f.Table != nil {
			table = f.Table.ID
		}
		if c := f.TableColumn(); c != nil {
			column = c.Name
		}
		if f.Line != w.line || f.Number != w.number || f.Cause != w.cause || table != w.table || column != w.column {
			t.Errorf("finding %d: line %d, number %d, cause %d, table %q, column %q; want %+v", i, f.Line, f.Number, f.Cause, table, column, w)
		}
	}

	// The bundled Renja: Tabel 4.1's 7.01.01.2.05 is placed in its pagu column.
	found := false
	for _, f := range Findings(p, Run(p)) {
		if f.Rule == Hierarchy && f.File == "data/t41.csv" && f.Code == "7.01.01.2.05" {
			found = true
			if c := f.TableColumn(); c == nil || c.Name != "pagu" {
				t.Errorf("7.01.01.2.05's finding is in column %v, want pagu", c)
			}
		}
	}
	if !found {
		t.Error("no hierarchy finding of t41's 7.01.01.2.05")
	}
}

// TestExampleRows adds up the example rows of the to-dos the summary
// counts: a to-do turned off in renja.toml counts none, other rules none.
func TestExampleRows(t *testing.T) {
	ds := []diag.Diagnostic{
		{Severity: diag.SevTodo, Rule: example, Found: "15"},
		{Severity: diag.SevError, Rule: Hierarchy, Found: "7"},
		{Severity: diag.SevOff, Rule: example, Found: "4"},
		{Severity: diag.SevWarning, Rule: example, Found: "2"},
	}
	if got := ExampleRows(ds); got != 17 {
		t.Errorf("ExampleRows = %d, want 17", got)
	}
}
