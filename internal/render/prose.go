package render

// Prose bound to data: the functions a Markdown part calls to write a figure
// of data/ into its narrative, formatted the Indonesian way, so that no
// amount, percentage or count is typed by hand (renja check's prose rule
// warns about those that are). A lookup that names a table, a column or a
// code that does not exist is an error at the call's place in the Markdown
// file; a cell that cannot be read prints as it is stated, and the checker
// reports it.

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"renja/internal/idn"
	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"
)

func (r *renderer) pagu(id, key string, col ...string) (figure, error) {
	return r.lookup("pagu", id, key, table.Money, col)
}

func (r *renderer) target(id, key string, col ...string) (figure, error) {
	return r.lookup("target", id, key, table.Target, col)
}

func (r *renderer) nilai(id, key, col string) (figure, error) {
	return r.lookup("nilai", id, key, "", []string{col})
}

// figure is a value read from a table: it prints the Indonesian way for its
// kind (Rp 3.852.935, 2.379, 97,86%, 12 Dok), and the format functions take it.
type figure struct {
	kind   table.Type
	money  num.Money
	dec    num.Dec // a number, a percentage, a target's value
	target num.Target
	raw    string // as stated, for a cell that is blank or cannot be read
	ok     bool
}

func (f figure) String() string {
	if !f.ok {
		if f.kind == table.Money && !num.IsBlank(f.raw) {
			return "Rp " + f.raw
		}
		if num.IsBlank(f.raw) {
			return "-"
		}
		return f.raw
	}
	switch f.kind {
	case table.Money:
		return idn.Rupiah(f.money)
	case table.Percent:
		return idn.Persen(f.dec)
	case table.Target:
		return f.target.String()
	case table.Number:
		return num.FormatDec(f.dec, -1)
	}
	return f.raw
}

// value is the figure's quantity as a Dec (money in whole Rupiah × Scale).
func (f figure) value() num.Dec {
	if f.kind == table.Money {
		return num.Dec(f.money) * num.Scale
	}
	return f.dec
}

func moneyFig(m num.Money, ok bool) figure {
	if !ok {
		return figure{kind: table.Money, raw: "-"}
	}
	return figure{kind: table.Money, money: m, ok: true}
}

func cellFig(col *table.Column, c table.Cell) figure {
	f := figure{kind: col.Type, raw: c.Raw}
	if c.Err != nil || !c.Present {
		if col.Type == table.Text || col.Type == table.Code {
			f.ok = true
		}
		return f
	}
	f.ok = true
	f.money, f.dec, f.target = c.Money, c.Dec, c.Target
	return f
}

// argError is what a format function says when given something else than a number.
func argError(v any) error {
	return fmt.Errorf("%v (%T) is not a number; give a number or a figure from pagu, target, nilai, jumlah or rerata", v, v)
}

// toDec reads a number given to a format function: an integer or decimal
// literal, or a figure. ok is false for a figure that was not read (blank,
// or a cell that cannot be read): the caller prints it as stated.
func toDec(v any) (d num.Dec, f figure, ok bool, err error) {
	switch x := v.(type) {
	case figure:
		if !x.ok || x.kind == table.Text || x.kind == table.Code {
			if x.ok {
				return 0, x, false, fmt.Errorf("%q is text, not a number", x.raw)
			}
			return 0, x, false, nil
		}
		return x.value(), x, true, nil
	case int:
		return num.DecOf(int64(x)), figure{}, true, nil
	case int64:
		return num.DecOf(x), figure{}, true, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e14 {
			return 0, figure{}, false, argError(v)
		}
		return num.Dec(math.Round(x * num.Scale)), figure{}, true, nil
	case num.Money:
		return num.Dec(x) * num.Scale, figure{}, true, nil
	case num.Dec:
		return x, figure{}, true, nil
	}
	return 0, figure{}, false, argError(v)
}

func decimalsArg(ds []int) (int, error) {
	switch {
	case len(ds) == 0:
		return -1, nil
	case len(ds) > 1 || ds[0] < 0 || ds[0] > 4:
		return 0, errors.New("the number of decimals is one number from 0 to 4")
	}
	return ds[0], nil
}

