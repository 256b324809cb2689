package gitsetup_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"renja/internal/gitsetup"
)

type step struct {
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
	ID   string            `yaml:"id"`
}

type ghJob struct {
	If          string            `yaml:"if"`
	RunsOn      string            `yaml:"runs-on"`
	Permissions map[string]string `yaml:"permissions"`
	Steps       []step            `yaml:"steps"`
}

type workflow struct {
	Name string           `yaml:"name"`
	On   map[string]any   `yaml:"on"`
	Jobs map[string]ghJob `yaml:"jobs"`
}

func (j ghJob) script() string {
	var b strings.Builder
	for _, s := range j.Steps {
		b.WriteString(s.Run + "\n")
	}
	return b.String()
}

func TestGitHubActions(t *testing.T) {
	var w workflow
	if err := yaml.Unmarshal(gitsetup.Files()[".github/workflows/renja.yml"], &w); err != nil {
		t.Fatal(err)
	}
	if _, ok := w.On["push"]; !ok {
		t.Error("not run on push")
	}
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("not run on pull requests")
	}
	check, ok := w.Jobs["check"]
	if !ok {
		t.Fatalf("no job check: %v", w.Jobs)
	}
	s := check.script()
	for _, want := range []string{"renja fmt --check", "renja check", `renja diff --markdown "$base" HEAD >> "$GITHUB_STEP_SUMMARY"`} {
		if !strings.Contains(s, want) {
			t.Errorf("check job lacks %q", want)
		}
	}
	if check.Steps[0].Uses != "actions/checkout@v4" || check.Steps[0].With["fetch-depth"] != "0" {
		t.Errorf("check job does not fetch the whole history: %+v", check.Steps[0])
	}
	pages, ok := w.Jobs["pages"]
	if !ok {
		t.Fatal("no job pages")
	}
	if !strings.Contains(pages.If, "github.event.repository.default_branch") || !strings.Contains(pages.If, "push") {
		t.Errorf("pages runs not only on the default branch: %q", pages.If)
	}
	if pages.Permissions["pages"] != "write" || pages.Permissions["id-token"] != "write" {
		t.Errorf("pages permissions: %v", pages.Permissions)
	}
	var upload, deploy bool
	for _, st := range pages.Steps {
		upload = upload || strings.HasPrefix(st.Uses, "actions/upload-pages-artifact@") && st.With["path"] == "output"
		deploy = deploy || strings.HasPrefix(st.Uses, "actions/deploy-pages@")
	}
	if !upload || !deploy || !strings.Contains(pages.script(), "renja build") {
		t.Errorf("pages does not build and publish output/: %+v", pages.Steps)
	}
	for name, j := range w.Jobs {
		shellSyntax(t, "github "+name, j.script())
	}
}

type glJob struct {
	Stage     string           `yaml:"stage"`
	Rules     []map[string]any `yaml:"rules"`
	Script    []string         `yaml:"script"`
	Artifacts struct {
		Paths    []string `yaml:"paths"`
		ExposeAs string   `yaml:"expose_as"`
	} `yaml:"artifacts"`
}

