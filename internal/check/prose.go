package check

import (
	"regexp"
	"strings"

	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/msg"
)

// Figures the prose rule looks for in content/*.md:
//
//   - a Rupiah amount: "Rp 3.852.935", "Rp. 3.852.935", "Rp3.852.935", or an
//     amount followed by the word rupiah;
//   - a computed percentage: a number with a decimal comma and "%" or
//     "persen": "97,10%", "99,65 %".
//
// A whole percentage ("100%", "97%") is not reported: in prose it is a target,
// a threshold or part of a title ("terealisasi 100%", a regulation's name),
// while every percentage renja computes has two decimals. Template actions
// ({{ … }}), code spans and fenced code blocks are not looked at.
var (
	rupiahRe  = regexp.MustCompile(`(?i)\bRp\.?\s*\d[\d.,]*|\b\d[\d.,]*\s*rupiah\b`)
	percentRe = regexp.MustCompile(`\b\d[\d.]*,\d+\s*(?:%|(?i:persen)\b)`)
)

// prose warns about Rupiah amounts and computed percentages typed in a
// Markdown part, at the file, line and column where they stand.
func (c *checker) prose() {
	sev := diag.SevWarning
	if s := c.cfg.Rule(Prose).Severity; s != "" {
		sev = diag.Severity(s)
	}
	if sev == diag.SevOff {
		return
	}
	for _, part := range c.p.Parts {
		for _, f := range typedFigures(part) {
			d := diag.Diagnostic{Severity: sev, Rule: Prose, File: part.File, Line: f.line, Column: f.col,
				Found: quote(f.text)}
			if f.money {
				d.Message = msg.Sprintf("a Rupiah amount typed in the text")
				d.Expected = msg.Sprintf(`a function call such as {{ pagu "t31" "7.01.01" }}`)
			} else {
				d.Message = msg.Sprintf("a computed percentage typed in the text")
				d.Expected = msg.Sprintf(`a function call such as {{ rerata "eval21" "capaian_kinerja" }}`)
			}
			d.Hint = msg.Sprintf("a figure typed by hand goes stale when data/ changes; take it from data/ with pagu, target, nilai, jumlah, rerata or evaluasi (docs/project.md)")
			c.out = append(c.out, &d)
		}
	}
}

type typedFigure struct {
	line, col int // in the Markdown file; col counts characters
	text      string
	money     bool
}

// typedFigures finds the figures of a part's Markdown body outside template
// actions, code spans and fenced code blocks.
func typedFigures(p *content.Part) []typedFigure {
	var out []typedFigure
	src := p.Source()
	for i, text := range narrative(p) {
		line := p.BodyLine + i
		for _, m := range rupiahRe.FindAllStringIndex(text, -1) {
			out = append(out, typedFigure{line, src.Column(line, m[0]+1), strings.TrimRight(text[m[0]:m[1]], ".,"), true})
		}
		for _, m := range percentRe.FindAllStringIndex(text, -1) {
			out = append(out, typedFigure{line, src.Column(line, m[0]+1), text[m[0]:m[1]], false})
		}
	}
	return out
}

// narrative returns a part's Markdown lines with template actions, code
// spans and fenced code blocks blanked out, byte offsets kept: the text an
// officer typed, for the prose and leftovers rules.
func narrative(p *content.Part) []string {
	lines := strings.Split(string(p.Body), "\n")
	inAction, fence := false, ""
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if !inAction {
			if fence != "" {
				if strings.HasPrefix(t, fence) {
					fence = ""
				}
				lines[i] = ""
				continue
			}
			if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
				fence = t[:3]
				lines[i] = ""
				continue
			}
		}
		b := []byte(line)
		for j := 0; j < len(b); {
			switch {
			case inAction:
				if strings.HasPrefix(line[j:], "}}") {
					b[j], b[j+1] = ' ', ' '
					j += 2
					inAction = false
					continue
				}
				b[j] = ' '
				j++
			case strings.HasPrefix(line[j:], "{{"):
				inAction = true
				b[j], b[j+1] = ' ', ' '
				j += 2
			case line[j] == '`':
				n := 1
				for j+n < len(line) && line[j+n] == '`' {
					n++
				}
				ticks := line[j : j+n]
				end := strings.Index(line[j+n:], ticks)
				if end < 0 {
					j += n
					continue
				}
				for k := j; k < j+n+end+n; k++ {
					b[k] = ' '
				}
				j += n + end + n
			default:
				j++
			}
		}
		lines[i] = string(b)
	}
	return lines
}
