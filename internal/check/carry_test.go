package check_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/difftest"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/scaffold"
)

// Sub kegiatan 7.01.01.2.01.01 in the bundled Renja of 2024: its Tabel 3.1
// row (line 4: target 2 Dok and pagu 14.255.600 for 2024, the forecast 3 Dok
// and 5.000.000 for 2025) and its T-C.29 row (line 4: realisation 3 through
// 2021, target 2 and realisation 2 in 2022, target 2 in 2023).
const (
	oldPlanRow = "Jumlah Dokumen Perencanaan Perangkat Daerah;2 Dok;14.255.600;Pendapatan Asli Daerah (PAD);;3 Dok;5.000.000"
	code       = "7.01.01.2.01.01"
)

// chain writes the bundled Renja of 2024 to DIR/kalaena-2024 and next
// year's, made by renja init --from, to DIR/kalaena-2025; it returns both.
func chain(t *testing.T) (old, nu string) { return chainAfter(t, nil) }

// chainAfter is chain with last year's Renja edited before the rollover.
func chainAfter(t *testing.T, edit func(old string)) (old, nu string) {
	t.Helper()
	top := t.TempDir()
	old, nu = filepath.Join(top, "kalaena-2024"), filepath.Join(top, "kalaena-2025")
	if err := os.CopyFS(old, os.DirFS(difftest.Bundled(t))); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(old)
	}
	if _, err := scaffold.From(scaffold.FromOptions{Dir: nu, From: old}); err != nil {
		t.Fatal(err)
	}
	return old, nu
}

// carried returns the carry findings of a project, and the count of those
// that follow from none other.
func carried(t *testing.T, dir string) (ds []diag.Diagnostic, own int) {
	t.Helper()
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range check.Run(p) {
		if d.Rule == check.Carry {
			ds = append(ds, d)
			if d.Cause == "" {
				own++
			}
		}
	}
	return ds, own
}

// one asserts a single carry finding (those that follow from it aside) of
// severity sev at file and code, whose message holds every text of want.
func one(t *testing.T, ds []diag.Diagnostic, own int, sev diag.Severity, file string, want ...string) {
	t.Helper()
	if own != 1 {
		t.Fatalf("%d carry findings of their own, want 1: %v", own, ds)
	}
	d := ds[0]
	for _, x := range ds {
		if x.Cause == "" {
			d = x
		}
	}
	if d.Severity != sev || d.File != file || d.Code != code {
		t.Errorf("finding %s %s at %s [%s], want %s at %s [%s]", d.Severity, d.Message, d.File, d.Code, sev, file, code)
	}
	for _, w := range want {
		if !strings.Contains(d.Message, w) {
			t.Errorf("message %q does not say %q", d.Message, w)
		}
	}
}

// TestCarryClean: Kalaena 2025 as renja init --from makes it agrees with
// Kalaena 2024, and init --from names it in [previous].
func TestCarryClean(t *testing.T) {
	_, nu := chain(t)
	cfg, _ := os.ReadFile(filepath.Join(nu, "renja.toml"))
	if !strings.Contains(string(cfg), "[previous]\nproject = \"../kalaena-2024\"") {
		t.Fatalf("renja.toml does not name last year's Renja:\n%s", cfg)
	}
	if ds, _ := carried(t, nu); len(ds) > 0 {
		t.Errorf("carry findings in a rolled Renja: %v", ds)
	}
}

