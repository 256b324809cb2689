package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"renja/internal/diag"
)

// refuse says why out may not be the output folder of the project in
// projectDir: it is the project, holds it, lies in its sources, or is
// another project. Paths are compared with their symbolic links resolved.
func refuse(projectDir, absOut, out string) error {
	proj, err := filepath.Abs(projectDir)
	if err != nil {
		return err
	}
	proj, o := resolve(proj), resolve(absOut)
	hint := "pakai folder keluaran tersendiri: output/ di dalam proyek (bawaan), atau -o FOLDER yang baru atau kosong"
	if o == proj || within(o, proj) {
		return &diag.Error{File: out, Msg: fmt.Sprintf("folder keluaran %s adalah folder proyek atau memuat proyek; build akan menimpa dan menghapus sumbernya", out), Hint: hint}
	}
	for _, src := range []string{"content", "data", "templates", "renja.toml"} {
		s := filepath.Join(proj, src)
		if o == s || within(s, o) {
			return &diag.Error{File: out, Msg: fmt.Sprintf("folder keluaran %s berada di dalam %s, sumber proyek", out, src), Hint: hint}
		}
	}
	for _, marker := range []string{"renja.toml", "content"} {
		if _, err := os.Lstat(filepath.Join(o, marker)); err == nil {
			return &diag.Error{File: out, Msg: fmt.Sprintf("folder keluaran %s memuat %s: itu folder proyek renja, bukan folder keluaran", out, marker), Hint: hint}
		}
	}
	return nil
}

// within reports whether child lies inside parent (not equal to it).
func within(parent, child string) bool {
	rel, err := filepath.Rel(parent, child)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// resolve resolves the symbolic links of the longest part of p that exists.
func resolve(p string) string {
	rest := ""
	for cur := p; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return p
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}
