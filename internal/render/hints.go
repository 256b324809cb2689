package render

import (
	"sort"
	"strings"

	"renja/internal/kode"
	"renja/internal/msg"
	"renja/internal/table"
	"renja/internal/tomlx"
)

// hinted is an error of a Markdown call with a hint that names its cause;
// content turns it into the diagnostic's hint.
type hinted struct {
	error
	hint string
}

func (h hinted) Hint() string  { return h.hint }
func (h hinted) Unwrap() error { return h.error }

// noTable: the call names a table that does not exist.
func (r *renderer) noTable(err error, id string) error {
	var known []string
	for _, t := range r.p.Tables {
		known = append(known, t.ID)
	}
	list := strings.Join(known, ", ")
	if s := tomlx.Closest(id, known); s != "" {
		return hinted{err, msg.Sprintf("no such table: did you mean %s? the tables are %s", s, list)}
	}
	return hinted{err, msg.Sprintf("no such table; the tables are %s", list)}
}

// noColumn: the call names a column the table does not have.
func noColumn(err error, t *table.Table, name string) error {
	var known []string
	for _, c := range t.Columns {
		known = append(known, c.Name)
	}
	list := strings.Join(known, ", ")
	if s := nearest(name, known, 3); len(s) > 0 {
		return hinted{err, msg.Sprintf("no such column: did you mean %s? the columns of %s are %s", strings.Join(s, ", "), t.File, list)}
	}
	return hinted{err, msg.Sprintf("no such column; the columns of %s are %s", t.File, list)}
}

// noCode: the call names a code the table does not have; the hint gives the
// table's codes nearest to it (the same parent first, then the same digits).
func noCode(err error, t *table.Table, c kode.Code) error {
	var codes []string
	for _, r := range t.Rows {
		if r.CodeErr == nil && !r.Code.IsZero() {
			codes = append(codes, r.Code.String())
		}
	}
	if s := nearest(c.String(), codes, 3); len(s) > 0 {
		return hinted{err, msg.Sprintf("the code is not in the table: did you mean %s?", strings.Join(s, ", "))}
	}
	first := ""
	if len(codes) > 0 {
		first = codes[0]
	}
	return hinted{err, msg.Sprintf("the code is not in the table; its codes begin %s", first)}
}

// nearest returns up to n of known closest to s by edit distance, within a
// third of s's length.
func nearest(s string, known []string, n int) []string {
	type cand struct {
		k string
		d int
	}
	var cs []cand
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d <= max(2, len(s)/3) && k != s {
			cs = append(cs, cand{k, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		if !seen[c.k] && len(out) < n {
			seen[c.k] = true
			out = append(out, c.k)
		}
	}
	return out
}

func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}
