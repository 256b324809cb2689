package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"renja/internal/msg"
	"renja/internal/testenv"
)

// base is a small valid project; each case below breaks one thing.
var base = map[string]string{
	"renja.toml": `parts = ["sampul", "bab-1"]

[office]
name = "Kantor Kecamatan Contoh"
kecamatan = "Contoh"
kabupaten = "Luwu Timur"

[plan]
year = 2024
table = "t41"

[signatory]
name = "NAMA CAMAT"
nip = "19770329 200801 1 008"
place = "Contoh"
date = 2023-05-01

[paper]
size = "A4"
`,
	"content/00-sampul.md": "+++\nid = \"sampul\"\ntitle = \"Sampul\"\nkind = \"cover\"\n+++\n",
	"content/10-bab-1.md": `+++
id = "bab-1"
title = "BAB I RENCANA"
kind = "chapter"
+++
# BAB I RENCANA

## 1.1 Alokasi

{{ table "t41" }}

{{ signature }}
`,
	"data/t41.toml": `id = "t41"
caption = "Tabel 4.1"
hierarchy = true

[[columns]]
name = "kode"
type = "code"
title = "Kode"

[[columns]]
name = "uraian"
type = "text"
title = "Uraian"

[[columns]]
name = "target"
type = "target"
title = "Target"

[[columns]]
name = "pagu"
type = "money"
title = "Pagu"
`,
	"data/t41.csv": `kode;uraian;target;pagu
7.01.01;PROGRAM PENUNJANG;100%;20.000.000
7.01.01.2.01;Perencanaan;100%;20.000.000
7.01.01.2.01.01;Penyusunan Dokumen;2 Dok;12.000.000
7.01.01.2.01.02;Koordinasi RKA;2 Dok;8.000.000
`,
}

type badCase struct {
	name string
	edit func(files map[string]string)
	// want is a regexp the first line of stderr (build stops) or a
	// diagnostic line of stdout of `renja check` (a cell's value) must match.
	want string
	// draft: the problem is a cell's value; the build goes on to a marked draft.
	draft bool
}

func set(name, content string) func(map[string]string) {
	return func(f map[string]string) { f[name] = content }
}

func replace(name, old, new string) func(map[string]string) {
	return func(f map[string]string) {
		if !strings.Contains(f[name], old) {
			panic("test case: " + name + " lacks " + old)
		}
		f[name] = strings.Replace(f[name], old, new, 1)
	}
}

func del(name string) func(map[string]string) {
	return func(f map[string]string) { delete(f, name) }
}

