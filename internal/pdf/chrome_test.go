package pdf

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFindChrome(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "fake-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "not-executable")
	if err := os.WriteFile(plain, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")

	for _, c := range []struct {
		name               string
		explicit, env      string
		candidates         []string
		want, wantErrMatch string
	}{
		{name: "explicit first", explicit: fake, env: missing, want: fake},
		{name: "env next", env: fake, candidates: []string{plain}, want: fake},
		{name: "candidates last", candidates: []string{missing, plain, dir, fake}, want: fake},
		{name: "explicit missing", explicit: missing, env: fake, wantErrMatch: "--chrome"},
		{name: "env not executable", env: plain, candidates: []string{fake}, wantErrMatch: EnvChrome},
		{name: "env folder", env: dir, wantErrMatch: "folder"},
		{name: "env name not in PATH", env: "no-such-browser-renja", wantErrMatch: "PATH"},
		{name: "none", candidates: []string{missing}, wantErrMatch: "apt-get install chromium"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := findChrome(c.explicit, c.env, c.candidates)
			if c.wantErrMatch != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErrMatch) {
					t.Fatalf("findChrome = %q, %v; want an error with %q", got, err, c.wantErrMatch)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("findChrome = %q, %v; want %q", got, err, c.want)
			}
		})
	}

	// Through the environment variable.
	t.Setenv(EnvChrome, fake)
	if got, err := FindChrome(""); err != nil || got != fake {
		t.Errorf("FindChrome with %s = %q, %v", EnvChrome, got, err)
	}
	t.Setenv(EnvChrome, missing)
	if _, err := FindChrome(""); err == nil {
		t.Errorf("FindChrome with a missing %s succeeded", EnvChrome)
	}
}

// TestCandidatesShellFirst: where a headless shell is installed, it is the
// browser found, before a full Chrome or Chromium (it prints the same PDF in
// about half the time).
func TestCandidatesShellFirst(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows"} {
		c := chromeCandidates(goos)
		shell := slices.IndexFunc(c, func(s string) bool { return strings.Contains(s, "headless-shell") })
		browser := slices.IndexFunc(c, func(s string) bool { return !strings.Contains(s, "headless-shell") })
		if shell != 0 || browser < 0 {
			t.Errorf("%s: candidates %q: want a headless shell first, then browsers", goos, c)
		}
	}
}
