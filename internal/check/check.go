// Package check owns judging: it compares every figure a Renja states with
// what package model computes (hierarchy sums, derived columns), checks that
// tables agree, codes read and values are possible, and reports each mistake
// at its cell as a diag.Diagnostic. It computes nothing itself. The rules'
// ids are diag.Rules; renja.toml can change a rule's severity and tolerance
// under [check.<rule>].
package check

import (
	"context"

	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/table"
)

// Rule ids, as diag.Rules lists them in the order Run runs them.
const (
	Codes        = diag.RuleCodes
	Values       = diag.RuleValues
	Hierarchy    = diag.RuleHierarchy
	Derived      = diag.RuleDerived
	CrossTable   = diag.RuleCrossTable
	Prose        = diag.RuleProse
	Nomenclature = diag.RuleNomenclature
)

// Run checks the project and returns its diagnostics, sorted.
func Run(p *model.Project) []diag.Diagnostic {
	ds, _ := RunContext(context.Background(), p)
	return ds
}

// RunContext is Run that stops between rules, with ctx's cause as its
// error, when ctx ends.
func RunContext(ctx context.Context, p *model.Project) ([]diag.Diagnostic, error) {
	c := &checker{p: p, cfg: p.Config}
	for _, rule := range []func(){c.codes, c.nomenclature, c.notes, c.values, c.hierarchy, c.derived, c.crossTable, c.carry, c.prose, c.planYear, c.leftovers, c.examples, c.planRows, c.link} {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		rule()
	}
	out := make([]diag.Diagnostic, len(c.out))
	for i, d := range c.out {
		out[i] = *d
		// Codes as the project writes them; what was found stays as found.
		out[i].Code, out[i].Message = p.Codes.Text(d.Code), p.Codes.Text(d.Message)
		out[i].Expected, out[i].Hint = p.Codes.Text(d.Expected), p.Codes.Text(d.Hint)
	}
	diag.SortDiagnostics(out)
	return out, nil
}

// Todos returns the number of to-dos: placeholders and cells to fill.
func Todos(ds []diag.Diagnostic) (n int) {
	for _, d := range ds {
		if d.Severity == diag.SevTodo {
			n++
		}
	}
	return n
}

// Count returns the number of errors and warnings, leaving out the ones
// that follow from another (Diagnostic.Cause).
func Count(ds []diag.Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Cause != "" {
			continue
		}
		switch d.Severity {
		case diag.SevError:
			errors++
		case diag.SevWarning:
			warnings++
		}
	}
	return
}

type checker struct {
	p   *model.Project
	cfg *config.Config
	out []*diag.Diagnostic
}

// report adds a diagnostic at a cell with the rule's configured severity and
// returns it for the caller to fill in Found, Expected and Hint. Each
// diagnostic is its own allocation, so the pointer stays valid while more are
// reported.
func (c *checker) report(rule string, sev diag.Severity, t *table.Table, r *table.Row, col int, format string, args ...any) *diag.Diagnostic {
	if s := c.cfg.Rule(rule).Severity; s != "" {
		sev = diag.Severity(s)
	}
	if sev == diag.SevOff {
		return &diag.Diagnostic{}
	}
	d := &diag.Diagnostic{Severity: sev, Rule: rule, File: t.Path, Message: msg.Sprintf(format, args...)}
	if r != nil {
		d.Line = r.Line
		if col >= 0 {
			at := t.Pos(&r.Cells[col])
			d.Line, d.Column = at.Line, at.Column
		}
		d.Code = codeOf(t, r)
	} else if col >= 0 {
		d.Line, d.Column = 1, t.HeaderCol[col]
	}
	if col >= 0 {
		d.Field = t.Columns[col].Name // the message names it by its title
	}
	c.out = append(c.out, d)
	return d
}

func codeOf(t *table.Table, r *table.Row) string {
	if r.CodeErr == nil && !r.Code.IsZero() {
		return r.Code.String()
	}
	if i := t.CodeCol(); i >= 0 {
		return r.Cells[i].Raw
	}
	return ""
}

func (c *checker) tolerance(rule string, def float64) float64 {
	if rc, ok := c.cfg.Check[rule]; ok && rc.Tolerance > 0 {
		return rc.Tolerance
	}
	return def
}
