package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// stage collects a build's files in a hidden folder inside output/ (same
// file system, so renames are atomic) and moves them into place on commit.
type stage struct {
	out, dir string
	files    []string
}

func newStage(out string) (*stage, error) {
	dir, err := os.MkdirTemp(out, ".renja-stage-")
	if err != nil {
		return nil, err
	}
	return &stage{out: out, dir: dir}, nil
}

func (s *stage) write(name string, b []byte) error {
	if err := os.WriteFile(filepath.Join(s.dir, name), b, 0o644); err != nil {
		return err
	}
	s.files = append(s.files, name)
	return nil
}

// commit renames every staged file into output/.
func (s *stage) commit() ([]string, error) {
	sort.Strings(s.files)
	for _, f := range s.files {
		if err := os.Rename(filepath.Join(s.dir, f), filepath.Join(s.out, f)); err != nil {
			return nil, err
		}
	}
	return s.files, os.RemoveAll(s.dir)
}

func (s *stage) discard() { os.RemoveAll(s.dir) }

// lock makes output/ one build's at a time: a second build is refused, not
// interleaved. A lock left by a process that no longer runs is taken over.
func lock(out string) (func(), error) {
	path := filepath.Join(out, ".renja.lock")
	for try := 0; try < 2; try++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		b, _ := os.ReadFile(path)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if pid > 0 && alive(pid) {
			return nil, fmt.Errorf("another renja build (process %d) is writing %s; wait for it to finish", pid, out)
		}
		os.Remove(path)
	}
	return nil, fmt.Errorf("cannot lock %s", out)
}

func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