var badCases = []badCase{
	// renja.toml
	{"config unknown key", replace("renja.toml", "nip =", "nipp ="), `^renja.toml:14:1: unknown key "nipp" in \[signatory\]`, false},
	{"config unknown top key", replace("renja.toml", "parts =", "partz ="), `^renja.toml:1:1: unknown key "partz"`, false},
	{"config unknown table", replace("renja.toml", "[paper]", "[papier]"), `^renja.toml:18:1: unknown key "papier"`, false},
	{"config syntax", replace("renja.toml", `name = "NAMA CAMAT"`, `name = "NAMA CAMAT`), `^renja.toml:13:\d+: `, false},
	{"config wrong type", replace("renja.toml", "year = 2024", `year = "2024"`), `^renja.toml:\d+`, false},
	{"config bad year", replace("renja.toml", "year = 2024", "year = 24"), `^renja.toml:9:1: plan.year 24 is not a plan year`, false},
	{"config bad paper", replace("renja.toml", `size = "A4"`, `size = "Letter"`), `^renja.toml:19:1: paper.size "Letter"`, false},
	{"config bad severity", set("renja.toml", base["renja.toml"]+"\n[check.hierarchy]\nseverity = \"fatal\"\n"), `^renja.toml:22:1: check.hierarchy.severity "fatal"`, false},
	{"config missing name", replace("renja.toml", `name = "NAMA CAMAT"`, `rank = "IV/a"`), `^renja.toml:12:\d+: signatory.name is missing`, false},
	{"config missing file", del("renja.toml"), `^renja.toml: no renja.toml`, false},
	{"config pdf over the website", replace("renja.toml", "year = 2024", "year = 2024\npdf = \"index.html\""), `^renja.toml:10:1: plan.pdf "index.html" is not the name of a PDF file`, false},
	{"config pdf in a folder", replace("renja.toml", "year = 2024", "year = 2024\npdf = \"../renja.pdf\""), `^renja.toml:10:1: plan.pdf "../renja.pdf" is not the name of a PDF file`, false},
	{"config part unknown", replace("renja.toml", `"bab-1"]`, `"bab-1", "bab-9"]`), `^renja.toml: parts names "bab-9"`, false},
	// content/*.md
	{"front matter missing", set("content/10-bab-1.md", "# BAB I\n"), `^content/10-bab-1.md:1:1: the file does not start with front matter`, false},
	{"front matter unclosed", set("content/10-bab-1.md", "+++\nid = \"bab-1\"\n# BAB I\n"), `^content/10-bab-1.md:1:1: the front matter is not closed`, false},
	{"front matter syntax", replace("content/10-bab-1.md", `title = "BAB I RENCANA"`, `title = BAB I`), `^content/10-bab-1.md:3:\d+: `, false},
	{"front matter unknown key", replace("content/10-bab-1.md", `kind = "chapter"`, "kind = \"chapter\"\nwieght = 3"), `^content/10-bab-1.md:5:1: unknown key "wieght"`, false},
	{"front matter bad kind", replace("content/10-bab-1.md", `kind = "chapter"`, `kind = "bab"`), `^content/10-bab-1.md:2: kind "bab" is not a kind of part`, false},
	{"front matter no id", replace("content/10-bab-1.md", `id = "bab-1"`, `# no id`), `^content/10-bab-1.md:2: the front matter has no id`, false},
	{"duplicate part id", set("content/11-bab-1b.md", "+++\nid = \"bab-1\"\ntitle = \"X\"\nkind = \"chapter\"\n+++\n"), `^content/11-bab-1b.md:2: part id "bab-1" is used by content/10-bab-1.md too`, false},
	{"part not listed", set("content/20-bab-2.md", "+++\nid = \"bab-2\"\ntitle = \"X\"\nkind = \"chapter\"\n+++\n"), `^content/20-bab-2.md:2: part "bab-2" is not listed`, false},
	{"unknown function", replace("content/10-bab-1.md", `{{ table "t41" }}`, `{{ tabel "t41" }}`), `^content/10-bab-1.md:10:4: function "tabel" not defined`, false},
	{"unclosed action", replace("content/10-bab-1.md", `{{ table "t41" }}`, `{{ table "t41" `), `^content/10-bab-1.md:1[02]:\d+: `, false},
	{"unknown table", replace("content/10-bab-1.md", `{{ table "t41" }}`, `{{ table "t99" }}`), `^content/10-bab-1.md:10:\d+: .*table "t99": no data/t99.toml`, false},
	{"bad signature form", replace("content/10-bab-1.md", `{{ signature }}`, `{{ signature "besar" }}`), `^content/10-bab-1.md:12:\d+: .*signature "besar"`, false},
	{"link outside", replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi\n\nLihat [berkas](../../rahasia.txt)."), `^content/10-bab-1.md:10:\d+: the link "../../rahasia.txt" leaves the project`, false},
	{"remote image", replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi\n\n![peta](https://evil.example/peta.png)"), `^content/10-bab-1.md:10:\d+: image "https://evil.example/peta.png": is on another site`, false},
	{"remote image without scheme", replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi\n\n![peta](//evil.example/peta.png)"), `^content/10-bab-1.md:10:\d+: image "//evil.example/peta.png": is on another site`, false},
	{"markdown windows-1252", replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi Caf\xe9"), `^content/10-bab-1.md:8:19: the file is not UTF-8`, false},
	{"link file url", replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi\n\n![x](file:///etc/passwd)"), `^content/10-bab-1.md:10:\d+: the link "file:///etc/passwd" is a file: URL`, false},
	// data/*.toml
	{"schema unknown key", replace("data/t41.toml", `caption = "Tabel 4.1"`, "caption = \"Tabel 4.1\"\ncolor = \"red\""), `^data/t41.toml:3:1: unknown key "color"`, false},
	{"schema unknown type", replace("data/t41.toml", `type = "money"`, `type = "rupiah"`), `^data/t41.toml:\d+:1: column "pagu" has unknown type "rupiah"`, false},
	{"schema formula column", set("data/t41.toml", base["data/t41.toml"]+"formula = \"ratio(pagu, anggaran)\"\n"), `^data/t41.toml:\d+:1: formula of column "pagu" names unknown column "anggaran"`, false},
	{"schema formula syntax", set("data/t41.toml", base["data/t41.toml"]+"formula = \"pagu / 2\"\n"), `^data/t41.toml:\d+:1: formula "pagu / 2" of column "pagu" cannot be read`, false},
	{"schema two code columns", replace("data/t41.toml", "name = \"uraian\"\ntype = \"text\"", "name = \"uraian\"\ntype = \"code\""), `^data/t41.toml:\d+:1: 2 columns have type code`, false},
	{"schema hierarchy without code", replace("data/t41.toml", "name = \"kode\"\ntype = \"code\"", "name = \"kode\"\ntype = \"text\""), `^data/t41.toml:3:1: hierarchy = true but no column has type code`, false},
	{"schema id mismatch", replace("data/t41.toml", `id = "t41"`, `id = "t42"`), `^data/t41.toml:1:1: schema id "t42" differs from its file name "t41"`, false},
	{"csv without schema", set("data/t99.csv", "kode;x\n"), `^data/t99.csv: table has no schema`, false},
	{"schema without csv", set("data/t99.toml", "id = \"t99\"\n[[columns]]\nname = \"x\"\n"), `^data/t99.csv: cannot read the table`, false},
	// data/*.csv that cannot be read as the table
	{"csv empty", set("data/t41.csv", ""), `^data/t41.csv: the table is empty`, false},
	{"csv binary", set("data/t41.csv", "PK\x03\x04\x00\x00binary"), `^data/t41.csv: this is not a text file`, false},
	{"csv unknown column", replace("data/t41.csv", "kode;uraian;target;pagu", "kode;uraian;target;pagu;anggaran"), `^data/t41.csv:1:25: unknown column "anggaran"`, false},
	{"csv missing column", replace("data/t41.csv", "kode;uraian;target;pagu", "kode;uraian;pagu"), `^data/t41.csv:1: missing column "target"`, false},
	{"csv duplicate column", replace("data/t41.csv", "kode;uraian;target;pagu", "kode;uraian;target;pagu;kode"), `^data/t41.csv:1:25: column "kode" appears twice`, false},
	{"csv ragged long", replace("data/t41.csv", "Koordinasi RKA;2 Dok;8.000.000", "Koordinasi RKA;2 Dok;8.000.000;9"), `^data/t41.csv:5:\d+: row has 5 cells, the header has 4`, false},
	{"csv ragged short", replace("data/t41.csv", "Koordinasi RKA;2 Dok;8.000.000", "Koordinasi RKA;8.000.000"), `^data/t41.csv:5: row has 3 cells, the header has 4`, false},
	{"csv unclosed quote", replace("data/t41.csv", "Koordinasi RKA", `"Koordinasi RKA`), `^data/t41.csv:5:17: .*quote is never closed`, false},
	{"csv bare quote", replace("data/t41.csv", "Koordinasi RKA", `Koordinasi "RKA"`), `^data/t41.csv:5:\d+: a quote stands inside an unquoted cell`, false},
	// templates/
	{"template syntax", set("templates/table.html", `{{ define "table" }}{{ .Caption }`), `^templates/table.html:1`, false},
	// cells whose value is wrong: diagnostics, and the build goes on to a draft
	{"cell groups", replace("data/t41.csv", "12.000.000", "12.00.000"), `^data/t41.csv:4:\d+: error \[values\] 7.01.01.2.01.01: Pagu cannot be read as money`, true},
	{"cell letter", replace("data/t41.csv", "12.000.000", "12x4"), `^data/t41.csv:4:\d+: error \[values\] .*found "12x4"`, true},
	{"cell stray backslash", replace("data/t41.csv", "2 Dok;12", `\2 Dok;12`), `^data/t41.csv:4:\d+: error \[values\] .*found "\\2 Dok".*\n\thint: write "2 Dok"`, true},
	{"cell decimal money", replace("data/t41.csv", "12.000.000", "12.000,000"), `^data/t41.csv:4:\d+: error \[values\] .*hint: .*12.000.000|Pagu cannot be read`, true},
	{"cell negative", replace("data/t41.csv", "12.000.000", "-12.000.000"), `^data/t41.csv:4:\d+: error \[values\] 7.01.01.2.01.01: Pagu is negative`, true},
	{"cell target unit", replace("data/t41.csv", "2 Dok;12", "2;12"), `^data/t41.csv:4:\d+: error \[values\] .*has no unit`, true},
	{"cell code", replace("data/t41.csv", "7.01.01.2.01.02;", "7.01.0x.2.01.02;"), `^data/t41.csv:5:1: error \[codes\]`, true},
	{"cell duplicate code", replace("data/t41.csv", "7.01.01.2.01.02;", "7.01.01.2.01.01;"), `^data/t41.csv:5:1: error \[codes\] 7.01.01.2.01.01: code 7.01.01.2.01.01 appears again`, true},
	{"cell hierarchy", replace("data/t41.csv", "Perencanaan;100%;20.000.000", "Perencanaan;100%;21.000.000"), `^data/t41.csv:3:\d+: error \[hierarchy\]`, true},
	{"cell missing dot", replace("data/t41.csv", "7.01.01.2.01.02;", "7.01.01.2.0102;"), `^data/t41.csv:5:1: error \[codes\] .*\n\thint: one dot is missing: 7.01.01.2.0102 reads as 7.01.01.2.01.02`, true},
	{"csv english locale", set("data/t41.csv", "kode;uraian;target;pagu\n7.01.01;PROGRAM PENUNJANG;100%;20,000,000\n7.01.01.2.01;Perencanaan;100%;20,000,000\n7.01.01.2.01.01;Penyusunan Dokumen;2 Dok;12,000,000\n7.01.01.2.01.02;Koordinasi RKA;2 Dok;8,000,000\n"),
		`^data/t41.csv:2:\d+: error \[values\] .*the numbers of column Pagu are written the English way`, true},
	{"cell non-ASCII before", replace("data/t41.csv", "Penyusunan Dokumen;2 Dok;12.000.000", "Penyusunan Dokumen ≤ é;2 Dok;12.00.000"), `^data/t41.csv:4:46: error \[values\]`, true}, // 49 in bytes
	{"call and data", func(f map[string]string) {
		replace("content/10-bab-1.md", `{{ signature }}`, `{{ pagu "t41" "7.01.09" }}`)(f)
		replace("data/t41.csv", "12.000.000", "12.00.000")(f)
	}, `^content/10-bab-1.md:12:\d+: .*code 7.01.09 is not in data/t41.csv`, false},
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			m[strings.TrimPrefix(p, dir)] = string(b)
		}
		return nil
	})
	return m
}

// TestBadInput runs each broken project through `renja build` and `renja
// check`: a file that cannot be read stops the build with its file:line:col
// and leaves output/ byte for byte as it was; a wrong cell value is a
// diagnostic at its cell and the build writes a marked draft.
func TestBadInput(t *testing.T) {
	if len(badCases) < 54 {
		t.Fatalf("only %d cases", len(badCases))
	}
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			for _, lang := range []string{"en", "id"} {
				t.Run(lang, func(t *testing.T) { badInput(t, c, lang) })
			}
		})
	}
}

// badInput runs one case in one language: in English the case's regexp must
// match; in Indonesian its position must, and every line must read as
// Indonesian (no message key without its Indonesian text, no English words).
func badInput(t *testing.T, c badCase, lang string) {
	dir := t.TempDir()
	files := map[string]string{}
	for k, v := range base {
		files[k] = v
	}
	c.edit(files)
	testenv.WriteFiles(t, dir, files)
	out := filepath.Join(dir, "output")
	testenv.WriteFiles(t, out, map[string]string{"index.html": "yesterday's good build\n", "style.css": "old\n"})
	before := snapshot(t, out)
	msg.ResetMissing()
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), append([]string{"--lang", lang}, args...), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	code, _, stderr := run("build", "--no-pdf", "-q", dir)
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
		t.Fatalf("a Go stack trace for a user's mistake:\n%s", stderr)
	}
	want := c.want
	hint := "\thint: "
	if lang == "id" {
		want, hint = indonesianWant(c.want), "\tsaran: "
	}
	re := regexp.MustCompile(`(?m)` + want)
	var report string
	if !c.draft {
		if code != exitFail {
			t.Errorf("build exit code %d, want %d; stderr:\n%s", code, exitFail, stderr)
		}
		first := strings.SplitN(stderr, "\n", 2)[0]
		if !re.MatchString(first) {
			t.Errorf("first line of stderr:\n  %s\nwant match for %s\nwhole stderr:\n%s", first, want, stderr)
		}
		if !strings.Contains(stderr, hint) {
			t.Errorf("no %q in:\n%s", hint, stderr)
		}
		if after := snapshot(t, out); !equalMaps(before, after) {
			t.Errorf("output/ changed although the build stopped: %v", keys(after))
		}
		code, cout, cerr := run("check", dir)
		if code != exitUsage {
			t.Errorf("check exit code %d, want %d (unreadable input)", code, exitUsage)
		}
		if first := strings.SplitN(cerr, "\n", 2)[0]; !re.MatchString(first) {
			t.Errorf("check: first line of stderr:\n  %s\nwant match for %s\nwhole stderr:\n%s", first, want, cerr)
		}
		report = stderr + cout + cerr
	} else {
		if code != exitOK {
			t.Fatalf("a wrong cell value should still build a draft; exit %d, stderr:\n%s", code, stderr)
		}
		html, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if !bytes.Contains(html, []byte("draft-banner")) {
			t.Error("the draft is not marked")
		}
		code, cout, cerr := run("check", dir)
		if code != exitFail {
			t.Errorf("check exit code %d, want %d", code, exitFail)
		}
		if !re.MatchString(cout) {
			t.Errorf("check output lacks a match for %s:\n%s", want, cout)
		}
		if code, _, _ := run("build", "--final", "--no-pdf", "-q", "-o", t.TempDir(), dir); code != exitFail {
			t.Errorf("--final exit code %d, want %d", code, exitFail)
		}
		report = stderr + cout + cerr
	}
	if lang == "id" {
		if m := msg.Missing(); len(m) > 0 {
			t.Errorf("printed without an Indonesian text: %q", m)
		}
		if w := englishWords(report); len(w) > 0 {
			t.Errorf("English words %q in:\n%s", w, report)
		}
	}
}

