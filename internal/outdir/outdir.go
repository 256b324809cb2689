// Package outdir writes a build into its output folder, and nothing else.
//
// An output folder is renja's when it holds the manifest renja writes
// (.renja-manifest: the files renja wrote there), when it is empty or does
// not exist yet, or when it is the project's own output/ (the default,
// perhaps written by an earlier renja without a manifest). Any other folder is
// refused: the project folder itself, a folder that holds the project, a
// folder inside its sources (content/, data/, templates/), a folder that is
// another project, a symbolic link, and an existing folder with files of
// someone else's.
//
// A build is written into a staging folder beside the output folder
// (.<name>.renja-stage-*, on the same file system) and then put in place as a
// whole by swapping one directory entry: on Linux with renameat2's
// RENAME_EXCHANGE, atomically; elsewhere (Windows, macOS) by two renames, the
// old folder aside (.<name>.renja-old-*) and the new one into place, a gap of
// microseconds during which the folder is missing and which the next build
// repairs should the process die in it. So output/ is always one whole build.
//
// A file whose bytes would not change is not written again: the last
// build's file is hard-linked into the stage, so it keeps its modification
// time and a web server, a sync or a browser's cache sees no change.
//
// Files in the output folder that renja did not write (a signed PDF, a
// README, a CNAME) are carried into the new build as hard links (copies where
// the file system has none); files renja wrote before and does not write now
// are dropped. Nothing is followed through a symbolic link: a link where
// renja writes (output/data -> elsewhere) is refused, any other is carried as
// the link it is.
//
// One build at a time writes a folder: a lock file beside it
// (.<name>.renja-lock) locked with flock or LockFileEx, which the system
// releases when the process dies, so a lock is never stale. Leftovers of a
// killed build (staging and old folders) are removed by the next one.
package outdir

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"renja/internal/diag"
	"renja/internal/filelock"
	"renja/internal/msg"
)

// Manifest is the file in the output folder that lists what renja wrote.
const Manifest = ".renja-manifest"

const manifestHead = "# renja: this folder is renja's output; the files renja wrote in it:\n"

// internal reports whether a top-level name is renja's bookkeeping, never
// carried from one build to the next unless kept (the manifest, the page
// cache, the stage, lock and print folders of earlier versions).
func internal(name string) bool { return strings.HasPrefix(name, ".renja") }

// Dir is an output folder locked for a build, with the build's staging folder.
type Dir struct {
	Path   string // the output folder
	parent string
	base   string
	stage  string
	lock   *filelock.Lock
	legacy bool            // the default output/ without a manifest
	wrote  map[string]bool // what the manifest lists (or, for legacy, what renja writes)
	files  []string        // staged, slash-separated
	reused int             // of files, those that are the last build's, linked
	keep   []string        // renja's files of the last build carried over as they are
	done   bool
	record struct { // see Record
		name string
		make func(files []string, digests map[string]string) ([]byte, error)
	}
}

// Open checks that out may be written by a build of the project in
// projectDir, locks it, removes what killed builds left, and makes the
// staging folder. Close releases it.
func Open(projectDir, out string) (*Dir, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	d := &Dir{Path: absOut, parent: filepath.Dir(absOut), base: filepath.Base(absOut)}
	if err := refuse(projectDir, absOut, out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(d.parent, 0o755); err != nil {
		return nil, err
	}
	lockPath := d.sibling("lock")
	l, err := filelock.TryLock(lockPath)
	if errors.Is(err, filelock.ErrLocked) {
		b, _ := os.ReadFile(lockPath)
		return nil, &diag.Error{File: out, Msg: msg.Sprintf("another renja build (process %s) is writing this folder", strings.TrimSpace(string(b))),
			Hint: msg.Sprintf("wait until that build ends, then run again")}
	}
	if err != nil {
		return nil, msg.Errorf("locking %s: %w", out, err)
	}
	d.lock = l
	if err := d.recover(); err != nil {
		d.Close()
		return nil, err
	}
	if err := d.readOwner(projectDir, out); err != nil {
		d.Close()
		return nil, err
	}
	if d.stage, err = os.MkdirTemp(d.parent, "."+d.base+".renja-stage-"); err != nil {
		d.Close()
		return nil, err
	}
	// MkdirTemp makes the folder 0700; the website in it is for everyone to
	// read (a web server running as another user serves it as it is).
	if err := os.Chmod(d.stage, 0o755); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func (d *Dir) sibling(kind string) string {
	return filepath.Join(d.parent, "."+d.base+".renja-"+kind)
}

// recover repairs a swap cut between its two renames (the old folder aside,
// the new not yet in place) by putting the old one back, and removes the
// staging and old folders of killed builds.
func (d *Dir) recover() error {
	olds, _ := filepath.Glob(filepath.Join(d.parent, "."+globEscape(d.base)+".renja-old-*"))
	if _, err := os.Lstat(d.Path); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		sort.Slice(olds, func(i, j int) bool { return modTime(olds[i]) > modTime(olds[j]) })
		if err := os.Rename(olds[0], d.Path); err != nil {
			return msg.Errorf("restoring %s from %s: %w", d.Path, olds[0], err)
		}
		olds = olds[1:]
	}
	stages, _ := filepath.Glob(filepath.Join(d.parent, "."+globEscape(d.base)+".renja-stage-*"))
	for _, p := range append(olds, stages...) {
		if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
			_ = os.RemoveAll(p)
		}
	}
	return nil
}

func modTime(p string) int64 {
	fi, err := os.Lstat(p)
	if err != nil {
		return 0
	}
	return fi.ModTime().UnixNano()
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	if filepath.Separator == '\\' {
		return s
	}
	return r.Replace(s)
}

