package table_test

import (
	"errors"
	"strings"
	"testing"

	"renja/internal/diag"
	"renja/internal/table"
	"renja/internal/testenv"
)

// TestLoadDir reads a project's tables from its files, sorted by id, and
// looks cells up by column name.
func TestLoadDir(t *testing.T) {
	dir := testenv.Files(t, map[string]string{
		"data/b.toml": schemaSrc,
		"data/b.csv":  "kode;uraian;target;pagu\n7.01.01;PROGRAM;;1.000\n7.01.01.2.01;Kegiatan;12 Dokumen Perencanaan Tahunan;1.000\n",
		"data/a.toml": "[[columns]]\nname = \"uraian\"\n",
		"data/a.csv":  "uraian\nsatu\n",
	})
	ts, err := table.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 || ts[0].ID != "a" || ts[1].ID != "b" || ts[1].Path != "data/b.csv" {
		t.Fatalf("tables %+v", ts)
	}
	b := ts[1]
	r := b.Rows[1]
	if got := b.Cell(r, "pagu").Money(); got != 1000 {
		t.Errorf("pagu = %d", got)
	}
	if b.Cell(r, "nope") != nil {
		t.Error("a cell of an unknown column")
	}
	if got := b.Name(r); got != "Kegiatan" {
		t.Errorf("Name = %q", got)
	}
	if got := ts[0].Name(ts[0].Rows[0]); got != "satu" {
		t.Errorf("Name of a table without codes = %q", got)
	}
	// A unit longer than a cell keeps (255 bytes) is read all the same.
	if got := b.Cell(r, "target").Target(); got.Unit != "Dokumen Perencanaan Tahunan" || got.Value.Float() != 12 {
		t.Errorf("target = %+v", got)
	}
	long := strings.Repeat("Dokumen ", 40)
	s := schema(t)
	lt, err := table.Parse(s, "data/x.csv", []byte("kode;uraian;target;pagu\n7.01;a;3 "+long+";1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := lt.Cell(lt.Rows[0], "target").Target(); got.Unit != strings.TrimSpace(long) || got.Value.Float() != 3 {
		t.Errorf("long unit: %q %v", got.Unit, got.Value)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string // file and text of each error
	}{
		{"a table without its schema", map[string]string{"data/b.toml": schemaSrc, "data/b.csv": "kode;uraian;target;pagu\n", "data/c.csv": "x\n"},
			[]string{"data/c.csv", "table has no schema", "data/c.toml"}},
		{"a schema without its table", map[string]string{"data/b.toml": schemaSrc},
			[]string{"data/b.csv", "cannot read the table", "data/b.toml needs its CSV"}},
		{"an empty table", map[string]string{"data/b.toml": schemaSrc, "data/b.csv": "\n"},
			[]string{"data/b.csv", "the table is empty", "kode;uraian;target;pagu"}},
	} {
		_, err := table.LoadDir(testenv.Files(t, c.files))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		var e *diag.Error
		if !errors.As(err, &e) && !strings.Contains(err.Error(), c.want[0]) {
			t.Errorf("%s: %v", c.name, err)
		}
		all := err.Error()
		if l, ok := diag.ListOf(err); ok {
			all = ""
			for _, x := range l {
				var d *diag.Error
				if errors.As(x, &d) {
					all += d.File + ": " + d.Msg + " / " + d.Hint + "\n"
				}
			}
		} else if e != nil {
			all = e.File + ": " + e.Msg + " / " + e.Hint
		}
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: %q lacks %q", c.name, all, w)
			}
		}
	}
	if _, err := table.LoadSchema(t.TempDir(), "nope"); err == nil || !strings.Contains(err.Error(), "data/nope.toml") {
		t.Errorf("LoadSchema of a missing schema: %v", err)
	}
}

// TestLoadReference reads a nomenclature list in any encoding and delimiter
// a table may have, and refuses a code it cannot read, at its line.
func TestLoadReference(t *testing.T) {
	dir := testenv.Files(t, map[string]string{
		"ref.csv":  "kode,nama\n7.01.01, PROGRAM PENUNJANG \n7.01.01.2.01,Perencanaan Caf\xe9\n",
		"bad.csv":  "kode;nama\n7.01.01;a\nx.y;b\n;c\n",
		"junk.csv": "kode;nama\n\"open;a\n",
	})
	refs, err := table.LoadReference(dir, "ref.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 2 || refs[0].Kode != "7.01.01" || refs[0].Nama != "PROGRAM PENUNJANG" || refs[0].Line != 2 ||
		refs[1].Code.String() != "7.01.01.2.01" || refs[1].Nama != "Perencanaan Café" || refs[1].Line != 3 {
		t.Errorf("refs = %+v", refs)
	}
	_, err = table.LoadReference(dir, "bad.csv")
	l, ok := diag.ListOf(err)
	if !ok || len(l) != 2 {
		t.Fatalf("bad codes: %v", err)
	}
	for i, line := range []int{3, 4} {
		var d *diag.Error
		if !errors.As(l[i], &d) || d.File != "bad.csv" || d.Line != line || d.Hint == "" {
			t.Errorf("error %d: %+v, want bad.csv:%d with a hint", i, l[i], line)
		}
	}
	if _, err := table.LoadReference(dir, "junk.csv"); err == nil {
		t.Error("an unreadable list was read")
	}
	var d *diag.Error
	if _, err := table.LoadReference(dir, "missing.csv"); !errors.As(err, &d) || d.File != "missing.csv" || d.Hint == "" {
		t.Errorf("a missing list: %v", err)
	}
}

// TestResolve: the schema's words are expanded, measures by their own
// function, and the words as written are kept.
func TestResolve(t *testing.T) {
	s, err := table.ParseSchema("data/x.toml", "x", []byte("caption = \"Tabel {n}\"\ntitle = [\"Tahun {n}\"]\n[[columns]]\nname = \"kode\"\ntype = \"code\"\n[[columns]]\nname = \"pagu\"\ntype = \"money\"\ntitle = \"Pagu {n}\"\ngroup = \"G {n}\"\nnumber = \"{n}\"\nmeasure = \"pagu:{n}\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	s.Resolve(func(x string) string { return strings.ReplaceAll(x, "{n}", "2025") }, func(x string) string { return strings.ReplaceAll(x, "{n}", "M") })
	c := s.Col("pagu")
	if s.Caption != "Tabel 2025" || s.Title[0] != "Tahun 2025" || c.Title != "Pagu 2025" || c.Group != "G 2025" || c.Number != "2025" || c.Measure != "pagu:M" {
		t.Errorf("resolved: %q %q %+v", s.Caption, s.Title, c)
	}
	w := s.Written
	if w == nil || w.Caption != "Tabel {n}" || w.Title[0] != "Tahun {n}" || w.Columns[1] != (table.ColumnTexts{"Pagu {n}", "G {n}", "{n}", "pagu:{n}"}) || s.Col("kode").Measure != "" {
		t.Errorf("written: %+v", w)
	}
}
