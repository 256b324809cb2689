package tomlx

import (
	"strings"
	"testing"

	"renja/internal/diag"
)

type column struct {
	Name string `toml:"name"`
	Type string `toml:"type"`
}

type rule struct {
	Severity  string  `toml:"severity"`
	Tolerance float64 `toml:"tolerance"`
}

type doc struct {
	ID       string                `toml:"id"`
	Year     int                   `toml:"year"`
	Office   struct{ Name string } `toml:"office"`
	Columns  []column              `toml:"columns"`
	Check    map[string]rule       `toml:"check"`
	Untagged string
}

func list(t *testing.T, err error) diag.List {
	t.Helper()
	l, ok := diag.ListOf(err)
	if !ok {
		t.Fatalf("error %T is not a diag error: %v", err, err)
	}
	return l
}

func TestDecode(t *testing.T) {
	var d doc
	src := "id = \"x\"\nyear = 2024\n[office]\nName = \"K\"\n[[columns]]\nname = \"a\"\n[check.derived]\ntolerance = 0.5\n"
	if err := Decode("f.toml", []byte(src), 1, &d); err != nil {
		t.Fatal(err)
	}
	if d.ID != "x" || d.Year != 2024 || d.Office.Name != "K" || len(d.Columns) != 1 || d.Check["derived"].Tolerance != 0.5 {
		t.Errorf("decoded %+v", d)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		first int      // line of src's first line in the file
		at    []string // file:line:col of each error
		msg   string   // in the first error's message
		hint  string   // in the first error's hint
	}{
		{"misspelt top-level key", "id = \"x\"\nyaer = 2024\n", 1, []string{"f.toml:2:1"}, `unknown key "yaer"`, `did you mean "year"?`},
		{"misspelt key, indented and quoted", "[office]\n  \"Nmae\" = \"K\"\n", 1, []string{"f.toml:2:3"}, `unknown key "Nmae" in [office]`, `did you mean "Name"?`},
		{"misspelt key in an array of tables", "[[columns]]\nname = \"a\"\n\n[[columns]]\nname = \"b\"\ntpye = \"money\"\n", 1, []string{"f.toml:6:1"}, `unknown key "tpye" in [columns]`, `did you mean "type"?`},
		{"misspelt key under a map", "[check.derived]\ntolerence = 0.5\n", 1, []string{"f.toml:2:1"}, `unknown key "tolerence" in [check.derived]`, `did you mean "tolerance"?`},
		{"unknown table", "[ofice]\nName = \"K\"\n", 1, []string{"f.toml:1:1", "f.toml:2:1"}, `unknown key "ofice"`, `did you mean "office"?`},
		{"unknown key, nothing close", "[office]\naddress = \"Jl.\"\n", 1, []string{"f.toml:2:1"}, `unknown key "address" in [office]`, "known keys here: Name"},
		{"an untagged field keeps its Go name", "untaged = \"x\"\n", 1, []string{"f.toml:1:1"}, `unknown key "untaged"`, `did you mean "Untagged"?`},
		{"two unknown keys", "yaer = 1\nid = \"x\"\nidd = \"y\"\n", 1, []string{"f.toml:1:1", "f.toml:3:1"}, `unknown key "yaer"`, `"year"`},
		{"front matter counts from its first line", "id = \"x\"\ntitel = \"T\"\n", 2, []string{"f.toml:3:1"}, `unknown key "titel"`, "known keys here"},
		{"syntax error", "id = \"x\"\nyear = 20 24\n", 1, []string{"f.toml:2:10"}, "expected a top-level item to end with a newline", "toml.io"},
		{"syntax error in front matter", "id = x\n", 2, []string{"f.toml:2:6"}, "", "toml.io"},
		{"unclosed string", "id = \"x\n", 1, []string{"f.toml:1:8"}, "strings cannot contain newlines", ""},
		{"unclosed table header", "[office\n", 1, []string{"f.toml:1:8"}, "", ""},
		{"wrong type", "id = \"x\"\n\nyear = \"2024\"\n", 1, []string{"f.toml:3:1"}, "year: incompatible types: TOML value has type string; destination has type integer", "check the value's type"},
		{"wrong type in front matter", "year = 2024\nid = 3\n", 5, []string{"f.toml:6:1"}, "id: incompatible types", "check the value's type"},
		{"wrong type under a table", "[check.values]\nseverity = 1\n", 1, []string{"f.toml:2:1"}, "check.values.severity: incompatible types", ""},
		{"table for a string", "[id]\nx = 1\n", 1, []string{"f.toml:1:1"}, "id: incompatible types", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode("f.toml", []byte(tt.src), tt.first, &d)
			if err == nil {
				t.Fatal("no error")
			}
			l := list(t, err)
			var at []string
			for _, e := range l {
				at = append(at, diag.Pos(e.File, e.Line, e.Column))
				if e.Line > 0 && e.Source == "" {
					t.Errorf("no source line: %v", e)
				}
			}
			if strings.Join(at, " ") != strings.Join(tt.at, " ") {
				t.Errorf("at %v, want %v:\n%v", at, tt.at, err)
			}
			if !strings.Contains(l[0].Msg, tt.msg) || !strings.Contains(l[0].Hint, tt.hint) {
				t.Errorf("got %q (hint %q), want …%s… (hint …%s…)", l[0].Msg, l[0].Hint, tt.msg, tt.hint)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	known := []string{"name", "type", "title", "number", "group", "measure", "formula", "hidden"}
	for in, want := range map[string]string{
		"nmae": "name", "Type": "type", "titel": "title", "formule": "formula", "measures": "measure",
		"colour": "", "": "", "hiden": "hidden",
	} {
		if got := Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
