package pdf

import (
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
	return "", msg.Errorf("no Chrome or Chromium found to print the PDF with; "+
		"install one (on Debian or Ubuntu: apt-get install chromium-headless-shell, or chromium) "+
		"or name it with --chrome PATH or the environment variable %s", EnvChrome)
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

// chromeCandidates lists where browsers usually are, best first. The headless
// shell (Debian's chromium-headless-shell, Chrome for Testing's
// chrome-headless-shell) comes first: it is the same Blink without the
// browser around it, and starts and prints the bundled Renja in half the
// time, with the same PDF (docs/speed.md).
func chromeCandidates(goos string) []string {
	shells := []string{"chrome-headless-shell", "chromium-headless-shell"}
	switch goos {
	case "darwin":
		c := shells
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
		c := []string{"chrome-headless-shell.exe"}
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
		// Debian's binaries first: /usr/bin/chromium and
		// /usr/bin/chromium-headless-shell are shell wrappers (the first
		// prints a warning).
		return append([]string{"/usr/lib/chromium/chromium-headless-shell"}, append(shells,
			"/usr/lib/chromium/chromium",
			"/usr/bin/chromium",
			"chromium",
			"chromium-browser",
			"google-chrome",
			"google-chrome-stable",
			"microsoft-edge",
			"microsoft-edge-stable",
			"/snap/bin/chromium",
		)...)
	}
}

// chromeFlags are the command line flags of the browser, besides the profile
// folder. The browser runs as root in containers, so it runs without sandbox;
// it only ever loads local files.
var chromeFlags = []struct {
	name  string
	value any
}{
	{"headless", true},
	{"no-sandbox", true},
	{"disable-gpu", true},
	{"disable-quic", true},
	{"no-first-run", true},
	{"no-default-browser-check", true},
	{"disable-background-networking", true},
	{"disable-component-update", true},
	{"disable-sync", true},
	{"disable-extensions", true},
	{"disable-default-apps", true},
	{"disable-breakpad", true},
	{"disable-crash-reporter", true},
	{"disable-dev-shm-usage", true},
	{"disable-features", "Translate,MediaRouter,OptimizationHints"},
	{"metrics-recording-only", true},
	{"password-store", "basic"},
	{"use-mock-keychain", true},
	{"hide-scrollbars", true},
	{"mute-audio", true},
	{"force-color-profile", "srgb"},
	// Behind the request interception of Print: no host name resolves. The
	// loopback address stays reachable for the tabs of NewTab (renja serve,
	// the website's tests); Print refuses it like any other URL.
	{"host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"},
	// WebRTC may use UDP only through a proxy, which has none: so no UDP at
	// all (the print tabs' TCP goes to a proxy that does not exist, see
	// offlineProxy).
	{"webrtc-ip-handling-policy", "disable_non_proxied_udp"},
	// chromium-headless-shell has no preferences and reads only this one.
	{"force-webrtc-ip-handling-policy", "disable_non_proxied_udp"},
}

// group is a browser's process group: its id, and the program the browser
// runs, so that an id the system gives again later is not taken for it.
type group struct {
	pgid int
	exe  string
}
