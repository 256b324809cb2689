package check

import (
	"sort"
	"strings"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/msg"
	"renja/internal/num"
	"renja/internal/table"
)

// link finds the findings that follow from another and points them at their
// cause (Diagnostic.Cause), so that renja check shows the cause once with
// "… and N more that follow from it":
//
//   - a code that cannot be read leaves its row out of the hierarchy: the
//     sums of its ancestors miss the row's amounts, and another table's
//     sub kegiatan seems missing from this one. When the code reads as a
//     code of another table with one dot added (7.01.01.2.0107), the hint
//     says so;
//   - a column, or a whole file, whose numbers are written as another locale
//     writes them (20,000,000 or 99.5) gets one finding with the fix, and
//     its cells' findings follow from it.
func (c *checker) link() {
	known := map[string]bool{}
	for _, t := range c.p.Tables {
		for _, r := range t.Rows {
			if r.CodeErr == nil && !r.Code.IsZero() {
				known[r.Code.String()] = true
			}
		}
	}
	cols := map[*diag.Diagnostic]int{} // a hierarchy finding's column, found once (see findingCol)
	for _, root := range c.out {
		if root.Rule != Codes || root.Severity != diag.SevError || root.Cause != "" {
			continue
		}
		t, r := c.rowAt(root.File, root.Line)
		if t == nil || r == nil || r.CodeErr == nil {
			continue
		}
		at := root.Position().String()
		guess, ok := missingDot(r.Cells[t.CodeCol()].Raw, known)
		if ok {
			root.Hint = msg.Sprintf("one dot is missing: %s reads as %s", strings.TrimSpace(r.Cells[t.CodeCol()].Raw), guess) + "; " +
				msg.Sprintf("write %s", guess)
		}
		for _, d := range c.out {
			if d == root || d.Cause != "" || d.Severity != diag.SevError {
				continue
			}
			switch {
			case d.Rule == Hierarchy && d.File == root.File && c.missesRow(r, d, c.findingCol(d, cols), guess, ok):
				d.Cause = at
			case d.Rule == CrossTable && ok && d.Code == guess.String() && strings.Contains(d.Message, t.Path):
				d.Cause = at
			}
		}
	}
	c.unreadCells(cols)
	c.locales()
}

// unreadCells points a hierarchy finding at the first cell below it, in its
// column, that cannot be read: the sum misses that cell's amount.
//
// Each table's column is read once, into the first two such cells under
// every code (two: a finding's own row does not count), so that a plan of
// 100,000 rows, each with a cell that cannot be read, is checked in time
// linear in its rows and findings.
func (c *checker) unreadCells(cols map[*diag.Diagnostic]int) {
	type key struct {
		t    *table.Table
		col  int
		code string // "": the whole table
	}
	first := map[key][]*table.Row{} // at most two, in row order
	read := map[key]bool{}          // the column read into first (code "")
	for _, d := range c.out {
		if d.Rule != Hierarchy || d.Cause != "" {
			continue
		}
		t, _ := c.rowAt(d.File, d.Line)
		if t == nil || c.p.Trees[t.ID] == nil {
			continue
		}
		col := c.findingCol(d, cols)
		if col < 0 {
			continue
		}
		if k := (key{t, col, ""}); !read[k] {
			read[k] = true
			for _, r := range t.Rows {
				if !r.Cells[col].Unreadable() || r.CodeErr != nil || r.Code.IsZero() {
					continue
				}
				add := func(code string) {
					if at := (key{t, col, code}); len(first[at]) < 2 {
						first[at] = append(first[at], r)
					}
				}
				add("")
				s := r.Code.String()
				for i := range len(s) {
					if s[i] == '.' {
						add(s[:i]) // each code above r's
					}
				}
			}
		}
		for _, r := range first[key{t, col, d.Code}] {
			if r.Line != d.Line {
				d.Cause = t.Pos(&r.Cells[col]).String()
				break
			}
		}
	}
}

// rowAt returns the table and row of a file and line.
func (c *checker) rowAt(file string, line int) (*table.Table, *table.Row) {
	for _, t := range c.p.Tables {
		if t.Path == file {
			return t, rowOf(t, line)
		}
	}
	return nil, nil
}

// rowOf returns the row of t that starts at line, or nil: a binary search,
// the rows being in the order of their lines.
func rowOf(t *table.Table, line int) *table.Row {
	i := sort.Search(len(t.Rows), func(i int) bool { return t.Rows[i].Line >= line })
	if i < len(t.Rows) && t.Rows[i].Line == line {
		return t.Rows[i]
	}
	return nil
}

// findingCol returns the column index of the cell that hierarchy finding d
// is at (its row's, or a total row's, cell in d's column), or -1; cols
// keeps what was found, as every code that cannot be read asks again.
func (c *checker) findingCol(d *diag.Diagnostic, cols map[*diag.Diagnostic]int) int {
	if col, ok := cols[d]; ok {
		return col
	}
	// A total row (JUMLAH) is a row of the table too.
	pt, pr := c.rowAt(d.File, d.Line)
	col := -1
	if pr != nil {
		for i := range pr.Cells {
			if pt.Pos(&pr.Cells[i]).Column == d.Column {
				col = i
			}
		}
	}
	cols[d] = col
	return col
}