// fmtRupiah: {{ rupiah 3852935 }} → Rp 3.852.935.
func fmtRupiah(v any) (string, error) {
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	if d%num.Scale != 0 {
		return "", fmt.Errorf("%s has decimals; Rupiah amounts are whole", num.FormatDec(d, -1))
	}
	return idn.Rupiah(num.Money(d / num.Scale)), nil
}

// fmtAngka: {{ angka 2590643300 }} → 2.590.643.300; {{ angka X 2 }} with two decimals.
func fmtAngka(v any, decimals ...int) (string, error) {
	n, err := decimalsArg(decimals)
	if err != nil {
		return "", err
	}
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		if !ok && err == nil && f.kind == table.Money {
			return f.raw, nil
		}
		return f.String(), err
	}
	return num.FormatDec(d, n), nil
}

// fmtPersen: {{ persen 97.1 }} → 97,10%; {{ persen X 0 }} → 97%.
func fmtPersen(v any, decimals ...int) (string, error) {
	n, err := decimalsArg(decimals)
	if err != nil {
		return "", err
	}
	if n < 0 {
		n = 2
	}
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	return num.FormatDec(d, n) + "%", nil
}

// fmtTerbilang: {{ terbilang 36 }} → 36 (Tiga Puluh Enam).
func fmtTerbilang(v any) (string, error) {
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	if d%num.Scale != 0 {
		return "", fmt.Errorf("%s is not a whole number", num.FormatDec(d, -1))
	}
	return idn.Terbilang(int64(d / num.Scale)), nil
}

// fmtTanggal: {{ tanggal .Config.Signatory.Date }} or {{ tanggal "2023-05-01" }} → 1 Mei 2023.
func fmtTanggal(v any) (string, error) {
	switch x := v.(type) {
	case time.Time:
		return idn.Date(x), nil
	case string:
		t, err := time.Parse("2006-01-02", x)
		if err != nil {
			return "", fmt.Errorf("%q is not a date; write it as 2023-05-01", x)
		}
		return idn.Date(t), nil
	}
	return "", fmt.Errorf("%v (%T) is not a date; write it as \"2023-05-01\" or give .Config.Signatory.Date", v, v)
}

// tableOf returns the table named id, or an error listing the tables.
func (r *renderer) tableOf(id string) (*table.Table, error) {
	if t := r.p.Table(id); t != nil {
		return t, nil
	}
	var known []string
	for _, t := range r.p.Tables {
		known = append(known, t.ID)
	}
	return nil, fmt.Errorf("no table %q: no data/%s.toml (tables: %s)", id, id, strings.Join(known, ", "))
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
		return nil, fmt.Errorf("%s has no %s column; name one: %s", t.File, want, columnList(t))
	}
	if c := t.Col(name); c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("%s has no column %q (columns: %s)", t.File, name, columnList(t))
}

