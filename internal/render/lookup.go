package render

// The lookups that Markdown calls (pagu, target, nilai, jumlah, hitung,
// rerata, kategori): a thin layer over the model. Each reads its arguments
// (a table id, a column name, a code in any spelling data/ accepts, or the
// value of a table's first column), says what is wrong with them — a table,
// column or code that does not exist is an error at the call's place, never
// an empty string — and returns what the model computes, as a figure.

import (
	"fmt"
	"strings"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/table"

	"renja/internal/msg"
)

// tableOf returns the table named id, or an error listing the tables.
func (r *renderer) tableOf(id string) (*table.Table, error) {
	if t := r.p.Table(id); t != nil {
		return t, nil
	}
	var known []string
	for _, t := range r.p.Tables {
		known = append(known, t.ID)
	}
	return nil, r.noTable(msg.Errorf("no table %q: no data/%s.toml (tables: %s)", id, id, strings.Join(known, ", ")), id)
}

// columnOf returns the named column; with no name, the table's first column
// of type want.
func columnOf(t *table.Table, name string, want table.Type) (*table.Column, error) {
	if name == "" {
		for i := range t.Columns {
			if t.Columns[i].Type == want {
				return &t.Columns[i], nil
			}
		}
		return nil, msg.Errorf("%s has no %s column; name one: %s", t.File, want, columnList(t))
	}
	if c := t.Col(name); c != nil {
		return c, nil
	}
	return nil, noColumn(msg.Errorf("%s has no column %q (columns: %s)", t.File, name, columnList(t)), t, name)
}

