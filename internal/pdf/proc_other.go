//go:build !linux

package pdf

import "os/exec"

// prepareCmd changes nothing outside Linux: there is no parent-death signal,
// and the browser notices the closed pipe and exits.
func prepareCmd(cmd *exec.Cmd) {}

// killLeftovers does nothing outside Linux.
func killLeftovers(dir string, g group) {}

// browserGroup knows no process group outside Linux.
func browserGroup(pid int) group { return group{} }

// processesUsing finds no process outside Linux.
func processesUsing(dir string) []int { return nil }
