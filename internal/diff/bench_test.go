package diff_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/diff"
	"renja/internal/gen"
	"renja/internal/model"
)

// BenchmarkCompare: renja diff of two versions of a generated project of n
// sub kegiatan that differ in every hundredth pagu (loading excluded).
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := gen.Write(dir, n); err != nil {
				b.Fatal(err)
			}
			old, err := model.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range []string{"t31.csv"} {
				p := filepath.Join(dir, "data", f)
				src, _ := os.ReadFile(p)
				lines := strings.Split(string(src), "\n")
				for i := 1; i < len(lines); i += 100 {
					lines[i] = strings.Replace(lines[i], ";1", ";2", 1)
				}
				os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
			}
			nu, err := model.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			var r *diff.Report
			for b.Loop() {
				r = diff.Compare(old, nu)
			}
			b.ReportMetric(float64(len(r.Tables)), "changes")
		})
	}
}