func columnList(t *table.Table) string {
	var names []string
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// lookup is pagu, target and nilai: the figure of a row's column. key is a
// budget code in a table with a code column (any spelling), else the value
// of the table's first column (Tabel 2.3's "no"). A money column of a parent
// is the computed sum of what lies below it, never the amount the row states.
func (r *renderer) lookup(fn, id, key string, want table.Type, cols []string) (figure, error) {
	if len(cols) > 1 {
		return figure{}, fmt.Errorf("too many arguments; write %s TABLE KEY [COLUMN]", fn)
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
		row := rowByKey(t, key)
		if row == nil {
			return figure{}, fmt.Errorf("%s has no row %q in its first column %q (rows: %s)", t.Path, key, t.Columns[0].Name, keyList(t))
		}
		return cellFig(col, row.Cells[col.Index]), nil
	}
	c, err := kode.Parse(key)
	if err != nil || c.IsZero() {
		return figure{}, fmt.Errorf("%q is not a code such as 7.01.01.2.01.01", key)
	}
	if col.Type == table.Money {
		m, ok, found := r.sumBelow(t, c, col.Index)
		if !found {
			return figure{}, fmt.Errorf("code %s is not in %s", c, t.Path)
		}
		if row := rowByCode(t, c); row != nil && !hasBelow(t, c) {
			return cellFig(col, row.Cells[col.Index]), nil // a leaf: as stated, also when it cannot be read
		}
		return moneyFig(m, ok), nil
	}
	row := rowByCode(t, c)
	if row == nil {
		return figure{}, fmt.Errorf("code %s is not in %s", c, t.Path)
	}
	return cellFig(col, row.Cells[col.Index]), nil
}

func rowByCode(t *table.Table, c kode.Code) *table.Row {
	for _, row := range t.Rows {
		if row.CodeErr == nil && row.Code == c {
			return row
		}
	}
	return nil
}

func rowByKey(t *table.Table, key string) *table.Row {
	key = strings.TrimSpace(key)
	for _, row := range t.Rows {
		if strings.EqualFold(row.Cells[0].Raw, key) {
			return row
		}
	}
	return nil
}

func keyList(t *table.Table) string {
	var keys []string
	for _, row := range t.Rows {
		keys = append(keys, fmt.Sprintf("%q", row.Cells[0].Raw))
	}
	return strings.Join(keys, ", ")
}

// hasBelow reports whether some row's code lies strictly below c.
func hasBelow(t *table.Table, c kode.Code) bool {
	for _, row := range t.Rows {
		if row.CodeErr == nil && !row.Code.IsZero() && row.Code != c && c.Contains(row.Code) {
			return true
		}
	}
	return false
}

// leaves returns the table's data rows that have no row below them: every
// coded row of a flat list of sub kegiatan, every row of a table without
// codes. Rows whose code cannot be read and total rows are left out.
func leaves(t *table.Table) []*table.Row {
	if t.CodeCol() < 0 {
		return t.Rows
	}
	var out []*table.Row
	for _, row := range t.Rows {
		if row.CodeErr == nil && !row.Code.IsZero() && !hasBelow(t, row.Code) {
			out = append(out, row)
		}
	}
	return out
}

// sumBelow adds a money column over what lies below code c (c itself for a
// leaf): from the model tree where the table is hierarchical and has the
// code, else over the leaf rows under c. Cells that cannot be read are left
// out, as in the printed tables' totals. found is false when no row is c or
// below it.
func (r *renderer) sumBelow(t *table.Table, c kode.Code, col int) (m num.Money, ok, found bool) {
	if tr := r.p.Trees[t.ID]; tr != nil {
		if n := tr.Node(c); n != nil {
			m, ok = tr.Sum(n, col)
			return m, ok, true
		}
	}
	for _, row := range leaves(t) {
		if !c.Contains(row.Code) {
			continue
		}
		found = true
		if cell := row.Cells[col]; cell.Present && cell.Err == nil {
			m += cell.Money
			ok = true
		}
	}
	return m, ok, found
}

// jumlah: {{ jumlah "t31" "pagu" }} is the table's total of a column (the
// computed one), {{ jumlah "t31" "pagu" "7.01.01" }} the total below a code.
func (r *renderer) jumlah(id, colName string, code ...string) (figure, error) {
	t, err := r.tableOf(id)
	if err != nil {
		return figure{}, err
	}
	col, err := columnOf(t, colName, "")
	if err != nil {
		return figure{}, err
	}
	switch {
	case len(code) > 1:
		return figure{}, errors.New("too many arguments; write jumlah TABLE COLUMN [CODE]")
	case col.Type != table.Money && col.Type != table.Number && col.Type != table.Target:
		return figure{}, fmt.Errorf("column %s is %s; only money, number and target columns add up (for percentages use rerata)", col.Name, col.Type)
	}
	if len(code) == 1 && col.Type == table.Money {
		return r.lookup("jumlah", id, code[0], table.Money, []string{colName})
	}
	var under kode.Code
	if len(code) == 1 {
		if t.CodeCol() < 0 {
			return figure{}, fmt.Errorf("%s has no code column to sum below %q", t.Path, code[0])
		}
		if under, err = kode.Parse(code[0]); err != nil || under.IsZero() {
			return figure{}, fmt.Errorf("%q is not a code such as 7.01.01", code[0])
		}
	}
	if col.Type == table.Money && t.CodeCol() >= 0 {
		if tr := r.p.Trees[t.ID]; tr != nil {
			m, ok := tr.Sum(tr.Root, col.Index)
			return moneyFig(m, ok), nil
		}
	}
	var sum num.Dec
	var money num.Money
	ok, found := false, false
	for _, row := range leaves(t) {
		if len(code) == 1 && !under.Contains(row.Code) {
			continue
		}
		found = true
		cell := row.Cells[col.Index]
		if !cell.Present || cell.Err != nil {
			continue
		}
		ok = true
		money += cell.Money
		sum += cell.Dec
	}
	if len(code) == 1 && !found {
		return figure{}, fmt.Errorf("code %s is not in %s", under, t.Path)
	}
	if col.Type == table.Money {
		return moneyFig(money, ok), nil
	}
	return figure{kind: table.Number, dec: sum, ok: ok, raw: "-"}, nil // a sum of targets is a number: units may differ
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
	if len(what) > 1 {
		return 0, errors.New("too many arguments; write hitung TABLE [program | kegiatan | sub kegiatan | COLUMN]")
	}
	if len(what) == 0 {
		n := 0
		for _, row := range t.Rows {
			if t.CodeCol() < 0 || row.CodeErr != nil || !row.Code.IsZero() {
				n++
			}
		}
		return n, nil
	}
	w := strings.ToLower(strings.Join(strings.Fields(what[0]), " "))
	if l, ok := levelNames[w]; ok {
		if t.CodeCol() < 0 {
			return 0, fmt.Errorf("%s has no code column to count %s by", t.Path, w)
		}
		seen := map[kode.Code]bool{}
		for _, row := range t.Rows {
			if row.CodeErr != nil {
				continue
			}
			for c := row.Code; !c.IsZero(); c = c.Parent() {
				if c.Level() == l {
					seen[c] = true
				}
			}
		}
		return len(seen), nil
	}
	col := t.Col(what[0])
	if col == nil {
		return 0, fmt.Errorf("%q is neither a level (program, kegiatan, sub kegiatan) nor a column of %s (columns: %s)", what[0], t.File, columnList(t))
	}
	seen := map[string]bool{}
	for _, row := range t.Rows {
		if v := strings.TrimSpace(row.Cells[col.Index].Raw); !num.IsBlank(v) {
			seen[strings.ToLower(v)] = true
		}
	}
	return len(seen), nil
}

// rowValue is a row's value in a column: for a derived column, its formula
// computed from the row (never the figure the row states); else the stated
// value. ok is false when it cannot be computed or read.
func rowValue(t *table.Table, row *table.Row, col *table.Column) (num.Dec, bool) {
	if col.Expr == nil {
		f := cellFig(col, row.Cells[col.Index])
		if !f.ok || f.kind == table.Text || f.kind == table.Code {
			return 0, false
		}
		return f.value(), true
	}
	var args []num.Dec
	for _, a := range col.Expr.Args {
		v, ok := rowValue(t, row, &t.Columns[a])
		if !ok {
			return 0, false
		}
		args = append(args, v)
	}
	switch col.Expr.Op {
	case "ratio":
		return num.Ratio(args[0], args[1])
	case "sum":
		var s num.Dec
		for _, a := range args {
			s += a
		}
		return s, true
	}
	return 0, false
}

// mean returns the arithmetic mean of ds, rounded half away from zero to
// four decimals.
func mean(ds []num.Dec) num.Dec {
	var s int64
	for _, d := range ds {
		s += int64(d)
	}
	n := int64(len(ds))
	if s < 0 {
		return -num.Dec((-2*s + n) / (2 * n))
	}
	return num.Dec((2*s + n) / (2 * n))
}

// rerata: {{ rerata "eval21" "capaian_kinerja" }} is the mean of a column
// over the table's rows (sub kegiatan), each row's value computed by the
// column's formula where it has one; rows where it cannot be computed are
// left out. A percent column gives a percentage (99,65%).
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
		return figure{}, fmt.Errorf("column %s is %s; rerata averages percent, number and target columns", col.Name, col.Type)
	}
	var vs []num.Dec
	for _, row := range leaves(t) {
		if v, ok := rowValue(t, row, col); ok {
			vs = append(vs, v)
		}
	}
	kind := table.Number
	if col.Type == table.Percent {
		kind = table.Percent
	}
	if len(vs) == 0 {
		return figure{kind: kind, raw: "-"}, nil
	}
	return figure{kind: kind, dec: mean(vs), ok: true}, nil
}

