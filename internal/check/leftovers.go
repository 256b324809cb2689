package check

// Leftovers of the project a Renja was made from, and what is still to fill:
//
//   - placeholder (a to-do): text in square brackets, [NAMA CAMAT], in a value
//     of renja.toml or in a Markdown part's narrative;
//   - todo (a to-do): a table cell to fill, [isi] (renja init --from marks
//     the realisation and evaluation cells of the new year so);
//   - other-office (a warning): the bundled example's kecamatan named in a
//     part or in a table's caption, title or headers of a project of another
//     kecamatan;
//   - years (a warning): a year in a table's caption, title, headers or
//     measures that does not fit plan.year: labelled n, n-1, … but another
//     year ("Tahun 2023 (n)" for plan year 2024), or written as a fixed year
//     before the plan year ("Tahun 2024" in a 2025 plan), which does not move
//     with plan.year as {N-1} does.
//
// A to-do is not an error: a draft builds, but `renja build --final` refuses
// while any remains.

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"renja"
	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/table"
	"renja/internal/tomlx"

	"renja/internal/msg"
)

// Rule ids of the leftovers.
const (
	years       = diag.RuleYears
	otherOffice = diag.RuleOther
	placeholder = diag.RulePlacehold
	todo        = diag.RuleTodo
)

