// Package version says which renja this is. A release (.ci/release) stamps
// its version, commit and commit date into the binary with the linker's -X
// flags, and the address its archives are downloaded from; any other build
// says what Go's build info recorded: the module version (go install
// renja@v1.2.3), else the commit and time of the clone it was built from.
package version

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Set by .ci/release with -ldflags "-X renja/internal/version.stamped=…".
var (
	stamped  string // the release's version, v1.2.3
	commit   string // the commit it was built from, 40 hex digits
	date     string // that commit's date, 2006-01-02
	releases string // where the release's archives are: …/releases/download/v1.2.3
)

// Info is what a build knows of itself.
type Info struct {
	Version  string // v1.2.3, or (devel)
	Commit   string // the commit, shortened to 12 digits; "" when unknown
	Date     string // the commit's date, 2006-01-02; "" when unknown
	Modified bool   // built from a clone with uncommitted changes
}

// Get returns what this binary knows of itself.
func Get() Info {
	if stamped != "" {
		return Info{Version: stamped, Commit: short(commit), Date: date}
	}
	i := Info{Version: "(devel)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return i
	}
	if v := bi.Main.Version; v != "" {
		i.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Commit = short(s.Value)
		case "vcs.time":
			i.Date, _, _ = strings.Cut(s.Value, "T")
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	return i
}

func short(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

// String is what renja version prints after "renja ": v1.2.3 (commit
// 0123456789ab, 2026-12-07), with "+ changes" for a modified clone.
func (i Info) String() string {
	s := i.Version
	if i.Commit == "" {
		return s
	}
	s += fmt.Sprintf(" (commit %s", i.Commit)
	if i.Modified {
		s += " + changes"
	}
	if i.Date != "" {
		s += ", " + i.Date
	}
	return s + ")"
}

// Archive is the name of the release archive for a system: renja_v1.2.3_
// windows_amd64.zip, renja_v1.2.3_linux_amd64.tar.gz. .ci/release writes
// these names; the CI files of renja init --hook download them.
func Archive(version, goos, goarch string) string {
	ext := ".tar.gz"
	if goos == "windows" {
		ext = ".zip"
	}
	return "renja_" + version + "_" + goos + "_" + goarch + ext
}

// DownloadURL is the address of this release's archive for a system, or ""
// for a build that is not a release (or whose release names no address).
func DownloadURL(goos, goarch string) string {
	if stamped == "" || releases == "" {
		return ""
	}
	return strings.TrimSuffix(releases, "/") + "/" + Archive(stamped, goos, goarch)
}