// kategori: {{ kategori "t22" 99.65 }} → "sangat tinggi": the criterion of
// the score by a table with columns min and max (Tabel 2.2) and the
// criterion's name in column kriteria (else the table's first text column),
// in lower case. A score belongs to the row with the highest min it reaches,
// so 90,5 (between Tinggi's 90 and Sangat Tinggi's 91) is tinggi and a score
// above 100 is sangat tinggi.
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
		return "", fmt.Errorf("%s needs the columns min, max and kriteria (it has %s)", t.File, columnList(t))
	}
	d, f, ok, err := toDec(score)
	if err != nil {
		return "", err
	}
	if !ok {
		return f.String(), nil
	}
	type band struct {
		min  num.Dec
		name string
	}
	var bands []band
	for _, row := range t.Rows {
		c := row.Cells[lo.Index]
		if c.Err != nil || !c.Present {
			return "", fmt.Errorf("%s:%d: min %q cannot be read", t.Path, row.Line, c.Raw)
		}
		bands = append(bands, band{c.Dec, strings.ToLower(strings.TrimSpace(row.Cells[name.Index].Raw))})
	}
	if len(bands) == 0 {
		return "", fmt.Errorf("%s has no rows", t.Path)
	}
	sort.SliceStable(bands, func(i, j int) bool { return bands[i].min > bands[j].min })
	for _, b := range bands {
		if d >= b.min {
			return b.name, nil
		}
	}
	return bands[len(bands)-1].name, nil
}

