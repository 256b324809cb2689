package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"renja/internal/diag"
	"renja/internal/msg"
)

// Exit codes.
const (
	exitOK    = 0 // success; a draft with checker errors is a successful build
	exitFail  = 1 // the build failed, check found errors, --final was refused, a signature is not intact
	exitUsage = 2 // bad usage, or input that cannot be read (renja check, sign, verify)
)

// A command ends with an error when it does not succeed; exitCode is the one
// place that maps errors to exit codes, and report the one that prints them.
type exitError struct {
	code int
	text string // printed to stderr as it is; "" when the command said it already
}

func (e *exitError) Error() string { return e.text }

// usagef: bad usage or unreadable input, exit 2, printed as "renja: …".
func usagef(format string, args ...any) error {
	return &exitError{exitUsage, "renja: " + msg.Sprintf(format, args...)}
}

// failf: the command failed, exit 1, printed as "renja: …".
func failf(format string, args ...any) error {
	return &exitError{exitFail, "renja: " + msg.Sprintf(format, args...)}
}

// unreadable: input that cannot be read, exit 2; positioned errors print
// with their excerpt and hint, then the lines of after (written in the
// officer's language by the caller).
func unreadable(err error, after ...string) error { return explained(exitUsage, err, after...) }

// failed: the command failed on err, exit 1, printed like unreadable.
func failed(err error, after ...string) error { return explained(exitFail, err, after...) }

func explained(code int, err error, after ...string) error {
	text := diag.Detail(err)
	if _, ok := diag.ListOf(err); !ok {
		text = "renja: " + text
	}
	for _, a := range after {
		text += "\nrenja: " + a
	}
	return &exitError{code, text}
}

// errReported ends a command that printed why it failed (exit 1); errFlags
// one whose flags the flag package reported (exit 2).
var (
	errReported = &exitError{code: exitFail}
	errFlags    = &exitError{code: exitUsage}
)

// flagError is how a command ends when its flags cannot be parsed: -h is a
// success, the rest is bad usage (the flag package has said why).
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return errFlags
}

// exitCode maps how a command ended to its exit code.
func exitCode(err error) int {
	var e *exitError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &e):
		return e.code
	}
	return exitFail
}

// report prints why a command failed and returns its exit code.
func report(stderr io.Writer, err error) int {
	var e *exitError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.As(err, &e):
		if e.text != "" {
			fmt.Fprintln(stderr, msg.System(e.text))
		}
	default:
		fmt.Fprintln(stderr, msg.System("renja: "+diag.Detail(err)))
	}
	return exitCode(err)
}
