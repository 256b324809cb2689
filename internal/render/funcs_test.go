package render

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"renja/internal/content"
)

var readmeFuncs = regexp.MustCompile(`(?s)(<!-- funcs: [^\n]*-->\n)(.*?)(<!-- end funcs -->)`)

// TestFuncTable: docs/project.md's table of Markdown functions is the one the
// registry makes; -update rewrites it.
func TestFuncTable(t *testing.T) {
	const path = "../../docs/project.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := readmeFuncs.FindSubmatchIndex(readme)
	if m == nil {
		t.Fatal("docs/project.md has no <!-- funcs: … --> … <!-- end funcs --> table")
	}
	want := funcTable()
	if got := string(readme[m[4]:m[5]]); got != want {
		if *update {
			out := string(readme[:m[4]]) + want + string(readme[m[5]:])
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("docs/project.md's table of functions differs from the registry in funcs.go (run go test ./internal/render -run FuncTable -update):\ngot:\n%s\nwant:\n%s", got, want)
	}
	for _, f := range funcs {
		if !strings.Contains(string(readme), "`{{ "+f.Name) {
			t.Errorf("docs/project.md lacks function %s", f.Name)
		}
	}
}

// TestFuncsDocumented: every function Markdown may call is in the registry
// with its arguments and documentation, once.
func TestFuncsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range funcs {
		switch {
		case !regexp.MustCompile(`^[a-z]+$`).MatchString(f.Name):
			t.Errorf("function name %q", f.Name)
		case seen[f.Name]:
			t.Errorf("function %s registered twice", f.Name)
		case strings.TrimSpace(f.Doc) == "":
			t.Errorf("function %s has no documentation", f.Name)
		case f.bind == nil:
			t.Errorf("function %s has no implementation", f.Name)
		}
		seen[f.Name] = true
	}
	r := &renderer{ctx: context.Background()}
	fm := r.funcMap(&content.Blocks{})
	if len(fm) != len(funcs) {
		t.Errorf("the FuncMap has %d functions, the registry %d", len(fm), len(funcs))
	}
	for name, fn := range fm {
		if fn == nil || !seen[name] {
			t.Errorf("FuncMap function %s is not in the registry", name)
		}
	}
}
