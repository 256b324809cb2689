package gen

import (
	"testing"

	"renja/internal/check"
	"renja/internal/model"
)

// TestGeneratedProjectIsClean: a generated project of each size loads, has
// n sub kegiatan in its plan and passes every check.
func TestGeneratedProjectIsClean(t *testing.T) {
	for _, n := range []int{1, 37, 100, 1000} {
		dir := t.TempDir()
		if err := Write(dir, n); err != nil {
			t.Fatal(err)
		}
		p, err := model.Load(dir)
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if got := len(p.Plan().SubKegiatan()); got != n {
			t.Errorf("n=%d: plan has %d sub kegiatan", n, got)
		}
		if ds := check.Run(p); len(ds) > 0 {
			t.Errorf("n=%d: %d diagnostics, first: %s", n, len(ds), ds[0])
		}
	}
}

// TestWideProjectIsClean: the 13-column plan of WriteWide loads with n sub
// kegiatan and passes every check.
func TestWideProjectIsClean(t *testing.T) {
	for _, n := range []int{1, 100, 1000} {
		dir := t.TempDir()
		if err := WriteWide(dir, n); err != nil {
			t.Fatal(err)
		}
		p, err := model.Load(dir)
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if got, cols := len(p.Plan().SubKegiatan()), len(p.Table("t31").Columns); got != n || cols != 13 {
			t.Errorf("n=%d: plan has %d sub kegiatan in %d columns", n, got, cols)
		}
		if ds := check.Run(p); len(ds) > 0 {
			t.Errorf("n=%d: %d diagnostics, first: %s", n, len(ds), ds[0])
		}
	}
}