// indonesianWant keeps a case's position and, for a cell's finding, its
// severity and rule: "^data/t41.csv:4:\d+: error \[values\] …" becomes
// "^data/t41.csv:4:\d+: kesalahan \[values\]".
func indonesianWant(want string) string {
	i := strings.Index(want, ": ")
	if i < 0 {
		return want
	}
	prefix, rest := want[:i+2], want[i+2:]
	for en, id := range map[string]string{"error ": "kesalahan ", "warning ": "peringatan "} {
		if j := strings.Index(rest, `\]`); strings.HasPrefix(rest, en) && j > 0 {
			return prefix + id + rest[len(en):j+2]
		}
	}
	return prefix
}

// englishWords finds words of English in a report meant to be Indonesian,
// outside quotes (what the officer typed) and the excerpt lines of files.
var (
	quotedRe  = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`|\\S+\\.(?:csv|toml|md|html|pdf|css)\\b|\\{\\{.*?\\}\\}")
	englishRe = regexp.MustCompile(`\b(the|is|are|not|cannot|found|expected|hint|must|should|missing|unknown|row|rows|column|columns|line|file|errors|warnings|error|warning|wrote|failed|write|with|and|of|has|have|no|more|read|add|remove|such)\b`)
)

func englishWords(report string) []string {
	var words []string
	for _, line := range strings.Split(report, "\n") {
		if strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, "\tsaran:") && !strings.HasPrefix(line, "\t…") {
			continue // the file's own line, and the caret under it
		}
		line = quotedRe.ReplaceAllString(line, "")
		words = append(words, englishRe.FindAllString(line, -1)...)
	}
	return words
}

func TestBaseProjectIsClean(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFiles(t, dir, base)
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"check", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("the base project of TestBadInput should be clean; exit %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	// Excel's way of writing it: BOM, CRLF, trailing empty columns.
	excel := "\xef\xbb\xbf" + strings.ReplaceAll(strings.ReplaceAll(base["data/t41.csv"], "\n", ";;\r\n"), "pagu;;", "pagu;;")
	testenv.WriteFiles(t, dir, map[string]string{"data/t41.csv": excel})
	if code := Run(context.Background(), []string{"check", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("the same table as Excel writes it should be clean; exit %d:\n%s%s", code, stdout.String(), stderr.String())
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return s
}

// TestNoScriptReachesOutput: raw HTML in Markdown is not passed through, a
// javascript: link is dropped, and a CSV cell is text, however it looks.
func TestNoScriptReachesOutput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for k, v := range base {
		files[k] = v
	}
	replace("content/10-bab-1.md", "## 1.1 Alokasi", "## 1.1 Alokasi\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3)) dan <a href=\"javascript:alert(4)\">ini</a>")(files)
	replace("data/t41.csv", "Koordinasi RKA", `"<script>alert(5)</script> "" onmouseover=""alert(6)"`)(files)
	testenv.WriteFiles(t, dir, files)
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	html, err := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Escaped text may say anything; what must not appear is markup: a
	// script element, an event handler attribute, a javascript: URL.
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)<script`),
		regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`),
		regexp.MustCompile(`(?i)(href|src)\s*=\s*["']?\s*javascript:`),
	} {
		if loc := bad.FindIndex(html); loc != nil {
			t.Errorf("the output holds %s: …%s…", bad, html[max(0, loc[0]-80):min(len(html), loc[1]+80)])
		}
	}
	if !strings.Contains(string(html), "&lt;script&gt;alert(5)&lt;/script&gt;") {
		t.Error("the CSV cell's text should appear, escaped")
	}
}
