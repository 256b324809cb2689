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
	"strconv"
	"strings"

	"renja/internal/chart"
	"renja/internal/content"
	"renja/internal/idn"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// charts are the names {{ chart }} knows, in the order docs/project.md lists them.
var charts = []string{"pagu-program", "pagu-prakiraan", "realisasi-program"}

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
		r.chartList = append(r.chartList, Entry{Level: 2, ID: c.ID, Text: fmt.Sprintf("Grafik %d %s", r.charts, c.Title)})
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
		next := model.MeasureCol(plan.Table, fmt.Sprintf("pagu:%d", year+1), table.Money)
		if next == nil {
			return nil, "", msg.Errorf("chart %q: the plan table %s has no money column with measure = \"pagu:%d\"", name, plan.Table.Path, year+1)
		}
		c := &chart.Chart{ID: "grafik-" + name, Title: fmt.Sprintf("Pagu Indikatif Tahun %d dan Prakiraan Maju Tahun %d per Program", year, year+1),
			Series: []string{fmt.Sprintf("Tahun %d", year), fmt.Sprintf("Prakiraan maju %d", year+1)}}
		for _, n := range plan.Programs() {
			a, aok := plan.Sum(n, col)
			b, bok := plan.Sum(n, next.Index)
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
	return nil, "", msg.Errorf("chart %q: the charts are %s", name, strings.Join(charts, ", "))
}

// planMoney returns the plan's tree, its money column of the plan year's
// pagu and that year: the column whose measure is pagu:YEAR for plan.year
// (pagu:N in the bundled schemas), else the earliest pagu:YEAR of the plan
// table, for tables that write absolute years of another plan year.
func (r *renderer) planMoney() (*model.Tree, int, int, error) {
	plan := r.p.Plan()
	if plan == nil {
		return nil, 0, 0, msg.Errorf("chart: renja.toml names no plan table (plan.table)")
	}
	if c := model.MeasureCol(plan.Table, fmt.Sprintf("pagu:%d", r.p.Config.Plan.Year), table.Money); c != nil {
		return plan, c.Index, r.p.Config.Plan.Year, nil
	}
	col, year := -1, 0
	for i, c := range plan.Table.Columns {
		y, err := strconv.Atoi(strings.TrimPrefix(c.Measure, "pagu:"))
		if c.Type == table.Money && strings.HasPrefix(c.Measure, "pagu:") && err == nil && (col < 0 || y < year) {
			col, year = i, y
		}
	}
	if col < 0 {
		return nil, 0, 0, msg.Errorf("chart: the plan table %s has no money column with measure = \"pagu:N\" (pagu:%d)", plan.Table.Path, r.p.Config.Plan.Year)
	}
	return plan, col, year, nil
}

func (r *renderer) realisationChart(name string, year int) (*chart.Chart, string, error) {
	c := &chart.Chart{ID: "grafik-" + name, Title: fmt.Sprintf("Tingkat Realisasi Tahun %d per Program (%%)", year),
		Series: []string{"Kinerja", "Anggaran"}, Max: 100}
	rates, src := r.p.RealisationRates(year)
	if len(rates) == 0 {
		return nil, "", msg.Errorf("chart %q: no table has program rows with a ratio(realisasi:%d, target:%d) column, nor sub kegiatan with pagu:%d and realisasi-anggaran:%d", name, year, year, year, year)
	}
	var sources []string
	if src.Kinerja != nil {
		sources = append(sources, fmt.Sprintf("kinerja: %s kolom %s", src.Kinerja.Caption, src.KinerjaCol.Number))
	}
	if t := src.Anggaran; t != nil {
		what := "anggaran: jumlah realisasi ÷ jumlah pagu sub kegiatan"
		if t.Caption != "" {
			what += " (" + t.Caption + ")"
		} else {
			what += " (" + t.Path + ")"
		}
		sources = append(sources, what)
	}
	for _, rt := range rates {
		l := rt.Code.String()
		if rt.Row != nil {
			l = label(rt.Table, rt.Row)
		}
		if n := r.programName(rt.Code); n != "" {
			l = n
		}
		it := chart.Item{Label: l, Values: []float64{math.NaN(), math.NaN()}, Texts: []string{"tidak ada data", "tidak ada data"}}
		for i, f := range []model.Figure{rt.Kinerja, rt.Anggaran} {
			if f.OK {
				it.Values[i], it.Texts[i] = f.Dec.Float(), num.FormatDec(f.Dec, 2)+"%"
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

// label is a row's name, in title case when the table shouts it.
func label(t *table.Table, row *table.Row) string {
	return idn.Title(strings.Join(strings.Fields(t.Name(row)), " "))
}

func moneyItem(l string, ms []num.Money, oks []bool) chart.Item {
	it := chart.Item{Label: l}
	for i, m := range ms {
		if oks[i] {
			it.Values = append(it.Values, m.Float())
			it.Texts = append(it.Texts, idn.Rupiah(m))
		} else {
			it.Values = append(it.Values, math.NaN())
			it.Texts = append(it.Texts, "tidak ada data")
		}
	}
	return it
}
