package check

import "renja/internal/diag"

// notes warns, once per file, about what a table was read as in another way
// than it is written: another encoding than UTF-8, cells with spaces around
// them.
func (c *checker) notes() {
	sev := diag.SevWarning
	if s := c.cfg.Rule(Values).Severity; s == string(diag.SevOff) {
		return
	}
	for _, t := range c.p.Tables {
		for _, n := range t.Notes {
			c.out = append(c.out, &diag.Diagnostic{Severity: sev, Rule: Values, File: t.Path, Line: n.Line, Column: n.Column,
				Message: n.Msg, Hint: n.Hint})
		}
	}
}
