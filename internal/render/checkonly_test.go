package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"renja/internal/check"
	"renja/internal/gen"
	"renja/internal/model"
)

// wideProject writes gen.WriteWide's project of n sub kegiatan with the
// given templates/ files, and loads it.
func wideProject(t *testing.T, n int, templates map[string]string) (*model.Project, *Templates) {
	t.Helper()
	dir := t.TempDir()
	if err := gen.WriteWide(dir, n); err != nil {
		t.Fatal(err)
	}
	for name, text := range templates {
		path := filepath.Join(dir, "templates", name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return load(t, dir)
}

// TestCheckFindsWhatRenderFinds: CheckContext, which keeps no HTML, reports
// exactly the error a render of the website reports, the output limit
// included, which it reaches at the same byte although it holds tokens in
// place of the tables' rows.
func TestCheckFindsWhatRenderFinds(t *testing.T) {
	p, tpl := wideProject(t, 300, nil)
	full, err := Render(p, tpl, Options{})
	if err != nil {
		t.Fatal(err)
	}
	size := int64(len(full.HTML))
	body := `{{ define "table" }}<table>{{ .Body }}</table>{{ end }}`
	cases := []struct {
		name      string
		templates map[string]string
		limit     int64 // pageOutput; 0: the real one
		fails     bool
	}{
		{name: "clean"},
		{name: "whole document at the limit", limit: size},
		{name: "whole document one byte over", limit: size - 1, fails: true},
		{name: "a layout ranging over the rows", templates: map[string]string{"table.html": `{{ define "table" }}{{ range .Rows }}<tr>{{ range .Cells }}<td>{{ .Text }}</td>{{ end }}</tr>{{ end }}{{ end }}`}},
		{name: "a row's missing field", templates: map[string]string{"table.html": `{{ define "table" }}{{ range .Rows }}{{ .Nope }}{{ end }}{{ end }}`}, fails: true},
		{name: "the body twice, over the limit", templates: map[string]string{"table.html": `{{ define "table" }}{{ .Body }}{{ .Body }}{{ end }}`}, limit: size - 200, fails: true},
		{name: "the body in one write over the limit", templates: map[string]string{"table.html": body}, limit: 10_000, fails: true},
		{name: "a bad call in the document", templates: map[string]string{"table.html": body, "document.html": `{{ range .Parts }}{{ .HTML }}{{ end }}{{ .Nope }}`}, fails: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, tpl := p, tpl
			if c.templates != nil {
				p, tpl = wideProject(t, 300, c.templates)
			}
			if c.limit > 0 {
				defer func(n int64) { pageOutput = n }(pageOutput)
				pageOutput = c.limit
			}
			ds := check.Run(p)
			_, rerr := Render(p, tpl, Options{Diagnostics: ds})
			cerr := CheckContext(context.Background(), p, tpl, Options{Diagnostics: ds})
			if fmt.Sprint(rerr) != fmt.Sprint(cerr) {
				t.Errorf("render: %v\ncheck:  %v", rerr, cerr)
			}
			if (cerr != nil) != c.fails {
				t.Errorf("check: %v, want failure %v", cerr, c.fails)
			}
		})
	}
}

// TestCheckHoldsNoHTML: what CheckContext allocates in all, garbage
// included, is less than the website's HTML: it never holds the document or
// a table's rows as HTML. (Measured: a render allocates 11 times the HTML,
// a check half of it, all in formatting cells one row at a time.)
func TestCheckHoldsNoHTML(t *testing.T) {
	p, tpl := wideProject(t, 5000, nil)
	ds := check.Run(p)
	full, err := Render(p, tpl, Options{Diagnostics: ds})
	if err != nil {
		t.Fatal(err)
	}
	allocated := func(f func()) uint64 {
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		f()
		runtime.ReadMemStats(&b)
		return b.TotalAlloc - a.TotalAlloc
	}
	check := allocated(func() {
		if err := CheckContext(context.Background(), p, tpl, Options{Diagnostics: ds}); err != nil {
			t.Fatal(err)
		}
	})
	render := allocated(func() { Render(p, tpl, Options{Diagnostics: ds}) })
	t.Logf("HTML %d bytes; check allocated %d, render %d", len(full.HTML), check, render)
	if check > uint64(len(full.HTML)) {
		t.Errorf("check allocated %d bytes for an HTML of %d: it holds the HTML", check, len(full.HTML))
	}
}
