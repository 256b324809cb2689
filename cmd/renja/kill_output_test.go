package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/gen"
)

// TestKilledBuildLeavesWholeOutput kills `renja build --no-pdf` with SIGKILL
// at random moments while it replaces one build of output/ by another: after
// every kill output/ holds one whole build, the old or the new, never the new
// data files beside an old index.html; and the next build removes what the
// killed ones left beside output/.
func TestKilledBuildLeavesWholeOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds renja and runs it many times")
	}
	bin := filepath.Join(t.TempDir(), "renja")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	if err := gen.Write(dir, 400); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "output")
	run := func(args ...string) {
		t.Helper()
		if b, err := exec.Command(bin, append([]string{"build", "--no-pdf", "-q"}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("renja build %v: %v\n%s", args, err, b)
		}
	}
	read := func(d, name string) []byte {
		b, _ := os.ReadFile(filepath.Join(d, name))
		return b
	}
	// Two versions of the project, A and B, each built once into a folder of
	// its own: what output/ may hold.
	csv := filepath.Join(dir, "data", "t41.csv")
	a, _ := os.ReadFile(csv)
	b := bytes.Replace(a, []byte(";100%;"), []byte(";90%;"), -1)
	versions := map[string][2][]byte{}
	for name, src := range map[string][]byte{"A": a, "B": b} {
		os.WriteFile(csv, src, 0o644)
		ref := filepath.Join(t.TempDir(), "ref")
		run("-o", ref, dir)
		versions[name] = [2][]byte{read(ref, "index.html"), read(ref, "data/t41.csv")}
	}
	if bytes.Equal(versions["A"][1], versions["B"][1]) || bytes.Equal(versions["A"][0], versions["B"][0]) {
		t.Fatal("the two versions do not differ")
	}
	os.WriteFile(csv, a, 0o644)
	run(dir)
	// Time one build, to kill within it.
	start := time.Now()
	run(dir)
	took := time.Since(start)
	for i := range 12 {
		if i%2 == 0 {
			os.WriteFile(csv, b, 0o644)
		} else {
			os.WriteFile(csv, a, 0o644)
		}
		cmd := exec.Command(bin, "build", "--no-pdf", "-q", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(took))))
		cmd.Process.Kill()
		cmd.Wait()
		html, data := read(out, "index.html"), read(out, "data/t41.csv")
		whole := false
		for _, v := range versions {
			whole = whole || bytes.Equal(html, v[0]) && bytes.Equal(data, v[1])
		}
		if !whole {
			t.Fatalf("kill %d: output/ holds no whole build (index.html %d bytes, data/t41.csv %d bytes)", i, len(html), len(data))
		}
	}
	run(dir)
	left, _ := filepath.Glob(filepath.Join(dir, ".output.renja-*"))
	var stale []string
	for _, l := range left {
		if !strings.HasSuffix(l, "-lock") {
			stale = append(stale, l)
		}
	}
	if len(stale) > 0 {
		t.Errorf("left beside output/ after the next build: %v", stale)
	}
}