// TestCarryForecast: last year's Tabel 3.1 forecast for N+1 is this year's
// plan (Tabel 3.1, 4.1) and Tabel 2.4's rencana awal. A target changed in
// last year's file is one finding, a warning at this year's Tabel 3.1
// cell, naming last year's file:line and both figures; the tables that
// repeat it follow from it.
func TestCarryForecast(t *testing.T) {
	old, nu := chain(t)
	difftest.Edit(t, old, "data/t31.csv", oldPlanRow, strings.Replace(oldPlanRow, ";3 Dok;", ";4 Dok;", 1))
	ds, own := carried(t, nu)
	one(t, ds, own, diag.SevWarning, "data/t31.csv", "target:2025", "3 Dok", "4 Dok", "../kalaena-2024/data/t31.csv:4")
	follow := map[string]int{}
	for _, d := range ds {
		if d.Cause != "" && strings.HasPrefix(d.Cause, "data/t31.csv:4:") {
			follow[d.File]++
		}
	}
	// Tabel 2.4's both sides (rencana awal, target:N:awal) and Tabel 4.1.
	if follow["data/t24.csv"] != 2 || follow["data/t41.csv"] != 1 {
		t.Errorf("Tabel 2.4's rencana awal and Tabel 4.1 should follow from the finding: %v", ds)
	}
}

// TestCarryThisYear: this year's carried cell changed is one finding at
// it: Tabel 3.1's target (a unit that [units] makes the same, Dok =
// "Dokumen", is none), Tabel 2.4's rencana awal (pagu:N:awal) alone.
func TestCarryThisYear(t *testing.T) {
	const row = "Jumlah Dokumen Perencanaan Perangkat Daerah;3 Dok;5.000.000;[isi];;[isi];[isi]"
	const awal = "Jumlah Dokumen Perencanaan Perangkat Daerah;3 Dok;5.000.000;Penyusunan"
	for _, tc := range []struct {
		name, file, from, to string
		want                 []string // none: no finding
	}{
		{"target", "data/t31.csv", ";3 Dok;", ";6 Dokumen;", []string{"target:2025", "6 Dokumen", "3 Dok", "../kalaena-2024/data/t31.csv:4"}},
		{"units", "data/t31.csv", ";3 Dok;", ";3 Dokumen;", nil},
		{"rencana awal", "data/t24.csv", ";5.000.000;", ";5.500.000;", []string{"pagu:2025:awal", "5.500.000", "5.000.000", "../kalaena-2024/data/t31.csv:4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, nu := chain(t)
			line := row
			if tc.file == "data/t24.csv" {
				line = awal
			}
			difftest.Edit(t, nu, tc.file, line, strings.Replace(line, tc.from, tc.to, 1))
			ds, own := carried(t, nu)
			if tc.want == nil {
				if len(ds) > 0 {
					t.Errorf("carry findings: %v", ds)
				}
				return
			}
			one(t, ds, own, diag.SevWarning, tc.file, tc.want...)
		})
	}
}

// TestCarryPaguNote: this year's pagu departs from last year's forecast:
// a warning, silenced by a note in the row's catatan column.
func TestCarryPaguNote(t *testing.T) {
	_, nu := chain(t)
	row := "Jumlah Dokumen Perencanaan Perangkat Daerah;3 Dok;5.000.000;[isi];;[isi];[isi]"
	changed := strings.Replace(row, ";5.000.000;", ";6.000.000;", 1)
	difftest.Edit(t, nu, "data/t31.csv", row, changed)
	ds, own := carried(t, nu)
	one(t, ds, own, diag.SevWarning, "data/t31.csv", "pagu:2025", "6.000.000", "5.000.000")
	difftest.Edit(t, nu, "data/t31.csv", changed, strings.Replace(changed, "[isi];;", "[isi];hasil analisa kebutuhan: dokumen Renstra perubahan;", 1))
	if ds, _ := carried(t, nu); len(ds) > 0 {
		t.Errorf("a departure with a catatan: %v", ds)
	}
}

// tc29Row is 7.01.01.2.01.01's T-C.29 row of Kalaena 2025 as init --from
// writes it (col. 4 the Renstra target; 5, 6 and 9 carried; 7 to fill).
const tc29Row = "7.01.01.2.01.01;Penyusunan Dokumen Perencanaan perangkat daerah;Jumlah dokumen perencanaan dan penganggaran yang disusun tepat waktu (dokumen);3;"

