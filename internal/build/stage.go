package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"renja/internal/msg"
)

// stage collects a build's files in a hidden folder inside output/ (same
// file system, so renames are atomic) and moves them into place on commit.
//
// A file whose bytes would not change is not rewritten: output/'s file is
// hard-linked into the stage instead (so the stage always holds the whole
// build) and stays in place on commit, with its modification time, so a web
// server, a sync to one, or a browser's cache sees no change.
type stage struct {
	out, dir string
	files    []string
	kept     map[string]bool // files output/ already has, linked into the stage
}

func newStage(out string) (*stage, error) {
	dir, err := os.MkdirTemp(out, ".renja-stage-")
	if err != nil {
		return nil, err
	}
	return &stage{out: out, dir: dir, kept: map[string]bool{}}, nil
}

// paths checks a slash-separated name and returns its place in the stage and
// in output/, making the stage's subfolder.
func (s *stage) paths(name string) (staged, final string, err error) {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) {
		return "", "", msg.Errorf("output file %q is not inside the output folder", name)
	}
	staged = filepath.Join(s.dir, rel)
	if d := filepath.Dir(rel); d != "." {
		if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
			return "", "", err
		}
	}
	return staged, filepath.Join(s.out, rel), nil
}

// write stages a file. name is slash-separated and may name a subfolder
// ("data/t31.csv"); the folder is made in the stage and, on commit, in output/.
// When output/ holds the same bytes under name, that file is kept.
func (s *stage) write(name string, b []byte) error {
	staged, final, err := s.paths(name)
	if err != nil {
		return err
	}
	if sameFile(final, b) && s.link(name, staged, final) {
		return nil
	}
	if err := os.WriteFile(staged, b, 0o644); err != nil {
		return err
	}
	s.files = append(s.files, name)
	return nil
}

// keep stages output/'s file name as it is, for a file that the build knows
// to be unchanged without making it again (a spreadsheet of unchanged
// rows). It returns false when that cannot be done; the caller then writes it.
func (s *stage) keep(name string) bool {
	staged, final, err := s.paths(name)
	return err == nil && s.link(name, staged, final)
}

// link hard-links output/'s final into the stage. A file system without
// hard links (FAT) gets false, and the file is written as before.
func (s *stage) link(name, staged, final string) bool {
	if fi, err := os.Lstat(final); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if os.Link(final, staged) != nil {
		return false
	}
	s.files = append(s.files, name)
	s.kept[name] = true
	return true
}

// sameFile reports whether the file at path holds exactly b.
func sameFile(path string, b []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, b)
}

// keptCount returns how many of the staged files are kept as they were.
func (s *stage) keptCount() int { return len(s.kept) }

// commit renames every staged file into output/. In a subfolder that the
// build writes (output/data/), files of an earlier build that this one did
// not write are removed: a table taken out of data/ loses its download too.
func (s *stage) commit() ([]string, error) {
	sort.Strings(s.files)
	dirs := map[string]map[string]bool{}
	for _, f := range s.files {
		rel := filepath.FromSlash(f)
		if d := filepath.Dir(rel); d != "." {
			if dirs[d] == nil {
				dirs[d] = map[string]bool{}
				if err := os.MkdirAll(filepath.Join(s.out, d), 0o755); err != nil {
					return nil, err
				}
			}
			dirs[d][filepath.Base(rel)] = true
		}
		if s.kept[f] {
			continue // output/ has it already, unchanged
		}
		if err := os.Rename(filepath.Join(s.dir, rel), filepath.Join(s.out, rel)); err != nil {
			return nil, err
		}
	}
	for d, written := range dirs {
		entries, _ := os.ReadDir(filepath.Join(s.out, d))
		for _, e := range entries {
			if !e.IsDir() && !written[e.Name()] {
				os.Remove(filepath.Join(s.out, d, e.Name()))
			}
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
			return nil, msg.Errorf("another renja build (process %d) is writing %s; wait for it to finish", pid, out)
		}
		os.Remove(path)
	}
	return nil, msg.Errorf("cannot lock %s", out)
}

func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
