package diff_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/diff"
	"renja/internal/difftest"
	"renja/internal/gitrev"
	"renja/internal/model"
)

// load reads the project at a revision ("" for the working tree).
func load(t *testing.T, dir, rev string) *model.Project {
	t.Helper()
	if rev == "" {
		p, err := model.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	g, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tmp, err := g.Extract(rev)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	p, err := model.Load(tmp)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type row struct{ table, code, column, old, new, kind string }

func find(cs []diff.Change, r row) *diff.Change {
	for i, c := range cs {
		if c.Table == r.table && c.Code == r.code && c.Column == r.column && c.Kind == r.kind {
			return &cs[i]
		}
	}
	return nil
}

func TestStory(t *testing.T) {
	dir, commits := difftest.Story(t)
	v := func(i int) *model.Project { return load(t, dir, commits[i]) }
	tests := []struct {
		name       string
		old, new   int
		want       []row
		wantDeltas map[string]int64 // code/column → delta in Rupiah
		absent     []string         // codes that must not be reported
	}{
		{"pagu", 0, 1, []row{
			{"t31", "7.01.01.2.01.01", "pagu", "14.255.600", "14.271.500", diff.Changed},
			{"t31", "7.01.01.2.01", "pagu", "32.352.300", "32.368.200", diff.Parent},
			{"t31", "7.01.01", "pagu", "2.472.039.400", "2.472.055.300", diff.Parent},
			{"t31", "", "pagu", "2.603.235.300", "2.603.251.200", diff.Total},
		}, map[string]int64{"7.01.01.2.01.01/pagu": 15900, "/pagu": 15900}, []string{"7.01.01.2.01.02", "7.01.02"}},
		{"added and removed", 1, 2, []row{
			{"t31", "7.01.01.2.01.09", "uraian", "", "Penyusunan Profil Kecamatan", diff.Added},
			{"t31", "7.01.01.2.01.09", "pagu", "", "1.000.000", diff.Added},
			{"t31", "7.01.01.2.01.09", "target", "", "1 Dok", diff.Added},
			{"t31", "7.01.01.2.01.02", "uraian", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "", diff.Removed},
			{"t31", "7.01.01.2.01.02", "pagu", "4.609.900", "", diff.Removed},
			{"t31", "7.01.01.2.01", "pagu", "32.368.200", "28.758.300", diff.Parent},
			{"t31", "7.01.01", "pagu", "2.472.055.300", "2.468.445.400", diff.Parent},
			{"t31", "", "pagu", "2.603.251.200", "2.599.641.300", diff.Total},
			{"t31", "", "pagu_n_plus1", "3.854.250.000", "3.846.250.000", diff.Total},
		}, map[string]int64{"7.01.01.2.01.02/pagu": -4609900, "7.01.01.2.01.09/pagu": 1000000, "/pagu": -3609900}, []string{"7.01.01.2.01.01"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := diff.Compare(v(tc.old), v(tc.new))
			for _, w := range tc.want {
				c := find(r.Tables, w)
				if c == nil {
					t.Errorf("missing %+v in\n%s", w, dump(r))
					continue
				}
				if c.Old != w.old || c.New != w.new {
					t.Errorf("%s %s %s: %q → %q, want %q → %q", w.table, w.code, w.column, c.Old, c.New, w.old, w.new)
				}
			}
			for k, d := range tc.wantDeltas {
				code, col, _ := strings.Cut(k, "/")
				found := false
				for _, c := range r.Tables {
					if c.Code == code && c.Column == col && c.Table == "t31" {
						found = true
						if c.Delta == nil || int64(*c.Delta) != d {
							t.Errorf("%s: delta %v, want %d", k, c.Delta, d)
						}
					}
				}
				if !found {
					t.Errorf("%s: no change", k)
				}
			}
			for _, c := range r.Tables {
				for _, a := range tc.absent {
					if c.Code == a {
						t.Errorf("unchanged %s reported: %+v", a, c)
					}
				}
				if c.Table != "t31" {
					t.Errorf("only t31 changed, got %+v", c)
				}
			}
		})
	}
}

func dump(r *diff.Report) string {
	var b bytes.Buffer
	r.Text(&b)
	return b.String()
}

// TestFormats checks the three forms of the same report.
func TestFormats(t *testing.T) {
	dir, commits := difftest.Story(t)
	r := diff.Compare(load(t, dir, commits[0]), load(t, dir, commits[2]))
	r.Old, r.New = "A", "B"

	var text bytes.Buffer
	r.Text(&text)
	for _, want := range []string{
		"Tabel 3.1 (t31)",
		"  7.01.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah\n    pagu: 14.255.600 → 14.271.500 (+15.900)\n",
		"  7.01.01.2.01.02 Koordinasi dan Penyusunan Dokumen RKA-SKPD [dihapus]\n    target: 2 Dok (-2)\n    pagu: 4.609.900 (-4.609.900)\n",
		"  7.01.01.2.01.09 Penyusunan Profil Kecamatan [ditambah]\n    target: 1 Dok (+1)\n    pagu: 1.000.000 (+1.000.000)\n",
		"[jumlah kegiatan, dihitung]\n    pagu: 32.352.300 → 28.758.300 (-3.594.000)\n",
		"[jumlah program, dihitung]\n    pagu: 2.472.039.400 → 2.468.445.400 (-3.594.000)\n",
		"  JUMLAH\n    pagu: 2.603.235.300 → 2.599.641.300 (-3.594.000)\n",
		"Teks\n",
		`{{ chart "pagu-program" }}`,
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}

	var md bytes.Buffer
	r.Markdown(&md)
	for _, want := range []string{
		"## Perubahan Renja: `A` → `B`\n",
		"### Tabel 3.1 (t31)\n\n| Kode | Uraian | Kolom | Lama | Baru | Selisih | Keterangan |\n",
		"| `7.01.01.2.01.01` | Penyusunan Dokumen Perencanaan Perangkat Daerah | `pagu` | 14.255.600 | 14.271.500 | +15.900 | diubah |\n",
		"| `7.01.01.2.01.02` | Koordinasi dan Penyusunan Dokumen RKA-SKPD | `pagu` | 4.609.900 |  | -4.609.900 | dihapus |\n",
		"| `7.01.01.2.01.09` | Penyusunan Profil Kecamatan | `pagu` |  | 1.000.000 | +1.000.000 | ditambah |\n",
		"| `7.01.01` | PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/ KOTA | `pagu` | 2.472.039.400 | 2.468.445.400 | -3.594.000 | jumlah program |\n",
		"|  | **JUMLAH** | `pagu` | 2.603.235.300 | 2.599.641.300 | -3.594.000 | jumlah tabel |\n",
		"### Teks\n",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}

	var js bytes.Buffer
	if err := r.JSON(&js); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		for _, k := range []string{"table", "code", "column", "old", "new", "delta", "kind"} {
			if _, ok := g[k]; !ok {
				t.Fatalf("field %q missing in %v", k, g)
			}
		}
		if len(g) != 7 {
			t.Fatalf("fields beyond the seven: %v", g)
		}
	}
	want := map[string]any{"table": "t31", "code": "", "column": "pagu", "old": "2.603.235.300", "new": "2.599.641.300", "delta": float64(-3594000), "kind": "total"}
	if !containsMap(got, want) {
		t.Errorf("JSON lacks %v:\n%s", want, js.String())
	}
	want = map[string]any{"table": "t31", "code": "7.01.01.2.01.09", "column": "pagu", "old": "", "new": "1.000.000", "delta": float64(1000000), "kind": "added"}
	if !containsMap(got, want) {
		t.Errorf("JSON lacks %v:\n%s", want, js.String())
	}
}

func containsMap(xs []map[string]any, want map[string]any) bool {
	for _, x := range xs {
		same := true
		for k, v := range want {
			if x[k] != v {
				same = false
			}
		}
		if same {
			return true
		}
	}
	return false
}

// TestMoved: a row that keeps its name under another code is moved, not
// removed and added; and a new spelling of an unchanged code is no change.
func TestMoved(t *testing.T) {
	dir := difftest.Bundled(t)
	old := load(t, dir, "")
	difftest.Edit(t, dir, "data/t31.csv", "7.01.01. 2.01.02;", "7.01.01.2.01.08;")
	difftest.Edit(t, dir, "data/t31.csv", "7.01.01. 2.01.01;", "7.1.1.2.1.1;")
	r := diff.Compare(old, load(t, dir, ""))
	c := find(r.Tables, row{table: "t31", code: "7.01.01.2.01.08", column: "kode", kind: diff.Moved})
	if c == nil || c.Old != "7.01.01.2.01.02" {
		t.Fatalf("no move from 7.01.01.2.01.02 to 7.01.01.2.01.08:\n%s", dump(r))
	}
	for _, c := range r.Tables {
		if c.Kind != diff.Moved {
			t.Errorf("only the move, got %+v", c)
		}
	}
}

// TestTablesAndColumns: a new table, a new column, and a change in a table
// without codes (keyed by its first column).
func TestTablesAndColumns(t *testing.T) {
	dir := difftest.Bundled(t)
	old := load(t, dir, "")
	for _, ext := range []string{".csv", ".toml"} {
		b, _ := os.ReadFile(filepath.Join(dir, "data", "t22"+ext))
		b = []byte(strings.Replace(string(b), `id = "t22"`, `id = "t99"`, 1))
		os.WriteFile(filepath.Join(dir, "data", "t99"+ext), b, 0o644)
	}
	f, _ := os.OpenFile(filepath.Join(dir, "data", "t23.toml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[[columns]]\nname = \"sumber\"\ntype = \"text\"\ntitle = \"Sumber Data\"\n")
	f.Close()
	difftest.Edit(t, dir, "data/t23.csv", ";catatan\n", ";catatan;sumber\n")
	difftest.Edit(t, dir, "data/t23.csv", "Indeks Kepuasan Masyarakat;;;85,00;90,00;95,00;100;89,90;-;87,00;90,00;\n", "Indeks Kepuasan Masyarakat;;;85,00;90,00;95,00;100;91,50;-;87,00;90,00;;survei\n")
	difftest.Edit(t, dir, "data/t23.csv", ";98%;98%;\n", ";98%;98%;;\n")
	r := diff.Compare(old, load(t, dir, ""))
	text := dump(r)
	for _, want := range []string{
		"Tabel 2.2 (t99)\n  tabel ditambah: Tabel 2.2",
		"  kolom sumber ditambah: Sumber Data\n",
		"  1 Indeks Kepuasan Masyarakat\n    realisasi_n_min2: 89,90 → 91,50 (+1,6)\n",
		`{{ angka (nilai "t23" "1" "realisasi_n_min2") 2 }}: 89,90 → 91,50 (angka berubah karena data)`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
}

// TestFourDigitCodes: a project that writes its sub kegiatan codes with four
// digits reads them so in renja diff too, a moved row's codes included.
func TestFourDigitCodes(t *testing.T) {
	dir := difftest.Bundled(t)
	difftest.Edit(t, dir, "renja.toml", "[office]", "[codes]\nsub_kegiatan_digits = 4\n\n[office]")
	old := load(t, dir, "")
	difftest.Edit(t, dir, "data/t31.csv", "7.01.01. 2.01.02;", "7.01.01.2.01.08;")
	r := diff.Compare(old, load(t, dir, ""))
	c := find(r.Tables, row{table: "t31", code: "7.01.01.2.01.0008", column: "kode", kind: diff.Moved})
	if c == nil || c.Old != "7.01.01.2.01.0002" || c.New != "7.01.01.2.01.0008" {
		t.Fatalf("no move from 7.01.01.2.01.0002 to 7.01.01.2.01.0008:\n%s", dump(r))
	}
}
