// Package difftest builds, for tests, a git repository of the bundled
// project with go-git (no git command needed) and the three commits the
// review tests compare.
package difftest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Bundled copies the bundled project (renja.toml, content/*.md, data/*.csv
// and *.toml) from the module's root to a new folder and returns it.
func Bundled(t testing.TB) string {
	t.Helper()
	root := moduleRoot(t)
	dir := t.TempDir()
	for _, pat := range []string{"renja.toml", "content/*.md", "data/*.csv", "data/*.toml"} {
		files, _ := filepath.Glob(filepath.Join(root, pat))
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, rel)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func moduleRoot(t testing.TB) string {
	d, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			t.Fatal("no go.mod above the test")
		}
		d = up
	}
}

// Edit replaces old by new in a file of dir, exactly once.
func Edit(t testing.TB, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), old); n != 1 {
		t.Fatalf("%s: %q occurs %d times, want 1", file, old, n)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Commit adds every file of dir and commits it; it returns the hash.
func Commit(t testing.TB, r *git.Repository, msg string, n int) string {
	t.Helper()
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	who := &object.Signature{Name: "Operator", Email: "operator@kalaena.example", When: time.Date(2026, 1, 5, 9, n, 0, 0, time.UTC)}
	h, err := wt.Commit(msg, &git.CommitOptions{Author: who, Committer: who})
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// The review story's figures: sub kegiatan 7.01.01.2.01.01's pagu in Tabel
// 3.1 goes from 14.255.600 to 14.271.500 (commit 2); 7.01.01.2.01.09 is
// added with 1.000.000 and 7.01.01.2.01.02 (4.609.900) removed (commit 3).
const (
	paguRow   = "7.01.01. 2.01.01;Penyusunan Dokumen Perencanaan Perangkat Daerah;Kab. Luwu Timur, Kalaena, Semua Kelurahan;Jumlah Dokumen Perencanaan Perangkat Daerah;2 Dok;14.255.600;"
	removeRow = "7.01.01. 2.01.02;Koordinasi dan Penyusunan Dokumen RKA-SKPD;Kab. Luwu Timur, Kalaena, Semua Kelurahan;Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA- SKPD;2 Dok;4.609.900;Pendapatan Asli Daerah (PAD);;2 Dok;10.000.000\n"
	addRow    = "7.01.01.2.01.09;Penyusunan Profil Kecamatan;Kab. Luwu Timur, Kalaena, Semua Kelurahan;Jumlah Dokumen Profil Kecamatan;1 Dok;1.000.000;Pendapatan Asli Daerah (PAD);;1 Dok;2.000.000\n"
)

// Story builds the repository: commit 1 the bundled project, commit 2 one
// pagu changed, commit 3 one sub kegiatan added and one removed. It returns
// the folder and the three hashes.
func Story(t testing.TB) (dir string, commits [3]string) {
	t.Helper()
	dir = Bundled(t)
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	commits[0] = Commit(t, r, "Renja Kalaena 2024", 0)
	Edit(t, dir, "data/t31.csv", paguRow, strings.Replace(paguRow, "14.255.600", "14.271.500", 1))
	commits[1] = Commit(t, r, "pagu penyusunan dokumen perencanaan", 1)
	Edit(t, dir, "data/t31.csv", removeRow, addRow)
	commits[2] = Commit(t, r, "profil kecamatan ganti RKA-SKPD", 2)
	return dir, commits
}