// rolled is what init --from writes in that row: 3 + 2 realised through
// 2022, the target of 2023 (last year's n-1), the realisation of 2023 to
// fill, the target of 2024 (last year's Tabel 3.1 target of N, 2 Dok).
const rolled = "5;2;[isi];;2;;"

// TestCarryTC29: T-C.29's target n-1 is last year's Tabel 3.1 target of
// year N; its target n-2 last year's target n-1; its realisation through
// n-3 last year's through n-3 plus last year's realisation n-2 (3 + 2). Each
// is history: a difference is an error.
func TestCarryTC29(t *testing.T) {
	for _, tc := range []struct {
		name, cells, want, file string // cells: columns 5 to 11 of this year's row
		ok                      bool
	}{
		{"carried", rolled, "", "", true},
		{"cumulative", "6;2;[isi];;2;;", "realisasi-kumulatif:2022", "../kalaena-2024/data/tc29.csv:4", false},
		{"target n-2", "5;3;[isi];;2;;", "target:2023", "../kalaena-2024/data/tc29.csv:4", false},
		{"target n-1", "5;2;[isi];;4;;", "target:2024", "../kalaena-2024/data/t31.csv:4", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, nu := chain(t)
			b, _ := os.ReadFile(filepath.Join(nu, "data/tc29.csv"))
			i := strings.Index(string(b), tc29Row)
			if i < 0 || !strings.Contains(string(b), tc29Row+rolled+"\n") {
				t.Fatalf("no row %q in\n%s", tc29Row+rolled, b)
			}
			end := i + strings.IndexByte(string(b[i:]), '\n')
			os.WriteFile(filepath.Join(nu, "data/tc29.csv"), []byte(string(b[:i])+tc29Row+tc.cells+string(b[end:])), 0o644)
			ds, own := carried(t, nu)
			if tc.ok {
				if len(ds) > 0 {
					t.Errorf("carried figures: %v", ds)
				}
				return
			}
			one(t, ds, own, diag.SevError, "data/tc29.csv", tc.want, tc.file)
		})
	}
}

// TestCarryTC29FromPlan: a target n-1 is last year's Tabel 3.1 target for
// N; changed there, the finding is at this year's T-C.29, an error.
func TestCarryTC29FromPlan(t *testing.T) {
	old, nu := chain(t)
	b, _ := os.ReadFile(filepath.Join(nu, "data/tc29.csv"))
	i := strings.Index(string(b), tc29Row)
	end := i + strings.IndexByte(string(b[i:]), '\n')
	os.WriteFile(filepath.Join(nu, "data/tc29.csv"), []byte(string(b[:i])+tc29Row+"5;2;[isi];;2;;"+string(b[end:])), 0o644)
	difftest.Edit(t, old, "data/t31.csv", oldPlanRow, strings.Replace(oldPlanRow, ";2 Dok;", ";5 Dok;", 1))
	ds, own := carried(t, nu)
	one(t, ds, own, diag.SevError, "data/tc29.csv", "target:2024", "2", "5 Dok", "../kalaena-2024/data/t31.csv:4")
}

