package gitrev_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"

	"renja/internal/difftest"
	"renja/internal/gitrev"
)

// TestSubfolder: a project one folder down in its repository is read at
// its place; a revision from before it existed is a clear error; short
// hashes and HEAD~N resolve.
func TestSubfolder(t *testing.T) {
	top := t.TempDir()
	r, err := git.PlainInit(top, false)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(top, "README"), []byte("kecamatan\n"), 0o644)
	first := difftest.Commit(t, r, "readme", 0)
	proj := filepath.Join(top, "kalaena")
	src := difftest.Bundled(t)
	if err := os.CopyFS(proj, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	second := difftest.Commit(t, r, "renja", 1)

	g, err := gitrev.Open(proj)
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range []string{"HEAD", second[:7], second} {
		dir, err := g.Extract(rev)
		if err != nil {
			t.Fatalf("%s: %v", rev, err)
		}
		for _, f := range []string{"renja.toml", "data/t31.csv", "content/40-bab-4.md"} {
			want, _ := os.ReadFile(filepath.Join(proj, f))
			got, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil || string(got) != string(want) {
				t.Errorf("%s: %s differs (%v)", rev, f, err)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "README")); err == nil {
			t.Error("a file outside the project was extracted")
		}
		os.RemoveAll(dir)
	}
	for _, rev := range []string{"HEAD~1", first} {
		_, err := g.Extract(rev)
		if err == nil || !strings.Contains(err.Error(), "tidak memuat proyek renja: folder kalaena belum ada") {
			t.Errorf("%s: %v", rev, err)
		}
	}
	if _, err := g.Extract("HEAD~5"); err == nil || !strings.Contains(err.Error(), "tidak dikenal") {
		t.Errorf("HEAD~5: %v", err)
	}
	b, err := g.ReadFile("HEAD", "data/t22.csv")
	if want, _ := os.ReadFile(filepath.Join(proj, "data", "t22.csv")); err != nil || string(b) != string(want) {
		t.Errorf("ReadFile: %v", err)
	}
	if _, err := gitrev.Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "tidak berada di repositori git") {
		t.Errorf("outside git: %v", err)
	}
}
