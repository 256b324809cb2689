// Package testenv holds the one rule for tests that need something of the
// machine (a real Chrome, poppler's tools, the seed document): where it is
// missing the test skips and says why, except in CI (CI=true), which installs
// or provides all of it, where a missing thing is a failure.
package testenv

import (
	"os"
	"os/exec"
	"testing"
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
