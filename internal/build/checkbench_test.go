package build

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"renja/internal/check"
	"renja/internal/gen"
	"renja/internal/model"
)

// BenchmarkCheckWide measures `renja check` as the command runs it (Check)
// on projects whose plan is one 13-column table of 1,000, 10,000 and 100,000
// sub kegiatan (gen.WriteWide; 100,000 is a 12 MB CSV, left out under
// -short). Besides time, B/op and allocs/op it reports the peak of the heap
// (the bytes of heap objects, live or not yet collected, sampled every
// millisecond: what the process must hold) in all and per row, and the live
// heap per row of what check keeps while it runs: the loaded project and
// the diagnostics, after a collection. The target is at most 2 KB a row,
// linear in n.
func BenchmarkCheckWide(b *testing.B) {
	for n, dir := range wideProjects(b) {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			runtime.GC()
			base := heapObjects()
			stop := samplePeak()
			b.ReportAllocs()
			for b.Loop() {
				ds, err := Check(context.Background(), dir)
				if err != nil || len(ds) > 0 {
					b.Fatal(err, ds)
				}
			}
			peak := stop() - base
			b.StopTimer()
			p, err := model.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			ds := check.Run(p)
			runtime.GC()
			live := heapObjects() - base
			runtime.KeepAlive(p)
			runtime.KeepAlive(ds)
			b.ReportMetric(float64(peak)/(1<<20), "MB-peak")
			b.ReportMetric(float64(peak)/float64(n), "B-peak/row")
			b.ReportMetric(float64(live)/float64(n), "B-live/row")
		})
	}
}

// wideProjects writes projects whose plan is one 13-column table of 1,000,
// 10,000 and 100,000 sub kegiatan (gen.WriteWide; 100,000, a 12 MB CSV, left
// out under -short) and yields each row count with its folder.
func wideProjects(b *testing.B) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for _, n := range []int{1000, 10000, 100000} {
			if n == 100000 && testing.Short() {
				continue
			}
			dir := b.TempDir()
			if err := gen.WriteWide(dir, n); err != nil {
				b.Fatal(err)
			}
			if !yield(n, dir) {
				return
			}
		}
	}
}

// heapObjects is the bytes of heap objects now, live or not yet swept.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// samplePeak samples heapObjects every millisecond until the function it
// returns is called, which returns the largest sample.
func samplePeak() func() uint64 {
	var (
		mu   sync.Mutex
		peak = heapObjects()
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				h := heapObjects()
				mu.Lock()
				peak = max(peak, h)
				mu.Unlock()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		return max(peak, heapObjects())
	}
}

// BenchmarkCheckWideFindings is BenchmarkCheckWide with a finding in every
// row: the amounts written the English way (1,234,567) in every other row
// and a target that cannot be read in the others, so that linking findings
// to their causes and folding them must stay linear (it was quadratic:
// 100,000 rows took 9 minutes).
func BenchmarkCheckWideFindings(b *testing.B) {
	for n, dir := range wideProjects(b) {
		csv := filepath.Join(dir, "data", "t31.csv")
		text, err := os.ReadFile(csv)
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(text), "\n")
		for i := 1; i < len(lines); i++ {
			f := strings.Split(lines[i], ";")
			if len(f) < 13 {
				continue
			}
			if i%2 == 0 {
				f[5], f[11] = strings.ReplaceAll(f[5], ".", ","), strings.ReplaceAll(f[11], ".", ",")
			} else {
				f[4] = "tiga"
			}
			lines[i] = strings.Join(f, ";")
		}
		if err := os.WriteFile(csv, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			found := 0
			for b.Loop() {
				ds, err := Check(context.Background(), dir)
				if err != nil {
					b.Fatal(err)
				}
				found = len(ds)
			}
			b.ReportMetric(float64(found), "findings")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}
