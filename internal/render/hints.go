package render

import (
	"strings"

	"renja/internal/kode"
	"renja/internal/msg"
	"renja/internal/near"
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
	if s := near.Nearest(name, known, 3); len(s) > 0 {
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
	if s := near.Nearest(c.String(), codes, 3); len(s) > 0 {
		return hinted{err, msg.Sprintf("the code is not in the table: did you mean %s?", strings.Join(s, ", "))}
	}
	first := ""
	if len(codes) > 0 {
		first = codes[0]
	}
	return hinted{err, msg.Sprintf("the code is not in the table; its codes begin %s", first)}
}
