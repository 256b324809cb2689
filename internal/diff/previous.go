package diff

import (
	"renja/internal/model"
	"renja/internal/table"
)

// Previous sets this year's plan beside last year's Renja by code (renja
// diff --previous): the plan tables' figures of each year both state, paired
// by measure (last year's forecast target:N+1 and pagu:N+1 beside this
// year's target:N and pagu:N, each project's measures resolved with its own
// plan year), the sub kegiatan added and dropped, and the change of each
// total. A column is named by its measure ("pagu:2025").
func Previous(old, nu *model.Project) *Report {
	r := &Report{Captions: map[string]string{}}
	ot, nt := old.Plan(), nu.Plan()
	if ot == nil || nt == nil {
		return r
	}
	r.Captions[nt.Table.ID] = nt.Table.Caption
	cols := sameMeasure(ot.Table, nt.Table)
	measure := [2]map[string]string{{}, {}} // old, new column → its measure
	for _, p := range cols {
		measure[0][p[0].Name], measure[1][p[1].Name] = p[0].Measure, p[1].Measure
	}
	name := ""
	if i := nt.Table.NameCol(); i >= 0 {
		name = nt.Table.Columns[i].Name
	}
	// A row added or dropped lists the figures of the years compared, each
	// column named by its measure; the other columns are left out.
	var out []Change
	for _, c := range compareTree(ot, nt, cols) {
		side := 1
		if c.Kind == Removed {
			side = 0
		}
		switch m, ok := measure[side][c.Column]; {
		case c.Column == "" || c.Column == name || c.Kind == Moved:
		case !ok:
			continue
		case m != "":
			c.Column = m
		}
		out = append(out, c)
	}
	r.Tables = out
	r.codes(nu)
	return r
}

// sameMeasure pairs the columns of two tables that carry the same measure
// and type (and the name column, which names the rows).
func sameMeasure(ot, nt *table.Table) [][2]*table.Column {
	var out [][2]*table.Column
	for i := range nt.Columns {
		nc := &nt.Columns[i]
		for j := range ot.Columns {
			oc := &ot.Columns[j]
			if oc.Type == nc.Type && (nc.Measure != "" && oc.Measure == nc.Measure || nc.Measure == "" && oc.Measure == "" && oc.Name == nc.Name && i == nt.NameCol()) {
				out = append(out, [2]*table.Column{oc, nc})
				break
			}
		}
	}
	return out
}
