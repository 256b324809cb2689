package gitsetup_test

import (
	"archive/tar"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"renja/internal/gitsetup"
	"renja/internal/version"
)

// releaseArchive writes a release archive as .ci/release packs it, holding a
// stand-in renja that prints what it is.
func releaseArchive(t *testing.T, dir string) string {
	t.Helper()
	name := strings.TrimSuffix(version.Archive("v9.9.9", "linux", "amd64"), ".tar.gz")
	path := filepath.Join(dir, name+".tar.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	for _, e := range []struct {
		name, body string
		mode       int64
	}{
		{name + "/README.md", "# renja\n", 0o644},
		{name + "/renja", "#!/bin/sh\necho renja v9.9.9\n", 0o755},
	} {
		tw.WriteHeader(&tar.Header{Name: e.name, Mode: e.mode, Size: int64(len(e.body)), Typeflag: tar.TypeReg})
		tw.Write([]byte(e.body))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	f.Close()
	return path
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the CI files' scripts run on Linux runners")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing", tool)
			}
			t.Skipf("%s is missing: the CI files' install script is not run", tool)
		}
	}
}

// TestReleaseDownload: the CI files download renja from the release that
// wrote them by default, unpack the archive and run it; a plain program at
// RENJA_URL works too.
func TestReleaseDownload(t *testing.T) {
	needTools(t, "sh", "curl", "tar")
	dir := t.TempDir()
	url := "file://" + filepath.ToSlash(releaseArchive(t, dir))
	files := gitsetup.FilesFor(url)

	var w struct {
		Env  map[string]string `yaml:"env"`
		Jobs map[string]ghJob  `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(files[".github/workflows/renja.yml"], &w); err != nil {
		t.Fatal(err)
	}
	if want := "${{ vars.RENJA_URL || '" + url + "' }}"; w.Env["RENJA_URL"] != want {
		t.Errorf("GitHub's RENJA_URL = %q, want %q", w.Env["RENJA_URL"], want)
	}
	var install string
	for _, s := range w.Jobs["check"].Steps {
		if s.Name == "Install renja" {
			install = s.Run
		}
	}
	if install == "" {
		t.Fatal("GitHub's check job has no step Install renja")
	}
	var gl struct {
		Variables map[string]string `yaml:"variables"`
		Default   struct {
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
	}
	if err := yaml.Unmarshal(files[".gitlab-ci.yml"], &gl); err != nil {
		t.Fatal(err)
	}
	if gl.Variables["RENJA_URL"] != url {
		t.Errorf("GitLab's RENJA_URL = %q, want %q", gl.Variables["RENJA_URL"], url)
	}
	// GitLab's before_script after its apt-get line, writing into a folder of the test's.
	glInstall := strings.Join(gl.Default.BeforeScript[1:], "\n")

	plain := filepath.Join(dir, "renja-plain")
	os.WriteFile(plain, []byte("#!/bin/sh\necho renja plain\n"), 0o755)
	for _, c := range []struct{ name, url, want string }{
		{"archive", url, "renja v9.9.9"},
		{"program", "file://" + filepath.ToSlash(plain), "renja plain"},
	} {
		for _, ci := range []string{"github", "gitlab"} {
			bin := t.TempDir()
			script := install
			env := []string{"RENJA_URL=" + c.url, "RUNNER_TEMP=" + bin, "GITHUB_PATH=" + filepath.Join(bin, "path")}
			if ci == "gitlab" {
				script = strings.NewReplacer("/usr/local/bin", bin, "/tmp/", bin+"/").Replace(glInstall)
				env = env[:1]
			}
			cmd := exec.Command("sh", "-e", "-c", script+"\n\""+bin+"/renja\"")
			cmd.Env = append(os.Environ(), env...)
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != c.want {
				t.Errorf("%s, %s: %v: %q, want %q\n%s", ci, c.name, err, out, c.want, script)
			}
		}
	}
}

// TestNoRelease: a renja that is not a release writes CI files that ask for
// RENJA_URL, as before.
func TestNoRelease(t *testing.T) {
	needTools(t, "sh")
	files := gitsetup.FilesFor("")
	if s := string(files[".gitlab-ci.yml"]); !strings.Contains(s, `RENJA_URL: ""`) || strings.Contains(s, "@RENJA_DEFAULT_URL@") {
		t.Errorf("GitLab's RENJA_URL without a release:\n%s", s)
	}
	if s := string(files[".github/workflows/renja.yml"]); !strings.Contains(s, "vars.RENJA_URL || ''") {
		t.Errorf("GitHub's RENJA_URL without a release:\n%s", s)
	}
}
