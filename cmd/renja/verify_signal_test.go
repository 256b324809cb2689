//go:build unix

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestVerifyInterrupt: renja verify ends on SIGINT and SIGTERM, here while it
// waits on a named pipe that nobody writes.
func TestVerifyInterrupt(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "renja")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "slow.pdf")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("no named pipes here: %v", err)
			}
			cmd := exec.Command(bin, "verify", fifo)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second) // renja has set up its signal handling; it waits in open(2)
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("verify exited 0 after %v", sig)
				}
				if !strings.Contains(stderr.String(), "renja: interrupted") {
					t.Errorf("verify did not say it was interrupted:\n%s", stderr.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("verify still runs 10 s after %v", sig)
			}
		})
	}
}