func columnList(t *table.Table) string {
	var names []string
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

func keyList(t *table.Table) string {
	var keys []string
	for _, row := range t.Rows {
		keys = append(keys, fmt.Sprintf("%q", row.Cells[0].Raw))
	}
	return strings.Join(keys, ", ")
}

// code reads a code argument.
func code(s, example string) (kode.Code, error) {
	c, err := kode.Parse(s)
	if err != nil || c.IsZero() {
		return kode.Code{}, msg.Errorf("%q is not a code such as %s", s, example)
	}
	return c, nil
}

// pagu: {{ pagu "t31" "7.01.01.2.01.01" }}, the amount of a code.
func (r *renderer) pagu(id, key string, col ...string) (figure, error) {
	return r.lookup("pagu", id, key, table.Money, col)
}

// target: {{ target "t31" "7.01.01.2.01.07" }}, the target of a code.
func (r *renderer) target(id, key string, col ...string) (figure, error) {
	return r.lookup("target", id, key, table.Target, col)
}

// nilai: {{ nilai "t23" "2" "target_n_min2" }}, any column of a row.
func (r *renderer) nilai(id, key, col string) (figure, error) {
	return r.lookup("nilai", id, key, "", []string{col})
}

// lookup is pagu, target and nilai: the figure of a row's column. key is a
// budget code in a table with a code column, else the value of the table's
// first column (Tabel 2.3's "no"). A figure is what its row writes, as the
// table prints it (model.Project.CodeFigure): a parent's computed sum only
// where its row leaves the amount empty.
func (r *renderer) lookup(fn, id, key string, want table.Type, cols []string) (figure, error) {
	if len(cols) > 1 {
		return figure{}, msg.Errorf("too many arguments; write %s TABLE KEY [COLUMN]", fn)
	}
	t, err := r.tableOf(id)
	if err != nil {
		return figure{}, err
	}
	name := ""
	if len(cols) == 1 {
		name = cols[0]
	}
	col, err := columnOf(t, name, want)
	if err != nil {
		return figure{}, err
	}
	if t.CodeCol() < 0 {
		row := model.KeyRow(t, key)
		if row == nil {
			return figure{}, msg.Errorf("%s has no row %q in its first column %q (rows: %s)", t.Path, key, t.Columns[0].Name, keyList(t))
		}
		return figure{model.CellFigure(col, row.Cells[col.Index])}, nil
	}
	c, err := code(key, "7.01.01.2.01.01")
	if err != nil {
		return figure{}, err
	}
	f, found := r.p.CodeFigure(t, c, col)
	if !found {
		return figure{}, noCode(msg.Errorf("code %s is not in %s", c, t.Path), t, c)
	}
	return figure{f}, nil
}

// jumlah: {{ jumlah "t31" "pagu" }} is the table's total of a column (the
// computed one), {{ jumlah "t31" "pagu" "7.01.01" }} the total below a code.
func (r *renderer) jumlah(id, colName string, under ...string) (figure, error) {
	t, err := r.tableOf(id)
	if err != nil {
		return figure{}, err
	}
	col, err := columnOf(t, colName, "")
	if err != nil {
		return figure{}, err
	}
	switch {
	case len(under) > 1:
		return figure{}, msg.Errorf("too many arguments; write jumlah TABLE COLUMN [CODE]")
	case col.Type != table.Money && col.Type != table.Number && col.Type != table.Target:
		return figure{}, msg.Errorf("column %s is %s; only money, number and target columns add up (for percentages use rerata)", col.Name, col.Type)
	}
	var c kode.Code
	if len(under) == 1 {
		if t.CodeCol() < 0 {
			return figure{}, msg.Errorf("%s has no code column to sum below %q", t.Path, under[0])
		}
		if c, err = code(under[0], "7.01.01"); err != nil {
			return figure{}, err
		}
	}
	f, found := r.p.Total(t, col, c)
	if !found {
		return figure{}, noCode(msg.Errorf("code %s is not in %s", c, t.Path), t, c)
	}
	return figure{f}, nil
}

var levelNames = map[string]kode.Level{
	"urusan": kode.Urusan, "bidang": kode.Bidang, "program": kode.Program, "kegiatan": kode.Kegiatan,
	"sub kegiatan": kode.SubKegiatan, "subkegiatan": kode.SubKegiatan, "sub_kegiatan": kode.SubKegiatan, "sub-kegiatan": kode.SubKegiatan,
}

// hitung counts: {{ hitung "t23" }} the rows (total rows left out),
// {{ hitung "eval21" "program" }} the programs (kegiatan, sub kegiatan) that
// the rows' codes belong to, {{ hitung "t25" "desa" }} the different values
// of a column.
func (r *renderer) hitung(id string, what ...string) (int, error) {
	t, err := r.tableOf(id)
	if err != nil {
		return 0, err
	}
	switch {
	case len(what) > 1:
		return 0, msg.Errorf("too many arguments; write hitung TABLE [program | kegiatan | sub kegiatan | COLUMN]")
	case len(what) == 0:
		return model.Rows(t), nil
	}
	w := strings.ToLower(strings.Join(strings.Fields(what[0]), " "))
	if l, ok := levelNames[w]; ok {
		n, ok := r.p.CountLevel(t, l)
		if !ok {
			return 0, msg.Errorf("%s has no code column to count %s by", t.Path, w)
		}
		return n, nil
	}
	col := t.Col(what[0])
	if col == nil {
		return 0, msg.Errorf("%q is neither a level (program, kegiatan, sub kegiatan) nor a column of %s (columns: %s)", what[0], t.File, columnList(t))
	}
	return model.Distinct(t, col), nil
}

// rerata: {{ rerata "eval21" "capaian_kinerja" }} is the mean of a column
// over the table's rows (sub kegiatan), each row's value computed by the
// column's formula where it has one.
func (r *renderer) rerata(id, colName string) (figure, error) {
	t, err := r.tableOf(id)
	if err != nil {
		return figure{}, err
	}
	col, err := columnOf(t, colName, "")
	if err != nil {
		return figure{}, err
	}
	if col.Type != table.Percent && col.Type != table.Number && col.Type != table.Target {
		return figure{}, msg.Errorf("column %s is %s; rerata averages percent, number and target columns", col.Name, col.Type)
	}
	return figure{r.p.ColumnMean(t, col)}, nil
}

// kategori: {{ kategori "t22" 99.65 }} → "sangat tinggi": the criterion of
// the score by a table with columns min and max (Tabel 2.2) and the
// criterion's name in column kriteria (else the table's first text column).
func (r *renderer) kategori(id string, score any) (string, error) {
	t, err := r.tableOf(id)
	if err != nil {
		return "", err
	}
	lo, hi := t.Col("min"), t.Col("max")
	name := t.Col("kriteria")
	if name == nil && t.NameCol() >= 0 {
		name = &t.Columns[t.NameCol()]
	}
	if lo == nil || hi == nil || name == nil {
		return "", msg.Errorf("%s needs the columns min, max and kriteria (it has %s)", t.File, columnList(t))
	}
	d, f, ok, err := toDec(score)
	if err != nil {
		return "", err
	}
	if !ok {
		return f.String(), nil
	}
	return model.Criterion(t, lo, name, d)
}
