// Package pdftest gives tests the real Chrome they print or browse with. A
// test without one skips and says why, except in CI, where that is a failure
// (testenv.Missing).
package pdftest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/pdf"
	"renja/internal/testenv"
)

// Chrome returns the browser's path.
func Chrome(t testing.TB) string {
	t.Helper()
	path, err := pdf.FindChrome("")
	if err != nil {
		testenv.Missing(t, "this test needs a real Chrome or Chromium: "+err.Error())
	}
	return path
}

// Browser starts a headless Chrome for the test and stops it when the test ends.
func Browser(t testing.TB) *pdf.Browser {
	t.Helper()
	b, err := pdf.Start(context.Background(), Chrome(t))
	if err != nil {
		t.Fatalf("starting Chrome: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// Remote starts a headless Chromium of its own with --remote-debugging-port=0,
// as a browser pool on another machine would run, and returns its DevTools
// websocket endpoint (read from the DevToolsActivePort file it writes). The
// browser is stopped when the test ends. renja reaches it only through that
// endpoint: see pdf.Connect.
func Remote(t testing.TB) string {
	t.Helper()
	path := Chrome(t)
	// Not t.TempDir: the browser's children outlive it for a moment after
	// it is killed and still write in its profile, so that TempDir's removal
	// found "directory not empty" (a flake seen in CI runs). The cleanup
	// below removes it, trying again for a while.
	dir, err := os.MkdirTemp("", "renja-remote-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
		"--remote-debugging-port=0", "--user-data-dir="+dir, "about:blank")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		t.Fatalf("starting Chromium with a debugging port: %v", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			err := os.RemoveAll(dir)
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("removing the remote browser's profile: %v", err)
				return
			}
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		// Two lines: the port, and the browser's websocket path.
		b, err := os.ReadFile(filepath.Join(dir, "DevToolsActivePort"))
		if lines := strings.Fields(string(b)); err == nil && len(lines) == 2 {
			return "ws://127.0.0.1:" + lines[0] + lines[1]
		}
		select {
		case <-done:
			t.Fatalf("Chromium with a debugging port exited: %v", cmd.ProcessState)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("Chromium wrote no DevToolsActivePort within 30 s")
		}
	}
}
