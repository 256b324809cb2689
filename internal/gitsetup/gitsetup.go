// Package gitsetup writes what a project needs to be reviewed in git: the
// .gitattributes that sends data/*.csv through renja's diff driver, the CI
// files for GitLab CI and GitHub Actions (check every push and merge request,
// show renja diff --markdown, publish the default branch's build to Pages),
// and, on request, a pre-commit hook that runs renja fmt --check and renja
// check.
package gitsetup

import (
	"bytes"
	"embed"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"renja/internal/msg"
	"renja/internal/version"
)

//go:embed files
var files embed.FS

// Files returns the files renja init writes into a project, by path
// relative to it. Their CI jobs download this renja's own release for Linux
// (a build that is not a release leaves the address to the RENJA_URL
// variable).
func Files() map[string][]byte {
	return FilesFor(version.DownloadURL("linux", "amd64"))
}

// FilesFor is Files with the CI jobs downloading renja from url by default.
func FilesFor(url string) map[string][]byte {
	read := func(n string) []byte {
		b, err := files.ReadFile("files/" + n)
		if err != nil {
			panic(err) // embedded: cannot fail
		}
		return bytes.ReplaceAll(b, []byte("@RENJA_DEFAULT_URL@"), []byte(url))
	}
	return map[string][]byte{
		".gitattributes":              read("gitattributes"),
		".gitlab-ci.yml":              read("gitlab-ci.yml"),
		".github/workflows/renja.yml": read("github-renja.yml"),
	}
}

// TextconvCommand switches the diff driver on in a clone.
const TextconvCommand = `git config diff.renja.textconv "renja diff --textconv"`

// Write writes Files into dir, leaving any that exists alone; it returns
// the paths it wrote.
func Write(dir string) ([]string, error) {
	fs := Files()
	names := make([]string, 0, len(fs))
	for n := range fs {
		names = append(names, n)
	}
	sort.Strings(names)
	var wrote []string
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return wrote, err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return wrote, err
		}
		_, err = f.Write(fs[n])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return wrote, err
		}
		wrote = append(wrote, n)
	}
	return wrote, nil
}

// hookMark is in every hook renja writes; a hook without it is someone
// else's and is never replaced.
const hookMark = "renja pre-commit hook"

// Hook returns the text of the pre-commit hook for a project at rel (slash
// separated, "" at the top of the repository); renja is the program to run
// when none is on PATH.
func Hook(rel, renja string) []byte {
	b, _ := files.ReadFile("files/pre-commit")
	s := strings.ReplaceAll(string(b), "{{PROJECT}}", rel)
	s = strings.ReplaceAll(s, "{{RENJA}}", strings.ReplaceAll(filepath.ToSlash(renja), "'", ""))
	return []byte(s)
}

// InstallHook writes the pre-commit hook into the git repository that holds
// projectDir; when there is none, it makes one at projectDir first (created
// is then true). It returns the hook's path.
func InstallHook(projectDir string) (hook string, created bool, err error) {
	abs, err := filepath.Abs(projectDir)
	if err != nil {
		return "", false, err
	}
	if _, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true}); errors.Is(err, git.ErrRepositoryNotExists) {
		opts := &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.Main}}
		if _, err := git.PlainInitWithOptions(abs, opts); err != nil {
			return "", false, msg.Errorf("git init %s: %w", projectDir, err)
		}
		created = true
	} else if err != nil {
		return "", false, err
	}
	top, gitDir, err := findGitDir(abs)
	if err != nil {
		return "", created, err
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return "", created, err
	}
	if rel = filepath.ToSlash(rel); rel == "." {
		rel = ""
	}
	hook = filepath.Join(gitDir, "hooks", "pre-commit")
	if old, err := os.ReadFile(hook); err == nil && !strings.Contains(string(old), hookMark) {
		return hook, created, msg.Errorf("%s already exists and was not made by renja; add the lines 'renja fmt --check' and 'renja check' to it yourself", hook)
	}
	self, _ := os.Executable()
	if err := os.MkdirAll(filepath.Dir(hook), 0o755); err != nil {
		return hook, created, err
	}
	return hook, created, os.WriteFile(hook, Hook(rel, self), 0o755)
}

// findGitDir returns the top of the working tree that holds dir and the git
// folder whose hooks/ git runs: .git, or for a linked worktree (.git is a
// file "gitdir: …") the main repository's common folder.
func findGitDir(dir string) (top, gitDir string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		g := filepath.Join(d, ".git")
		info, err := os.Stat(g)
		if err == nil && info.IsDir() {
			return d, g, nil
		}
		if err == nil {
			b, err := os.ReadFile(g)
			if err != nil {
				return "", "", err
			}
			link, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir:")
			if !ok {
				return "", "", msg.Errorf("%s: not a git link file", g)
			}
			link = strings.TrimSpace(link)
			if !filepath.IsAbs(link) {
				link = filepath.Join(d, link)
			}
			if c, err := os.ReadFile(filepath.Join(link, "commondir")); err == nil {
				common := strings.TrimSpace(string(c))
				if !filepath.IsAbs(common) {
					common = filepath.Join(link, common)
				}
				return d, filepath.Clean(common), nil
			}
			return d, link, nil
		}
		if filepath.Dir(d) == d {
			return "", "", msg.Errorf("%s is not in a git repository", dir)
		}
	}
}