// evaluasi writes section 2.1's evaluation from a table of sub kegiatan
// figures (data/eval21: code, uraian, indikator, the indicator's target and
// realisation, the budget and its realisation, and the two ratio columns)
// and a table that names the programs and kegiatan (data/tc29): a numbered
// Markdown heading and a paragraph for every program (###), kegiatan (####)
// and sub kegiatan (#####), in the order of the figures' rows.
func (r *renderer) evaluasi(figuresID, namesID string) (string, error) {
	ft, err := r.tableOf(figuresID)
	if err != nil {
		return "", err
	}
	nt, err := r.tableOf(namesID)
	if err != nil {
		return "", err
	}
	ec, err := evalColumns(ft)
	if err != nil {
		return "", err
	}
	if nt.CodeCol() < 0 || nt.NameCol() < 0 {
		return "", fmt.Errorf("%s names no codes: it needs a code column and a name column", nt.File)
	}
	var progs []*evalGroup
	byCode := map[kode.Code]*evalGroup{}
	group := func(c kode.Code, parent *evalGroup) *evalGroup {
		g := byCode[c]
		if g == nil {
			g = &evalGroup{code: c}
			byCode[c] = g
			if parent == nil {
				progs = append(progs, g)
			} else {
				parent.kids = append(parent.kids, g)
			}
		}
		return g
	}
	for _, row := range ft.Rows {
		switch {
		case row.CodeErr != nil || row.Code.IsZero():
			continue // the codes rule reports a code that cannot be read
		case row.Code.Level() != kode.SubKegiatan:
			return "", fmt.Errorf("%s:%d: %s is a %s; %s lists sub kegiatan", ft.Path, row.Line, row.Code, row.Code.Level(), ft.Path)
		}
		keg := row.Code.Parent()
		p := group(keg.Parent(), nil)
		k := group(keg, p)
		k.subs = append(k.subs, evalSub(ft, ec, row))
	}
	var b strings.Builder
	for i, p := range progs {
		pn := fmt.Sprint(i + 1)
		fmt.Fprintf(&b, "\n\n### %s. %s\n\n", pn, mdEscape(programName(nameOf(nt, p.code))))
		var subs []*evalSubView
		for j, k := range p.kids {
			kn := fmt.Sprintf("%s.%d", pn, j+1)
			for l, s := range k.subs {
				s.number = fmt.Sprintf("%s.%d", kn, l+1)
			}
			subs = append(subs, k.subs...)
		}
		b.WriteString(aggregate("Program", fmt.Sprintf("terdiri atas %s kegiatan dan %s sub kegiatan",
			idn.Terbilang(int64(len(p.kids))), idn.Terbilang(int64(len(subs)))), subs))
		for j, k := range p.kids {
			kn := fmt.Sprintf("%s.%d", pn, j+1)
			fmt.Fprintf(&b, "\n\n#### %s. %s\n\n", kn, mdEscape(nameOf(nt, k.code)))
			b.WriteString(aggregate("Kegiatan", fmt.Sprintf("terdiri atas %s sub kegiatan", idn.Terbilang(int64(len(k.subs)))), k.subs))
			for _, s := range k.subs {
				fmt.Fprintf(&b, "\n\n##### %s. %s\n\n%s", s.number, mdEscape(s.name), s.paragraph())
			}
		}
	}
	b.WriteString("\n\n")
	return b.String(), nil
}

