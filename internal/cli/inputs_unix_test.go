//go:build unix

package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"renja/internal/testenv"
)

// TestNamedPipeRefused: a FIFO in place of a CSV is refused at once; reading
// it would wait forever.
func TestNamedPipeRefused(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for k, v := range base {
		files[k] = v
	}
	delete(files, "data/t41.csv")
	testenv.WriteFiles(t, dir, files)
	if err := syscall.Mkfifo(filepath.Join(dir, "data", "t41.csv"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"check", dir}, &stdout, &stderr); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr.String(), "data/t41.csv: data/t41.csv is a named pipe") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