func TestGitLabCI(t *testing.T) {
	src := gitsetup.Files()[".gitlab-ci.yml"]
	var top map[string]any
	if err := yaml.Unmarshal(src, &top); err != nil {
		t.Fatal(err)
	}
	var jobs map[string]glJob
	yaml.Unmarshal(src, &jobs) // keys that are not jobs decode to empty jobs
	var cfg struct {
		Stages    []string          `yaml:"stages"`
		Variables map[string]string `yaml:"variables"`
		Default   struct {
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
	}
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatal(err)
	}
	if wf, ok := top["workflow"].(map[string]any); !ok || len(wf["rules"].([]any)) != 3 {
		t.Errorf("workflow rules: %v", top["workflow"])
	}
	if strings.Join(cfg.Stages, ",") != "check,publish" || cfg.Variables["GIT_DEPTH"] != "0" {
		t.Errorf("stages %v, variables %v", cfg.Stages, cfg.Variables)
	}
	if !strings.Contains(strings.Join(cfg.Default.BeforeScript, "\n"), "$RENJA_URL") {
		t.Error("renja is not installed before the jobs")
	}
	check, ok := jobs["renja-check"]
	if !ok || check.Stage != "check" {
		t.Fatalf("no job renja-check in stage check: %v", top)
	}
	s := strings.Join(check.Script, "\n")
	for _, want := range []string{"renja diff --markdown \"$base\" HEAD > renja-diff.md", "renja fmt --check", "renja check", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "merge_requests/$CI_MERGE_REQUEST_IID/notes"} {
		if !strings.Contains(s, want) {
			t.Errorf("renja-check lacks %q", want)
		}
	}
	if check.Artifacts.ExposeAs == "" || check.Artifacts.Paths[0] != "renja-diff.md" {
		t.Errorf("the diff is not shown on the merge request: %+v", check.Artifacts)
	}
	rules := ""
	for _, r := range check.Rules {
		rules += r["if"].(string) + "\n"
	}
	if !strings.Contains(rules, "merge_request_event") || !strings.Contains(rules, "$CI_COMMIT_BRANCH") {
		t.Errorf("renja-check rules: %s", rules)
	}
	pages, ok := jobs["pages"]
	if !ok || pages.Stage != "publish" {
		t.Fatal("no job pages in stage publish")
	}
	if pages.Rules[0]["if"] != "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" {
		t.Errorf("pages rules: %v", pages.Rules)
	}
	if !strings.Contains(strings.Join(pages.Script, "\n"), "renja build") || pages.Artifacts.Paths[0] != "public" {
		t.Errorf("pages does not build into public/: %+v", pages)
	}
	shellSyntax(t, "gitlab before_script", strings.Join(cfg.Default.BeforeScript, "\n"))
	for name, j := range jobs {
		shellSyntax(t, "gitlab "+name, strings.Join(j.Script, "\n"))
	}
}

// shellSyntax has sh read a script without running it.
func shellSyntax(t *testing.T, name, script string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		return
	}
	cmd := exec.Command(sh, "-n")
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s: sh -n: %v\n%s\n%s", name, err, out, script)
	}
}

func TestHook(t *testing.T) {
	h := string(gitsetup.Hook("kalaena", "/opt/renja/renja"))
	for _, want := range []string{"#!/bin/sh", `"$renja" fmt --check`, `"$renja" check`, `/kalaena"`, "'/opt/renja/renja'", "--no-verify"} {
		if !strings.Contains(h, want) {
			t.Errorf("hook lacks %q:\n%s", want, h)
		}
	}
	shellSyntax(t, "hook", h)

	// A folder in no repository gets one; a hook that is not renja's is kept.
	dir := t.TempDir()
	path, created, err := gitsetup.InstallHook(dir)
	if err != nil || !created {
		t.Fatalf("InstallHook: %v, created %v", err, created)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm()&0o100 == 0 {
		t.Fatalf("hook not executable: %v", err)
	}
	if _, _, err := gitsetup.InstallHook(dir); err != nil {
		t.Errorf("renja's own hook is not replaced: %v", err)
	}
	os.WriteFile(path, []byte("#!/bin/sh\nmake lint\n"), 0o755)
	if _, _, err := gitsetup.InstallHook(dir); err == nil || !strings.Contains(err.Error(), "bukan buatan renja") {
		t.Errorf("someone else's hook replaced: %v", err)
	}
	sub := filepath.Join(dir, "kalaena")
	os.Mkdir(sub, 0o755)
	os.Remove(path)
	if _, created, err := gitsetup.InstallHook(sub); err != nil || created {
		t.Fatalf("project in a folder of a repository: %v, created %v", err, created)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `rev-parse --show-toplevel)/kalaena"`) {
		t.Errorf("the hook does not go to the project's folder:\n%s", b)
	}
}
