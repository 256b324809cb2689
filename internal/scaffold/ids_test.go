package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"renja/internal/table"
)

// yearIDRe is a column id that carries a year.
var yearIDRe = regexp.MustCompile(`(^|_)(19|20|21)\d\d(_|$)`)

// oldIDs are the bundled ids as they were before they became year-free
// (the Renja 2024's target_2025 is target_n_plus1).
var oldIDs = map[string]string{
	"target_n_min2": "target_2022", "target_n_min1": "target_2023", "target_n": "target_2024",
	"target_n_plus1": "target_2025", "realisasi_n_min2": "realisasi_2022", "realisasi_n_min1": "realisasi_2023",
	"realisasi_n_min3": "realisasi_2021", "realisasi_sd_n_min1": "realisasi_sd_2023", "pagu_n_plus1": "pagu_2025",
}

// copyOld copies the bundled project with the ids it had when they carried
// years, as an office that started with it still has them.
func copyOld(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	word := regexp.MustCompile(`[a-z0-9_]+`)
	for _, sub := range []string{"content", "data"} {
		ents, err := os.ReadDir(filepath.Join("../..", sub))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			b, err := os.ReadFile(filepath.Join("../..", sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			b = word.ReplaceAllFunc(b, func(w []byte) []byte {
				if o, ok := oldIDs[string(w)]; ok {
					return []byte(o)
				}
				return w
			})
			if err := os.WriteFile(filepath.Join(dir, sub, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, err := os.ReadFile("../../renja.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "renja.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// columnIDs lists the column ids of a project's schemas, table by table.
func columnIDs(t *testing.T, dir string) map[string][]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "*.toml"))
	out := map[string][]string{}
	for _, p := range paths {
		id := strings.TrimSuffix(filepath.Base(p), ".toml")
		s, err := table.LoadSchema(dir, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range s.Columns {
			out[id] = append(out[id], c.Name)
		}
	}
	return out
}

// TestFromRenamesYearIDs: next year's project from one whose ids carry
// years has no id with a year, and its ids are the bundled year-free ones;
// its CSV headers and the text's calls name them.
func TestFromRenamesYearIDs(t *testing.T) {
	old := copyOld(t)
	before := columnIDs(t, old)
	if !strings.Contains(strings.Join(before["t31"], " "), "pagu_2025") {
		t.Fatalf("the old copy has no pagu_2025: %v", before["t31"])
	}
	dir := filepath.Join(t.TempDir(), "k25")
	res, err := From(FromOptions{Dir: dir, From: old})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Renamed) != 13 {
		t.Errorf("renamed %d ids, want 13: %v", len(res.Renamed), res.Renamed)
	}
	after := columnIDs(t, dir)
	bundled := columnIDs(t, "../..")
	for id, cols := range after {
		if strings.Join(cols, " ") != strings.Join(bundled[id], " ") {
			t.Errorf("%s: ids %v, the bundled %v", id, cols, bundled[id])
		}
		for _, c := range cols {
			if yearIDRe.MatchString(c) || slices.Contains(before[id], c) && yearIDRe.MatchString(c) {
				t.Errorf("%s: column %s carries a year", id, c)
			}
		}
		csv, _ := os.ReadFile(filepath.Join(dir, "data", id+".csv"))
		header, _, _ := strings.Cut(string(csv), "\n")
		// a yearly table's rows are marked as last year's in the column contoh
		if header != strings.Join(cols, ";") && header != strings.Join(append(cols, table.ExampleColumn), ";") {
			t.Errorf("%s.csv header %q, the schema %v", id, header, cols)
		}
	}
	bab2, _ := os.ReadFile(filepath.Join(dir, "content", "20-bab-2.md"))
	if !strings.Contains(string(bab2), `{{ nilai "t23" "2" "target_n_min2" }}`) || strings.Contains(string(bab2), "_2022") {
		t.Errorf("BAB II's calls still name old ids")
	}
}

// TestFromBundledYearFree: the bundled Renja rolled to 2025 renames
// nothing and no id carries a year.
func TestFromBundledYearFree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "k25")
	res, err := From(FromOptions{Dir: dir, From: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Renamed) != 0 {
		t.Errorf("renamed %v", res.Renamed)
	}
	n := 0
	for id, cols := range columnIDs(t, dir) {
		for _, c := range cols {
			n++
			if yearIDRe.MatchString(c) {
				t.Errorf("%s: column %s carries a year", id, c)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d columns", n)
	}
}
