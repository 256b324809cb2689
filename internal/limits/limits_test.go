package limits

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"text/template"
	"time"
)

func TestMarkdownDepth(t *testing.T) {
	tests := []struct {
		line  string
		depth int
	}{
		{"text", 0},
		{"> a", 1},
		{"> > > a", 3},
		{">>> a", 3},
		{"- a", 1},
		{"  - b", 2},
		{"    - c", 3},
		{"1. a", 1},
		{"   1) b", 2},
		{"- > - a", 3},
		{"\t- a", 3},
		{"---", 0},
		{"***", 0},
		{"-1 derajat", 0},
		{"2024. Tahun", 1},
		{"        kode tanpa penanda", 0},
		{"| a | b |", 0},
	}
	for _, tc := range tests {
		if d, _ := markdownDepth([]byte(tc.line)); d != tc.depth {
			t.Errorf("depth of %q = %d, want %d", tc.line, d, tc.depth)
		}
	}
	ok := strings.Repeat("> ", MarkdownDepth) + "a\n" + strings.Repeat("  ", MarkdownDepth-1) + "- a\n"
	if err := CheckMarkdown("x.md", 1, []byte(ok)); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	err := CheckMarkdown("x.md", 10, []byte("a\n\n"+strings.Repeat(">", MarkdownDepth+1)+" a\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.md:12:33: ") {
		t.Errorf("over the limit: %v", err)
	}
}

func TestCheckTOML(t *testing.T) {
	ok := []string{
		"a = 1.5\nb = 2024-05-01T07:32:00.999Z\n[check.derived]\ntolerance = 0.01\n",
		`s = "` + strings.Repeat("{[.", 100) + `"` + "\n",
		"s = '" + strings.Repeat("{[.", 100) + "'\n",
		`s = """` + "\n" + strings.Repeat("{[.", 100) + `"""` + "\n",
		"# " + strings.Repeat("{[.", 100) + "\n",
		"a = " + strings.Repeat("[", TOMLDepth) + strings.Repeat("]", TOMLDepth) + "\n",
		`s = "\"{{{{{{{{{{{{{{{{{{{{"` + "\n",
	}
	for _, src := range ok {
		if err := CheckTOML("x.toml", 1, []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	bad := map[string]string{
		"a = " + strings.Repeat("[", TOMLDepth+1):           "x.toml:1:21: ",
		"\nx = " + strings.Repeat("{a = ", 40):              "x.toml:2:",
		strings.Repeat("a.", 20) + "b = 1":                  "x.toml:1:",
		"[" + strings.Repeat("a.", 20) + "b]":               "x.toml:1:",
		`s = "x"` + "\n" + "a = " + strings.Repeat("[", 30): "x.toml:2:",
	}
	for src, at := range bad {
		err := CheckTOML("x.toml", 1, []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), at) {
			t.Errorf("%.40q: %v, want an error at %s", src, err, at)
		}
	}
}

func TestExecute(t *testing.T) {
	run := func(src string) func(io.Writer) error {
		tp := template.Must(template.New("x").Parse(src))
		return func(w io.Writer) error { return tp.Execute(w, nil) }
	}
	var buf bytes.Buffer
	if err := Execute(context.Background(), &buf, 10, run("{{ range 5 }}x{{ end }}")); err != nil || buf.String() != "xxxxx" {
		t.Errorf("%q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := Execute(context.Background(), &buf, 10, run("{{ range 50 }}x{{ end }}")); !errors.Is(err, ErrOutput) || buf.Len() > 10 {
		t.Errorf("over the output limit: %q, %v", buf.String(), err)
	}
	// A loop that writes nothing cannot be stopped; Execute gives up on it.
	defer func(d time.Duration) { templateTime = d }(templateTime)
	templateTime = 200 * time.Millisecond
	start := time.Now()
	err := Execute(context.Background(), io.Discard, 10, run("{{ $n := 5000 }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}"))
	if !errors.Is(err, ErrTime) || time.Since(start) > 5*time.Second {
		t.Errorf("a long template: %v after %v", err, time.Since(start))
	}
	templateTime = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	err = Execute(ctx, io.Discard, 10, run("{{ $n := 5000 }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestCheckRanges(t *testing.T) {
	for src, bad := range map[string]bool{
		"{{ range 100000 }}{{ end }}":                                                 false,
		"{{ range 100001 }}{{ end }}":                                                 true,
		"{{ range 1000 }}{{ range 101 }}{{ end }}{{ end }}":                           true,
		"{{ range 1000 }}{{ end }}{{ range 1000 }}{{ end }}":                          false,
		"{{ if 1 }}{{ range 1e9 }}{{ end }}{{ end }}":                                 true,
		"{{ range .X }}{{ range 100000 }}{{ end }}{{ end }}":                          false,
		"{{ $n := 100000 }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}":            true,
		"{{ $n := 1000 }}{{ $n = .X }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}": false,
		"{{ with $n := 1000000 }}{{ range $n }}{{ end }}{{ end }}":                    true,
		"{{ range $i, $e := 1000000 }}{{ end }}":                                      true,
	} {
		tp := template.Must(template.New("x").Parse(src))
		if err := CheckRanges(tp.Tree); (err != nil) != bad {
			t.Errorf("%s: %v", src, err)
		}
	}
}
