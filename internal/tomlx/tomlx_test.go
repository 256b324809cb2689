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
		{"unknown key, nothing close", "[office]\naddress = \"Jl.\"\n", 1, []string{"f.toml:2:1"}, `unknown key "address" in [office]`, `known keys here: "Name"`},
		{"an untagged field keeps its Go name", "untaged = \"x\"\n", 1, []string{"f.toml:1:1"}, `unknown key "untaged"`, `did you mean "Untagged"?`},
		{"two unknown keys", "yaer = 1\nid = \"x\"\nidd = \"y\"\n", 1, []string{"f.toml:1:1", "f.toml:3:1"}, `unknown key "yaer"`, `"year"`},
		{"front matter counts from its first line", "id = \"x\"\ntitel = \"T\"\n", 2, []string{"f.toml:3:1"}, `unknown key "titel"`, "known keys here"},
		{"syntax error", "id = \"x\"\nyear = 20 24\n", 1, []string{"f.toml:2:10"}, `the line goes on after its value with "2": one key = value per line`, "toml.io"},
		{"syntax error in front matter", "id = x\n", 2, []string{"f.toml:2:6"}, "", "toml.io"},
		{"unclosed string", "id = \"x\n", 1, []string{"f.toml:1:8"}, "strings cannot contain newlines", ""},
		{"unclosed table header", "[office\n", 1, []string{"f.toml:1:8"}, "", ""},
		{"wrong type", "id = \"x\"\n\nyear = \"2024\"\n", 1, []string{"f.toml:3:1"}, "year: the value is text in quotes, but it should be a whole number", "check the value's type"},
		{"wrong type in front matter", "year = 2024\nid = 3\n", 5, []string{"f.toml:6:1"}, "id: the value is a whole number, but it should be text in quotes", "check the value's type"},
		{"wrong type under a table", "[check.values]\nseverity = 1\n", 1, []string{"f.toml:2:1"}, "check.values.severity: the value is a whole number, but it should be text in quotes", ""},
		{"table for a string", "[id]\nx = 1\n", 1, []string{"f.toml:1:1"}, "id: the value is a section [ … ], but it should be text in quotes", ""},
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

func TestDottedAndWideKeys(t *testing.T) {
	tests := []struct {
		name, src string
		at        string
	}{
		{"dotted key keeps its position", "id = \"x\"\noffice.Nmae = \"K\"\n", "f.toml:2:8"},
		{"dotted key under a table", "[check]\nderived.tolerence = 0.5\n", "f.toml:2:9"},
		{"inline table", "office = { Name = \"K\", Nmae = \"L\" }\n", "f.toml:1:24"},
		{"columns count characters", "id = \"é\"; \n", "f.toml:1:9"},
		{"after a multi-line string", "id = \"\"\"\nyaer = 1\n\"\"\"\nyaer = 2\n", "f.toml:4:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode("f.toml", []byte(tt.src), 1, &d)
			if err == nil {
				t.Fatal("no error")
			}
			if got := list(t, err)[0].Position().String(); got != tt.at {
				t.Errorf("at %s, want %s: %v", got, tt.at, err)
			}
		})
	}
}

func TestKeysFind(t *testing.T) {
	src := "parts = [\n  \"a\",\n]\n[[columns]]\nname = \"a\"\n\n[[columns]]\n  name = \"b\"\n  \"type\" = 'money'\n[office]\nname = \"Kantor – Kalaena\" # comment\nsite.url = \"x\"\n"
	k := Index(diag.NewSource("f.toml", []byte(src), 1))
	for _, tt := range []struct {
		path []string
		at   string
	}{
		{[]string{"parts"}, "f.toml:1:1"},
		{[]string{"columns"}, "f.toml:4:1"},
		{[]string{Elem("columns", 0), "name"}, "f.toml:5:1"},
		{[]string{Elem("columns", 1)}, "f.toml:7:1"},
		{[]string{Elem("columns", 1), "name"}, "f.toml:8:3"},
		{[]string{Elem("columns", 1), "type"}, "f.toml:9:3"},
		{[]string{"columns", "type"}, "f.toml:9:3"},
		{[]string{"office", "site", "url"}, "f.toml:12:6"},
		{[]string{"office", "missing"}, "f.toml:10:1"},
		{[]string{"nothing"}, "f.toml"},
	} {
		if got := k.Pos(tt.path...).String(); got != tt.at {
			t.Errorf("Pos(%v) = %s, want %s", tt.path, got, tt.at)
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("[[columns]]\nname = \"a\"\nx = { a = [1, {b = 2}] }\ns = '''\nq'''\n")
	f.Add("a.\"b\".c = \"\"\"x\"\"\"\"\n[t]\n")
	f.Fuzz(func(t *testing.T, src string) {
		k := Index(diag.NewSource("f.toml", []byte(src), 1))
		for p := range k.at {
			if pos, ok := k.Find(p); !ok || pos.Line < 1 || pos.Column < 1 {
				t.Fatalf("key %q at %v", p, pos)
			}
		}
	})
}

func TestKeysFindArrayElements(t *testing.T) {
	src := "title = [\"a\", \"Kecamatan é\",\n  'c']\n"
	k := Index(diag.NewSource("f.toml", []byte(src), 1))
	for path, want := range map[string]string{"title[0]": "f.toml:1:10", "title[1]": "f.toml:1:15", "title[2]": "f.toml:2:3"} {
		if got := k.Pos(path).String(); got != want {
			t.Errorf("Pos(%s) = %s, want %s", path, got, want)
		}
	}
}

// FuzzDecode: any text decodes or gives a positioned error, never a panic
// (the mended errors of fix.go index into the line they read).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"logo = \"C:\\Users\\camat\\logo.png\"\n", "a = “x”\n", "a = \"\\d\"", "a = \"C:\\u12\"", "a = “", "\"\\x\"", "a = 'x'\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v map[string]any
		err := Decode("x.toml", []byte(s), 1, &v)
		if err != nil && err.Error() == "" {
			t.Fatalf("an empty error for %q", s)
		}
	})
}
