//go:build !linux

package pdf

import "os/exec"

// prepareCmd changes nothing outside Linux: there is no parent-death signal,
// and the browser notices the closed pipe and exits.
func prepareCmd(cmd *exec.Cmd) {}

// killLeftovers does nothing outside Linux.
func killLeftovers(dir string, pgid int) {}

// killGroup does nothing outside Linux.
func killGroup(pgid int) {}

// processesUsing finds no process outside Linux.
func processesUsing(dir string) []int { return nil }
