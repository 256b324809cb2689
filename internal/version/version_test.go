package version

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, c := range []struct {
		in   Info
		want string
	}{
		{Info{Version: "(devel)"}, "(devel)"},
		{Info{Version: "v1.2.3", Commit: "0123456789ab", Date: "2026-12-07"}, "v1.2.3 (commit 0123456789ab, 2026-12-07)"},
		{Info{Version: "(devel)", Commit: "0123456789ab", Date: "2026-12-07", Modified: true}, "(devel) (commit 0123456789ab + changes, 2026-12-07)"},
		{Info{Version: "v1.2.3", Commit: "0123456789ab"}, "v1.2.3 (commit 0123456789ab)"},
	} {
		if got := c.in.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStamped(t *testing.T) {
	defer func(s, c, d, r string) { stamped, commit, date, releases = s, c, d, r }(stamped, commit, date, releases)
	stamped, commit, date = "v0.0.0-test", "0123456789abcdef0123456789abcdef01234567", "2026-12-07"
	releases = ""
	if got := Get(); got != (Info{Version: "v0.0.0-test", Commit: "0123456789ab", Date: "2026-12-07"}) {
		t.Errorf("Get() = %+v", got)
	}
	if u := DownloadURL("linux", "amd64"); u != "" {
		t.Errorf("no release address: DownloadURL = %q, want empty", u)
	}
	releases = "https://example.org/renja/releases/download/v0.0.0-test/"
	if u, want := DownloadURL("linux", "amd64"), "https://example.org/renja/releases/download/v0.0.0-test/renja_v0.0.0-test_linux_amd64.tar.gz"; u != want {
		t.Errorf("DownloadURL = %q, want %q", u, want)
	}
	if a := Archive("v1", "windows", "amd64"); a != "renja_v1_windows_amd64.zip" {
		t.Errorf("Archive = %q", a)
	}
}

// TestLdflags stamps renja as .ci/release does (without -trimpath, which
// would compile every module again) and reads its version.
func TestLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds renja: not in -short")
	}
	bin := filepath.Join(t.TempDir(), "renja")
	x := "-X renja/internal/version.stamped=v9.8.7 -X renja/internal/version.commit=fedcba9876543210fedcba9876543210fedcba98 -X renja/internal/version.date=2026-01-02"
	if out, err := exec.Command("go", "build", "-ldflags", x, "-o", bin, "renja/cmd/renja").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(out)), "renja v9.8.7 (commit fedcba987654, 2026-01-02)"; got != want {
		t.Errorf("renja version = %q, want %q", got, want)
	}
}
