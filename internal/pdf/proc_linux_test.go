package pdf

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitGone waits until no process uses dir as its profile.
func waitGone(t *testing.T, dir string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for len(processesUsing(dir)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("processes of %s still run after %v: %v", dir, limit, processesUsing(dir))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCloseLeavesNothing(t *testing.T) {
	path := chromePath(t)
	start := time.Now()
	b, err := Start(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("start took %v", time.Since(start))
	// The browser and its children (the headless shell's carry no
	// --user-data-dir: they are found through the browser's process group).
	before := processesUsing(b.dir)
	if len(before) < 2 {
		t.Fatalf("Chrome's processes with the profile folder: %v; want the browser and its children", before)
	}
	start = time.Now()
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("close took %v", time.Since(start))
	if pids := processes(b.dir, b.group); len(pids) > 0 {
		t.Errorf("processes left after Close: %v", pids)
	}
	for _, pid := range before {
		if processGroup(pid) != 0 {
			t.Errorf("process %d (%s) still runs after Close", pid, cmdline(pid))
		}
	}
	if _, err := os.Stat(b.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("profile folder left after Close: %v", err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, _, err := b.Print(context.Background(), t.TempDir(), "x.html"); err == nil {
		t.Error("Print after Close succeeded")
	}
}

// TestPrintHungFile prints a page whose image is a named pipe that nobody
// writes: the load never ends, and the deadline stops the print.
func TestPrintHungFile(t *testing.T) {
	b := sharedBrowser(t)
	root := t.TempDir()
	pipe := filepath.Join(root, "slow.png")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	// Let Chrome's reader go in the end, or it holds the browser at Close.
	defer func() {
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte(`<p>lambat</p><img src="slow.png">`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
	defer cancel()
	pdf, _, err := b.Print(ctx, root, "index.html")
	if !errors.Is(err, context.DeadlineExceeded) || pdf != nil {
		t.Fatalf("Print = %d bytes, %v; want no PDF and a deadline error", len(pdf), err)
	}
}

// TestPrintTabCrash kills the renderer of the page while it prints, and then
// prints again with the same browser.
func TestPrintTabCrash(t *testing.T) {
	b := sharedBrowser(t)
	root := t.TempDir()
	busy := `<!doctype html><p>sibuk</p><script>const end = Date.now() + 60000; while (Date.now() < end) {}</script>`
	if err := os.WriteFile(filepath.Join(root, "busy.html"), []byte(busy), 0o644); err != nil {
		t.Fatal(err)
	}
	// Kill the renderer that runs the busy script: the page renderer that
	// uses more than half a second of CPU in a second.
	go func() {
		start := map[int]int{}
		for range 150 {
			time.Sleep(100 * time.Millisecond)
			for _, pid := range processesUsing(b.dir) {
				line := cmdline(pid)
				if !strings.Contains(line, "--type=renderer") || strings.Contains(line, "--top-chrome-webui") {
					continue
				}
				ticks := cpuTicks(pid)
				if _, ok := start[pid]; !ok {
					start[pid] = ticks
				} else if ticks-start[pid] > 50 {
					syscall.Kill(pid, syscall.SIGKILL)
					return
				}
			}
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	pdf, _, err := b.Print(ctx, root, "busy.html")
	if err == nil || pdf != nil || !errors.Is(err, errTabCrashed) {
		t.Fatalf("Print = %d bytes, %v; want a crash error", len(pdf), err)
	}
	// The busy script runs for a minute, longer than ctx allows: only a
	// crash that is noticed, not waited out, gives a "crashed" error. No
	// wall-clock bound, so a loaded machine does not fail the test.
	t.Logf("after %v: %v", time.Since(start), err)

	if _, _, err := b.Print(ctx, writeFixture(t), "index.html"); err != nil {
		t.Fatalf("printing after a tab crash: %v", err)
	}
}

// TestPrintBrowserKilled kills the browser while it prints.
func TestPrintBrowserKilled(t *testing.T) {
	b, err := Start(context.Background(), chromePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	root := t.TempDir()
	busy := `<!doctype html><p>sibuk</p><script>const end = Date.now() + 60000; while (Date.now() < end) {}</script>`
	if err := os.WriteFile(filepath.Join(root, "busy.html"), []byte(busy), 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(700 * time.Millisecond)
		for _, pid := range processesUsing(b.dir) {
			if !strings.Contains(cmdline(pid), "--type=") {
				syscall.Kill(pid, syscall.SIGKILL) // the browser process
			}
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	pdf, _, err := b.Print(ctx, root, "busy.html")
	if err == nil || pdf != nil {
		t.Fatalf("Print = %d bytes, %v; want an error", len(pdf), err)
	}
	t.Logf("after %v: %v", time.Since(start), err)
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("the dead browser was noticed after %v", took)
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close after a crash: %v", err)
	}
	if pids := processesUsing(b.dir); len(pids) > 0 {
		t.Errorf("processes left: %v", pids)
	}
}

// cpuTicks returns the user CPU time of pid, in clock ticks (1/100 s).
func cpuTicks(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses.
	_, rest, _ := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if len(f) < 12 {
		return 0
	}
	n, _ := strconv.Atoi(f[11]) // utime is field 14 of stat
	return n
}

func cmdline(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return strings.ReplaceAll(string(b), "\x00", " ")
}

// TestChromeDiesWithParent starts a browser in a child process, kills the
// child with SIGKILL, and checks that the browser goes too.
func TestChromeDiesWithParent(t *testing.T) {
	if os.Getenv("RENJA_PDF_TEST_CHILD") == "1" {
		b, err := Start(context.Background(), os.Getenv(EnvChrome))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("dir", b.dir)
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	cmd, dir := startChild(t)
	defer cmd.Process.Kill()
	defer os.RemoveAll(dir) // Close never ran: the profile stays
	if len(processesUsing(dir)) == 0 {
		t.Fatal("the child's browser is not running")
	}
	cmd.Process.Kill()
	cmd.Wait()
	waitGone(t, dir, 5*time.Second)
}

func TestRemoveStaleProfiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := filepath.Join(tmp, profilePrefix+"old")
	fresh := filepath.Join(tmp, profilePrefix+"fresh")
	other := filepath.Join(tmp, "other-old")
	for _, d := range []string{old, fresh, other} {
		if err := os.MkdirAll(filepath.Join(d, "Default"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * time.Hour)
	for _, d := range []string{old, other} {
		if err := os.Chtimes(d, long, long); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStaleProfiles()
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale profile kept: %v", err)
	}
	for _, d := range []string{fresh, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}

// TestStartFails starts a "browser" that prints a message and exits.
func TestStartFails(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	fake := filepath.Join(tmp, "broken-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	b, err := Start(context.Background(), fake)
	if err == nil {
		b.Close()
		t.Fatal("Start succeeded")
	}
	t.Logf("after %v: %v", time.Since(start), err)
	if !strings.Contains(err.Error(), "cannot open display") || !strings.Contains(err.Error(), fake) {
		t.Errorf("the error does not say what the browser printed: %v", err)
	}
	if time.Since(start) > 15*time.Second {
		t.Errorf("Start took %v to fail", time.Since(start))
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, profilePrefix+"*")); len(left) > 0 {
		t.Errorf("profile folder left: %v", left)
	}
}

// TestKilledProfileRemoved: the profile of a renja killed while its browser
// runs is removed by the next RemoveStaleProfiles at once (its owner lock was
// released by the kernel), while a live browser's profile stays.
func TestKilledProfileRemoved(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	cmd, dir := startChild(t)
	defer cmd.Process.Kill()
	RemoveStaleProfiles()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("a running browser's profile was removed: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	RemoveStaleProfiles()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed process's profile %s stays: %v", dir, err)
	}
	waitGone(t, dir, 5*time.Second)
}

// startChild runs this test binary as a child that starts a browser (see
// TestChromeDiesWithParent, in the environment of this test, TMPDIR too)
// and returns it with the browser's profile folder, which it prints.
func startChild(t *testing.T) (*exec.Cmd, string) {
	t.Helper()
	path := chromePath(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestChromeDiesWithParent$")
	cmd.Env = append(os.Environ(), "RENJA_PDF_TEST_CHILD=1", EnvChrome+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("reading from the child: %v", err)
	}
	dir, ok := strings.CutPrefix(strings.TrimSpace(line), "dir ")
	if !ok {
		cmd.Process.Kill()
		t.Fatalf("child: %s", line)
	}
	return cmd, dir
}

// TestGroupIsTheBrowsers: a process group counts as the browser's only while
// its processes run the browser's program; an id that the system gave again
// to other processes is left alone.
func TestGroupIsTheBrowsers(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	pid := cmd.Process.Pid
	dir := t.TempDir()
	if got := processes(dir, group{pgid: pid, exe: "/usr/lib/chromium/chromium"}); len(got) > 0 {
		t.Errorf("a group of another program was taken for the browser's: %v", got)
	}
	g := browserGroup(pid)
	if got := processes(dir, g); !slices.Equal(got, []int{pid}) {
		t.Errorf("processes(%+v) = %v; want [%d]", g, got, pid)
	}
}
