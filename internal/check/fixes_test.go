package check_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/difftest"
	"renja/internal/kode"
	"renja/internal/model"
)

// quoted is the text a hint tells the officer to write.
var quoted = regexp.MustCompile(`write "((?:[^"\\]|\\.)*)"`)

// TestOfficerMistakes: a cell typed the way officers slip gets a finding at
// that cell whose hint quotes the corrected text; writing that text leaves no
// finding in the cell.
func TestOfficerMistakes(t *testing.T) {
	for _, c := range []struct {
		file, code, column, typed, want string
	}{
		{"data/t41.csv", "7.01.01.2.01", "pagu", "Rp 33.146.700,-", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "pagu", "33,146,700", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "pagu", "33.146.7OO", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "pagu", "Rp33.146.700 -", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "pagu", "33.146.700,-", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "pagu", "33.l46.700", "33.146.700"},
		{"data/t41.csv", "7.01.01.2.01", "kode", "7.01.01.2.O1", "7.01.01.2.01"},
		{"data/t41.csv", "7.01.01.2.01", "kode", "7.0l.01.2.01", "7.01.01.2.01"},
		{"data/t41.csv", "7.01.01.2.01", "kode", "7.01.01.2.0I", "7.01.01.2.01"},
		{"data/eval21.csv", "7.01.01.2.01.01", "capaian_kinerja", "1OO", "100"},
		{"data/eval21.csv", "7.01.01.2.01.01", "realisasi_anggaran", "3,741,200", "3.741.200"},
		{"data/eval21.csv", "7.01.01.2.01.01", "realisasi_anggaran", "Rp 3.741.200,-", "3.741.200"},
		{"data/eval21.csv", "7.01.01.2.01.01", "capaian_anggaran", "97.10", "97,10"},
		{"data/eval21.csv", "7.01.01.2.01.01", "capaian_anggaran", "97,l0", "97,10"},
		{"data/eval21.csv", "7.01.01.2.01.01", "pagu", "3.852.935 Rupiah", "3.852.935"},
		{"data/eval21.csv", "7.01.01.2.01.01", "capaian_kinerja", `\100`, "100"},
		{"data/eval21.csv", "7.01.01.2.01.01", "realisasi_anggaran", "“3.741.200”", "3.741.200"},
	} {
		t.Run(c.column+"="+c.typed, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(difftest.Bundled(t))); err != nil {
				t.Fatal(err)
			}
			line := setCell(t, dir, c.file, c.code, c.column, c.typed)
			d, ok := findingAt(t, dir, c.file, line)
			if !ok {
				t.Fatalf("no finding at %s:%d for %q", c.file, line, c.typed)
			}
			m := quoted.FindStringSubmatch(d.Hint)
			if m == nil {
				t.Fatalf("the hint quotes no fix: %s", d)
			}
			if m[1] != c.want {
				t.Errorf("the hint quotes %q, want %q: %s", m[1], c.want, d)
			}
			setCell(t, dir, c.file, c.code, c.column, m[1])
			if d, bad := findingAt(t, dir, c.file, line); bad {
				t.Errorf("after writing the fix %q: %s", m[1], d)
			}
		})
	}
}

// setCell writes text into the cell of the row whose code is code (its first
// cell as written) and returns the row's line.
func setCell(t *testing.T, dir, file, code, column, text string) int {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	col := -1
	for i, h := range strings.Split(lines[0], ";") {
		if h == column {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no column %s", file, column)
	}
	for i, l := range lines[1:] {
		cells := strings.Split(l, ";")
		if k, _ := kode.Parse(strings.NewReplacer("O", "0", "l", "1", "I", "1").Replace(cells[0])); k.String() == code {
			cells[col] = text
			lines[i+1] = strings.Join(cells, ";")
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return i + 2
		}
	}
	t.Fatalf("%s has no row %s", file, code)
	return 0
}

// findingAt returns the error the checker reports on a line of file about
// what is written there (an unreadable value or code).
func findingAt(t *testing.T, dir, file string, line int) (diag.Diagnostic, bool) {
	t.Helper()
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range check.Run(p) {
		if d.File == file && d.Line == line && (d.Rule == check.Values || d.Rule == check.Codes) {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}