type evalGroup struct {
	code kode.Code
	kids []*evalGroup
	subs []*evalSubView
}

// evalCols are the columns of the figures table evaluasi reads.
type evalCols struct {
	name, ind            *table.Column
	target, real         *table.Column // the indicator's target and realisation
	pagu, realAnggaran   *table.Column
	capaian, capAnggaran *table.Column // ratio(real, target), ratio(realAnggaran, pagu)
}

func evalColumns(t *table.Table) (*evalCols, error) {
	ec := &evalCols{name: t.Col("uraian")}
	if ec.name == nil && t.NameCol() >= 0 {
		ec.name = &t.Columns[t.NameCol()]
	}
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Type == table.Text && ec.ind == nil && (strings.HasPrefix(c.Name, "indikator") || strings.Contains(strings.ToLower(c.Title), "indikator")) {
			ec.ind = c
		}
		if c.Expr == nil || c.Expr.Op != "ratio" || len(c.Expr.Args) != 2 {
			continue
		}
		a, b := &t.Columns[c.Expr.Args[0]], &t.Columns[c.Expr.Args[1]]
		if a.Type == table.Money && b.Type == table.Money {
			ec.realAnggaran, ec.pagu, ec.capAnggaran = a, b, c
		} else {
			ec.real, ec.target, ec.capaian = a, b, c
		}
	}
	if t.CodeCol() < 0 || ec.name == nil || ec.ind == nil || ec.capaian == nil || ec.capAnggaran == nil {
		return nil, fmt.Errorf("%s needs a code column, uraian, indikator, a column ratio(realisasi, target) of the indicator and a column ratio(realisasi, pagu) of money columns (it has %s)",
			t.File, columnList(t))
	}
	return ec, nil
}

// nameOf is a code's name in the names table; the code itself, marked, when
// the table has no row for it.
func nameOf(t *table.Table, c kode.Code) string {
	if row := rowByCode(t, c); row != nil {
		if n := strings.TrimSpace(t.Name(row)); n != "" {
			return n
		}
	}
	return fmt.Sprintf("%s %s (tidak ada di %s)", titleWord(c.Level().String()), c, t.Path)
}

// smallWords stay lower case inside a title (Indonesian spelling).
var smallWords = map[string]bool{
	"dan": true, "di": true, "ke": true, "dari": true, "yang": true, "pada": true, "untuk": true, "atau": true,
	"dengan": true, "serta": true, "sesuai": true, "kepada": true, "oleh": true, "dalam": true, "terhadap": true, "bagi": true, "atas": true,
}

// programName writes a name typed in capitals (T-C.29's PROGRAM PENUNJANG …)
// in title case, as section 2.1 writes it; other names stay as typed.
func programName(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if i > 0 && smallWords[w] {
			continue
		}
		ws[i] = titleWord(w)
	}
	return strings.Join(ws, " ")
}

func titleWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// evalSubView is a sub kegiatan's figures for its paragraph and its parents'.
type evalSubView struct {
	number, name, indicator string
	target, real            figure
	capaian                 num.Dec
	capaianOK               bool
	pagu, realAnggaran      figure
	capAnggaran             num.Dec
	capAnggaranOK           bool
}

func evalSub(t *table.Table, ec *evalCols, row *table.Row) *evalSubView {
	s := &evalSubView{
		name:         oneLine(row.Cells[ec.name.Index].Raw),
		indicator:    lowerFirst(oneLine(row.Cells[ec.ind.Index].Raw)),
		target:       cellFig(ec.target, row.Cells[ec.target.Index]),
		real:         cellFig(ec.real, row.Cells[ec.real.Index]),
		pagu:         cellFig(ec.pagu, row.Cells[ec.pagu.Index]),
		realAnggaran: cellFig(ec.realAnggaran, row.Cells[ec.realAnggaran.Index]),
	}
	s.capaian, s.capaianOK = rowValue(t, row, ec.capaian)
	s.capAnggaran, s.capAnggaranOK = rowValue(t, row, ec.capAnggaran)
	return s
}

// paragraph is the seed's sentence for a sub kegiatan, with the percentages
// computed: realisation ÷ target, two decimals. A figure that cannot be read
// is written as stated, and its percentage left out.
func (s *evalSubView) paragraph() string {
	return fmt.Sprintf("Indikator dari sub kegiatan ini adalah %s dengan target kinerja sebanyak %s dan terealisasi sebanyak %s%s dengan target anggaran sebesar %s dan terealisasi sebesar %s%s.",
		mdEscape(s.indicator), mdEscape(s.target.String()), mdEscape(s.real.String()), pct(s.capaian, s.capaianOK),
		mdEscape(s.pagu.String()), mdEscape(s.realAnggaran.String()), pct(s.capAnggaran, s.capAnggaranOK))
}

func pct(d num.Dec, ok bool) string {
	if !ok {
		return ""
	}
	return " (" + idn.Persen(d) + ")"
}

// aggregate is the paragraph of a kegiatan or program: how many it holds,
// the mean of its sub kegiatan's capaian kinerja, and its budget, the sum of
// its sub kegiatan's, with realisation ÷ target. A sub kegiatan whose budget
// or realisation cannot be read is left out of both sums, and named.
func aggregate(what, holds string, subs []*evalSubView) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s ini %s", what, holds)
	var caps []num.Dec
	for _, s := range subs {
		if s.capaianOK {
			caps = append(caps, s.capaian)
		}
	}
	if len(caps) > 0 {
		fmt.Fprintf(&b, " dengan rata-rata capaian kinerja sebesar %s", idn.Persen(mean(caps)))
	}
	b.WriteString(".")
	var pagu, real num.Money
	var left []string
	n := 0
	for _, s := range subs {
		if !s.pagu.ok || !s.realAnggaran.ok {
			if !num.IsBlank(s.pagu.raw) || !num.IsBlank(s.realAnggaran.raw) {
				left = append(left, s.number)
			}
			continue
		}
		pagu += s.pagu.money
		real += s.realAnggaran.money
		n++
	}
	if n == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, " Target anggaran %s ini sebesar %s dan terealisasi sebesar %s", strings.ToLower(what), idn.Rupiah(pagu), idn.Rupiah(real))
	if d, ok := num.MoneyRatio(real, pagu); ok {
		b.WriteString(pct(d, true))
	}
	if len(left) > 0 {
		fmt.Fprintf(&b, ", tidak termasuk sub kegiatan %s yang anggarannya tidak dapat dijumlahkan", joinID(left))
	}
	b.WriteString(".")
	return b.String()
}

// joinID joins "1.7.1", "1.8.2", "2.1.1" as "1.7.1, 1.8.2 dan 2.1.1".
func joinID(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " dan " + xs[len(xs)-1]
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// lowerFirst writes "Jumlah dokumen …" as "jumlah dokumen …" inside a
// sentence, and leaves "IMB …" as it is.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// mdEscape makes data text literal in Markdown: its punctuation cannot start
// emphasis, a link, raw HTML or an entity.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~&!{}", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
