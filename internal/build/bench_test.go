package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"renja/internal/check"
	"renja/internal/gen"
	"renja/internal/model"
	"renja/internal/pdf/pdftest"
	"renja/internal/render"
)

// BenchmarkStages measures each stage on the bundled Renja; CheckHTML is
// the edit-to-page loop without the PDF (target: under 50 ms).
func BenchmarkStages(b *testing.B) {
	dir := "../.."
	p, err := model.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	tpl, err := render.LoadTemplates(dir)
	if err != nil {
		b.Fatal(err)
	}
	ds := check.Run(p)
	b.Run("Load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := model.Load(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			check.Run(p)
		}
	})
	b.Run("HTML", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := render.Render(p, tpl, render.Options{Diagnostics: ds}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("CheckHTML", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchCheckHTML(b, dir)
		}
	})
}

func benchCheckHTML(b *testing.B, dir string) *render.Output {
	p, err := model.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	tpl, err := render.LoadTemplates(dir)
	if err != nil {
		b.Fatal(err)
	}
	out, err := render.Render(p, tpl, render.Options{Diagnostics: check.Run(p)})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkSize measures load + check + HTML on generated projects of 100,
// 1,000, 10,000 and 100,000 sub kegiatan (each one a row in four tables of
// 5 to 8 columns), with the heap in use at the end of a run (target for
// 10,000: under 1 s and 200 MB; time linear in n) and that heap per sub
// kegiatan. BenchmarkCheckSize is the same without the HTML: `renja check`.
func BenchmarkSize(b *testing.B) {
	benchSize(b, true)
}

// BenchmarkCheckSize measures load + check, what `renja check` does, on the
// projects of BenchmarkSize, with the memory kept (live heap after a
// collection, the loaded project still held) per sub kegiatan: the target is
// under 2 KB a row of a 13-column table, so 4 KB a sub kegiatan here, and
// linear in n.
func BenchmarkCheckSize(b *testing.B) {
	benchSize(b, false)
}

func benchSize(b *testing.B, html bool) {
	for _, n := range []int{100, 1000, 10000, 100000} {
		if n == 100000 && testing.Short() {
			continue
		}
		dir := b.TempDir()
		if err := gen.Write(dir, n); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak, live uint64
			for b.Loop() {
				var keep any
				if html {
					keep = benchCheckHTML(b, dir)
				} else {
					p, err := model.Load(dir)
					if err != nil {
						b.Fatal(err)
					}
					keep = check.Run(p)
					keep = []any{p, keep}
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
				if !html {
					b.StopTimer()
					runtime.GC()
					runtime.ReadMemStats(&ms)
					live = max(live, ms.HeapAlloc)
					b.StartTimer()
				}
				runtime.KeepAlive(keep)
			}
			b.ReportMetric(float64(peak)/(1<<20), "MB-heap")
			b.ReportMetric(float64(peak)/float64(n), "B-heap/row")
			if !html {
				b.ReportMetric(float64(live)/float64(n), "B-live/row")
			}
		})
	}
}

// BenchmarkPrintFloor is one Chrome print of the finished paged HTML in a
// browser already started: the floor a whole build is measured against.
func BenchmarkPrintFloor(b *testing.B) {
	br := pdftest.Browser(b)
	out := b.TempDir()
	if _, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate, Browser: br}); err != nil {
		b.Fatal(err)
	}
	p, _ := model.Load("../..")
	tpl, _ := render.LoadTemplates("../..")
	var pages map[string]string
	if b, err := os.ReadFile(filepath.Join(out, pageCache)); err == nil {
		_ = json.Unmarshal(b, &pages)
	}
	html, err := render.Render(p, tpl, render.Options{Print: true, Pages: pages, Diagnostics: check.Run(p)})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "print.html"), html.HTML, 0o644)
	for name, a := range html.Assets {
		os.WriteFile(filepath.Join(dir, name), a, 0o644)
	}
	for b.Loop() {
		if _, _, err := br.Print(context.Background(), dir, "print.html"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole build with the PDF: Cold starts Chrome and has
// no page numbers from a previous build; Rebuild is the usual case after an
// edit of BAB V's text, with Chrome running (as in renja serve or a batch)
// and the last build's page numbers in output/; Unchanged builds again with
// nothing changed, and takes the last print from the print cache.
func BenchmarkBuild(b *testing.B) {
	b.Run("Cold", func(b *testing.B) {
		pdftest.Chrome(b)
		for b.Loop() {
			if _, err := Build(context.Background(), Options{Dir: "../..", Out: b.TempDir(), Date: fixedDate}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Rebuild", func(b *testing.B) {
		br := pdftest.Browser(b)
		dir := bundledCopy(b)
		out := b.TempDir()
		if _, err := Build(context.Background(), Options{Dir: dir, Out: out, Date: fixedDate, Browser: br}); err != nil {
			b.Fatal(err)
		}
		bab5 := filepath.Join(dir, "content", "50-bab-5.md")
		text, err := os.ReadFile(bab5)
		if err != nil {
			b.Fatal(err)
		}
		prints, i := 0, 0
		for b.Loop() {
			i++
			edit := fmt.Appendf(bytes.Clone(text), "\nSuntingan ke-%d dari tolok ukur.\n", i)
			if err := os.WriteFile(bab5, edit, 0o644); err != nil {
				b.Fatal(err)
			}
			res, err := Build(context.Background(), Options{Dir: dir, Out: out, Date: fixedDate, Browser: br})
			if err != nil {
				b.Fatal(err)
			}
			prints += res.Prints
		}
		b.ReportMetric(float64(prints)/float64(b.N), "prints/op")
	})
	b.Run("Unchanged", func(b *testing.B) {
		br := pdftest.Browser(b)
		out := b.TempDir()
		for range 2 { // the second build prints once with the right page numbers, and keeps that print
			if _, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate, Browser: br}); err != nil {
				b.Fatal(err)
			}
		}
		prints := 0
		for b.Loop() {
			res, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate, Browser: br})
			if err != nil {
				b.Fatal(err)
			}
			prints += res.Prints
		}
		b.ReportMetric(float64(prints)/float64(b.N), "prints/op")
	})
}

// bundledCopy copies the bundled Renja's sources to a temporary folder.
func bundledCopy(b testing.TB) string {
	dir := b.TempDir()
	for _, name := range []string{"content", "data", "templates"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			b.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("../../renja.toml")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "renja.toml"), cfg, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}
