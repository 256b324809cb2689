package model_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"renja/internal/gen"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

const schemaSrc = `hierarchy = true
[[columns]]
name = "kode"
type = "code"
[[columns]]
name = "uraian"
[[columns]]
name = "target"
type = "number"
[[columns]]
name = "realisasi"
type = "number"
[[columns]]
name = "capaian"
type = "percent"
formula = "ratio(realisasi, target)"
[[columns]]
name = "pagu"
type = "money"
[[columns]]
name = "jumlah"
type = "number"
formula = "sum(target, realisasi)"
`

// A program whose first kegiatan states a wrong pagu, a sub kegiatan whose
// pagu cannot be read, a target of 0, a total row.
const csvSrc = `kode;uraian;target;realisasi;capaian;pagu;jumlah
7.01.01;PROGRAM;;;;99;
7.01.01.2.01;Kegiatan A;;;;21.000.000;
7.01.01.2.01.01;Sub A1;2;2;100;12.000.000;4
7.01.01.2.01.02;Sub A2;4;3;80;8.000.000;7
7.01.01.2.02;Kegiatan B;;;;5;
7.01.01.2.02.01;Sub B1;0;1;;278.000,000;1
7.01.02.2.01.01;Sub C1 (no parents);10;5;50;1.000;15
;JUMLAH;;;;1;
`

func load(t testing.TB) (*model.Project, *table.Table) { return loadCSV(t, csvSrc) }