// TestCarryRev: [previous] rev names last year's Renja as a git tag of the
// repository that holds this year's, read without a checkout.
func TestCarryRev(t *testing.T) {
	old, nu := chain(t)
	r, err := git.PlainInit(old, false)
	if err != nil {
		t.Fatal(err)
	}
	h := difftest.Commit(t, r, "Renja Kalaena 2024", 0)
	if _, err := r.CreateTag("renja-2024", plumbing.NewHash(h), nil); err != nil {
		t.Fatal(err)
	}
	// This year's Renja in the same folder, last year's only in the tag.
	for _, sub := range []string{"data", "content"} {
		os.RemoveAll(filepath.Join(old, sub))
		if err := os.CopyFS(filepath.Join(old, sub), os.DirFS(filepath.Join(nu, sub))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(nu, "renja.toml"))
	cfg = []byte(strings.Replace(string(cfg), `project = "../kalaena-2024"`, `rev = "renja-2024"`, 1))
	os.WriteFile(filepath.Join(old, "renja.toml"), cfg, 0o644)
	if ds, _ := carried(t, old); len(ds) > 0 {
		t.Errorf("carry findings against the tag: %v", ds)
	}
	row := "Jumlah Dokumen Perencanaan Perangkat Daerah;3 Dok;5.000.000;[isi];;[isi];[isi]"
	difftest.Edit(t, old, "data/t31.csv", row, strings.Replace(row, ";3 Dok;", ";7 Dok;", 1))
	ds, own := carried(t, old)
	one(t, ds, own, diag.SevWarning, "data/t31.csv", "7 Dok", "3 Dok", "renja-2024:data/t31.csv:4")
}

// TestCarryUnreadable: a previous Renja that cannot be read is one error
// at renja.toml's [previous], and the rest of the check goes on.
func TestCarryUnreadable(t *testing.T) {
	for _, tc := range []struct{ setting, want string }{
		{`project = "../kalaena-2023"`, "../kalaena-2023"},
		{`rev = "renja-2023"`, "renja-2023"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			msg.SetLang(msg.ID)
			defer msg.SetLang(msg.EN)
			_, nu := chain(t)
			difftest.Edit(t, nu, "renja.toml", `project = "../kalaena-2024"`, tc.setting)
			p, err := model.Load(nu)
			if err != nil {
				t.Fatal(err)
			}
			ds := check.Run(p)
			var carry []diag.Diagnostic
			for _, d := range ds {
				if d.Rule == check.Carry {
					carry = append(carry, d)
				}
			}
			if len(carry) != 1 || carry[0].File != "renja.toml" || carry[0].Line == 0 || carry[0].Severity != diag.SevError ||
				!strings.Contains(carry[0].Message, tc.want) || !strings.Contains(carry[0].Message, "tidak bisa dibaca") {
				t.Errorf("carry findings %v, want one Indonesian error at renja.toml naming %s", carry, tc.want)
			}
			if check.Todos(ds) == 0 {
				t.Error("the rest of the check did not run: no to-do of the rolled tables")
			}
		})
	}
}

// renja2026 is the bundled Renja with plan year 2026, the Renstra's last
// year: Tabel 3.1's target:N is target:2026.
func renja2026(t *testing.T, renstra string) string {
	t.Helper()
	dir := difftest.Bundled(t)
	difftest.Edit(t, dir, "renja.toml", "year = 2024", "year = 2026")
	b, _ := os.ReadFile(filepath.Join(dir, "renja.toml"))
	os.WriteFile(filepath.Join(dir, "renja.toml"), append(b, "\n[renstra]\n"+renstra+"\n"...), 0o644)
	return dir
}

