package check_test

import (
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
)

// TestCountAndFold: findings that follow from another are counted under
// it, once, and not on their own; to-dos are no errors or warnings.
func TestCountAndFold(t *testing.T) {
	cause := diag.Diagnostic{File: "data/t.csv", Line: 2, Column: 5, Severity: diag.SevError, Rule: check.Hierarchy}
	at := cause.Position().String()
	ds := []diag.Diagnostic{
		cause,
		{File: "data/t.csv", Line: 3, Severity: diag.SevError, Cause: at},
		{File: "data/t.csv", Line: 4, Severity: diag.SevWarning, Cause: at},
		{File: "data/t.csv", Line: 5, Severity: diag.SevWarning},
		{File: "data/t.csv", Line: 6, Severity: diag.SevTodo},
		{File: "data/t.csv", Line: 2, Column: 5, Severity: diag.SevWarning}, // at the cause's place too
		{File: "data/u.csv", Line: 1, Severity: diag.SevTodo, Cause: "data/u.csv:9"},
	}
	if e, w := check.Count(ds); e != 1 || w != 2 {
		t.Errorf("Count = %d errors, %d warnings; want 1, 2", e, w)
	}
	shown := check.Fold(ds)
	var got []int
	var lines []int
	for _, s := range shown {
		got, lines = append(got, s.Folded), append(lines, s.Line)
	}
	if len(shown) != 4 || lines[0] != 2 || lines[1] != 5 || lines[2] != 6 || lines[3] != 2 {
		t.Fatalf("Fold shows lines %v", lines)
	}
	if got[0] != 2 || got[1] != 0 || got[2] != 0 || got[3] != 0 {
		t.Errorf("Fold counts %v, want [2 0 0 0]: the cause's two, once", got)
	}
}
