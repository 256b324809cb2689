package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"renja/internal/diag"
	"renja/internal/msg"
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
	hint := msg.Sprintf("use an output folder of its own: output/ inside the project (the default), or -o FOLDER that is new or empty")
	if o == proj || within(o, proj) {
		return &diag.Error{File: out, Msg: msg.Sprintf("the output folder %s is the project folder or holds the project; a build would overwrite and delete its sources", out), Hint: hint}
	}
	for _, src := range []string{"content", "data", "templates", "renja.toml"} {
		s := filepath.Join(proj, src)
		if o == s || within(s, o) {
			return &diag.Error{File: out, Msg: msg.Sprintf("the output folder %s is inside %s, the project's sources", out, src), Hint: hint}
		}
	}
	for _, marker := range []string{"renja.toml", "content"} {
		if _, err := os.Lstat(filepath.Join(o, marker)); err == nil {
			return &diag.Error{File: out, Msg: msg.Sprintf("the output folder %s holds %s: it is a renja project folder, not an output folder", out, marker), Hint: hint}
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
