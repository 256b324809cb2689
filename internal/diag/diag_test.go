package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSourcePositions(t *testing.T) {
	src := NewSource("f.csv", []byte("kode;uraian\r\n1;Kepuasan ≥ 80;x\n\tq"), 1)
	for _, tt := range []struct {
		off  int
		want string
	}{
		{0, "f.csv:1:1"}, {5, "f.csv:1:6"}, {13, "f.csv:2:1"}, {len("kode;uraian\r\n1;Kepuasan ≥ 80;"), "f.csv:2:17"},
		{len("kode;uraian\r\n1;Kepuasan ≥ 80;x\n\t"), "f.csv:3:2"}, {1000, "f.csv:3:3"},
	} {
		if got := src.At(tt.off).String(); got != tt.want {
			t.Errorf("At(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
	if got := src.Column(2, len("1;Kepuasan ≥ 80;")+1); got != 17 {
		t.Errorf("Column = %d, want 17", got)
	}
	if got := src.Line(1); got != "kode;uraian" {
		t.Errorf("Line(1) = %q", got)
	}
	if got := src.Line(4); got != "" {
		t.Errorf("Line(4) = %q", got)
	}
	fm := NewSource("content/a.md", []byte("id = 1\ntitle = \"é\" x\n"), 2)
	if got := fm.At(len("id = 1\ntitle = \"é\" ")).String(); got != "content/a.md:3:13" {
		t.Errorf("front matter position %s", got)
	}
}

func TestErrorOneLine(t *testing.T) {
	src := NewSource("renja.toml", []byte("[office]\n\tnamé = \"x\" y\n"), 1)
	e := src.Errorf(len("[office]\n\tnamé = \"x\" "), "remove it", "unexpected %q", "y")
	if got := e.Error(); got != `renja.toml:2:13: unexpected "y"` {
		t.Errorf("Error() = %q", got)
	}
	want := "renja.toml:2:13: unexpected \"y\"\n\t\tnamé = \"x\" y\n\t\t           ^\n\thint: remove it"
	if got := e.ErrorWithPosition(); got != want {
		t.Errorf("ErrorWithPosition() =\n%s\nwant\n%s", got, want)
	}
	l := List{e, Errorf("a.md", 1, 0, "", "two")}
	wrapped := fmt.Errorf("building: %w", l.Err())
	if got := Detail(wrapped); strings.Count(got, "\n") != 4 || !strings.Contains(got, "^") {
		t.Errorf("Detail = %q", got)
	}
	if got := Detail(errors.New("plain")); got != "plain" {
		t.Errorf("Detail = %q", got)
	}
	if strings.Contains(l.Error(), "hint") {
		t.Errorf("List.Error() has the hint: %q", l.Error())
	}
}

func TestTemplateError(t *testing.T) {
	src := NewSource("content/a.md", []byte("# Judul\n\nDana “x” {{ tabel 1 }}\n"), 6)
	for _, tt := range []struct {
		err  string
		want string
	}{
		{`template: content/a.md:3:14: function "tabel" not defined`, `content/a.md:8:11: function "tabel" not defined`},
		{`template: content/a.md:3: unexpected "}" in operand`, `content/a.md:8: "}" is not expected here`},
		// The lexer gives the line only: the column is the sign's own, in characters.
		{`template: content/a.md:3: unrecognized character in action: U+201C '“'`, `content/a.md:8:6: the sign “ cannot be used inside {{ … }}`},
		{`template: content/a.md:3:14: executing "content/a.md" at <pagu "t1" "x">: error calling pagu: code x is not in data/t1.csv`, `content/a.md:8:11: pagu: code x is not in data/t1.csv`},
		{`html/template:table.html:1:5: no such template "x"`, `content/a.md:6:6: no such template "x"`},
		{`something else`, `content/a.md: something else`},
	} {
		if got := TemplateError(src, errors.New(tt.err), "").Error(); got != tt.want {
			t.Errorf("TemplateError(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func FuzzSource(f *testing.F) {
	f.Add("a\r\nbé\n\tc", 5)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, text string, off int) {
		s := NewSource("f", []byte(text), 3)
		p := s.At(off)
		if p.Line < 3 || p.Column < 1 || p.Line > 3+strings.Count(text, "\n") {
			t.Fatalf("At(%d) = %v", off, p)
		}
		if got := len([]rune(s.Line(p.Line))) + 2; p.Column > got && !strings.Contains(text, "\r") {
			t.Fatalf("At(%d) = %v, beyond line %q", off, p, s.Line(p.Line))
		}
	})
}

// FuzzTemplateError: a template error placed in any text never panics and
// keeps its column inside the line.
func FuzzTemplateError(f *testing.F) {
	f.Add("a {{ kapital “x” }}", "template: a:1: unrecognized character in action: U+201C '“'")
	f.Add("{{ kapital \"x }}", "template: a:1: unterminated quoted string")
	f.Add("“", "template: a:1: unrecognized character in action: U+201C '“'")
	f.Fuzz(func(t *testing.T, src, e string) {
		s := NewSource("a", []byte(src), 1)
		d := TemplateError(s, errors.New(e), "")
		if d.Column < 0 {
			t.Fatalf("column %d", d.Column)
		}
	})
}
