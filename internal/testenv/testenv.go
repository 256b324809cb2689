// Package testenv holds the one rule for tests that need something of the
// machine (a real Chrome, poppler's tools, the seed document): where it is
// missing the test skips and says why, except in CI (CI=true), which installs
// or provides all of it, where a missing thing is a failure.
package testenv

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"renja/internal/msg"
)

// Missing skips the test with msg, or fails it in CI.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal("CI provides this, yet: " + msg)
	}
	t.Skip(msg)
}

// Tool returns the path of a command the test runs; pkg is the Debian
// package that has it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "this test needs "+name+" (apt-get install "+pkg+")")
	}
	return p
}

// English runs a package's tests with renja's English messages, in this
// process and (through RENJA_LANG) in the programs its tests start;
// internal/cli and the CLI scripts test both languages. A package's
// TestMain calls it.
func English(m *testing.M) {
	msg.SetLang(msg.EN)
	os.Setenv("RENJA_LANG", "en")
	os.Exit(m.Run())
}

// Templates returns the stacks of the goroutines that execute a template,
// or "": a test's check that no template runs on in the background.
func Templates() string {
	buf := make([]byte, 4<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "text/template.(*state)") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}