var (
	// [NAMA CAMAT], not a Markdown link [text](url), [text][ref] or [ref]: url.
	bracketRe  = regexp.MustCompile(`\[[^\[\]\n]{1,400}\]`)
	yearRe     = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)(?:[^\d]|$)`)
	rangeRe    = regexp.MustCompile(`(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d`)
	yearFirst  = regexp.MustCompile(`((?:19|20)\d\d)\s*\(\s*[nN]\s*(?:([+-])\s*(\d))?\s*\)`)
	labelFirst = regexp.MustCompile(`(?:^|[^\p{L}])[nN]\s*(?:([+-])\s*(\d))?\s*\)?\s*\(\s*((?:19|20)\d\d)\s*\)`)
	braceRe    = regexp.MustCompile(`\{[^{}]*\}`)
)

func (c *checker) severity(rule string, def diag.Severity) diag.Severity {
	if s := c.cfg.Rule(rule).Severity; s != "" {
		return diag.Severity(s)
	}
	return def
}

func (c *checker) add(d diag.Diagnostic) {
	if d.Severity = c.severity(d.Rule, d.Severity); d.Severity != diag.SevOff {
		c.out = append(c.out, &d)
	}
}

// leftovers runs the four rules.
func (c *checker) leftovers() {
	c.placeholders()
	c.facts()
	c.todos()
	c.otherOffice()
	c.years()
}

func (c *checker) placeholders() {
	hint := msg.Sprintf("write what the brackets ask for; a final build waits for every placeholder")
	cfg := diag.NewSource(config.FileName, c.cfg.Src, 1)
	for i, line := range strings.Split(string(c.cfg.Src), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' || t[0] == '[' { // comments and [table] headers
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			continue
		}
		for _, m := range bracketRe.FindAllStringIndex(line[eq:], -1) {
			at := eq + m[0]
			if !inString(line, at) {
				continue
			}
			key := strings.TrimSpace(line[:eq])
			c.add(diag.Diagnostic{Severity: diag.SevTodo, Rule: placeholder, File: config.FileName, Line: i + 1, Column: cfg.Column(i+1, at+1),
				Message: msg.Sprintf("%s is still a placeholder: %s", key, line[at:eq+m[1]]), Hint: hint})
		}
	}
	for _, p := range c.p.Parts {
		src := p.Source()
		for i, line := range narrative(p) {
			for _, m := range bracketRe.FindAllStringIndex(line, -1) {
				if rest := line[m[1]:]; strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, ":") {
					continue // a Markdown link or a link reference
				}
				c.add(diag.Diagnostic{Severity: diag.SevTodo, Rule: placeholder, File: p.File, Line: p.BodyLine + i, Column: src.Column(p.BodyLine+i, m[0]+1),
					Message: msg.Sprintf("a placeholder in the text: %s", src.Line(p.BodyLine + i)[m[0]:m[1]]), Hint: hint})
			}
		}
	}
}

// inString reports whether byte i of a TOML line lies inside a quoted string.
func inString(line string, i int) bool {
	in := byte(0)
	for j := 0; j < i && j < len(line); j++ {
		switch ch := line[j]; {
		case in == 0 && (ch == '"' || ch == '\''):
			in = ch
		case in != 0 && ch == '\\' && in == '"':
			j++
		case ch == in:
			in = 0
		case in == 0 && ch == '#':
			return false
		}
	}
	return in != 0
}

func (c *checker) todos() {
	for _, t := range c.p.Tables {
		for _, r := range t.Rows {
			for i := range r.Cells {
				cell := &r.Cells[i]
				if !cell.Todo() {
					continue
				}
				at := t.Pos(cell)
				col := t.Columns[i]
				c.add(diag.Diagnostic{Severity: diag.SevTodo, Rule: todo, File: t.Path, Line: at.Line, Column: at.Column, Code: codeOf(t, r), Field: col.Name,
					Message: msg.Sprintf("to fill: %s %s", col.Label(), cell.Raw),
					Hint:    msg.Sprintf("write the figure in place of the bracketed mark; - means nothing was planned or reported")})
			}
		}
	}
}

// exampleKecamatan is the kecamatan of the Renja bundled in renja.
func exampleKecamatan() string {
	cfg, err := config.Parse(renja.Config)
	if err != nil {
		return ""
	}
	return cfg.Office.Kecamatan
}

func (c *checker) otherOffice() {
	other := exampleKecamatan()
	if other == "" || strings.EqualFold(other, c.cfg.Office.Kecamatan) || strings.Contains(strings.ToLower(c.cfg.Office.Name), strings.ToLower(other)) {
		return
	}
	re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(other) + `\b`)
	example := msg.Sprintf("%q, the kecamatan of the example this project was made from", other)
	want := quote(c.cfg.Office.Kecamatan)
	hint := msg.Sprintf("write {{ kecamatan }} (in a schema: {kecamatan}) for this office's name, or rewrite the passage for Kecamatan %s", c.cfg.Office.Kecamatan)
	for _, p := range c.p.Parts {
		fm := diag.NewSource(p.File, p.Matter, 2)
		at, _ := tomlx.Index(fm).Find("title")
		line, text := at.Line, fm.Line(at.Line)
		for _, m := range re.FindAllStringIndex(p.Title, -1) {
			col := 0
			if loc := re.FindStringIndex(text); loc != nil {
				col = fm.Column(line, loc[0]+1)
			}
			c.add(diag.Diagnostic{Severity: diag.SevWarning, Rule: otherOffice, File: p.File, Line: line, Column: col,
				Message: msg.Sprintf("the part's title names %s", example), Found: quote(p.Title[m[0]:m[1]]), Expected: want, Hint: hint})
		}
		src := p.Source()
		for i, line := range narrative(p) {
			for _, m := range re.FindAllStringIndex(line, -1) {
				c.add(diag.Diagnostic{Severity: diag.SevWarning, Rule: otherOffice, File: p.File, Line: p.BodyLine + i, Column: src.Column(p.BodyLine+i, m[0]+1),
					Message: msg.Sprintf("the text names %s", example), Found: quote(line[m[0]:m[1]]), Expected: want, Hint: hint})
			}
		}
	}
	for _, t := range c.p.Tables {
		for _, w := range schemaWords(t.Schema) {
			for _, m := range re.FindAllStringIndex(w.text, -1) {
				line, col := w.pos(t.Schema, w.text[m[0]:m[1]])
				c.add(diag.Diagnostic{Severity: diag.SevWarning, Rule: otherOffice, File: t.File, Line: line, Column: col,
					Message: msg.Sprintf("the table's %s names %s", w.what, example), Found: quote(w.text[m[0]:m[1]]), Expected: want, Hint: hint})
			}
		}
	}
}

func (c *checker) years() {
	n := c.cfg.Plan.Year
	for _, t := range c.p.Tables {
		if c.isRenstra(t) {
			continue // a Renstra's five years are fixed years
		}
		words := schemaWords(t.Schema)
		for _, w := range words {
			// A year labelled n, n-1, … must be that year.
			check := func(year, sign, digits string) {
				y, _ := strconv.Atoi(year)
				k := 0
				if digits != "" {
					k, _ = strconv.Atoi(digits)
					if sign == "-" {
						k = -k
					}
				}
				if y == n+k {
					return
				}
				label := "n"
				if k != 0 {
					label = fmt.Sprintf("n%+d", k)
				}
				line, col := w.pos(t.Schema, year)
				c.add(diag.Diagnostic{Severity: diag.SevWarning, Rule: years, File: t.File, Line: line, Column: col,
					Message: msg.Sprintf("the table's %s labels %s as %s, but %s is %d for plan.year %d", w.what, year, label, label, n+k, n),
					Found:   year, Expected: strconv.Itoa(n + k),
					Hint: msg.Sprintf("write {N%s} for the year, so it follows plan.year", offsetText(k))})
			}
			for _, m := range yearFirst.FindAllStringSubmatch(w.text, -1) {
				check(m[1], m[2], m[3])
			}
			for _, m := range labelFirst.FindAllStringSubmatch(w.text, -1) {
				check(m[3], m[1], m[2])
			}
			// A fixed year before the plan year, as written (not {N-1}).
			written := braceRe.ReplaceAllStringFunc(w.written, func(s string) string { return strings.Repeat(" ", len(s)) })
			written = rangeRe.ReplaceAllStringFunc(written, func(s string) string { return strings.Repeat(" ", len(s)) })
			labelled := map[string]bool{}
			for _, m := range yearFirst.FindAllStringSubmatch(written, -1) {
				labelled[m[1]] = true
			}
			for _, m := range labelFirst.FindAllStringSubmatch(written, -1) {
				labelled[m[3]] = true
			}
			for _, m := range yearRe.FindAllStringSubmatch(written, -1) {
				y, _ := strconv.Atoi(m[1])
				if labelled[m[1]] || y >= n || y < n-3 {
					continue
				}
				line, col := w.pos(t.Schema, m[1])
				c.add(diag.Diagnostic{Severity: diag.SevWarning, Rule: years, File: t.File, Line: line, Column: col,
					Message: msg.Sprintf("the table's %s writes the fixed year %s, which is N%s for plan.year %d and will not move with it", w.what, m[1], offsetText(y-n), n),
					Found:   m[1], Expected: msg.Sprintf("{N%s}", offsetText(y-n)),
					Hint: msg.Sprintf("write {N%s} (in a measure: %sN%s) if the year before the plan is meant, or {N} for the plan year", offsetText(y-n), measurePrefix(w), offsetText(y-n))})
			}
		}
	}
}

func offsetText(k int) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprintf("%+d", k)
}

func measurePrefix(w word) string {
	if i := strings.IndexByte(w.written, ':'); w.key == "measure" && i >= 0 {
		return w.written[:i+1]
	}
	return "pagu:"
}

// word is a text of a schema: resolved, as written, and where it stands.
type word struct {
	what          string // "caption", "title", "header of column pagu", …
	key           string // the TOML key
	column        int    // the column's index, or -1
	text, written string
	index         int // the line of a title
}

func schemaWords(s *table.Schema) []word {
	w := s.Written
	if w == nil {
		w = &table.Texts{Caption: s.Caption, Title: s.Title}
		for _, c := range s.Columns {
			w.Columns = append(w.Columns, table.ColumnTexts{Title: c.Title, Group: c.Group, Number: c.Number, Measure: c.Measure})
		}
	}
	out := []word{{msg.Sprintf("caption"), "caption", -1, s.Caption, w.Caption, 0}}
	for i, l := range s.Title {
		out = append(out, word{msg.Sprintf("title"), "title", -1, l, w.Title[i], i})
	}
	for i, c := range s.Columns {
		wc := w.Columns[i]
		out = append(out,
			word{msg.Sprintf("header of column %s", c.Name), "title", i, c.Title, wc.Title, 0},
			word{msg.Sprintf("group header of column %s", c.Name), "group", i, c.Group, wc.Group, 0},
			word{msg.Sprintf("measure of column %s", c.Name), "measure", i, c.Measure, wc.Measure, 0})
	}
	return out
}

// pos finds the word in the schema's file by its key (the title's line,
// the key in the column's [[columns]] block): the line and column of needle
// in the value as written, else of the key.
func (w word) pos(s *table.Schema, needle string) (int, int) {
	src := diag.NewSource(s.File, s.Src, 1)
	path := []string{w.key}
	switch {
	case w.column >= 0:
		path = []string{tomlx.Elem("columns", w.column), w.key}
	case w.key == "title":
		path = []string{tomlx.Elem("title", w.index)}
	}
	off, ok := tomlx.Index(src).Offset(path...)
	if !ok {
		return 0, 0
	}
	at := off
	if j := bytes.Index(s.Src[off:], []byte(w.written)); w.written != "" && j >= 0 {
		at = off + j
		if k := strings.Index(w.written, needle); k >= 0 {
			at += k
		} else if k := strings.IndexByte(w.written, '{'); k >= 0 {
			at += k
		}
	}
	p := src.At(at)
	return p.Line, p.Column
}
