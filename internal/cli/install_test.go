//go:build unix

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAptInstall runs aptInstall with a stand-in for apt-get (the real one
// would change this machine) that records its arguments and refuses the
// packages named in $REFUSE: the headless shell first, Chromium where the
// system has no shell.
func TestAptInstall(t *testing.T) {
	dir := t.TempDir()
	apt := filepath.Join(dir, "apt-get")
	log := filepath.Join(dir, "log")
	script := "#!/bin/sh\necho \"$*\" >>" + log + "\nfor p in $REFUSE; do case \" $* \" in *\" $p \"*) exit 100;; esac; done\n"
	if err := os.WriteFile(apt, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		refuse string
		want   []string
		ok     bool
	}{
		{"", []string{"update -qq", "install -y -qq chromium-headless-shell fonts-liberation"}, true},
		{"chromium-headless-shell", []string{"update -qq", "install -y -qq chromium-headless-shell fonts-liberation", "install -y -qq chromium fonts-liberation"}, true},
		{"chromium-headless-shell chromium", []string{"update -qq", "install -y -qq chromium-headless-shell fonts-liberation", "install -y -qq chromium fonts-liberation"}, false},
		{"-qq", []string{"update -qq"}, false}, // update fails: nothing installed
	} {
		os.Remove(log)
		t.Setenv("REFUSE", c.refuse)
		var stderr bytes.Buffer
		err := aptInstall(context.Background(), apt, &stderr)
		b, _ := os.ReadFile(log)
		got := strings.Split(strings.TrimSpace(string(b)), "\n")
		if strings.Join(got, "|") != strings.Join(c.want, "|") || (err == nil) != c.ok {
			t.Errorf("refusing %q: apt-get ran %q, error %v; want %q, ok %v", c.refuse, got, err, c.want, c.ok)
		}
	}
}
