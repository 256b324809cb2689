package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"renja/internal/diag"
	"renja/internal/msg"
	"renja/internal/scaffold"
)

// TestReuse: a website-only build whose project, renja and output folder
// are as the last one left them takes that build's result (the same
// findings, counts and files) and touches nothing; any change to any of them
// builds again, and what that build writes and reports is what a build
// without the record makes.
func TestReuse(t *testing.T) {
	dir := bundledCopy(t)
	out := filepath.Join(dir, "output")
	ctx := context.Background()
	build := func(t *testing.T) *Result {
		t.Helper()
		res, err := Build(ctx, Options{Dir: dir, NoPDF: true, Reuse: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// fresh is what a build without any record writes and reports, into a
	// folder of its own.
	fresh := func(t *testing.T) (*Result, map[string][]byte) {
		t.Helper()
		o := t.TempDir()
		if b, err := os.ReadFile(filepath.Join(out, "renja-kalaena-2024.pdf")); err == nil {
			// A PDF to link to, not renja's: in a folder that is renja's.
			if _, err := Build(ctx, Options{Dir: dir, Out: o, NoPDF: true}); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(o, "renja-kalaena-2024.pdf"), b, 0o644)
		}
		res, err := Build(ctx, Options{Dir: dir, Out: o, NoPDF: true})
		if err != nil {
			t.Fatal(err)
		}
		return res, files(t, o)
	}
	same := func(t *testing.T, got *Result, wantRes *Result, want map[string][]byte) {
		t.Helper()
		if got.Errors != wantRes.Errors || got.Todos != wantRes.Todos || got.ContentHash != wantRes.ContentHash ||
			!reflect.DeepEqual(got.Diagnostics, wantRes.Diagnostics) || !reflect.DeepEqual(got.Files, wantRes.Files) {
			t.Errorf("result differs from a fresh build's: %d/%d errors, %d/%d diagnostics, files %v / %v",
				got.Errors, wantRes.Errors, len(got.Diagnostics), len(wantRes.Diagnostics), got.Files, wantRes.Files)
		}
		have := files(t, out)
		for name, b := range want {
			if !bytes.Equal(have[name], b) {
				t.Errorf("output/%s differs from a fresh build's", name)
			}
		}
	}

	first := build(t)
	if first.Reused {
		t.Fatal("the first build reused a result")
	}
	if first.Errors == 0 {
		t.Fatal("the bundled Renja has no errors: the test compares no findings")
	}
	mtimes := modTimes(t, out)
	again := build(t)
	if !again.Reused {
		t.Fatal("a build without changes built again")
	}
	want, wantFiles := fresh(t)
	same(t, again, want, wantFiles)
	if again.Kept != len(again.Files) {
		t.Errorf("kept %d of %d files", again.Kept, len(again.Files))
	}
	if m := modTimes(t, out); !reflect.DeepEqual(m, mtimes) {
		t.Errorf("a reused build changed the output folder:\n%v\n%v", mtimes, m)
	}

	edit := func(name string, f func(b []byte) []byte) func(t *testing.T) {
		return func(t *testing.T) {
			p := filepath.Join(dir, name)
			b, _ := os.ReadFile(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	appendText := func(s string) func([]byte) []byte { return func(b []byte) []byte { return append(b, s...) } }
	for _, c := range []struct {
		name   string
		change func(t *testing.T)
	}{
		{"a sentence in BAB V", edit("content/50-bab-5.md", appendText("\nKalimat baru.\n"))},
		{"one cell of a table", edit("data/t24.csv", func(b []byte) []byte { return bytes.Replace(b, []byte("2.434.456.400"), []byte("2.434.456.500"), 1) })},
		{"a table's schema", edit("data/t24.toml", appendText("\n# komentar\n"))},
		{"a template", edit("templates/style.css", appendText("\n/* x */\n"))},
		{"renja.toml", edit("renja.toml", appendText("\n# komentar\n"))},
		{"a new file in data/", edit("data/baru.txt", appendText("x"))},
		{"a file outside the usual folders", edit("signed/catatan.txt", appendText("x"))},
		{"an image", edit("images/peta.png", appendText("x"))},
		{"the same bytes under a new name", func(t *testing.T) {
			if err := os.Rename(filepath.Join(dir, "images/peta.png"), filepath.Join(dir, "images/peta2.png")); err != nil {
				t.Fatal(err)
			}
		}},
		{"another renja", func(t *testing.T) {
			old := selfID
			selfID = func() string { return old() + "-other" }
			t.Cleanup(func() { selfID = old })
		}},
		{"the language", func(t *testing.T) {
			msg.SetLang(msg.ID)
			t.Cleanup(func() { msg.SetLang(msg.EN) })
		}},
		{"a hand edit of output/index.html", edit("output/index.html", appendText("<!-- x -->"))},
		{"a spreadsheet removed from output/data", func(t *testing.T) {
			if err := os.Remove(filepath.Join(out, "data", "t24.xlsx")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a PDF put in output/ to link to", edit("output/renja-kalaena-2024.pdf", appendText("%PDF-1.7\n%%EOF\n"))},
		{"renja's bookkeeping changed", edit("output/.renja-opendata.json", appendText(" "))},
		{"a stray file of renja's bookkeeping", edit("output/.renja-print.json", appendText("{}"))},
	} {
		t.Run(c.name, func(t *testing.T) {
			build(t) // after the last case's cleanup
			if !build(t).Reused {
				t.Fatal("built again before the change")
			}
			c.change(t)
			res := build(t)
			if res.Reused {
				t.Fatal("reused the last build's result after the change")
			}
			want, wantFiles := fresh(t)
			same(t, res, want, wantFiles)
			if !build(t).Reused {
				t.Error("the build after that built again, with nothing changed")
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Contains(b, []byte(`href="renja-kalaena-2024.pdf"`)) {
		t.Error("the website does not link the PDF put in output/")
	}
}

// TestReuseNoKey: a project that holds a symbolic link, and a renja without
// a build ID, always build.
func TestReuseNoKey(t *testing.T) {
	dir := bundledCopy(t)
	if err := os.Symlink("10-bab-1.md", filepath.Join(dir, "content", "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	// Two builds each: the second would reuse the first's result.
	neverReused := func(what string) {
		t.Helper()
		for i := 0; i < 2; i++ {
			res, err := Build(context.Background(), Options{Dir: dir, NoPDF: true, Reuse: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Reused {
				t.Fatalf("%s reused a result", what)
			}
		}
	}
	neverReused("a project with a symbolic link")
	os.Remove(filepath.Join(dir, "content", "link.txt"))
	old := selfID
	selfID = func() string { return "" }
	defer func() { selfID = old }()
	neverReused("a renja without a build ID")
}

// TestGoBuildID reads the ID of the test's own program, as go tool buildid
// prints it, and the form written on Windows and macOS.
func TestGoBuildID(t *testing.T) {
	if id := selfID(); id == "" || strings.Count(id, "/") < 1 {
		t.Errorf("build ID of the test program: %q", id)
	}
	if id := goBuildID([]byte("xx\xff Go build ID: \"abc/def\"\n \xffyy")); id != "abc/def" {
		t.Errorf("text form: %q", id)
	}
	if id := goBuildID([]byte("nothing here")); id != "" {
		t.Errorf("no ID: %q", id)
	}
}

func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			if rel = filepath.ToSlash(rel); !strings.HasPrefix(rel, ".renja") {
				m[rel], _ = os.ReadFile(p)
			}
		}
		return nil
	})
	return m
}

func modTimes(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if fi, err := e.Info(); err == nil {
				m[p] = fi.ModTime().UnixNano()
			}
		}
		return nil
	})
	return m
}

// TestReuseChain: a project whose renja.toml names last year's Renja
// ([previous]) depends on that folder too: a change there is another key,
// and the rebuilt result has the carry finding it causes.
func TestReuseChain(t *testing.T) {
	prev, dir := bundledCopy(t), filepath.Join(t.TempDir(), "k25")
	if _, err := scaffold.From(scaffold.FromOptions{Dir: dir, From: prev}); err != nil {
		t.Fatal(err)
	}
	build := func() *Result {
		t.Helper()
		res, err := Build(context.Background(), Options{Dir: dir, NoPDF: true, Reuse: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	carry := func(res *Result) (n int) {
		for _, d := range res.Diagnostics {
			if d.Rule == diag.RuleCarry {
				n++
			}
		}
		return n
	}
	if res := build(); res.Reused || carry(res) != 0 {
		t.Fatalf("first build: reused %v, %d carry findings", res.Reused, carry(res))
	}
	if res := build(); !res.Reused {
		t.Fatal("nothing changed, yet the build was not reused")
	}
	// Last year's forecast for 2025 of a sub kegiatan changed after the
	// rollover: this year's plan departs from it.
	row := "Jumlah Dokumen Perencanaan Perangkat Daerah;2 Dok;14.255.600;Pendapatan Asli Daerah (PAD);;3 Dok;"
	b, _ := os.ReadFile(filepath.Join(prev, "data", "t31.csv"))
	os.WriteFile(filepath.Join(prev, "data", "t31.csv"), []byte(strings.Replace(string(b), row, strings.Replace(row, ";3 Dok;", ";4 Dok;", 1), 1)), 0o644)
	if res := build(); res.Reused || carry(res) == 0 {
		t.Fatalf("after last year's change: reused %v, %d carry findings", res.Reused, carry(res))
	}
}
