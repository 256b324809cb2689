package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/diag"
)

const minimal = `[office]
name = "Kantor Kecamatan Kalaena"
kecamatan = "Kalaena"
kabupaten = "Luwu Timur"

[plan]
year = 2024

[signatory]
name = "MUHAMMAD YUSRI"
`

func TestParseDefaults(t *testing.T) {
	c, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if c.Plan.Title != "Rencana Kerja Tahun 2024" || c.Plan.PDF != "renja-kalaena-2024.pdf" || c.Signatory.Title != "Camat" {
		t.Errorf("defaults: %+v %+v", c.Plan, c.Signatory)
	}
	if c.Plan.RunningHeader != "RENCANA KERJA KANTOR KECAMATAN KALAENA" {
		t.Errorf("running header %q", c.Plan.RunningHeader)
	}
	if c.Units["Dok"] != "Dokumen" || c.Paper.Sheet().Name != "A4" {
		t.Errorf("units %v, paper %v", c.Units, c.Paper.Sheet())
	}
	if r := c.Rule("derived"); r.Severity != "" || r.Tolerance != 0 {
		t.Errorf("rule without settings: %+v", r)
	}
}

func TestParseCheck(t *testing.T) {
	c, err := Parse([]byte(minimal + `
[check.hierarchy]
severity = "off"

[check.derived]
severity = "warning"
tolerance = 0.5

[check.cross-table]
severity = "error"
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rule("hierarchy").Severity != "off" || c.Rule("derived").Tolerance != 0.5 || c.Rule("cross-table").Severity != "error" {
		t.Errorf("check = %+v", c.Check)
	}
}

func errs(t *testing.T, err error) diag.List {
	t.Helper()
	l, ok := diag.ListOf(err)
	if !ok {
		t.Fatalf("error %T is not a diag error: %v", err, err)
	}
	return l
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		extra string // appended to minimal (which has 10 lines)
		at    string // renja.toml:line:col
		msg   string
		hint  string
	}{
		{"misspelt key", "\n[paper]\nsise = \"F4\"\n", "renja.toml:13:1", `unknown key "sise" in [paper]`, `did you mean "size"?`},
		{"misspelt key, indented", "\n[plan2]\n", "renja.toml:12:1", `unknown key "plan2"`, `did you mean "plan"?`},
		{"misspelt table", "\n[signatori]\nnip = \"1\"\n", "renja.toml:12:1", `unknown key "signatori"`, `did you mean "signatory"?`},
		{"table twice", "\n[office]\n", "renja.toml:12:2", `key "office" is written twice`, "toml.io"},
		{"misspelt key of a rule", "\n[check.derived]\ntolerence = 0.5\n", "renja.toml:13:1", `unknown key "tolerence" in [check.derived]`, `did you mean "tolerance"?`},
		{"misspelt rule", "\n[check.hierachy]\nseverity = \"off\"\n", "renja.toml:12:1", `unknown check rule "hierachy"`, `did you mean [check.hierarchy]?`},
		{"unknown rule", "\n[check.spelling]\nseverity = \"off\"\n", "renja.toml:12:1", `unknown check rule "spelling"`, "the rules are codes, nomenclature, values, hierarchy, derived, cross-table"},
		{"bad severity", "\n[check.values]\nseverity = \"fatal\"\n", "renja.toml:13:1", `check.values.severity "fatal" is not a severity`, `"error", "warning", "todo" or "off"`},
		{"syntax error", "\n[decree]\nnumber = 800/12/2023\n", "renja.toml:13:13", "", "toml.io"},
		{"unclosed string", "\n[decree]\nnumber = \"800/12\n", "renja.toml:13:17", "strings cannot contain newlines", ""},
		{"wrong type", "\n[decree]\nyear = \"2023\"\n", "renja.toml:13:1", "decree.year: the value is text in quotes, but it should be a whole number", "check the value's type"},
		{"unknown sub-table", "\n[decree]\nyear = 2023\n[signatory.x]\n", "renja.toml:14:1", `unknown key "x" in [signatory]`, `known keys here: "title", "name", "rank", "nip", "place", "date"`},
		{"bad date", "date = 2023-13-01\n", "renja.toml:11:8", `"2023-13-01" is not a date: dates are written 2023-05-01`, "dates are written 2023-05-01"},
		{"date in quotes", "date = \"2023-05-01\"\n", "renja.toml:11:9", "parsing time", "dates are written 2023-05-01"},
		{"misspelt dotted key", "\n[decree]\nyear = 2023\n[check]\nvalues.severty = \"off\"\n", "renja.toml:15:8", `unknown key "severty" in [check.values]`, `did you mean "severity"?`},
		{"bad paper", "\n[paper]\nsize = \"Letter\"\n", "renja.toml:13:1", `paper.size "Letter"`, `"A4"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(minimal + tt.extra))
			if err == nil {
				t.Fatal("no error")
			}
			var found []string
			for _, e := range errs(t, err) {
				got := diag.Pos(e.File, e.Line, e.Column)
				found = append(found, got+": "+e.Msg+" (hint: "+e.Hint+")")
				if got == tt.at && strings.Contains(e.Msg, tt.msg) && strings.Contains(e.Hint, tt.hint) {
					if e.Line > 0 && e.Source == "" {
						t.Errorf("no source line: %v", e)
					}
					return
				}
			}
			t.Errorf("want %s: …%s… (hint: …%s…), got\n\t%s", tt.at, tt.msg, tt.hint, strings.Join(found, "\n\t"))
		})
	}
}

func TestMissing(t *testing.T) {
	_, err := Parse([]byte("[plan]\nyear = 1999\n"))
	var msgs []string
	for _, e := range errs(t, err) {
		msgs = append(msgs, e.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"office.name is missing", "office.kabupaten is missing", "signatory.name is missing", "plan.year 1999 is not a plan year"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(dir)
	if e := errs(t, err)[0]; e.File != FileName || !strings.Contains(e.Msg, "no renja.toml") || !strings.Contains(e.Hint, "renja init") {
		t.Errorf("no renja.toml: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(minimal+"[paper]\nsize = \"f4\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil || c.Paper.Sheet() != (PaperSize{"F4", 215, 330}) {
		t.Errorf("Load: %+v, %v", c, err)
	}
}

// TestBundled reads the bundled project's renja.toml.
func TestBundled(t *testing.T) {
	c, err := Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	if c.Plan.Table != "t31" || c.Plan.Year != 2024 || len(c.Parts) == 0 {
		t.Errorf("bundled: %+v", c.Plan)
	}
}

// TestSigningSettings: [signing] takes the eSign Client's address and the
// origin; a NIK there is refused (renja.toml is published).
func TestSigningSettings(t *testing.T) {
	base := "[office]\nname = \"K\"\nkabupaten = \"L\"\n[plan]\nyear = 2024\n[signatory]\nname = \"N\"\n[signing]\n"
	c, err := Parse([]byte(base + "bsre = \"https://esign.example.go.id\"\norigin = \"bottom-left\"\n"))
	if err != nil || c.Signing.BSrE != "https://esign.example.go.id" || c.Signing.Origin != "bottom-left" {
		t.Fatalf("%+v %v", c, err)
	}
	for _, c := range []struct{ toml, want string }{
		{"nik = \"7324012345678901\"\n", "renja.toml:9:1: the signer's NIK does not belong in renja.toml"},
		{"origin = \"kiri\"\n", "renja.toml:9:1: signing.origin \"kiri\" is not a corner of the page"},
	} {
		_, err := Parse([]byte(base + c.toml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.toml, err, c.want)
		}
	}
}
