package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func write(t *testing.T, files map[string]string) {
	t.Helper()
	for p, b := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tree lists the files under dir (links as "-> target"), without following links.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if e.Type()&os.ModeSymlink != 0 {
			l, _ := os.Readlink(p)
			m[filepath.ToSlash(rel)] = "-> " + l
			return nil
		}
		b, _ := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return m
}

func build(t *testing.T, project, out string, files map[string]string) ([]string, error) {
	t.Helper()
	d, err := Open(project, out)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := d.Write(n, []byte(files[n])); err != nil {
			return nil, err
		}
	}
	return d.Commit()
}

func project(t *testing.T) string {
	dir := t.TempDir()
	write(t, map[string]string{
		filepath.Join(dir, "renja.toml"):         "x",
		filepath.Join(dir, "content", "a.md"):    "a",
		filepath.Join(dir, "data", "t41.csv"):    "csv",
		filepath.Join(dir, "data", "t41.toml"):   "toml",
		filepath.Join(dir, "templates", "x.css"): "css",
	})
	return dir
}

// TestRefused: the project, a folder holding it, a folder in its sources,
// another project, and a folder of someone else's files are refused, and
// nothing in them changes.
func TestRefused(t *testing.T) {
	p := project(t)
	foreign := t.TempDir()
	write(t, map[string]string{filepath.Join(foreign, "data", "mine.csv"): "precious", filepath.Join(foreign, "notes.txt"): "n"})
	other := project(t)
	for _, c := range []struct{ out, want string }{
		{p, "adalah folder proyek atau memuat proyek"},
		{filepath.Dir(p), "adalah folder proyek atau memuat proyek"},
		{filepath.Join(p, "data"), "berada di dalam data"},
		{filepath.Join(p, "content", "site"), "berada di dalam content"},
		{filepath.Join(p, "templates"), "berada di dalam templates"},
		{other, "memuat renja.toml"},
		{foreign, "sudah berisi berkas yang bukan buatan renja (data, notes.txt)"},
	} {
		before, beforeOther, beforeForeign := tree(t, p), tree(t, other), tree(t, foreign)
		_, err := build(t, p, c.out, map[string]string{"index.html": "new", "data/t41.csv": "open data"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("-o %s: %v, want %q", c.out, err, c.want)
		}
		for _, x := range []struct{ before, after map[string]string }{{before, tree(t, p)}, {beforeOther, tree(t, other)}, {beforeForeign, tree(t, foreign)}} {
			if len(x.before) != len(x.after) {
				t.Errorf("-o %s changed files: %v → %v", c.out, x.before, x.after)
			}
			for k, v := range x.before {
				if x.after[k] != v {
					t.Errorf("-o %s changed %s", c.out, k)
				}
			}
		}
	}
}

// TestOwnFiles: a new folder is made and marked; a rebuild replaces what
// renja wrote, drops what it wrote before and not now, and keeps the files
// of others (a signed PDF, a subfolder's notes).
func TestOwnFiles(t *testing.T) {
	for _, exchange := range []bool{true, false} {
		useExchange = exchange
		p := project(t)
		out := filepath.Join(t.TempDir(), "site", "output")
		if _, err := build(t, p, out, map[string]string{"index.html": "1", "data/t41.csv": "c1", "data/t99.csv": "gone"}); err != nil {
			t.Fatal(err)
		}
		write(t, map[string]string{filepath.Join(out, "renja-signed.pdf"): "signed", filepath.Join(out, "data", "catatan.txt"): "notes"})
		files, err := build(t, p, out, map[string]string{"index.html": "2", "data/t41.csv": "c2"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(files, " ") != "data/t41.csv index.html" {
			t.Errorf("files %v", files)
		}
		got := tree(t, out)
		want := map[string]string{"index.html": "2", "data/t41.csv": "c2", "renja-signed.pdf": "signed", "data/catatan.txt": "notes",
			Manifest: manifestHead + "data/t41.csv\nindex.html\n"}
		if len(got) != len(want) {
			t.Errorf("exchange %v: %v, want %v", exchange, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("exchange %v: %s = %q, want %q", exchange, k, got[k], v)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".output.renja-*")); len(left) > 0 {
			t.Errorf("left beside output: %v", left)
		}
		// The website is for everyone to read, not only its builder.
		if fi, err := os.Stat(out); err != nil || fi.Mode().Perm()&0o055 != 0o055 {
			t.Errorf("exchange %v: output/ is %v (%v), want readable by all", exchange, fi.Mode().Perm(), err)
		}
	}
	useExchange = true
}

// TestLinkInOutputNotFollowed: output/data -> elsewhere is refused and
// elsewhere stays as it was; a link elsewhere in output/ is kept as a link.
func TestLinkInOutputNotFollowed(t *testing.T) {
	p := project(t)
	out := filepath.Join(p, "output")
	elsewhere := t.TempDir()
	write(t, map[string]string{filepath.Join(elsewhere, "t41.csv"): "theirs", filepath.Join(elsewhere, "keep.txt"): "k"})
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(out, "data")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	_, err := build(t, p, out, map[string]string{"index.html": "1", "data/t41.csv": "c1"})
	if err == nil || !strings.Contains(err.Error(), "adalah tautan simbolik") {
		t.Errorf("err = %v", err)
	}
	if got := tree(t, elsewhere); got["t41.csv"] != "theirs" || got["keep.txt"] != "k" || len(got) != 2 {
		t.Errorf("elsewhere changed: %v", got)
	}
	if l, err := os.Readlink(filepath.Join(out, "data")); err != nil || l != elsewhere {
		t.Errorf("output/data: %q, %v", l, err)
	}
	// A link where renja writes nothing is carried as a link.
	os.Remove(filepath.Join(out, "data"))
	os.Symlink(elsewhere, filepath.Join(out, "arsip"))
	if _, err := build(t, p, out, map[string]string{"index.html": "1", "data/t41.csv": "c1"}); err != nil {
		t.Fatal(err)
	}
	if l, err := os.Readlink(filepath.Join(out, "arsip")); err != nil || l != elsewhere {
		t.Errorf("output/arsip: %q, %v", l, err)
	}
	// The output folder itself a link: refused.
	os.RemoveAll(out)
	os.Symlink(elsewhere, out)
	if _, err := build(t, p, out, map[string]string{"index.html": "1"}); err == nil || !strings.Contains(err.Error(), "adalah tautan simbolik") {
		t.Errorf("output as a link: %v", err)
	}
	if got := tree(t, elsewhere); len(got) != 2 {
		t.Errorf("elsewhere changed: %v", got)
	}
}

// TestFailedBuildChangesNothing: a build that stops before Commit leaves the
// folder byte for byte, and its stage goes.
func TestFailedBuildChangesNothing(t *testing.T) {
	p := project(t)
	out := filepath.Join(p, "output")
	if _, err := build(t, p, out, map[string]string{"index.html": "1"}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	d, err := Open(p, out)
	if err != nil {
		t.Fatal(err)
	}
	d.Write("index.html", []byte("half"))
	if err := d.Write("index.html", []byte("%PDF")); err == nil {
		t.Error("a file written twice")
	}
	d.Close()
	after := tree(t, out)
	if len(after) != len(before) || after["index.html"] != "1" {
		t.Errorf("output changed: %v", after)
	}
	if left, _ := filepath.Glob(filepath.Join(p, ".output.renja-*")); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

// TestLockAndLeftovers: a lock file with any content does not block; a held
// lock does; the next build removes a killed build's stage, and puts back an
// output folder a swap cut in two left aside.
func TestLockAndLeftovers(t *testing.T) {
	p := project(t)
	out := filepath.Join(p, "output")
	write(t, map[string]string{filepath.Join(p, ".output.renja-lock"): "1\n"})
	d, err := Open(p, out)
	if err != nil {
		t.Fatalf("a lock file nobody holds: %v", err)
	}
	if _, err := Open(p, out); err == nil || !strings.Contains(err.Error(), "sedang menulis") {
		t.Errorf("a second build: %v", err)
	}
	d.Write("index.html", []byte("1"))
	if _, err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d.Close()

	// A killed build: its stage stays, and a swap cut between its renames.
	write(t, map[string]string{
		filepath.Join(p, ".output.renja-stage-123", "index.html"): "half",
		filepath.Join(out, "mine.txt"):                            "kept",
	})
	if err := os.Rename(out, filepath.Join(p, ".output.renja-old-9-x")); err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, p, out, map[string]string{"index.html": "2"}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["mine.txt"] != "kept" || got["index.html"] != "2" {
		t.Errorf("after recovery: %v", got)
	}
	if left, _ := filepath.Glob(filepath.Join(p, ".output.renja-*")); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
	if _, err := os.Stat(filepath.Join(p, ".output.renja-lock")); !errors.Is(err, os.ErrNotExist) && filepath.Separator == '/' {
		t.Errorf("the lock file stays: %v", err)
	}
}

// TestLegacyOutput: the project's output/ from a renja without a manifest is
// taken over: renja's names replaced, the rest kept.
func TestLegacyOutput(t *testing.T) {
	p := project(t)
	out := filepath.Join(p, "output")
	write(t, map[string]string{
		filepath.Join(out, "index.html"):      "old",
		filepath.Join(out, "data", "t99.csv"): "old table",
		filepath.Join(out, "README.txt"):      "mine",
		filepath.Join(out, ".renja.lock"):     "12345\n",
	})
	if _, err := build(t, p, out, map[string]string{"index.html": "new", "data/t41.csv": "c"}); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if got["index.html"] != "new" || got["README.txt"] != "mine" || got["data/t99.csv"] != "" || got[".renja.lock"] != "" {
		t.Errorf("%v", got)
	}
}
