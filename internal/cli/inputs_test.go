package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/testenv"
)

// TestInputsOutsideProjectRefused: a symbolic link that leads out of the
// project, in any of the places renja reads, stops the build with the file
// and the reason, and nothing of the file it leads to reaches output/.
func TestInputsOutsideProjectRefused(t *testing.T) {
	const secret = "root:x:0:0:RAHASIA-DI-LUAR-PROYEK"
	for _, c := range []struct {
		name, link string
		want       string
	}{
		{"template", "templates/x.css", "templates/x.css: file templates/x.css is an absolute symbolic link"},
		{"csv", "data/t41.csv", "data/t41.csv: file data/t41.csv is an absolute symbolic link"},
		{"schema", "data/t41.toml", "data/t41.toml: file data/t41.toml is an absolute symbolic link"},
		{"markdown", "content/10-bab-1.md", "content/10-bab-1.md: file content/10-bab-1.md is an absolute symbolic link"},
		{"config", "renja.toml", "renja.toml: file renja.toml is an absolute symbolic link"},
	} {
		t.Run(c.name, func(t *testing.T) {
			outside := t.TempDir()
			secretFile := filepath.Join(outside, "passwd")
			if err := os.WriteFile(secretFile, []byte(secret+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			delete(files, c.link)
			testenv.WriteFiles(t, dir, files)
			link := filepath.Join(dir, filepath.FromSlash(c.link))
			os.MkdirAll(filepath.Dir(link), 0o755)
			if err := os.Symlink(secretFile, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr)
			if code != exitFail {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitFail, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.want) || !strings.Contains(stderr.String(), "outside the project folder") && !strings.Contains(stderr.String(), "absolut") {
				t.Errorf("stderr lacks %q and the reason:\n%s", c.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), "hint: ") {
				t.Errorf("no hint:\n%s", stderr.String())
			}
			for f, b := range snapshot(t, filepath.Join(dir, "output")) {
				if strings.Contains(b, "RAHASIA") {
					t.Errorf("output%s holds the file outside the project", f)
				}
			}
			// The same link made relative is still outside.
			rel, err := filepath.Rel(filepath.Dir(link), secretFile)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(link)
			if err := os.Symlink(rel, link); err != nil {
				t.Fatal(err)
			}
			stderr.Reset()
			if code := Run(context.Background(), []string{"check", dir}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "outside the project folder") {
				t.Errorf("relative link out: check exit %d, stderr:\n%s", code, stderr.String())
			}
		})
	}
}

// TestFolderLinkOutsideRefused: data/ itself a link to a folder elsewhere.
func TestFolderLinkOutsideRefused(t *testing.T) {
	outside := t.TempDir()
	testenv.WriteFiles(t, outside, map[string]string{"t41.csv": base["data/t41.csv"], "t41.toml": base["data/t41.toml"]})
	dir := t.TempDir()
	files := map[string]string{}
	for k, v := range base {
		if !strings.HasPrefix(k, "data/") {
			files[k] = v
		}
	}
	testenv.WriteFiles(t, dir, files)
	if err := os.Symlink(outside, filepath.Join(dir, "data")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"check", dir}, &stdout, &stderr); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr.String(), "folder data is an absolute symbolic link") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

// TestLinksInsideProjectAllowed: a relative link that stays in the project
// (a stylesheet shared by two names) is read like the file it leads to.
func TestLinksInsideProjectAllowed(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"shared/extra.css": "/* KEMBAR-DI-DALAM */\n"}
	for k, v := range base {
		files[k] = v
	}
	testenv.WriteFiles(t, dir, files)
	if err := os.Symlink("../shared/extra.css", filepath.Join(dir, "templates", "extra.css")); err != nil {
		if os.MkdirAll(filepath.Join(dir, "templates"), 0o755); os.Symlink("../shared/extra.css", filepath.Join(dir, "templates", "extra.css")) != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "output", "extra.css"))
	if err != nil || !bytes.Contains(b, []byte("KEMBAR-DI-DALAM")) {
		t.Errorf("output/extra.css: %q, %v", b, err)
	}
}

// TestErrorExcerptIsSafe: a source line with an escape sequence reaches the
// terminal as text, and a 10 MB bad line is not echoed whole.
func TestErrorExcerptIsSafe(t *testing.T) {
	for _, c := range []struct {
		name, row string
		max       int
	}{
		{"escape sequence", "7.01.01.2.01.02;\x1b[2J\x1b]0;pwned\x07;2 Dok;8.000.000;9\n", 4000},
		{"10 MB line", "7.01.01.2.01.02;" + strings.Repeat("x", 10<<20) + ";2 Dok;8.000.000;9\n", 4000},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			files["data/t41.csv"] = strings.Replace(base["data/t41.csv"], "7.01.01.2.01.02;Koordinasi RKA;2 Dok;8.000.000\n", c.row, 1)
			testenv.WriteFiles(t, dir, files)
			var stdout, stderr bytes.Buffer
			if code := Run(context.Background(), []string{"build", "--no-pdf", "-q", dir}, &stdout, &stderr); code != exitFail {
				t.Fatalf("exit %d, stderr:\n%.2000s", code, stderr.String())
			}
			if strings.ContainsAny(stderr.String(), "\x1b\x07") {
				t.Errorf("a control character reached the terminal:\n%q", stderr.String())
			}
			if stderr.Len() > c.max {
				t.Errorf("stderr is %d bytes", stderr.Len())
			}
			if !strings.Contains(stderr.String(), "data/t41.csv:5:") {
				t.Errorf("stderr:\n%.2000s", stderr.String())
			}
		})
	}
}
