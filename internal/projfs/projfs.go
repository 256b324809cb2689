// Package projfs reads a project's input files: renja.toml, content/*.md,
// data/*.csv and *.toml, templates/*. Every read goes through an [os.Root]
// opened on the project folder, so a file is read only when it is a regular
// file inside the project:
//
//   - a symbolic link is followed only when it stays inside the project (a
//     relative link such as templates/print.css -> ../shared/print.css);
//     one that leads outside, or an absolute one, is refused, and so is a
//     folder (data/, templates/) that is such a link;
//   - a folder, a named pipe, a device or a socket is refused.
//
// A file over its size limit (package limits) is refused too. A refusal is a
// *diag.Error naming the file and the reason. A file that is
// not there is an error for which errors.Is(err, fs.ErrNotExist) holds.
package projfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/msg"
)

// hintOutside is the hint for a link that leads out of the project.
func hintOutside() string {
	return msg.Sprintf("renja reads only files inside the project folder: copy the file into the project, or make the link relative and keep it inside the project")
}

// ReadFile reads the file name (slash-separated, relative to the project
// folder dir), refusing one over its size limit (limits.FileSize) before
// reading it.
func ReadFile(dir, name string) ([]byte, error) {
	return read(dir, name, true)
}

// ReadAll reads the file name like ReadFile, whatever its size: for the
// content hash, which covers every file of data/, read or not.
func ReadAll(dir, name string) ([]byte, error) {
	return read(dir, name, false)
}

func read(dir, name string, limited bool) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return readFile(root, name, limited)
}

func readFile(root *os.Root, name string, limited bool) ([]byte, error) {
	rel := filepath.FromSlash(name)
	fi, err := root.Stat(rel)
	if err != nil {
		return nil, refusal(root, name, err, false)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(name, fi)
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, refusal(root, name, err, false)
	}
	defer f.Close()
	// The file may have been swapped between Stat and Open: look again at
	// what was opened.
	if fi, err = f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, notRegular(name, fi)
	}
	if !limited {
		return readSized(f, fi.Size(), -1)
	}
	max := limits.FileSize(name)
	if fi.Size() > max {
		return nil, limits.TooLarge(name, fi.Size())
	}
	// The file may grow while it is read.
	b, err := readSized(f, fi.Size(), max+1)
	if err == nil && int64(len(b)) > max {
		return nil, limits.TooLarge(name, int64(len(b)))
	}
	return b, err
}

// List returns the names of the entries of the folder sub (slash-separated,
// relative to dir) that end in suffix, sorted, as slash-separated paths
// relative to dir ("content/10-bab-1.md"). Names that start with a dot are
// left out. A folder that is not there has no entries; a folder that is a
// link leading out of the project is refused.
func List(dir, sub, suffix string) ([]string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(sub))
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := root.Lstat(filepath.FromSlash(sub)); errors.Is(lerr, fs.ErrNotExist) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, refusal(root, sub, err, true)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, nil
	}
	ents, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if strings.HasPrefix(n, ".") || !strings.HasSuffix(n, suffix) {
			continue
		}
		names = append(names, path.Join(sub, n))
	}
	sort.Strings(names)
	return names, nil
}

// Exists reports whether name is a regular file inside the project.
func Exists(dir, name string) bool {
	ok, err := Regular(dir, name)
	return ok && err == nil
}

// Regular reports whether name is a regular file inside the project: false
// for a folder or another kind of file, an error for one that is not there
// or a link that leads out of the project.
func Regular(dir, name string) (bool, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return false, err
	}
	defer root.Close()
	fi, err := root.Stat(filepath.FromSlash(name))
	if err != nil {
		return false, refusal(root, name, err, false)
	}
	return fi.Mode().IsRegular(), nil
}

// Size returns the size of name when it is a regular file inside the
// project, else 0 (reading it says why).
func Size(dir, name string) int64 {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0
	}
	defer root.Close()
	fi, err := root.Stat(filepath.FromSlash(name))
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	return fi.Size()
}

// refusal explains why name could not be opened: a symbolic link on its way
// that leads out of the project, or the error as it is.
func refusal(root *os.Root, name string, err error, folder bool) error {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := root.Lstat(filepath.FromSlash(p))
		if lerr != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, _ := root.Readlink(filepath.FromSlash(p))
		what := msg.Sprintf("file")
		if i < len(parts)-1 || folder {
			what = msg.Sprintf("folder")
		}
		switch _, serr := root.Stat(filepath.FromSlash(p)); {
		case serr == nil:
			continue
		case filepath.IsAbs(target) || strings.HasPrefix(target, `\`):
			return &diag.Error{File: name, Msg: msg.Sprintf("%s %s is an absolute symbolic link to %q; renja does not follow it", what, p, target), Hint: hintOutside()}
		case errors.Is(serr, fs.ErrNotExist):
			return &diag.Error{File: name, Msg: msg.Sprintf("%s %s is a symbolic link to %q, which does not exist", what, p, target),
				Hint: msg.Sprintf("correct or remove the link")}
		default:
			return &diag.Error{File: name, Msg: msg.Sprintf("%s %s is a symbolic link to %q, outside the project folder; renja does not read it", what, p, target), Hint: hintOutside()}
		}
	}
	return err
}

func notRegular(name string, fi fs.FileInfo) error {
	m := msg.Sprintf("%s is not a regular file", name)
	switch mode := fi.Mode(); {
	case mode.IsDir():
		m = msg.Sprintf("%s is a folder, not a file", name)
	case mode&fs.ModeNamedPipe != 0:
		m = msg.Sprintf("%s is a named pipe, not a regular file", name)
	case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		m = msg.Sprintf("%s is a device, not a regular file", name)
	case mode&fs.ModeSocket != 0:
		m = msg.Sprintf("%s is a socket, not a regular file", name)
	}
	return &diag.Error{File: name, Msg: m, Hint: msg.Sprintf("renja reads only regular files inside the project folder")}
}

// readSized reads f, whose size was size when it was looked at, into one
// buffer of that size (io.ReadAll grows its buffer by doubling: a 13 MB
// table cost 30 MB of allocations). A file that grew is read on, up to
// limit bytes in all when limit ≥ 0.
func readSized(f io.Reader, size, limit int64) ([]byte, error) {
	if limit >= 0 {
		f = io.LimitReader(f, limit)
		size = min(size, limit)
	}
	b := make([]byte, 0, size+1) // +1: the read that finds the end needs no new buffer
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grew while read: let append find room
		}
	}
}
