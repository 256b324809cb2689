package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"slices"
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
	// A process group of its own: chromium-headless-shell does not pass
	// --user-data-dir to its children, so the group is how they are found.
	cmd.SysProcAttr.Setpgid = true
}

// killLeftovers kills the processes whose command line holds
// --user-data-dir=dir (Chrome passes it to all its children) and those of the
// browser's process group g (known once it has started; the zero group when
// not), until none has shown up for a few looks in a row.
func killLeftovers(dir string, g group) {
	// Without the group, a process forked while the others were killed
	// shows up later: three quiet looks. With it, one look after the kill
	// finds whatever a fork under way made.
	looks := 3
	if g.pgid > 0 {
		looks = 1
	}
	deadline := time.Now().Add(2 * time.Second)
	for quiet := 0; quiet < looks && time.Now().Before(deadline); {
		pids := processes(dir, g)
		if len(pids) == 0 {
			quiet++
		} else {
			quiet = 0
			for _, pid := range pids {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
		if quiet < looks {
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// browserGroup returns the process group of the browser pid, which
// prepareCmd made its own.
func browserGroup(pid int) group { return group{pgid: pid, exe: exeOf(pid)} }

// exeOf returns the program pid runs, "" when it cannot be read.
func exeOf(pid int) string {
	p, _ := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe")
	return p
}

// processesUsing returns the processes, other than this one, whose command
// line holds the argument --user-data-dir=dir, and the processes of their
// process groups (chromium-headless-shell does not pass the argument to its
// children; Start gives the browser a group of its own). Processes that
// Chrome's zygote forks rewrite their command line as one string joined by
// spaces, so both forms count.
func processesUsing(dir string) []int { return processes(dir, group{}) }

// processes returns processesUsing(dir) and the live processes of the group
// g. A group's member must run the group's program: a group id that the
// system gave again, after the browser's processes were gone, is not the
// browser's.
func processes(dir string, g group) []int {
	want := []byte(" --user-data-dir=" + dir + " ")
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var pids []int
	groups := map[int]string{} // process group → its program
	if g.pgid > 0 && g.exe != "" {
		groups[g.pgid] = g.exe
	}
	pgrps := map[int]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		if pgrps[pid] = processGroup(pid); pgrps[pid] == 0 {
			continue // gone, or a zombie
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil || len(cmdline) == 0 {
			continue
		}
		line := append(append([]byte{' '}, bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})...), ' ')
		if bytes.Contains(line, want) {
			pids = append(pids, pid)
			if pg := pgrps[pid]; pg > 1 && pg != syscall.Getpgrp() {
				if exe := exeOf(pid); exe != "" {
					groups[pg] = exe
				}
			}
		}
	}
	for pid, pg := range pgrps {
		if exe, ok := groups[pg]; ok && !slices.Contains(pids, pid) && exeOf(pid) == exe {
			pids = append(pids, pid)
		}
	}
	slices.Sort(pids)
	return pids
}

// processGroup returns the process group of pid, or 0 when it cannot be read
// or pid is a zombie (dead, but not yet waited for by its parent).
// /proc/PID/stat is "pid (comm) state ppid pgrp ...", and comm may hold spaces
// and parentheses, so the fields are counted from the last ')'.
func processGroup(pid int) int {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0
	}
	f := bytes.Fields(stat[i+1:])
	if len(f) < 3 || string(f[0]) == "Z" {
		return 0
	}
	g, _ := strconv.Atoi(string(f[2]))
	return g
}
