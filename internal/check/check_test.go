package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/model"
)

// TestArchives runs the checker on each project in testdata/*.txtar and
// compares its diagnostics with the archive's file "want": one line per
// diagnostic, in the checker's order,
//
//	SEVERITY RULE FILE:LINE[:COL] [CODE] [| TEXT]
//
// where TEXT, when given, must occur in the diagnostic's message, found,
// expected or hint. Blank lines and lines starting with # are ignored; an
// archive whose want holds no diagnostic line must check clean.
func TestArchives(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dir, want := extract(t, ar)
			p, err := model.Load(dir)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			ds := check.Run(p)
			compare(t, ds, want)
		})
	}
}

// extract writes the archive's files (all but "want") to a temporary
// directory and returns it with the lines of "want".
func extract(t *testing.T, ar *txtar.Archive) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var want []string
	hasWant := false
	for _, f := range ar.Files {
		if f.Name == "want" {
			hasWant = true
			for _, l := range strings.Split(string(f.Data), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					want = append(want, l)
				}
			}
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !hasWant {
		t.Fatal("the archive has no file named want")
	}
	return dir, want
}

func line(d diag.Diagnostic) string {
	s := fmt.Sprintf("%s %s %s", d.Severity, d.Rule, diag.Pos(d.File, d.Line, d.Column))
	if d.Code != "" {
		s += " " + d.Code
	}
	if d.Cause != "" {
		s += " <- " + d.Cause // follows from the finding there (link)
	}
	return s
}

func compare(t *testing.T, ds []diag.Diagnostic, want []string) {
	t.Helper()
	var got []string
	for _, d := range ds {
		got = append(got, line(d))
		if d.File == "" || d.Line <= 0 {
			t.Errorf("diagnostic without a position: %s", d)
		}
		if d.Message == "" {
			t.Errorf("diagnostic without a message: %s", d)
		}
	}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		w, text, _ := strings.Cut(want[i], "|")
		w, text = strings.TrimSpace(w), strings.TrimSpace(text)
		if got[i] != w {
			ok = false
			break
		}
		d := ds[i]
		if all := d.Message + "\n" + d.Found + "\n" + d.Expected + "\n" + d.Hint; text != "" && !strings.Contains(all, text) {
			t.Errorf("diagnostic %d lacks %q:\n%s", i+1, text, d)
		}
	}
	if !ok {
		var b strings.Builder
		for _, d := range ds {
			fmt.Fprintf(&b, "%s\n\t%s\n", line(d), d)
		}
		t.Errorf("got %d diagnostics, want %d:\n%s\nwant:\n\t%s", len(got), len(want), b.String(), strings.Join(want, "\n\t"))
	}
}

// TestBundled checks the bundled project at the repository root for findings
// that are known to be in its seed data.
func TestBundled(t *testing.T) {
	p, err := model.Load("../..")
	if err != nil {
		t.Fatalf("load the bundled project: %v", err)
	}
	ds := check.Run(p)
	for _, d := range ds {
		if d.File == "" || d.Line <= 0 {
			t.Errorf("diagnostic without a position: %s", d)
		}
		if d.Rule == "" || d.Severity == "" || d.Message == "" {
			t.Errorf("diagnostic without rule, severity or message: %s", d)
		}
	}
	known := []struct {
		sev            diag.Severity
		rule, file     string
		code, contains string
	}{
		{diag.SevError, check.Hierarchy, "data/t41.csv", "7.01.01.2.05", "differs by 40.100"},
		{diag.SevError, check.Derived, "data/tc29.csv", "", "(10=(5+7+9)) differs from its formula Realisasi Target Kinerja"},
		{diag.SevError, check.Values, "data/eval21.csv", "7.01.01.2.07.02", `"278.000,000"`},
		{diag.SevError, check.Values, "data/eval21.csv", "7.01.01.2.07.02", "278.000.000"},
		{diag.SevError, check.CrossTable, "data/t31.csv", "7.01.01.2.07.05", "missing from data/t41.csv"},
		{diag.SevError, check.Values, "data/t31.csv", "7.01.04.2.01", `"\100%"`},
		{diag.SevError, check.Codes, "data/t24.csv", "7.01", "appears again"},
		{diag.SevWarning, check.Codes, "data/t41.csv", "7.01.01.2.05.03", "named like an indicator"},
		// The seed's level digit 7, which is no level of government; T-C.29 and
		// the evaluation name the same activity under 7.01.04.2.02.
		{diag.SevError, check.Nomenclature, "data/t41.csv", "7.01.04.7.04", "did you mean 7.01.04.2.02?"},
		{diag.SevError, check.Nomenclature, "data/t41.csv", "7.01.04.7.04.01", "did you mean 7.01.04.2.02.01?"},
		{diag.SevError, check.Nomenclature, "data/t31.csv", "7.01.04.7.04", "did you mean 7.01.04.2.02?"},
		{diag.SevError, check.Nomenclature, "data/t31.csv", "7.01.04.7.04.01", "did you mean 7.01.04.2.02.01?"},
		{diag.SevError, check.Nomenclature, "data/t24.csv", "7.01.04.7.04", "did you mean 7.01.04.2.02?"},
		// The seed's decree adopts the Renja "Tahun 2023" of a 2024 plan.
		{diag.SevError, check.PlanYear, "content/01-keputusan.md", "", `the text names Rencana Kerja of 2023, but this plan is for 2024`},
		{diag.SevError, check.PlanYear, "content/10-bab-1.md", "", `the text names RKPD of 2023`},
	}
	for _, k := range known {
		found := false
		for _, d := range ds {
			all := d.Message + "\n" + d.Found + "\n" + d.Expected + "\n" + d.Hint
			if d.Severity == k.sev && d.Rule == k.rule && d.File == k.file && d.Code == k.code && strings.Contains(all, k.contains) {
				found = true
				if k.code == "" && strings.HasSuffix(k.file, ".csv") && (d.Line != 1 || d.Column <= 0) {
					t.Errorf("a column finding should point at the header: %s", d)
				}
			}
		}
		if !found {
			t.Errorf("no %s [%s] in %s for %q containing %q", k.sev, k.rule, k.file, k.code, k.contains)
		}
	}
	// The column summary stands for the whole column: no row of it is reported alone.
	for _, d := range ds {
		if d.File == "data/tc29.csv" && d.Rule == check.Derived && d.Code != "" && strings.HasPrefix(d.Message, "realisasi_sd_n_min1 ") {
			t.Errorf("row reported besides the column summary: %s", d)
		}
	}
}
