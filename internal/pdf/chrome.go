package pdf

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"renja/internal/msg"
)

// EnvChrome is the environment variable that names the browser to use when no
// path is given explicitly.
const EnvChrome = "RENJA_CHROME"

// FindChrome returns the browser to print with. The order is: explicit (for
// example the value of a --chrome flag), then $RENJA_CHROME, then the usual
// places of Chromium, Chrome and Edge on Linux, macOS and Windows. A name without
// a path separator is looked up in $PATH. An explicit path or $RENJA_CHROME that
// does not name an executable file is an error, and no other browser is tried.
// When none is found, the error says how to install one.
func FindChrome(explicit string) (string, error) {
	return findChrome(explicit, os.Getenv(EnvChrome), chromeCandidates(runtime.GOOS))
}

func findChrome(explicit, env string, candidates []string) (string, error) {
	if explicit != "" {
		p, err := executable(explicit)
		if err != nil {
			return "", msg.Errorf("browser given with --chrome: %w", err)
		}
		return p, nil
	}
	if env != "" {
		p, err := executable(env)
		if err != nil {
			return "", msg.Errorf("browser given with %s: %w", EnvChrome, err)
		}
		return p, nil
	}
	for _, c := range candidates {
		if p, err := executable(c); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chrome or Chromium found to print the PDF with; " +
		"install one (on Debian or Ubuntu: apt-get install chromium) " +
		"or name it with --chrome PATH or the environment variable " + EnvChrome)
}

// executable returns the path of name when it is an executable file. A name
// without a path separator is looked up in $PATH.
func executable(name string) (string, error) {
	if !strings.ContainsAny(name, `/\`) {
		p, err := exec.LookPath(name)
		if err != nil {
			return "", msg.Errorf("%q is not in PATH", name)
		}
		return p, nil
	}
	fi, err := os.Stat(name)
	switch {
	case err != nil:
		return "", msg.Errorf("%q does not exist", name)
	case fi.IsDir():
		return "", msg.Errorf("%q is a folder, not a program", name)
	case runtime.GOOS != "windows" && fi.Mode()&0o111 == 0:
		return "", msg.Errorf("%q is not executable", name)
	}
	return name, nil
}

// chromeCandidates lists where browsers usually are, best first.
func chromeCandidates(goos string) []string {
	switch goos {
	case "darwin":
		var c []string
		for _, app := range []string{
			"Google Chrome.app/Contents/MacOS/Google Chrome",
			"Chromium.app/Contents/MacOS/Chromium",
			"Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		} {
			c = append(c, "/Applications/"+app)
			if home, err := os.UserHomeDir(); err == nil {
				c = append(c, filepath.Join(home, "Applications", app))
			}
		}
		return c
	case "windows":
		var c []string
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LocalAppData"} {
			dir := os.Getenv(env)
			if dir == "" {
				continue
			}
			c = append(c,
				filepath.Join(dir, `Google\Chrome\Application\chrome.exe`),
				filepath.Join(dir, `Chromium\Application\chrome.exe`),
				filepath.Join(dir, `Microsoft\Edge\Application\msedge.exe`))
		}
		return append(c, "chrome.exe", "msedge.exe")
	default:
		return []string{
			// Debian's binary; /usr/bin/chromium is a shell wrapper
			// that prints a warning.
			"/usr/lib/chromium/chromium",
			"/usr/bin/chromium",
			"chromium",
			"chromium-browser",
			"google-chrome",
			"google-chrome-stable",
			"microsoft-edge",
			"microsoft-edge-stable",
			"/snap/bin/chromium",
		}
	}
}
