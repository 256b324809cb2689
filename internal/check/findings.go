package check

import (
	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/table"
)

// Finding is an error or a warning of the checker as a draft lists it in
// its Daftar Temuan Pemeriksaan and marks it at its cell: numbered in the
// list's order, root causes first, and placed in its table and column.
type Finding struct {
	diag.Diagnostic
	Number int          // 1, 2, … in the list's order
	Cause  int          // the number of the finding this one follows from; 0 for a root cause
	Table  *table.Table // the table whose data or schema file it is in, or nil
	Col    int          // the index of its column in Table, -1 when it is at none
}

// TableColumn is the column the finding is in, or nil.
func (f Finding) TableColumn() *table.Column {
	if f.Table == nil || f.Col < 0 {
		return nil
	}
	return &f.Table.Columns[f.Col]
}

// Findings lists the errors and warnings of ds, the ones that follow from
// no other first (in ds's order), then the ones that do, each with the
// number of its cause; every finding is placed in its table and column.
func Findings(p *model.Project, ds []diag.Diagnostic) []Finding {
	var out []Finding
	for pass := 0; pass < 2; pass++ {
		for _, d := range ds {
			if (d.Severity == diag.SevError || d.Severity == diag.SevWarning) && (d.Cause == "") == (pass == 0) {
				out = append(out, Finding{Diagnostic: d, Number: len(out) + 1, Col: -1})
			}
		}
	}
	number := map[string]int{}
	for _, f := range out {
		if at := f.Position().String(); number[at] == 0 {
			number[at] = f.Number
		}
	}
	byFile := map[string][]int{}
	for i := range out {
		out[i].Cause = number[out[i].Diagnostic.Cause]
		byFile[out[i].File] = append(byFile[out[i].File], i)
	}
	for _, t := range p.Tables {
		if len(byFile[t.File]) > 0 {
			for _, i := range byFile[t.File] {
				out[i].Table = t
			}
		}
		if len(byFile[t.Path]) == 0 {
			continue
		}
		cols := cellColumns(t)
		for _, i := range byFile[t.Path] {
			out[i].Table = t
			if c, ok := cols[diag.Position{File: t.Path, Line: out[i].Line, Column: out[i].Column}]; ok {
				out[i].Col = c
			}
		}
	}
	return out
}

// cellColumns maps the place of every cell of t, and of every column's name
// in its header line, to the column's index.
func cellColumns(t *table.Table) map[diag.Position]int {
	m := make(map[diag.Position]int, len(t.HeaderCol)*(len(t.Rows)+1))
	for i, col := range t.HeaderCol {
		m[diag.Position{File: t.Path, Line: 1, Column: col}] = i
	}
	for _, r := range t.Rows {
		for i := range r.Cells {
			at := t.Pos(&r.Cells[i])
			m[diag.Position{File: t.Path, Line: at.Line, Column: at.Column}] = i
		}
	}
	return m
}
