package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// prepareCmd makes the kernel kill the browser when this process dies, even by
// SIGKILL. chromedp starts the browser from a goroutine locked to its thread,
// so the signal comes when the process ends, not when some thread does.
func prepareCmd(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = new(syscall.SysProcAttr)
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}

// killLeftovers kills the processes whose command line holds
// --user-data-dir=dir (Chrome passes it to all its children), until none has
// shown up for a few looks in a row.
func killLeftovers(dir string) {
	deadline := time.Now().Add(2 * time.Second)
	for quiet := 0; quiet < 3 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if pids := processesUsing(dir); len(pids) == 0 {
			quiet++
		} else {
			quiet = 0
			for _, pid := range pids {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	}
}

// processesUsing returns the processes, other than this one, whose command
// line holds the argument --user-data-dir=dir. Processes that Chrome's zygote
// forks rewrite their command line as one string joined by spaces, so both
// forms count.
func processesUsing(dir string) []int {
	want := []byte(" --user-data-dir=" + dir + " ")
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || len(cmdline) == 0 {
			continue
		}
		line := append(append([]byte{' '}, bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})...), ' ')
		if bytes.Contains(line, want) {
			pids = append(pids, pid)
		}
	}
	return pids
}
