package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/diag"
	"renja/internal/gen"
	"renja/internal/limits"
	"renja/internal/pdf/pdftest"
	"renja/internal/testenv"
)

// TestLimits: small inputs that used to take the machine's memory or minutes
// of its time (a 2 MB file of nested >, a list nested 4,000 levels, a front
// matter of nested inline tables, {{ range 1000000000 }}) fail at once with
// a clear error at their place, and output/ is left as it was.
func TestLimits(t *testing.T) {
	var quotes strings.Builder
	for i := 1; quotes.Len() < 2_000_000-3000; i++ {
		quotes.WriteString(strings.Repeat(">", i%2000+1) + " kutipan\n")
	}
	var indented strings.Builder
	for i := 0; i < 1000; i++ {
		indented.WriteString(strings.Repeat("  ", i) + "- butir\n")
	}
	doubling := `{{ $a := printf "%01000000d" 0 }}` + strings.Repeat(`{{ $a = print $a $a }}`, 10) + `{{ len $a }}`
	var wide strings.Builder
	for i := range 8000 - 8 { // t31 declares 8
		fmt.Fprintf(&wide, "\n[[columns]]\nname = \"c%d\"\ntype = \"text\"\n", i)
	}
	nestedTOML := "x = " + strings.Repeat("{a = ", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n"
	bab1 := "content/10-bab-1.md"
	front := "+++\nid = \"bab-1\"\ntitle = \"BAB I PENDAHULUAN\"\nkind = \"chapter\"\n"
	tests := []struct {
		name   string
		file   string
		text   string // replaces the file
		append bool   // appended to it instead
		at     string // the error's file:line:col prefix
		msg    string
	}{
		{"2 MB of nested >", bab1, quotes.String(), true, bab1 + ":", "nested too deeply"},
		{"list nested 4,000 levels on one line", bab1, "\n" + strings.Repeat("- ", 4000) + "butir\n", true, bab1 + ":", "nested too deeply"},
		{"list nested 1,000 levels by indentation", bab1, "\n" + indented.String(), true, bab1 + ":", "nested too deeply"},
		{"front matter of nested inline tables", bab1, front + nestedTOML + "+++\n# BAB I\n", false, bab1 + ":5:", "TOML tables, arrays or dotted keys nested too deeply"},
		{"dotted keys 5,000 deep", "renja.toml", strings.Repeat("a.", 5000) + "b = 1\n", true, "renja.toml:", "TOML tables, arrays or dotted keys nested too deeply"},
		{"range 1000000000 in Markdown", bab1, "\n{{ range 1000000000 }}x{{ end }}\n", true, bab1 + ":", "{{ range }} repeats too often"},
		{"range over a variable in Markdown", bab1, "\n{{ $n := 100000 }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}\n", true, bab1 + ":", "repeats too often"},
		{"nested ranges in Markdown", bab1, "\n{{ range 1000 }}{{ range 1000 }}x{{ end }}{{ end }}\n", true, bab1 + ":", "repeats too often"},
		{"Markdown that writes 10 MB", bab1, "\n{{ range 50000 }}" + strings.Repeat("x", 200) + "{{ end }}\n", true, bab1, "the template writes too much"},
		{"range 1000000000 in a layout", "templates/table.html", `{{ define "table" }}{{ range 1000000000 }}x{{ end }}{{ end }}`, false, "templates/table.html:1:", "repeats too often"},
		{"a string doubled ten times in Markdown", bab1, "\n" + doubling + "\n", true, bab1 + ":", "print: the text it makes is too long: 15.3 MB or more, the limit of one text value in a template is 8 MB"},
		{"a string doubled ten times in a layout", "templates/table.html", `{{ define "table" }}` + doubling + `{{ end }}`, false, bab1 + ":", "table: templates/table.html:1:128: print: the text it makes is too long"},
		{"printf padded to 1 GB", bab1, "\n{{ printf \"%01000000000d\" 0 }}\n", true, bab1 + ":", "printf: the text it makes is too long: 953.7 MB or more"},
		{"a part of 900,000 brackets", bab1, "\n" + strings.Repeat("[", 450_000) + strings.Repeat("]", 450_000) + "\n", true, bab1 + ":", "too many [ brackets: more than 10000 in one part"},
		{"a schema of 8,000 columns", "data/t31.toml", wide.String(), true, "data/t31.toml", "8000 columns, the limit is 256"},
		{"a 3 MB Markdown file", bab1, "\n" + strings.Repeat("kata ", 600_000) + "\n", true, bab1, "the file is too large"},
		{"a 2 MB schema", "data/t31.toml", "\n# " + strings.Repeat("x", 2<<20) + "\n", true, "data/t31.toml", "the file is too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := gen.Write(dir, 5); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, filepath.FromSlash(tc.file))
			os.MkdirAll(filepath.Dir(path), 0o755)
			text := tc.text
			if tc.append {
				old, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				text = string(old) + text
			}
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "output")
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "index.html"), []byte("kemarin\n"), 0o644)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			start := time.Now()
			_, err := Build(ctx, Options{Dir: dir, NoPDF: true})
			took := time.Since(start)
			t.Logf("%v: %v", took.Round(time.Millisecond), err)
			if ctx.Err() != nil {
				t.Fatalf("still running after a minute")
			}
			var de *diag.Error
			if l, ok := diag.ListOf(err); ok && len(l) > 0 {
				de = l[0]
			} else if !errors.As(err, &de) {
				t.Fatalf("error %v (%T), want a *diag.Error", err, err)
			}
			if got := de.Error(); !strings.HasPrefix(got, tc.at) || !strings.Contains(got, tc.msg) || de.Hint == "" {
				t.Errorf("error:\n%s\nwant it at %s, saying %q, with a hint", got, tc.at, tc.msg)
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "kemarin\n" {
				t.Error("output/ was written")
			}
		})
	}
	_ = limits.MarkdownDepth
}

