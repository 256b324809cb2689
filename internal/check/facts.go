package check

import (
	"strconv"

	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/msg"
	"renja/internal/table"
)

// facts lists the facts of the text still to fill: a {{ fakta WHAT VALUE }}
// whose VALUE is a mark in brackets, as renja init writes it for another
// office ("[isi; contoh Kalaena: 163]") and renja init --from for the next
// year ("[isi; Renja 2024: 163]"). They are placeholders: to-dos that a
// final build waits for.
func (c *checker) facts() {
	for _, p := range c.p.Parts {
		src := p.Source()
		for _, f := range content.Facts(p.Body) {
			if !table.IsPlaceholder(f.Value) {
				continue
			}
			line := p.BodyLine + f.Line - 1
			c.add(diag.Diagnostic{Severity: diag.SevTodo, Rule: placeholder, File: p.File, Line: line, Column: src.Column(line, f.Offset+1),
				Message: msg.Sprintf("a fact of this office and year to fill: %s %s", f.What, f.Value),
				Hint:    msg.Sprintf("write this office's own in the quotes, in place of the brackets: {{ fakta %s \"…\" }}", strconv.Quote(f.What))})
		}
	}
}
