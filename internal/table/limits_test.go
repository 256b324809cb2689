package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTableLimits: a schema of 8,000 columns (whose spreadsheet export took
// minutes), a table of more cells than limits.TableCells and tables that hold
// more than limits.DataTotal together are refused at once, with the file and
// the limit.
func TestTableLimits(t *testing.T) {
	var wide strings.Builder
	for i := range 8000 {
		fmt.Fprintf(&wide, "[[columns]]\nname = \"c%d\"\ntype = \"text\"\n", i)
	}
	start := time.Now()
	_, err := ParseSchema("data/w.toml", "w", []byte(wide.String()))
	if err == nil || !strings.Contains(err.Error(), "data/w.toml") || !strings.Contains(err.Error(), "8000 columns, the limit is 256") || time.Since(start) > 5*time.Second {
		t.Errorf("8,000 columns: %v after %v", err, time.Since(start))
	}

	s, err := ParseSchema("data/n.toml", "n", []byte("[[columns]]\nname = \"a\"\n[[columns]]\nname = \"b\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { tableCells = n }(tableCells)
	tableCells = 20_000
	rows := tableCells / 2
	csv := "a;b\n" + strings.Repeat("x;y\n", rows)
	if _, err := Parse(s, "data/n.csv", []byte(csv)); err != nil {
		t.Errorf("%d rows of 2 columns, at the limit: %v", rows, err)
	}
	_, err = Parse(s, "data/n.csv", []byte(csv+"x;y\n"))
	if err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("data/n.csv:%d:", rows+2)) || !strings.Contains(err.Error(), "more than 20000 cells") {
		t.Errorf("one row more: %v", err)
	}

	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	for i := range 4 {
		// Sparse files: their size counts, nothing is read.
		f, err := os.Create(filepath.Join(dir, "data", fmt.Sprintf("t%d.csv", i)))
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(int64(30+i) << 20)
		f.Close()
		os.WriteFile(filepath.Join(dir, "data", fmt.Sprintf("t%d.toml", i)), []byte("[[columns]]\nname = \"a\"\n"), 0o644)
	}
	_, err = LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), "the tables hold 126 MB together, the limit is 64 MB (the largest: data/t3.csv, 33 MB)") {
		t.Errorf("four tables of 30 MB: %v", err)
	}
}