// TestCarryRenstra: the Sempu Renstra's targets of 2024-2026 against a
// Renja of 2026 whose Tabel 3.1 departs in one target (2 Dok where the
// Renstra says 3 Dok): one finding, at the Renja's Tabel 3.1 cell (the
// Renja departs from the Renstra), naming the Renstra's file:line; the
// Renstra in another project or declared in this one.
func TestCarryRenstra(t *testing.T) {
	sempu, err := filepath.Abs("testdata/renstra-sempu")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("project", func(t *testing.T) {
		dir := renja2026(t, "project = "+strconvQuote(sempu)+"\ntable = \"renstra\"")
		ds, own := carried(t, dir)
		one(t, ds, own, diag.SevWarning, "data/t31.csv", "target:2026", "2 Dok", "3 Dok", sempu+"/data/renstra.csv:4", "Renstra")
		for _, d := range ds {
			if d.Cause == "" && !strings.Contains(d.Hint, "departs from the Renstra") {
				t.Errorf("hint %q, want the Renstra's (not last year's forecast)", d.Hint)
			}
		}
	})
	t.Run("no table", func(t *testing.T) {
		ds, _ := carried(t, renja2026(t, `table = "renstra-2021"`))
		if len(ds) != 1 || ds[0].File != "renja.toml" || ds[0].Severity != diag.SevError ||
			!strings.Contains(ds[0].Message, `the Renstra renstra-2021 cannot be read: it has no table "renstra-2021"`) || !strings.Contains(ds[0].Hint, "[renstra]") {
			t.Errorf("carry findings %v, want one error at renja.toml naming the Renstra by its table", ds)
		}
	})
	t.Run("declared", func(t *testing.T) {
		dir := renja2026(t, `table = "renstra"`)
		for _, f := range []string{"renstra.csv", "renstra.toml"} {
			b, _ := os.ReadFile(filepath.Join(sempu, "data", f))
			os.WriteFile(filepath.Join(dir, "data", f), b, 0o644)
		}
		ds, own := carried(t, dir)
		one(t, ds, own, diag.SevWarning, "data/t31.csv", "target:2026", "2 Dok", "3 Dok", "data/renstra.csv:4")
		p, _ := model.Load(dir)
		for _, d := range check.Run(p) {
			if strings.HasPrefix(d.File, "data/renstra.") {
				t.Errorf("a finding at the Renstra: %s", d)
			}
		}
	})
	t.Run("noted", func(t *testing.T) {
		dir := renja2026(t, "project = "+strconvQuote(sempu)+"\ntable = \"renstra\"")
		difftest.Edit(t, dir, "data/t31.csv", oldPlanRow, strings.Replace(oldPlanRow, "(PAD);;", "(PAD);dokumen Renstra perubahan belum disusun;", 1))
		if ds, _ := carried(t, dir); len(ds) > 0 {
			t.Errorf("a departure with a catatan: %v", ds)
		}
	})
}

func strconvQuote(s string) string { return strconv.Quote(filepath.ToSlash(s)) }

// TestCarryIKU: Tabel 2.3's rows have no code: they are compared by their
// indicator. Its Renstra targets move one column left (the new target n-1
// is last year's target n), its realisation n-2 is last year's n-1 once
// reported; a past year's figure that differs is an error.
func TestCarryIKU(t *testing.T) {
	const row = "1;Indeks Kepuasan Masyarakat;;;85,00;90,00;95,00;100;89,90;-;"
	old, nu := chainAfter(t, func(old string) {
		difftest.Edit(t, old, "data/t23.csv", row, strings.Replace(row, ";89,90;-;", ";89,90;91,50;", 1))
	})
	rolled := "1;Indeks Kepuasan Masyarakat;;;90,00;95,00;100;[isi];91,50;[isi];"
	if b, _ := os.ReadFile(filepath.Join(nu, "data/t23.csv")); !strings.Contains(string(b), rolled) {
		t.Fatalf("Tabel 2.3 rolled:\n%s", b)
	}
	if ds, _ := carried(t, nu); len(ds) > 0 {
		t.Fatalf("carry findings as rolled: %v", ds)
	}
	difftest.Edit(t, nu, "data/t23.csv", rolled, strings.Replace(rolled, ";91,50;", ";92,00;", 1))
	ds, own := carried(t, nu)
	if own != 1 || ds[0].Severity != diag.SevError || ds[0].File != "data/t23.csv" || !strings.Contains(ds[0].Message, "realisasi-iku:2023 of indeks kepuasan masyarakat is 92,00 here but 91,50") {
		t.Errorf("a changed IKU realisation: %v", ds)
	}
	difftest.Edit(t, old, "data/t23.csv", strings.Replace(row, ";89,90;-;", ";89,90;91,50;", 1), strings.Replace(row, ";95,00;100;89,90;-;", ";96,00;100;89,90;92,00;", 1))
	ds, own = carried(t, nu)
	if own != 1 || ds[0].Severity != diag.SevError || !strings.Contains(ds[0].Message, "target-iku:2024 of indeks kepuasan masyarakat is 95,00 here but 96,00 in last year's Renja (../kalaena-2024/data/t23.csv:2)") {
		t.Errorf("last year's IKU target changed: %v", ds)
	}
}