// loadCSV reads src as data/x.csv of schemaSrc.
func loadCSV(t testing.TB, src string) (*model.Project, *table.Table) {
	t.Helper()
	s, err := table.ParseSchema("data/x.toml", "x", []byte(schemaSrc))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := table.Parse(s, "data/x.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return model.New(nil, nil, []*table.Table{tb}), tb
}

func TestSums(t *testing.T) {
	p, tb := load(t)
	tr := p.Trees["x"]
	pagu := tb.Col("pagu").Index
	for _, tt := range []struct {
		code string
		want num.Money
		ok   bool
	}{
		{"7.01.01.2.01.01", 12_000_000, true},
		{"7.01.01.2.01", 20_000_000, true}, // computed, not the stated 21.000.000
		{"7.01.01.2.02", 0, false},         // its only sub kegiatan cannot be read
		{"7.01.01", 20_000_000, true},
		{"7.01.02.2.01.01", 1000, true},
	} {
		m, ok := tr.Sum(tr.Node(kode.MustParse(tt.code)), pagu)
		if m != tt.want || ok != tt.ok {
			t.Errorf("Sum(%s) = %d, %v; want %d, %v", tt.code, m, ok, tt.want, tt.ok)
		}
	}
	if m, ok := tr.Sum(tr.Root, pagu); m != 20_001_000 || !ok {
		t.Errorf("total = %d, %v", m, ok)
	}
	if m, ok, found := tr.SumBelow(kode.MustParse("7.01.02"), pagu); m != 1000 || !ok || !found {
		t.Errorf("SumBelow(7.01.02) = %d, %v, %v", m, ok, found)
	}
	if _, _, found := tr.SumBelow(kode.MustParse("7.01.03"), pagu); found {
		t.Error("SumBelow(7.01.03) found rows")
	}
	if got := len(tr.LeafRows(kode.Code{})); got != 4 {
		t.Errorf("%d leaf rows, want 4", got)
	}
	if got := tr.Count(kode.Program); got != 2 {
		t.Errorf("Count(program) = %d, want 2", got)
	}
	if got := tr.Count(kode.Kegiatan); got != 3 {
		t.Errorf("Count(kegiatan) = %d, want 3", got)
	}
	if f, found := p.Total(tb, tb.Col("target"), kode.MustParse("7.01.01")); !found || f.Dec != num.DecOf(6) {
		t.Errorf("Total(target below 7.01.01) = %+v, %v", f, found)
	}
}

func TestFormulas(t *testing.T) {
	p, tb := load(t)
	capaian, jumlah := tb.Col("capaian"), tb.Col("jumlah")
	row := func(code string) *table.Row {
		return p.Trees["x"].Node(kode.MustParse(code)).Row
	}
	for _, tt := range []struct {
		code      string
		col       *table.Column
		want      string
		ok        bool
		computeOK bool
	}{
		{"7.01.01.2.01.02", capaian, "75", true, true},
		{"7.01.01.2.01.02", jumlah, "7", true, true},
		{"7.01.01.2.02.01", capaian, "0", false, false}, // target 0
	} {
		got, ok := model.Expected(tb, row(tt.code), tt.col)
		if ok != tt.ok || (ok && num.FormatDec(got, -1) != tt.want) {
			t.Errorf("Expected(%s, %s) = %s, %v; want %s, %v", tt.code, tt.col.Name, num.FormatDec(got, -1), ok, tt.want, tt.ok)
		}
		if _, ok := model.RowValue(tb, row(tt.code), tt.col); ok != tt.computeOK {
			t.Errorf("RowValue(%s, %s) ok = %v", tt.code, tt.col.Name, ok)
		}
	}
	// The mean of capaian over the leaf rows, computed from each row: 100, 75 and 50.
	if f := p.ColumnMean(tb, capaian); !f.OK || num.FormatDec(f.Dec, 2) != "75,00" {
		t.Errorf("ColumnMean = %+v", f)
	}
	if m, _ := model.Mean([]num.Dec{1, 2}); m != 2 {
		t.Errorf("Mean rounds half away from zero: %d", m)
	}
	if m, _ := model.Mean([]num.Dec{-1, -2}); m != -2 {
		t.Errorf("Mean of negatives: %d", m)
	}
}

// TestConcurrentReaders reads one project's sums from many goroutines at
// once: each must read what one reader alone reads from a project of its own
// (a lazily computed figure is computed once, whoever asks first), and
// go test -race (CI runs it) fails if a read writes.
func TestConcurrentReaders(t *testing.T) {
	read := func(p *model.Project, tb *table.Table) string {
		tr := p.Trees["x"]
		pagu := tb.Col("pagu").Index
		var b strings.Builder
		for _, n := range tr.Nodes {
			m, ok := tr.Sum(n, pagu)
			bm, bok, found := tr.SumBelow(n.Code.Parent(), pagu)
			fmt.Fprintf(&b, "%s %d %v %d %v %v\n", n.Code, m, ok, bm, bok, found)
		}
		f, found := p.Total(tb, tb.Col("pagu"), kode.Code{})
		fmt.Fprintf(&b, "mean %+v\ntotal %+v %v\n", p.ColumnMean(tb, tb.Col("capaian")), f, found)
		return b.String()
	}
	want := read(load(t))
	if !strings.Contains(want, "7.01.01.2.01 20000000 true") || !strings.Contains(want, "total {Kind:money Money:20001000") {
		t.Fatalf("one reader reads:\n%s", want)
	}
	p, tb := load(t)
	got := make([]string, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = read(p, tb) })
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("reader %d read:\n%s\nwant:\n%s", i, g, want)
		}
	}
}

// BenchmarkBuild builds the plan table's tree, with every sum, for projects
// of 1,000, 10,000 and 100,000 sub kegiatan (internal/gen): ns/row stays flat
// when the work is linear in the rows.
func BenchmarkBuild(b *testing.B) {
	perPlan(b, func(b *testing.B, tb *table.Table) {
		b.ReportAllocs()
		for b.Loop() {
			model.Build(tb)
		}
	})
}

// BenchmarkSums asks for the computed amount of every node of the plan
// table, as the checker, the tables and the lookups do.
func BenchmarkSums(b *testing.B) {
	perPlan(b, func(b *testing.B, tb *table.Table) {
		tr := model.Build(tb)
		col := tb.Col("pagu").Index
		for b.Loop() {
			for _, nd := range tr.Nodes {
				tr.Sum(nd, col)
			}
		}
	})
}

// perPlan runs bench on the plan table of generated projects of 1,000,
// 10,000 and 100,000 sub kegiatan and reports ns per row.
func perPlan(b *testing.B, bench func(*testing.B, *table.Table)) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		dir := filepath.Join(b.TempDir(), fmt.Sprint(n))
		if err := gen.Write(dir, n); err != nil {
			b.Fatal(err)
		}
		tb, err := table.Load(dir, "t31")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("sub=%d", n), func(b *testing.B) {
			bench(b, tb)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(tb.Rows)), "ns/row")
		})
	}
}