// TestBuildTimeout: a build that runs longer than Options.MaxTime stops
// with a *limits.TimeoutError and writes nothing.
func TestBuildTimeout(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, 2000); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Dir: dir, NoPDF: true, MaxTime: 20 * time.Millisecond})
	var te *limits.TimeoutError
	if !errors.As(err, &te) || te.Limit != 20*time.Millisecond {
		t.Fatalf("error %v (%T), want a *limits.TimeoutError", err, err)
	}
	if !strings.Contains(err.Error(), "ran longer than its limit of 20ms") || !strings.Contains(err.Error(), "--timeout") {
		t.Errorf("message: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "index.html")); err == nil {
		t.Error("a build stopped by its time limit wrote output/")
	}
}

// TestBuildTimeoutWhilePrinting: a time limit that ends while renja's own
// Chrome starts or prints says so (the browser, started with the build's
// context, goes at once, and the print must not report a lost connection
// instead). Five runs, since where the limit falls varies.
func TestBuildTimeoutWhilePrinting(t *testing.T) {
	pdftest.Chrome(t)
	for range 5 {
		_, err := Build(context.Background(), Options{Dir: "../..", Out: t.TempDir(), Date: fixedDate, MaxTime: 300 * time.Millisecond})
		var te *limits.TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("error %v (%T), want a *limits.TimeoutError", err, err)
		}
	}
}

// TestBuildTimeoutStopsTemplate: a template that loops over a number it
// computed (which CheckRanges cannot count) and writes nothing stops at the
// build's time limit, and when Build returns no template runs on in the
// background (on the old code it ran on, taking a core, until it ended).
func TestBuildTimeoutStopsTemplate(t *testing.T) {
	for _, file := range []string{"content/10-bab-1.md", "templates/table.html"} {
		dir := t.TempDir()
		if err := gen.Write(dir, 5); err != nil {
			t.Fatal(err)
		}
		loop := `{{ $n := len (printf "%0100000d" 0) }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}`
		path := filepath.Join(dir, filepath.FromSlash(file))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if file == "content/10-bab-1.md" {
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(path, append(old, "\n"+loop+"\n"...), 0o644)
		} else {
			os.WriteFile(path, []byte(`{{ define "table" }}`+loop+`{{ end }}`), 0o644)
		}
		start := time.Now()
		_, err := Build(context.Background(), Options{Dir: dir, NoPDF: true, MaxTime: time.Second})
		var te *limits.TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("%s: error %v (%T), want a *limits.TimeoutError", file, err, err)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%s: stopped after %v", file, took)
		}
		if stacks := testenv.Templates(); stacks != "" {
			t.Errorf("%s: a template still runs after Build returned:\n%s", file, stacks)
		}
	}
}
