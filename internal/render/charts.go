package render

// Charts drawn from data/ at build time, placed in Markdown with
// {{ chart "NAME" }}. Every figure is computed the way the tables print
// it: a program's amount is the sum of its sub kegiatan.
//
//	pagu-program       the plan year's pagu per program (plan table, measure pagu:YEAR,
//	                   YEAR being the earliest pagu year of the plan table)
//	pagu-prakiraan     the plan year's pagu and the next year's estimate per program
//	                   (measures pagu:YEAR and pagu:YEAR+1)
//	realisasi-program  the realisation rates of YEAR-2 per program: performance, the
//	                   percentage a program row states in the table whose column is
//	                   ratio(realisasi:YEAR-2, target:YEAR-2) (T-C.29 col. 8), and
//	                   budget, Σ realisasi-anggaran:YEAR-2 ÷ Σ pagu:YEAR-2 over the
//	                   program's sub kegiatan (the 2.1 figures, eval21); a sub
//	                   kegiatan whose amount cannot be read is left out of both sums

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"

	"renja/internal/chart"
	"renja/internal/content"
	"renja/internal/idn"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// Charts are the names {{ chart }} knows, in the order the README lists them.
var Charts = []string{"pagu-program", "pagu-prakiraan", "realisasi-program"}

type chartView struct {
	ID      string
	Number  int
	Caption string
	Source  string
	SVG     template.HTML
}

func (r *renderer) chartFunc(b *content.Blocks) func(string) (string, error) {
	return func(name string) (string, error) {
		c, source, err := r.chart(name)
		if err != nil {
			return "", err
		}
		r.charts++
		v := chartView{ID: c.ID, Number: r.charts, Caption: c.Title, Source: source, SVG: template.HTML(c.SVG())}
		return r.place(b, "chart", v)
	}
}

func (r *renderer) chart(name string) (*chart.Chart, string, error) {
	switch name {
	case "pagu-program":
		plan, col, year, err := r.planMoney()
		if err != nil {
			return nil, "", err
		}
		c := &chart.Chart{ID: "grafik-" + name, Title: fmt.Sprintf("Pagu Indikatif Tahun %d per Program", year), Series: []string{fmt.Sprint(year)}}
		for _, n := range plan.Programs() {
			m, ok := plan.Sum(n, col)
			c.Items = append(c.Items, moneyItem(programLabel(plan.Table, n), []num.Money{m}, []bool{ok}))
		}
		return c, "Sumber: " + plan.Table.Caption + "; jumlah program dihitung dari sub kegiatannya.", nil
	case "pagu-prakiraan":
		plan, col, year, err := r.planMoney()
		if err != nil {
			return nil, "", err
		}
		next := measureCol(plan.Table, fmt.Sprintf("pagu:%d", year+1), table.Money)
		if next < 0 {
			return nil, "", fmt.Errorf("chart %q: the plan table %s has no money column with measure = \"pagu:%d\"", name, plan.Table.Path, year+1)
		}
		c := &chart.Chart{ID: "grafik-" + name, Title: fmt.Sprintf("Pagu Indikatif Tahun %d dan Prakiraan Maju Tahun %d per Program", year, year+1),
			Series: []string{fmt.Sprintf("Tahun %d", year), fmt.Sprintf("Prakiraan maju %d", year+1)}}
		for _, n := range plan.Programs() {
			a, aok := plan.Sum(n, col)
			b, bok := plan.Sum(n, next)
			c.Items = append(c.Items, moneyItem(programLabel(plan.Table, n), []num.Money{a, b}, []bool{aok, bok}))
		}
		return c, "Sumber: " + plan.Table.Caption + "; jumlah program dihitung dari sub kegiatannya.", nil
	case "realisasi-program":
		year := r.p.Config.Plan.Year
		if _, _, y, err := r.planMoney(); err == nil {
			year = y
		}
		return r.realisationChart(name, year-2)
	}
	return nil, "", fmt.Errorf("chart %q: the charts are %s", name, strings.Join(Charts, ", "))
}

// planMoney returns the plan's tree, its money column of the plan year's
// pagu and that year: the earliest measure pagu:YEAR of the plan table. It is
// plan.year in a project whose tables are its own; a project that renja init
// started for another year still holds the example's tables, and its charts
// name the tables' year.
func (r *renderer) planMoney() (*model.Tree, int, int, error) {
	plan := r.p.Plan()
	if plan == nil {
		return nil, 0, 0, fmt.Errorf("chart: renja.toml names no plan table (plan.table)")
	}
	col, year := -1, 0
	for i, c := range plan.Table.Columns {
		y, err := strconv.Atoi(strings.TrimPrefix(c.Measure, "pagu:"))
		if c.Type == table.Money && strings.HasPrefix(c.Measure, "pagu:") && err == nil && (col < 0 || y < year) {
			col, year = i, y
		}
	}
	if col < 0 {
		return nil, 0, 0, fmt.Errorf("chart: the plan table %s has no money column with measure = \"pagu:%d\"", plan.Table.Path, r.p.Config.Plan.Year)
	}
	return plan, col, year, nil
}

