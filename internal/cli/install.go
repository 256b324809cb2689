package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"

	"renja/internal/pdf"

	"renja/internal/msg"
)

// installChrome installs Debian's Chromium headless shell (or, where the
// system has no such package, its Chromium) and the fonts the templates
// name, when no browser is found and this is a Debian-like system run as
// root. It is what the README's quick start asks for with --install-chrome.
func installChrome(ctx context.Context, explicit string, stderr io.Writer) error {
	if _, err := pdf.FindChrome(explicit); err == nil {
		return nil
	}
	if runtime.GOOS != "linux" {
		return errors.New(msg.Sprintf("--install-chrome works on Debian and Ubuntu; install Chrome or Edge, then name it with --chrome or RENJA_CHROME"))
	}
	apt, err := exec.LookPath("apt-get")
	if err != nil {
		return errors.New(msg.Sprintf("--install-chrome needs apt-get (Debian, Ubuntu); install Chromium with your system's package manager"))
	}
	if os.Geteuid() != 0 {
		return errors.New(msg.Sprintf("--install-chrome must run as root; or run: sudo apt-get install chromium-headless-shell fonts-liberation"))
	}
	return aptInstall(ctx, apt, stderr)
}

// aptInstall runs apt-get (the program apt): update, then the headless shell
// with the fonts, else Chromium with the fonts.
func aptInstall(ctx context.Context, apt string, stderr io.Writer) error {
	run := func(args ...string) error {
		cmd := exec.CommandContext(ctx, apt, args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			return msg.Errorf("apt-get %s: %w", args[0], err)
		}
		return nil
	}
	if err := run("update", "-qq"); err != nil {
		return err
	}
	// The headless shell prints in half the time; Debian 12 has it,
	// Ubuntu has no such package.
	var last error
	for _, pkg := range []string{"chromium-headless-shell", "chromium"} {
		msg.Fprintf(stderr, "renja: no Chrome found; installing Debian's %s and fonts-liberation with apt-get\n", pkg)
		if last = run("install", "-y", "-qq", pkg, "fonts-liberation"); last == nil {
			return nil
		}
	}
	return last
}
