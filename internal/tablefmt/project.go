package tablefmt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"renja/internal/diag"
	"renja/internal/gitrev"
	"renja/internal/projfs"
	"renja/internal/table"
)

// File is one table of a project: its text now and in canonical form.
type File struct {
	Path     string // data/t31.csv
	Old, New []byte
	Err      error // the file cannot be read as CSV; it is left as it is
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
		count[table.DetectDelimiter(b)]++
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
		f.New, f.Err = Format(f.Old, delim, SchemaTypes(s), ref)
		if e, ok := f.Err.(*Error); ok {
			src := diag.NewSource(f.Path, bytes.TrimPrefix(f.Old, []byte("\xef\xbb\xbf")), 1)
			f.Err = &diag.Error{File: f.Path, Line: e.Line, Column: src.Column(e.Line, e.Column), Msg: e.Msg, Source: src.Line(e.Line),
				Hint: "renja fmt membiarkan berkas ini apa adanya; perbaiki dulu, lalu jalankan renja fmt lagi"}
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
	if err != nil {
		return &diag.Error{File: f.Path, Msg: "renja fmt akan membuat tabel tak terbaca: " + err.Error(), Hint: "mohon laporkan ini; berkas dibiarkan apa adanya"}
	}
	if len(a.Rows) != len(b.Rows) {
		return &diag.Error{File: f.Path, Msg: fmt.Sprintf("renja fmt akan mengubah jumlah baris (%d → %d)", len(a.Rows), len(b.Rows)), Hint: "mohon laporkan ini; berkas dibiarkan apa adanya"}
	}
	for i, r := range a.Rows {
		for j, c := range r.Cells {
			d := b.Rows[i].Cells[j]
			if !SameValue(s.Columns[j].Type, c.Raw, d.Raw) {
				at := a.Pos(&r.Cells[j])
				return &diag.Error{File: f.Path, Line: at.Line, Column: at.Column, Msg: fmt.Sprintf("renja fmt akan mengubah %q menjadi %q", c.Raw, d.Raw), Hint: "mohon laporkan ini; berkas dibiarkan apa adanya"}
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
