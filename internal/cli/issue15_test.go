package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"renja/internal/diag"
	"renja/internal/msg"
	"renja/internal/testenv"
)

func runIn(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copyBundled copies the bundled Renja (renja.toml, content/, data/) to a
// temporary folder.
func copyBundled(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "renja.toml"), must(os.ReadFile("../../renja.toml")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestBundledCheckBothLanguages: renja check on the bundled Renja reads in
// Indonesian by default and in English with --lang en; the findings are the
// same (rule, place), every text is in the catalog, and the seed's level
// digit 7 is reported with the codes it should be.
func TestBundledCheckBothLanguages(t *testing.T) {
	msg.ResetMissing()
	_, id, _ := runIn(t, "check", "--lang", "id", "../..")
	if m := msg.Missing(); len(m) > 0 {
		t.Errorf("printed without an Indonesian text: %q", m)
	}
	if w := englishWords(id); len(w) > 0 {
		t.Errorf("English words in the Indonesian report: %q", w)
	}
	_, en, _ := runIn(t, "check", "--lang", "en", "../..")
	for _, want := range []string{
		`data/t41.csv:47:1: kesalahan [nomenclature] 7.01.04.7.04: angka tingkat 7 pada kegiatan 7.01.04.7.04 bukan tingkat pemerintahan`,
		"saran: maksudnya 7.01.04.2.02?",
		"saran: maksudnya 7.01.04.2.02.01?",
		"97 kesalahan, 5 peringatan",
	} {
		if !strings.Contains(id, want) {
			t.Errorf("the Indonesian report lacks %q", want)
		}
	}
	for _, want := range []string{
		`data/t41.csv:47:1: error [nomenclature] 7.01.04.7.04: level digit 7 of kegiatan 7.01.04.7.04 is not a level of government`,
		"hint: did you mean 7.01.04.2.02?",
		"hint: did you mean 7.01.04.2.02.01?",
		"97 errors, 5 warnings",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English report lacks %q", want)
		}
	}
	pos := regexp.MustCompile(`(?m)^\S+:\d+:\d+: \S+ \[[a-z-]+\]`)
	ids, ens := pos.FindAllString(id, -1), pos.FindAllString(en, -1)
	if len(ids) != len(ens) || len(ids) < 90 {
		t.Fatalf("%d findings in Indonesian, %d in English", len(ids), len(ens))
	}
	for i := range ids {
		a := strings.NewReplacer("kesalahan", "error", "peringatan", "warning").Replace(ids[i])
		if a != ens[i] {
			t.Errorf("finding %d: %s / %s", i, ids[i], ens[i])
		}
	}
}

// TestOneReport: a project with a failing Markdown call and a cell that
// cannot be read lists both, in text and in JSON.
func TestOneReport(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for k, v := range base {
		files[k] = v
	}
	replace("content/10-bab-1.md", `{{ signature }}`, `{{ pagu "t41" "7.01.09" }}`)(files)
	replace("data/t41.csv", "12.000.000", "12.00.000")(files)
	testenv.WriteFiles(t, dir, files)
	code, out, errs := runIn(t, "check", "--lang", "en", dir)
	out = errs + out
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{"content/10-bab-1.md:12:4: pagu: code 7.01.09 is not in data/t41.csv", "data/t41.csv:4:", "[values]",
		"hint: the code is not in the table: did you mean 7.01.01"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	_, js, _ := runIn(t, "check", "--json", dir)
	var ds []diag.Diagnostic
	if err := json.Unmarshal([]byte(js), &ds); err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, d := range ds {
		rules[d.Rule] = true
	}
	if !rules["input"] || !rules["values"] {
		t.Errorf("JSON rules %v, want input and values:\n%s", rules, js)
	}
}

// TestRootCauseFirst: one missing dot is one error with the folded count;
// a file saved by an English-locale Excel is one error.
func TestRootCauseFirst(t *testing.T) {
	for _, c := range []struct {
		name, old, new, want, folded string
	}{
		{"missing dot", "7.01.01.2.01.02;", "7.01.01.2.0102;", "reads as 7.01.01.2.01.02", "… and 2 more that follow from it"},
		{"english locale", "", "", "are written the English way", "… and 4 more that follow from it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			if c.old != "" {
				replace("data/t41.csv", c.old, c.new)(files)
			} else {
				files["data/t41.csv"] = strings.NewReplacer(".000.000", ",000,000").Replace(files["data/t41.csv"])
			}
			testenv.WriteFiles(t, dir, files)
			_, out, _ := runIn(t, "check", "--lang", "en", dir)
			if !strings.Contains(out, c.want) || !strings.Contains(out, c.folded) || !strings.HasSuffix(out, "\n1 error, 0 warnings\n") {
				t.Errorf("want one error with %q and %q:\n%s", c.want, c.folded, out)
			}
			_, js, _ := runIn(t, "check", "--json", dir)
			var ds []diag.Diagnostic
			json.Unmarshal([]byte(js), &ds)
			caused := 0
			for _, d := range ds {
				if d.Cause != "" {
					caused++
				}
			}
			if caused == 0 || caused != len(ds)-1 {
				t.Errorf("JSON: %d findings, %d linked to their cause:\n%s", len(ds), caused, js)
			}
		})
	}
}

// TestWindows1252Copy: a Windows-1252 copy of a bundled CSV builds the same
// website as the UTF-8 one, with one warning.
func TestWindows1252Copy(t *testing.T) {
	dir := copyBundled(t)
	// The bundled tables are ASCII; give one names as an office types them,
	// with letters Windows-1252 holds (é, the en dash).
	file := "t31.csv"
	path := filepath.Join(dir, "data", file)
	src := strings.Replace(string(must(os.ReadFile(path))), "Evaluasi Kinerja Perangkat Daerah", "Évaluasi Kinerja – Kécamatan", 1)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func() (string, string) {
		out := t.TempDir()
		if code, _, stderr := runIn(t, "build", "--no-pdf", "-q", "-o", out, dir); code != exitOK {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
		_, check, _ := runIn(t, "check", "--lang", "en", dir)
		return string(must(os.ReadFile(filepath.Join(out, "index.html")))), check
	}
	html, before := build()
	cp, _ := charmap.Windows1252.NewEncoder().Bytes(must(os.ReadFile(path)))
	if utf8.Valid(cp) {
		t.Fatalf("%s in Windows-1252 is still UTF-8", file)
	}
	os.WriteFile(path, cp, 0o644)
	html2, after := build()
	// The draft's Daftar Temuan lists the one more warning, and the marks
	// of the findings after it in the list are numbered one more: the rest
	// of the website is the same.
	findings := regexp.MustCompile(`(?s)<sup class="marks">.*?</sup>|<section id="daftar-temuan".*?</section>`)
	if findings.ReplaceAllString(html, "") != findings.ReplaceAllString(html2, "") {
		t.Errorf("the website differs when data/%s is Windows-1252", file)
	}
	if a, b := strings.Count(html, `class="finding `), strings.Count(html2, `class="finding `); b != a+1 {
		t.Errorf("the Daftar Temuan lists %d findings, then %d with data/%s in Windows-1252; want one more", a, b, file)
	}
	if n := strings.Count(after, "is Windows-1252 text, not UTF-8"); n != 1 || strings.Count(before, "Windows-1252") != 0 {
		t.Errorf("%d warnings about Windows-1252, want 1:\n%s", n, after)
	}
	if !strings.Contains(after, "97 errors, 6 warnings") {
		t.Errorf("want the same errors and one more warning:\n%s", after[max(0, len(after)-200):])
	}
}