func (r *renderer) realisationChart(name string, year int) (*chart.Chart, string, error) {
	c := &chart.Chart{ID: "grafik-" + name, Title: fmt.Sprintf("Tingkat Realisasi Tahun %d per Program (%%)", year),
		Series: []string{"Kinerja", "Anggaran"}, Max: 100}
	type rates struct {
		label      string
		perf       num.Dec
		perfOK     bool
		plan, real num.Money
		budgetOK   bool
	}
	byCode := map[string]*rates{}
	var order []string
	// A program is named as the plan names it, else as the table does.
	get := func(code kode.Code, label string) *rates {
		k := code.String()
		if byCode[k] == nil {
			if n := r.programName(code); n != "" {
				label = n
			}
			byCode[k] = &rates{label: label}
			order = append(order, k)
		}
		return byCode[k]
	}
	var sources []string
	// Performance: a percent column that is ratio(realisasi:Y, target:Y), on program rows.
	for _, t := range r.p.Tables {
		pc := ratioCol(t, fmt.Sprintf("realisasi:%d", year), fmt.Sprintf("target:%d", year))
		if pc < 0 || t.CodeCol() < 0 {
			continue
		}
		found := false
		for _, row := range t.Rows {
			if row.CodeErr != nil || row.Code.Level() != kode.Program {
				continue
			}
			found = true
			rt := get(row.Code, label(t, row))
			if cell := row.Cells[pc]; cell.Err == nil && cell.Present {
				rt.perf, rt.perfOK = cell.Dec, true
			}
		}
		if found {
			sources = append(sources, fmt.Sprintf("kinerja: %s kolom %s", t.Caption, t.Columns[pc].Number))
			break
		}
	}
	// Budget: Σ realisasi-anggaran ÷ Σ pagu of the sub kegiatan, per program.
	for _, t := range r.p.Tables {
		pg := measureCol(t, fmt.Sprintf("pagu:%d", year), table.Money)
		re := measureCol(t, fmt.Sprintf("realisasi-anggaran:%d", year), table.Money)
		if pg < 0 || re < 0 || t.CodeCol() < 0 {
			continue
		}
		for _, row := range t.Rows {
			if row.CodeErr != nil || row.Code.Level() != kode.SubKegiatan {
				continue
			}
			a, b := row.Cells[pg], row.Cells[re]
			if a.Err != nil || b.Err != nil || !a.Present || !b.Present {
				continue
			}
			prog := row.Code
			for !prog.IsZero() && prog.Level() != kode.Program {
				prog = prog.Parent()
			}
			if prog.IsZero() {
				continue
			}
			rt := get(prog, prog.String())
			rt.plan += a.Money
			rt.real += b.Money
			rt.budgetOK = true
		}
		what := "anggaran: jumlah realisasi ÷ jumlah pagu sub kegiatan"
		if t.Caption != "" {
			what += " (" + t.Caption + ")"
		} else {
			what += " (" + t.Path + ")"
		}
		sources = append(sources, what)
		break
	}
	if len(order) == 0 {
		return nil, "", fmt.Errorf("chart %q: no table has program rows with a ratio(realisasi:%d, target:%d) column, nor sub kegiatan with pagu:%d and realisasi-anggaran:%d", name, year, year, year, year)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i] < order[j] })
	for _, k := range order {
		rt := byCode[k]
		it := chart.Item{Label: rt.label, Values: []float64{math.NaN(), math.NaN()}, Texts: []string{"tidak ada data", "tidak ada data"}}
		if rt.perfOK {
			it.Values[0], it.Texts[0] = decFloat(rt.perf), num.FormatDec(rt.perf, 2)+"%"
		}
		if rt.budgetOK {
			if d, ok := num.MoneyRatio(rt.real, rt.plan); ok {
				it.Values[1], it.Texts[1] = decFloat(d), num.FormatDec(d, 2)+"%"
			}
		}
		c.Items = append(c.Items, it)
	}
	return c, "Sumber: " + strings.Join(sources, "; ") + ".", nil
}

// programName is a program's name in the plan table, or "".
func (r *renderer) programName(c kode.Code) string {
	if plan := r.p.Plan(); plan != nil {
		if n := plan.Node(c); n != nil && n.Row != nil {
			return label(plan.Table, n.Row)
		}
	}
	return ""
}

func programLabel(t *table.Table, n *model.Node) string {
	if n.Row == nil {
		return n.Code.String()
	}
	return label(t, n.Row)
}

// label is a row's name, in sentence case when the table shouts it.
func label(t *table.Table, row *table.Row) string {
	s := strings.Join(strings.Fields(t.Name(row)), " ")
	if s == strings.ToUpper(s) {
		s = titleCase(s)
	}
	return s
}

// titleCase writes PROGRAM PENUNJANG URUSAN as Program Penunjang Urusan.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	small := map[string]bool{"dan": true, "di": true, "ke": true, "dari": true, "yang": true, "pada": true, "untuk": true, "atau": true}
	for i, w := range words {
		if i > 0 && small[w] {
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func moneyItem(l string, ms []num.Money, oks []bool) chart.Item {
	it := chart.Item{Label: l}
	for i, m := range ms {
		if oks[i] {
			it.Values = append(it.Values, float64(m))
			it.Texts = append(it.Texts, idn.Rupiah(m))
		} else {
			it.Values = append(it.Values, math.NaN())
			it.Texts = append(it.Texts, "tidak ada data")
		}
	}
	return it
}

// measureCol returns the index of the column of that type with the measure, or -1.
func measureCol(t *table.Table, measure string, typ table.Type) int {
	for i, c := range t.Columns {
		if c.Measure == measure && c.Type == typ {
			return i
		}
	}
	return -1
}

// ratioCol returns a percent column whose formula divides the column
// measuring num by the one measuring den, or -1.
func ratioCol(t *table.Table, numM, denM string) int {
	for i, c := range t.Columns {
		if c.Type != table.Percent || c.Expr == nil || c.Expr.Op != "ratio" || len(c.Expr.Args) != 2 {
			continue
		}
		if t.Columns[c.Expr.Args[0]].Measure == numM && t.Columns[c.Expr.Args[1]].Measure == denM {
			return i
		}
	}
	return -1
}

func decFloat(d num.Dec) float64 { return float64(d) / num.Scale }
