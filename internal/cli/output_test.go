package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/testenv"
)

// TestOutputNotOwnedRefused: the commands of issue #12 that deleted a
// project's schemas or someone's files are refused, and nothing changes.
func TestOutputNotOwnedRefused(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"data/embed.go": "package data\n"}
	for k, v := range base {
		files[k] = v
	}
	testenv.WriteFiles(t, dir, files)
	somewhere := t.TempDir()
	testenv.WriteFiles(t, somewhere, map[string]string{"data/laporan.csv": "milik orang lain\n"})
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"into the project", []string{"build", "--no-pdf", "-q", "-o", ".", "."}, "is the project folder or holds the project"},
		{"into data", []string{"build", "--no-pdf", "-q", "-o", "data", "."}, "is inside data"},
		{"into someone's folder", []string{"build", "--no-pdf", "-q", "-o", somewhere, "."}, "renja did not make"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, beforeSomewhere := snapshot(t, dir), snapshot(t, somewhere)
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), c.args, &stdout, &stderr)
			os.Chdir(wd)
			if code != exitFail || !strings.Contains(stderr.String(), c.want) || !strings.Contains(stderr.String(), "hint: ") {
				t.Errorf("exit %d, stderr:\n%s\nwant %q and a hint", code, stderr.String(), c.want)
			}
			if !equalMaps(before, snapshot(t, dir)) || !equalMaps(beforeSomewhere, snapshot(t, somewhere)) {
				t.Error("files changed")
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".*renja-*")); len(left) > 0 {
				t.Errorf("left: %v", left)
			}
		})
	}
}

// TestOutputLinkNotFollowed: a committed output/data -> ../../elsewhere does
// not make the next build empty elsewhere.
func TestOutputLinkNotFollowed(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, base)
	elsewhere := t.TempDir()
	testenv.WriteFiles(t, elsewhere, map[string]string{"penting.csv": "jangan dihapus\n"})
	os.MkdirAll(filepath.Join(dir, "output"), 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(dir, "output", "data")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr); code != exitFail {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "symbolic link") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	if b, err := os.ReadFile(filepath.Join(elsewhere, "penting.csv")); err != nil || string(b) != "jangan dihapus\n" {
		t.Errorf("elsewhere/penting.csv: %q, %v", b, err)
	}
	if m, _ := filepath.Glob(filepath.Join(elsewhere, "*")); len(m) != 1 {
		t.Errorf("elsewhere holds %v", m)
	}
}

// TestStaleLockDoesNotBlock: `echo 1 > output/.renja.lock` (the lock of the
// previous versions) or a lock file beside output/ naming a live process
// does not refuse a build.
func TestStaleLockDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, base)
	testenv.WriteFiles(t, dir, map[string]string{"output/.renja.lock": "1\n", ".output.renja-lock": "1\n"})
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
