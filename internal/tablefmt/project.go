package tablefmt

import (
	"os"
	"path/filepath"
	"strings"

	"renja/internal/diag"
	"renja/internal/gitrev"
	"renja/internal/msg"
	"renja/internal/projfs"
	"renja/internal/table"
)

// File is one table of a project: its text now and in canonical form.
type File struct {
	Path     string // data/t31.csv
	Old, New []byte
	Err      error       // the file cannot be read as CSV; it is left as it is
	Note     *table.Note // how the file was read when it was not UTF-8 (New is)
}

// Changed reports whether formatting changes the file.
func (f *File) Changed() bool { return f.Err == nil && string(f.Old) != string(f.New) }

// Project formats every data/*.csv of a project in memory. The delimiter is
// the table's schema's, else the one the table has at git's HEAD, else the
// one most of the project's tables use. When the project is in a git
// repository, each table's version at HEAD is the Reference for spellings.
func Project(dir string) ([]*File, error) {
	paths, err := projfs.List(dir, "data", ".csv")
	if err != nil {
		return nil, err
	}
	var files []*File
	count := map[rune]int{}
	for _, p := range paths {
		b, err := projfs.ReadFile(dir, p)
		if err != nil {
			return nil, err
		}
		files = append(files, &File{Path: p, Old: b})
		_, r, _ := table.OpenCSV(b, 0)
		count[r.Comma]++
	}
	common := ';'
	for _, d := range []rune{',', '\t'} {
		if count[d] > count[common] {
			common = d
		}
	}
	repo, _ := gitrev.Open(dir)
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f.Path), ".csv")
		delim := common
		s, serr := table.LoadSchema(dir, id)
		if serr != nil {
			s = nil
		}
		var ref *Reference
		if repo != nil {
			if b, err := repo.ReadFile("HEAD", f.Path); err == nil {
				if ref = NewReference(b, SchemaTypes(s)); ref != nil {
					delim = ref.Delim
				}
			}
		}
		if s != nil && s.Delimiter != "" {
			delim = []rune(s.Delimiter)[0]
		}
		f.New, f.Note, f.Err = Format(f.Old, delim, SchemaTypes(s), ref)
		if e, ok := f.Err.(*diag.Error); ok {
			e.File = f.Path
			e.Hint = msg.Sprintf("%s (renja fmt leaves the file as it is: correct it, then run renja fmt again)", e.Hint)
			continue
		}
		if s != nil && f.Changed() {
			if err := sameValues(s, f); err != nil {
				f.Err = err
			}
		}
	}
	return files, nil
}

// sameValues reads both texts as the table and refuses a result in which
// any cell reads differently: formatting never changes a value.
func sameValues(s *table.Schema, f *File) error {
	a, err := table.Parse(s, f.Path, f.Old)
	if err != nil {
		return nil // the checker reports a table it cannot read; the layout may still be tidied
	}
	b, err := table.Parse(s, f.Path, f.New)
	report := msg.Sprintf("please report this; the file is left as it is")
	if err != nil {
		return &diag.Error{File: f.Path, Msg: msg.Sprintf("renja fmt would make the table unreadable: %v", err), Hint: report}
	}
	if len(a.Rows) != len(b.Rows) {
		return &diag.Error{File: f.Path, Msg: msg.Sprintf("renja fmt would change the number of rows (%d → %d)", len(a.Rows), len(b.Rows)), Hint: report}
	}
	for i, r := range a.Rows {
		for j, c := range r.Cells {
			d := b.Rows[i].Cells[j]
			if !sameValue(s.Columns[j].Type, c.Raw, d.Raw) {
				at := a.Pos(&r.Cells[j])
				return &diag.Error{File: f.Path, Line: at.Line, Column: at.Column, Msg: msg.Sprintf("renja fmt would change %q into %q", c.Raw, d.Raw), Hint: report}
			}
		}
	}
	return nil
}

// Write replaces a file by its canonical form: a temporary file beside it,
// renamed into place.
func Write(dir string, f *File) error {
	p := filepath.Join(dir, filepath.FromSlash(f.Path))
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".renja-fmt-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(f.New)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), info.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
