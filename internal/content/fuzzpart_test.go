package content

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	ttemplate "text/template"

	"renja/internal/diag"
)

// partFuncs stand in for the renderer's functions: a table and a signature
// placed as blocks, and a format function.
func partFuncs(b *Blocks) ttemplate.FuncMap {
	return ttemplate.FuncMap{
		"table": func(id string) string {
			return b.Add(template.HTML("<table><tr><td>" + template.HTMLEscapeString(id) + "</td></tr></table>"))
		},
		"signature": func(form ...string) string { return b.Add("<div class=\"signature\">CAMAT</div>") },
		"rupiah":    func(v any) string { return "Rp 1" },
	}
}

// FuzzPart: a whole Markdown part (front matter and body) of arbitrary
// bytes goes through the content loader (Parse) and Render, template calls
// and Markdown included, without a panic and within the limits; every error
// is a diag error that names the file.
func FuzzPart(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "*.md"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	head := "+++\nid = \"bab-1\"\ntitle = \"BAB I\"\nkind = \"chapter\"\n+++\n"
	for _, body := range []string{
		"# BAB I\n\n## 1.1 Latar\n\nTeks *miring* dan **tebal**, [tautan](#bab-1).\n\n{{ table \"t31\" }}\n{{ signature }}\n",
		strings.Repeat(">", 40) + " kutipan\n",
		strings.Repeat("- ", 40) + "butir\n",
		"{{ range 1000000000 }}x{{ end }}\n",
		"{{ range 3 }}{{ table \"t\" }}{{ end }}\n",
		"| a | b |\n| - | - |\n| 1 | 2 |\n",
		"[x](../../etc/passwd) ![y](file:///etc/passwd) <https://example.com>\n",
		"{{ define \"x\" }}{{ template \"x\" }}{{ end }}{{ template \"x\" }}\n",
		"Term\n: Definisi\n\n~~coret~~\n",
	} {
		f.Add([]byte(head + body))
	}
	f.Add([]byte("+++\nid = \"x\"\ntitle = \"x\"\nkind = \"chapter\"\nx = " + strings.Repeat("{a = ", 40) + "+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("content/x.md", src)
		if err != nil {
			checkErr(t, err)
			return
		}
		html, _, err := p.Render(partFuncs, map[string]any{"Office": "Kantor"}, NewIDs())
		if err != nil {
			checkErr(t, err)
			return
		}
		if strings.Contains(string(html), marker) && !strings.Contains(string(p.Body), marker) {
			t.Fatalf("a block marker left in the HTML: %s", html)
		}
	})
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	l, ok := diag.ListOf(err)
	if !ok {
		t.Fatalf("error %T: %v", err, err)
	}
	for _, e := range l {
		if e.File != "content/x.md" {
			t.Fatalf("error without the file: %v", e)
		}
	}
	_ = err.Error()
}
