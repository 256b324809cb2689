package check

import (
	"renja/internal/diag"
)

// Input is the rule id of a file that cannot be read as what it should be
// (a TOML or CSV mistake, a Markdown call that fails): renja check reports
// such errors with the checker's findings, in one list.
const Input = "input"

// InputDiagnostics turns errors that stop a build into diagnostics, for
// renja check's one report.
func InputDiagnostics(l diag.List) []diag.Diagnostic {
	out := make([]diag.Diagnostic, 0, len(l))
	for _, e := range l {
		out = append(out, diag.Diagnostic{Severity: diag.SevError, Rule: Input, File: e.File, Line: e.Line, Column: e.Column,
			Message: e.Msg, Hint: e.Hint})
	}
	return out
}

// Shown is a diagnostic as renja check prints it: a root cause with the
// number of findings that follow from it, folded under it.
type Shown struct {
	diag.Diagnostic
	Folded int
}

// Fold keeps the diagnostics that are no consequence of another and counts
// under each the ones that are (Diagnostic.Cause names their cause).
func Fold(ds []diag.Diagnostic) []Shown {
	count := map[string]int{}
	for _, d := range ds {
		if d.Cause != "" {
			count[d.Cause]++
		}
	}
	var out []Shown
	for _, d := range ds {
		if d.Cause != "" {
			continue
		}
		s := Shown{Diagnostic: d}
		if d.Severity == diag.SevError || d.Severity == diag.SevWarning {
			s.Folded = count[d.Position().String()]
			count[d.Position().String()] = 0 // one cause, one count
		}
		out = append(out, s)
	}
	return out
}
