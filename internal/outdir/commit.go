package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"renja/internal/diag"
	"renja/internal/msg"
)

// useExchange is turned off by tests to exercise the two-rename swap.
var useExchange = true

// Commit puts the staged build in place of the output folder's content, as
// a whole, and returns the files written (slash-separated, sorted; renja's
// bookkeeping, the .renja-* files, left out). Files
// renja did not write are carried over; a conflict with them (a symbolic
// link or a file where renja writes) fails the build and changes nothing.
func (d *Dir) Commit() ([]string, error) {
	sort.Strings(d.files)
	produced := map[string]bool{}
	dirs := map[string]bool{}
	for _, f := range d.files {
		produced[f] = true
		for _, p := range parents(f) {
			dirs[p] = true
		}
	}
	kept := map[string]bool{}
	for _, k := range d.keep {
		if !produced[k] {
			kept[k] = true
		}
	}
	if err := d.carry(produced, dirs, kept); err != nil {
		return nil, err
	}
	listed := append([]string(nil), d.files...)
	for k := range kept {
		if !internal(k) {
			listed = append(listed, k)
		}
	}
	sort.Strings(listed)
	if err := os.WriteFile(filepath.Join(d.stage, Manifest), []byte(manifestHead+strings.Join(listed, "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	var files []string
	for _, f := range d.files {
		if !internal(f) {
			files = append(files, f)
		}
	}
	if d.record.make != nil {
		if err := d.writeRecord(files, listed, kept); err != nil {
			return nil, err
		}
	}
	if err := d.swap(); err != nil {
		return nil, err
	}
	d.done = true
	return files, nil
}

// carry links into the stage what the build in place holds and this build
// must keep: files renja did not write, and the kept ones.
func (d *Dir) carry(produced, dirs, kept map[string]bool) error {
	if fi, err := os.Lstat(d.Path); err != nil || !fi.IsDir() {
		return nil
	}
	return filepath.WalkDir(d.Path, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, err := filepath.Rel(d.Path, p)
		if err != nil || r == "." {
			return err
		}
		rel := filepath.ToSlash(r)
		top, _, _ := strings.Cut(rel, "/")
		dst := filepath.Join(d.stage, r)
		switch {
		case kept[rel]:
			return link(p, dst)
		case internal(top):
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		case e.Type()&fs.ModeSymlink != 0:
			if produced[rel] || dirs[rel] {
				target, _ := os.Readlink(p)
				return &diag.Error{File: path.Join(filepath.ToSlash(d.base), rel),
					Msg:  msg.Sprintf("%s in the output folder is a symbolic link to %q, where renja writes %s; renja does not follow links", rel, target, rel),
					Hint: msg.Sprintf("remove the link from the output folder (renja makes that file itself); nothing was written")}
			}
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.Symlink(target, dst)
		case e.IsDir():
			if produced[rel] {
				return conflict(d.base, rel, msg.Sprintf("folder"))
			}
			return os.MkdirAll(dst, 0o755)
		case produced[rel]:
			return nil // replaced by this build
		case dirs[rel]:
			return conflict(d.base, rel, msg.Sprintf("file"))
		case d.renjas(rel, produced):
			return nil // renja wrote it, and does not now: dropped
		}
		return link(p, dst)
	})
}

func conflict(base, rel, what string) error {
	return &diag.Error{File: path.Join(filepath.ToSlash(base), rel),
		Msg:  msg.Sprintf("%s in the output folder is a %s that renja did not make, where renja writes", rel, what),
		Hint: msg.Sprintf("move or remove it from the output folder; nothing was written")}
}

// link makes dst the same file as src: a hard link, or a copy.
func link(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	return copyFile(src, dst)
}

// swap puts the stage in place of the output folder.
func (d *Dir) swap() error {
	if _, err := os.Lstat(d.Path); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.stage, d.Path)
	}
	if useExchange {
		if err := exchange(d.stage, d.Path); err == nil {
			// The stage's name now holds the previous build.
			return os.RemoveAll(d.stage)
		}
	}
	old := d.sibling("old-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36))
	if err := os.Rename(d.Path, old); err != nil {
		return &diag.Error{File: d.base, Msg: msg.Sprintf("the output folder cannot be replaced: %v", msg.FileError(err)),
			Hint: msg.Sprintf("close the files of that folder that are still open (a PDF in a PDF reader, a table in Excel), then run again; the folder has not changed")}
	}
	if err := os.Rename(d.stage, d.Path); err != nil {
		if rerr := os.Rename(old, d.Path); rerr != nil {
			return msg.Errorf("putting the build in place: %w; the previous build is in %s (%v)", err, old, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}
