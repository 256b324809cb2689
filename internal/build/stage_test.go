package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStageSubfolders: a staged file may live in a subfolder of output/; on
// commit the folder is made, and files of an earlier build in it that this
// build did not write are removed, while output/'s own files stay.
func TestStageSubfolders(t *testing.T) {
	out := t.TempDir()
	os.MkdirAll(filepath.Join(out, "data"), 0o755)
	os.WriteFile(filepath.Join(out, "data", "old.csv"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(out, "keep.pdf"), []byte("pdf"), 0o644)
	st, err := newStage(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"index.html": "i", "data/t31.csv": "c", "data/t31.xlsx": "x"} {
		if err := st.write(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.write("../escape.txt", nil); err == nil {
		t.Error("a file outside output/ was staged")
	}
	files, err := st.commit()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files, " "); got != "data/t31.csv data/t31.xlsx index.html" {
		t.Errorf("committed %s", got)
	}
	for name, want := range map[string]string{"index.html": "i", "data/t31.csv": "c", "data/t31.xlsx": "x", "keep.pdf": "pdf"} {
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || string(b) != want {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "data", "old.csv")); !os.IsNotExist(err) {
		t.Error("data/old.csv of an earlier build is still there")
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".renja-stage-") {
			t.Errorf("the stage %s was left behind", e.Name())
		}
	}
}

// TestLock: a second build of the same output/ is refused while the first
// runs; a lock left by a process that is gone is taken over.
func TestLock(t *testing.T) {
	out := t.TempDir()
	unlock, err := lock(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock(out); err == nil || !strings.Contains(err.Error(), "another renja build") {
		t.Errorf("a second lock: %v, want a refusal", err)
	}
	unlock()
	if err := os.WriteFile(filepath.Join(out, ".renja.lock"), []byte("999999999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err = lock(out)
	if err != nil {
		t.Fatalf("a stale lock should be taken over: %v", err)
	}
	unlock()
	if _, err := os.Stat(filepath.Join(out, ".renja.lock")); !os.IsNotExist(err) {
		t.Error("unlock left the lock file")
	}
}

// TestStageKeeps: a staged file with the bytes output/ has already is left as
// it is there; one with other bytes replaces it; keep stages output/'s file
// without its bytes, and fails for a file output/ does not have.
func TestStageKeeps(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "same.html"), []byte("sama"), 0o644)
	os.WriteFile(filepath.Join(out, "other.html"), []byte("lama"), 0o644)
	os.WriteFile(filepath.Join(out, "kept.xlsx"), []byte("xlsx"), 0o644)
	old := map[string]os.FileInfo{}
	for _, n := range []string{"same.html", "other.html", "kept.xlsx"} {
		old[n], _ = os.Stat(filepath.Join(out, n))
	}
	st, err := newStage(out)
	if err != nil {
		t.Fatal(err)
	}
	st.write("same.html", []byte("sama"))
	st.write("other.html", []byte("baru"))
	if !st.keep("kept.xlsx") {
		t.Fatal("keep of an existing file failed")
	}
	if st.keep("missing.xlsx") {
		t.Error("keep of a file output/ does not have succeeded")
	}
	if st.keptCount() != 2 {
		t.Errorf("keptCount = %d, want 2", st.keptCount())
	}
	if _, err := st.commit(); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[string]bool{"same.html": true, "other.html": false, "kept.xlsx": true} {
		fi, err := os.Stat(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if os.SameFile(fi, old[n]) != want {
			t.Errorf("%s: same file = %v, want %v", n, !want, want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "other.html")); string(b) != "baru" {
		t.Errorf("other.html = %q", b)
	}
}