// missesRow reports whether hierarchy finding d (a parent's stated amount
// against its children's sum) at column col differs by exactly what row r,
// left out of the hierarchy, states in that column, at an ancestor of the
// row's code.
func (c *checker) missesRow(r *table.Row, d *diag.Diagnostic, col int, guess kode.Code, known bool) bool {
	if col < 0 || r.Cells[col].Unreadable() || !r.Cells[col].Present() {
		return false
	}
	if known && d.Code != "" && !strings.HasPrefix(guess.String(), d.Code+".") {
		return false
	}
	stated, _, err1 := num.ParseMoney(d.Found)
	want, _, err2 := num.ParseMoney(d.Expected)
	return err1 == nil && err2 == nil && stated-want == r.Cells[col].Money()
}

// missingDot reads a code that cannot be read as one with a dot added: the
// one such reading that is a code of the project, else the one reading
// whose parent is.
func missingDot(raw string, known map[string]bool) (kode.Code, bool) {
	raw = strings.TrimSpace(raw)
	var found, parented []kode.Code
	for i := 1; i < len(raw); i++ {
		if raw[i-1] < '0' || raw[i-1] > '9' || raw[i] < '0' || raw[i] > '9' {
			continue
		}
		c, err := kode.Parse(raw[:i] + "." + raw[i:])
		switch {
		case err != nil:
		case known[c.String()]:
			found = append(found, c)
		case known[c.Parent().String()]:
			parented = append(parented, c)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], true
	case len(found) == 0 && len(parented) == 1:
		return parented[0], true
	}
	return kode.Code{}, false
}

// locales folds the findings of a column whose every number cannot be read
// and looks written the English way under one finding for the column, or
// for the file when every such column of it does.
func (c *checker) locales() {
	for _, t := range c.p.Tables {
		var cols []int
		numeric := 0
		for i, col := range t.Columns {
			if col.Type == table.Text || col.Type == table.Code {
				continue
			}
			present, bad, english := 0, 0, 0
			for _, r := range t.Rows {
				cell := r.Cells[i]
				if num.IsBlank(cell.Raw) {
					continue
				}
				present++
				if cell.Unreadable() {
					bad++
					if englishNumber(cell.Raw) {
						english++
					}
				}
			}
			if present == 0 {
				continue
			}
			numeric++
			if bad == present && english*2 >= bad {
				cols = append(cols, i)
			}
		}
		if len(cols) == 0 {
			continue
		}
		whole := len(cols) == numeric && numeric > 1
		group := [][]int{cols}
		if !whole {
			group = nil
			for _, i := range cols {
				group = append(group, []int{i})
			}
		}
		for _, g := range group {
			c.foldLocale(t, g, whole)
		}
	}
}

func (c *checker) foldLocale(t *table.Table, cols []int, whole bool) {
	in := map[int]bool{}
	for _, i := range cols {
		in[i] = true
	}
	var first *table.Cell
	example := ""
	for _, r := range t.Rows {
		for i := range r.Cells {
			if in[i] && r.Cells[i].Unreadable() && first == nil {
				first, example = &r.Cells[i], r.Cells[i].Raw
			}
		}
	}
	if first == nil {
		return
	}
	firstAt := t.Pos(first)
	root := &diag.Diagnostic{Severity: diag.SevError, Rule: Values, File: t.Path, Line: firstAt.Line, Column: firstAt.Column,
		Found: quote(example), Expected: msg.Sprintf("Indonesian numbers: a dot groups thousands, a comma marks decimals (2.590.643.300; 99,47)")}
	if whole {
		root.Message = msg.Sprintf("the numbers of this file are written the English way (%s): none can be read", example)
	} else {
		root.Message = msg.Sprintf("the numbers of column %s are written the English way (%s): none can be read", t.Columns[cols[0]].Label(), example)
	}
	root.Hint = msg.Sprintf("the sheet was saved by an Excel set to English: set Windows' region (Control Panel → Region) to Indonesia and save the CSV again, or replace , by nothing and . by , in these cells")
	at := root.Position().String()
	type pos struct{ line, col int }
	unread := map[pos]bool{} // the cells of these columns that cannot be read
	for _, r := range t.Rows {
		for _, i := range cols {
			if cell := &r.Cells[i]; cell.Unreadable() {
				at := t.Pos(cell)
				unread[pos{at.Line, at.Column}] = true
			}
		}
	}
	for _, d := range c.out {
		if d.Rule != Values || d.File != t.Path || d.Cause != "" {
			continue
		}
		if unread[pos{d.Line, d.Column}] {
			d.Cause = at
		}
	}
	// Sums and comparisons that miss these cells follow from them too.
	for _, d := range c.out {
		if d.File == t.Path && d.Cause == "" && (d.Rule == Hierarchy || d.Rule == Derived) {
			d.Cause = at
		}
	}
	c.out = append(c.out, root)
}

// englishNumber: 20,000,000 or 20,000,000.00 or 99.5 — thousands commas or a
// decimal dot, as an English-locale Excel writes numbers.
func englishNumber(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Rp"), " ")
	if i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' }); i > 0 {
		s = s[:i] // "2.5 Dok"
	}
	groups := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
	if len(groups) > 1 {
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return false
			}
		}
		return allDigits(strings.Join(groups, "")) && (!strings.Contains(s, ".") || allDigits(strings.SplitN(s, ".", 2)[1]))
	}
	p := strings.Split(s, ".")
	return len(p) == 2 && allDigits(p[0]) && allDigits(p[1]) && len(p[1]) != 3
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
