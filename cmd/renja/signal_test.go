//go:build unix

package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"renja/internal/gen"
	"renja/internal/pdf/pdftest"
)

// renjaBinary builds the command once for the tests that run it as a process.
func renjaBinary(t *testing.T) string {
	t.Helper()
	pdftest.Chrome(t)
	bin := filepath.Join(t.TempDir(), "renja")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// processesUnder lists the pids of processes whose command line mentions dir.
func processesUnder(dir string) []int {
	var pids []int
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !strings.Contains(string(cmd), dir) {
			continue
		}
		if st, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil && strings.Contains(string(st), ") Z ") {
			continue // a zombie is no longer running
		}
		pids = append(pids, pid)
	}
	return pids
}

// startBuild runs `renja build` on a generated project with its own TMPDIR
// (so its Chrome profile, and so its processes, can be told from others') and
// returns once the browser is ready, that is, while it prints.
func startBuild(t *testing.T, bin string) (cmd *exec.Cmd, tmp, out string, stderr *strings.Builder) {
	t.Helper()
	dir := t.TempDir()
	if err := gen.Write(dir, 3000); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "output")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "index.html"), []byte("yesterday\n"), 0o644)
	tmp = t.TempDir()
	cmd = exec.Command(bin, "build", dir)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "RENJA_LANG=en")
	pipe, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stderr = &strings.Builder{}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			stderr.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "chrome ready") {
				ready <- true
			}
		}
		io.Copy(io.Discard, pipe)
	}()
	select {
	case <-ready:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the build never got to printing:\n%s", stderr)
	}
	time.Sleep(300 * time.Millisecond) // inside the print
	return cmd, tmp, out, stderr
}

func checkClean(t *testing.T, tmp, out string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for len(processesUnder(tmp)) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if pids := processesUnder(tmp); len(pids) > 0 {
		t.Errorf("Chrome processes left running: %v", pids)
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	stage, _ := filepath.Glob(filepath.Join(out, ".renja-*"))
	if len(pdfs)+len(stage) > 0 {
		t.Errorf("partial output left: %v %v", pdfs, stage)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "yesterday\n" {
		t.Error("the previous output was replaced by an interrupted build")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "renja-chrome-*")); len(left) > 0 {
		t.Errorf("Chrome profile left behind: %v", left)
	}
}

// TestInterrupt sends Ctrl-C (SIGINT), and then SIGTERM, to renja while
// Chrome prints: renja stops, Chrome goes with it, output/ stays as it was.
func TestInterrupt(t *testing.T) {
	bin := renjaBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, tmp, out, stderr := startBuild(t, bin)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			if err == nil {
				t.Fatalf("renja exited 0 after %v:\n%s", sig, stderr)
			}
			if !strings.Contains(stderr.String(), "renja: interrupted") {
				t.Errorf("renja did not say it was interrupted:\n%s", stderr)
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("a stack trace on %v:\n%s", sig, stderr)
			}
			checkClean(t, tmp, out)
		})
	}
}

// TestChromeKilled kills Chrome in the middle of the print: renja says so
// clearly and fails, leaving no process and no partial file.
func TestChromeKilled(t *testing.T) {
	bin := renjaBinary(t)
	cmd, tmp, out, stderr := startBuild(t, bin)
	pids := processesUnder(tmp)
	if len(pids) == 0 {
		t.Fatal("no Chrome process found while printing")
	}
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	err := cmd.Wait()
	if err == nil {
		t.Fatalf("renja exited 0 although Chrome was killed:\n%s", stderr)
	}
	msg := stderr.String()
	if !strings.Contains(msg, "renja: build failed") || !(strings.Contains(msg, "browser") || strings.Contains(msg, "Chrome") || strings.Contains(msg, "crashed")) {
		t.Errorf("the error does not say that Chrome stopped:\n%s", msg)
	}
	if strings.Contains(msg, "goroutine ") {
		t.Errorf("a stack trace:\n%s", msg)
	}
	checkClean(t, tmp, out)
}

// startNoPDF runs `renja build --no-pdf` on a large generated project and
// returns once it has loaded it, that is, while it checks, renders and
// writes spreadsheets: the long loops of a build without Chrome.
func startNoPDF(t *testing.T, bin string) (cmd *exec.Cmd, out string, stderr *strings.Builder) {
	t.Helper()
	dir := t.TempDir()
	if err := gen.Write(dir, 10000); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "output")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "index.html"), []byte("yesterday\n"), 0o644)
	cmd = exec.Command(bin, "build", "--no-pdf", dir)
	pipe, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stderr = &strings.Builder{}
	loaded := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			stderr.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "renja: load ") {
				loaded <- true
			}
		}
		io.Copy(io.Discard, pipe)
	}()
	select {
	case <-loaded:
	case <-time.After(120 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the build never loaded the project:\n%s", stderr)
	}
	return cmd, out, stderr
}

// TestInterruptBusy sends Ctrl-C to `renja build --no-pdf` while it is busy
// in Go (checking, rendering, writing spreadsheets), once and then twice:
// renja stops, exits non-zero and leaves output/ as it was.
func TestInterruptBusy(t *testing.T) {
	bin := renjaBinary(t)
	for _, signals := range []int{1, 2} {
		t.Run(strconv.Itoa(signals), func(t *testing.T) {
			cmd, out, stderr := startNoPDF(t, bin)
			for i := 0; i < signals; i++ {
				if i > 0 {
					time.Sleep(100 * time.Millisecond)
				}
				cmd.Process.Signal(syscall.SIGINT)
			}
			sent := time.Now()
			err := cmd.Wait()
			t.Logf("stopped %v after the signal", time.Since(sent).Round(time.Millisecond))
			if err == nil {
				t.Fatalf("renja exited 0 after %d SIGINT:\n%s", signals, stderr)
			}
			if signals == 1 && !strings.Contains(stderr.String(), "renja: interrupted") {
				t.Errorf("renja did not say it was interrupted:\n%s", stderr)
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("a stack trace:\n%s", stderr)
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "yesterday\n" {
				t.Error("an interrupted build wrote output/")
			}
			if data, _ := filepath.Glob(filepath.Join(out, "data", "*")); len(data) > 0 {
				t.Errorf("an interrupted build wrote %v", data)
			}
		})
	}
}