// readOwner decides whose the folder is, now that it is locked.
func (d *Dir) readOwner(projectDir, out string) error {
	d.wrote = map[string]bool{}
	fi, err := os.Lstat(d.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(d.Path)
		return &diag.Error{File: out, Msg: msg.Sprintf("the output folder %s is a symbolic link to %q; renja does not write through links", out, target),
			Hint: msg.Sprintf("give the target folder itself with -o, or remove the link")}
	case !fi.IsDir():
		return &diag.Error{File: out, Msg: msg.Sprintf("%s is not a folder", out), Hint: msg.Sprintf("choose another output folder with -o")}
	}
	if b, err := os.ReadFile(filepath.Join(d.Path, Manifest)); err == nil {
		if fi, err := os.Lstat(filepath.Join(d.Path, Manifest)); err == nil && fi.Mode().IsRegular() {
			for _, l := range strings.Split(string(b), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") && filepath.IsLocal(filepath.FromSlash(l)) {
					d.wrote[l] = true
				}
			}
			return nil
		}
	}
	ents, err := os.ReadDir(d.Path)
	if err != nil {
		return err
	}
	var others []string
	for _, e := range ents {
		if !internal(e.Name()) {
			others = append(others, e.Name())
		}
	}
	if len(others) == 0 {
		return nil
	}
	if def, err := filepath.Abs(filepath.Join(projectDir, "output")); err == nil && def == d.Path {
		// The project's own output/, from a renja that wrote no manifest:
		// what renja writes there is renja's, the rest is kept.
		d.legacy = true
		return nil
	}
	sort.Strings(others)
	return &diag.Error{File: out, Msg: msg.Sprintf("the output folder %s already holds files that renja did not make (%s)", out, strings.Join(first(others, 3), ", ")),
		Hint: msg.Sprintf("renja writes only into its own output folder: choose a new or empty folder with -o, or empty that folder")}
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], "…")
	}
	return s
}

// renjas reports whether the last build wrote name: the manifest lists it,
// or, in the project's output/ without a manifest, it is a name renja gives.
func (d *Dir) renjas(name string, produced map[string]bool) bool {
	if d.legacy {
		return produced[name] || strings.HasPrefix(name, "data/") && (strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".xlsx"))
	}
	return d.wrote[name]
}

// Current returns the path of a file of the build in place (the last one),
// if renja wrote it there and it is a regular file; "" otherwise.
func (d *Dir) Current(name string) string {
	p := filepath.Join(d.Path, filepath.FromSlash(name))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || !(d.legacy || d.wrote[name] || internal(name)) {
		return ""
	}
	return p
}

// Stage returns the staging folder; Scratch makes a folder in it for work
// files that are no part of the build (the page Chrome prints).
func (d *Dir) Stage() string { return d.stage }

// Scratch makes a temporary folder inside the stage whose name is renja's
// (it is never carried into the output, and goes with a failed build).
func (d *Dir) Scratch(prefix string) (string, error) {
	return os.MkdirTemp(d.stage, ".renja-"+prefix)
}

// Write stages a file. name is slash-separated and may name a subfolder
// ("data/t31.csv").
func (d *Dir) Write(name string, b []byte) error {
	rel := filepath.FromSlash(name)
	if !filepath.IsLocal(rel) || name == Manifest {
		return msg.Errorf("output file %q is not inside the output folder", name)
	}
	if slices.Contains(d.files, name) {
		return msg.Errorf("output file %q is written twice", name)
	}
	full := filepath.Join(d.stage, rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if cur := d.Current(name); cur != "" && sameBytes(cur, b) && os.Link(cur, full) == nil {
		d.files = append(d.files, name)
		if !internal(name) {
			d.reused++
		}
		return nil
	}
	if err := os.WriteFile(full, b, 0o644); err != nil {
		return err
	}
	d.files = append(d.files, name)
	return nil
}

// Reuse stages the last build's file name as it is, for a file the build
// knows to be unchanged without making it again (a spreadsheet of unchanged
// rows). It returns false when that cannot be done; the caller then writes it.
func (d *Dir) Reuse(name string) bool {
	rel := filepath.FromSlash(name)
	cur := d.Current(name)
	if cur == "" || !filepath.IsLocal(rel) || slices.Contains(d.files, name) {
		return false
	}
	full := filepath.Join(d.stage, rel)
	if os.MkdirAll(filepath.Dir(full), 0o755) != nil || os.Link(cur, full) != nil {
		return false
	}
	d.files = append(d.files, name)
	d.reused++
	return true
}

// Reused returns how many of the staged files are the last build's,
// unchanged, renja's bookkeeping (.renja-*) not counted.
func (d *Dir) Reused() int { return d.reused }

// sameBytes reports whether the file at path holds exactly b.
func sameBytes(path string, b []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, b)
}

// Keep carries a file renja wrote in the last build into this one as it is
// (the PDF of a build that prints none), when it is there.
func (d *Dir) Keep(name string) {
	if d.Current(name) != "" {
		d.keep = append(d.keep, name)
	}
}

// Close discards the stage of a build that was not committed and releases
// the lock.
func (d *Dir) Close() {
	if d.stage != "" && !d.done {
		_ = os.RemoveAll(d.stage)
	}
	if d.lock != nil {
		_ = d.lock.Unlock()
		d.lock = nil
	}
}

// copyFile copies a regular file (where a hard link cannot be made).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// parents lists the folders of a slash-separated path: "a/b/c" → a, a/b.
func parents(name string) []string {
	var ps []string
	for p := path.Dir(name); p != "."; p = path.Dir(p) {
		ps = append(ps, p)
	}
	return ps
}
