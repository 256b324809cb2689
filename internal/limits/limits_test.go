package limits

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
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
	brackets := "a [b](c)\n" + strings.Repeat("[", markdownBrackets-2) + "\n"
	if err := CheckMarkdown("x.md", 1, []byte(brackets)); err != nil {
		t.Errorf("brackets at the limit: %v", err)
	}
	if err := CheckMarkdown("x.md", 5, []byte(brackets+"é[[")); err == nil || !strings.HasPrefix(err.Error(), "x.md:7:3: terlalu banyak kurung siku [: lebih dari 10000") {
		t.Errorf("brackets over the limit: %v", err)
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
		"a = " + strings.Repeat("[", tomlDepth) + strings.Repeat("]", tomlDepth) + "\n",
		`s = "\"{{{{{{{{{{{{{{{{{{{{"` + "\n",
	}
	for _, src := range ok {
		if err := CheckTOML("x.toml", 1, []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	bad := map[string]string{
		"a = " + strings.Repeat("[", tomlDepth+1):           "x.toml:1:21: ",
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
	if err := Execute(context.Background(), nil, &buf, 10, run("{{ range 5 }}x{{ end }}")); err != nil || buf.String() != "xxxxx" {
		t.Errorf("%q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := Execute(context.Background(), nil, &buf, 10, run("{{ range 50 }}x{{ end }}")); !errors.Is(err, ErrOutput) || buf.Len() > 10 {
		t.Errorf("over the output limit: %q, %v", buf.String(), err)
	}
}

// guarded parses src with a guard, as renja runs templates.
func guarded(t *testing.T, src string) (*Guard, func(io.Writer) error) {
	g := &Guard{}
	tp := template.Must(template.New("x").Funcs(Bound(template.FuncMap{"twice": func(s string) string { return s + s }})).Funcs(g.Funcs()).Parse(src))
	for _, tt := range tp.Templates() {
		Instrument(tt.Tree)
	}
	return g, func(w io.Writer) error { return tp.Execute(w, map[string]any{"N": 5000}) }
}

// TestGuardStops: a loop over data that writes nothing (which no writer
// sees, and CheckRanges cannot count) ends at its time limit or its
// context's end, and Execute returns only once it has: nothing runs on
// (on the old code the template ran on in the background).
func TestGuardStops(t *testing.T) {
	defer func(d time.Duration) { templateTime = d }(templateTime)
	templateTime = 200 * time.Millisecond
	loops := map[string]string{
		"nested ranges":       "{{ range .N }}{{ range $.N }}{{ range $.N }}{{ end }}{{ end }}{{ end }}",
		"recursive templates": `{{ define "a" }}{{ if lt (len .) 40 }}{{ template "a" (print . "x") }}{{ template "a" (print . "y") }}{{ end }}{{ end }}{{ template "a" "" }}`,
	}
	for name, src := range loops {
		for _, cancelled := range []bool{false, true} {
			g, run := guarded(t, src)
			ended := make(chan struct{})
			ctx, cancel := context.WithCancel(context.Background())
			if cancelled {
				templateTime = time.Hour
				time.AfterFunc(50*time.Millisecond, cancel)
			}
			start := time.Now()
			err := Execute(ctx, g, io.Discard, 10, func(w io.Writer) error { defer close(ended); return run(w) })
			cancel()
			templateTime = 200 * time.Millisecond
			select {
			case <-ended:
			default:
				t.Errorf("%s: the template still runs after Execute returned", name)
			}
			want := ErrTime
			if cancelled {
				want = context.Canceled
			}
			if !errors.Is(err, want) || time.Since(start) > 3*time.Second {
				t.Errorf("%s (cancelled %v): %v after %v", name, cancelled, err, time.Since(start))
			}
		}
	}
}

// TestGuardValues: the doubling template (265 bytes that made a 4 GB string
// on the old code) and printf's padding fail at StringValue before the
// string is made; a function of the set that returns text is bounded too.
func TestGuardValues(t *testing.T) {
	doubling := `{{ $a := printf "%01000000d" 0 }}` + strings.Repeat(`{{ $a = print $a $a }}`, 10) + `{{ len $a }}`
	tests := []struct{ src, fn string }{
		{doubling, "print"},
		{`{{ printf "%0100000000d" 0 }}`, "printf"},
		{`{{ printf "%.100000000d" 0 }}`, "printf"},
		{`{{ printf "%0*d" 100000000 0 }}`, "printf"},
		{`{{ $a := printf "%01000000d" 0 }}{{ printf "%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s" $a }}`, "printf"},
		{`{{ $a := printf "%01000000d" 0 }}{{ range 4 }}{{ $a = println $a $a }}{{ end }}`, "println"},
		{`{{ $a := printf "%01000000d" 0 }}{{ range 3 }}{{ $a = twice $a }}{{ end }}{{ $a = twice $a }}`, "twice"},
		{`{{ $a := printf "%02000000d" 0 }}{{ html $a $a $a $a $a }}`, "html"},
	}
	for _, tc := range tests {
		g, run := guarded(t, tc.src)
		var ms runtime.MemStats
		err := Execute(context.Background(), g, io.Discard, 1<<30, run)
		runtime.ReadMemStats(&ms)
		var ve *valueError
		if !errors.As(err, &ve) || ve.Func != tc.fn || ve.Size <= stringValue {
			t.Errorf("%.60s: %v, want a *ValueError of %s", tc.src, err, tc.fn)
			continue
		}
		if !strings.Contains(err.Error(), Size(stringValue)) {
			t.Errorf("%.60s: %v does not name the limit", tc.src, err)
		}
		t.Logf("%.40s: %v (heap %d MB)", tc.src, err, ms.HeapAlloc>>20)
	}
	for _, src := range []string{`{{ printf "%05d|%s|%q|%x" 7 "a" "b" "c" }}`, `{{ print "a" 1 }}{{ html "<" }}{{ twice "ab" }}`} {
		g, run := guarded(t, src)
		var buf bytes.Buffer
		if err := Execute(context.Background(), g, &buf, 1<<20, run); err != nil {
			t.Errorf("%s: %v", src, err)
		}
		t.Logf("%s → %s", src, buf.String())
	}
}

func TestPrintfSize(t *testing.T) {
	for _, tc := range []struct {
		format string
		args   []any
	}{
		{"%d", []any{12345}},
		{"%05d|%-8s|%q|%x|%%|%v", []any{7, "abc", "d\x00e", "ff", []int{1, 2}}},
		{"%[2]s %[1]s %s", []any{"a", "bb"}},
		{"%*d %.*f", []any{9, 1, 3, 2.5}},
		{"%.3s", []any{"abcdef"}},
		{"%!", nil},
		{"%d %d", []any{1}},
	} {
		if got, n := printfSize(tc.format, tc.args), len(fmt.Sprintf(tc.format, tc.args...)); got < int64(n) {
			t.Errorf("printfSize(%q) = %d, less than %d", tc.format, got, n)
		}
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
