package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/diag"
)

func TestParse(t *testing.T) {
	src := "\xef\xbb\xbf+++\r\nid = \"bab-1\"\r\ntitle = \"BAB I PENDAHULUAN\"\r\nkind = \"chapter\"\r\n+++\r\n\r\n# BAB I\r\n"
	p, err := Parse("content/10-bab-1.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "bab-1" || p.Title != "BAB I PENDAHULUAN" || p.Kind != Chapter || p.Front() {
		t.Errorf("part = %+v", p)
	}
	if string(p.Body) != "\n# BAB I\n" || p.BodyLine != 6 {
		t.Errorf("body %q at line %d, want the text after +++ at line 6", p.Body, p.BodyLine)
	}
	p, err = Parse("content/00-sampul.md", []byte("+++\nid = \"sampul\"\ntitle = \"Sampul\"\nkind = \"cover\"\n+++"))
	if err != nil || !p.Front() || len(p.Body) != 0 {
		t.Errorf("cover: %+v, %v", p, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		at        string // file:line:col of the first error
		msg, hint string
	}{
		{"no front matter", "# BAB I\n", "content/x.md:1:1", "does not start with front matter", "begin with a line +++"},
		{"empty file", "", "content/x.md:1:1", "does not start with front matter", "+++"},
		{"front matter not closed", "+++\nid = \"x\"\n# BAB I\n", "content/x.md:1:1", "not closed", "a line holding only +++"},
		{"empty front matter", "+++\n+++\n", "content/x.md:2", "empty", "id, title and kind"},
		{"no id", "+++\ntitle = \"T\"\nkind = \"chapter\"\n+++\n", "content/x.md:2", "no id", `id = "bab-1"`},
		{"no title", "+++\nid = \"x\"\nkind = \"chapter\"\n+++\n", "content/x.md:2", "no title", `title = "…"`},
		{"bad kind", "+++\nid = \"x\"\ntitle = \"T\"\nkind = \"bab\"\n+++\n", "content/x.md:2", `kind "bab" is not a kind of part`, "cover, decree, foreword, toc, chapter"},
		{"misspelt key", "+++\nid = \"x\"\ntitel = \"T\"\nkind = \"chapter\"\n+++\n", "content/x.md:3:1", `unknown key "titel"`, `did you mean "title"?`},
		{"syntax error", "+++\nid = \"x\"\ntitle = T\nkind = \"chapter\"\n+++\n", "content/x.md:3:9", "a value is expected here, not T: text needs quotes", ""},
		{"wrong type", "+++\nid = \"x\"\ntitle = 3\nkind = \"chapter\"\n+++\n", "content/x.md:3:1", "title", "check the value's type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(tt.src))
			e := first(t, err)
			if got := diag.Pos(e.File, e.Line, e.Column); got != tt.at || !strings.Contains(e.Msg, tt.msg) || !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("got %s: %s (hint: %s)\nwant %s: …%s… (hint: …%s…)", got, e.Msg, e.Hint, tt.at, tt.msg, tt.hint)
			}
		})
	}
}

func first(t *testing.T, err error) *diag.Error {
	t.Helper()
	l, ok := diag.ListOf(err)
	if !ok {
		t.Fatalf("error %T is not a diag error: %v", err, err)
	}
	return l[0]
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	part := func(id, kind string) string {
		return "+++\nid = \"" + id + "\"\ntitle = \"T\"\nkind = \"" + kind + "\"\n+++\n"
	}
	if _, err := LoadDir(dir, nil); err == nil {
		t.Error("no error for a project without content/")
	}
	write("10-bab-1.md", part("bab-1", "chapter"))
	write("00-sampul.md", part("sampul", "cover"))
	ps, err := LoadDir(dir, nil)
	if err != nil || len(ps) != 2 || ps[0].ID != "sampul" {
		t.Fatalf("file order: %v, %v", ps, err)
	}
	ps, err = LoadDir(dir, []string{"bab-1", "sampul"})
	if err != nil || ps[0].ID != "bab-1" || ps[1].File != "content/00-sampul.md" {
		t.Fatalf("parts order: %v, %v", ps, err)
	}
	_, err = LoadDir(dir, []string{"bab-1", "bab-2"})
	if e := first(t, err); !strings.Contains(err.Error(), `parts names "bab-2"`) || !strings.Contains(err.Error(), `part "sampul" is not listed`) {
		t.Errorf("unknown and unlisted parts: %v (%v)", err, e)
	}
	write("20-bab-1.md", part("bab-1", "chapter"))
	_, err = LoadDir(dir, nil)
	if e := first(t, err); e.File != "content/20-bab-1.md" || !strings.Contains(e.Msg, "used by content/10-bab-1.md too") {
		t.Errorf("duplicate id: %v", err)
	}
}

func TestSlugIDs(t *testing.T) {
	for in, want := range map[string]string{
		"BAB I PENDAHULUAN":      "bab-i-pendahuluan",
		"1.1 Latar Belakang":     "1-1-latar-belakang",
		"  Tujuan & Sasaran  ":   "tujuan-sasaran",
		"Evaluasi — Tahun 2023!": "evaluasi-tahun-2023",
		"":                       "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	ids := NewIDs()
	ids.Reserve("bab-i")
	if got := string(ids.Generate([]byte("BAB I"), 0)); got != "bab-i-2" {
		t.Errorf("a reserved id is generated again: %q", got)
	}
	if got := string(ids.Generate([]byte("***"), 0)); got != "bagian" {
		t.Errorf("an empty slug gives %q", got)
	}
}
