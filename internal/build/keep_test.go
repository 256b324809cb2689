package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/gen"
)

// TestRebuildKeepsUnchanged: a rebuild leaves every output file whose bytes
// would not change as it was (same file, same modification time), makes no
// spreadsheet of an unchanged table again, and rewrites only what an edit of
// one table changed; what it keeps is byte for byte what a fresh build writes.
func TestRebuildKeepsUnchanged(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, 20); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "output")
	ctx := context.Background()
	first, err := Build(ctx, Options{Dir: dir, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if first.Kept != 0 {
		t.Errorf("a first build kept %d files", first.Kept)
	}
	before := map[string]os.FileInfo{}
	for _, f := range first.Files {
		fi, err := os.Stat(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		before[f] = fi
	}
	// Moves every modification time the rebuild makes away from the first's.
	time.Sleep(20 * time.Millisecond)

	again, err := Build(ctx, Options{Dir: dir, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if again.Kept != len(again.Files) {
		t.Errorf("a rebuild without changes kept %d of %d files", again.Kept, len(again.Files))
	}
	for _, f := range again.Files {
		fi, err := os.Stat(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(fi, before[f]) || !fi.ModTime().Equal(before[f].ModTime()) {
			t.Errorf("%s was rewritten by a rebuild without changes", f)
		}
	}

	// An edit of one row of data/t41.csv: its open data and the website
	// change, the other tables' files stay.
	csv := filepath.Join(dir, "data", "t41.csv")
	b, _ := os.ReadFile(csv)
	b = bytes.Replace(b, []byte("Pendapatan Asli Daerah (PAD)"), []byte("Dana Alokasi Umum (DAU)"), 1)
	if err := os.WriteFile(csv, b, 0o644); err != nil {
		t.Fatal(err)
	}
	edited, err := Build(ctx, Options{Dir: dir, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range edited.Files {
		fi, _ := os.Stat(filepath.Join(out, f))
		same := os.SameFile(fi, before[f])
		changes := f == "index.html" || strings.HasPrefix(f, "data/t41.")
		if same == changes {
			t.Errorf("%s: kept = %v after an edit of data/t41.csv", f, same)
		}
	}

	// What was kept is what a fresh build writes.
	fresh := t.TempDir()
	if _, err := Build(ctx, Options{Dir: dir, Out: fresh, NoPDF: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range edited.Files {
		a, _ := os.ReadFile(filepath.Join(out, f))
		c, _ := os.ReadFile(filepath.Join(fresh, f))
		if !bytes.Equal(a, c) {
			t.Errorf("%s differs from a fresh build's", f)
		}
	}
}
