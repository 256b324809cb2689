// Package gitrev reads a renja project as it was at a git revision, with
// go-git: no git command is needed, so it works the same on a Windows laptop
// without git on its PATH as on a server. The files of the project at that
// revision (renja.toml, content/, data/, templates/) are written to a
// temporary folder, which the model then loads like any project folder.
package gitrev

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"renja/internal/msg"
)

// Repo is the git repository that holds a project folder.
type Repo struct {
	repo *git.Repository
	rel  string // the project folder relative to the repository's top, slash-separated; "" at the top
}

// Open finds the repository that holds projectDir (in it or a folder above).
func Open(projectDir string) (*Repo, error) {
	abs, err := filepath.Abs(projectDir)
	if err != nil {
		return nil, err
	}
	r, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, msg.Errorf("%s is not in a git repository (hint: git init, then commit the project)", projectDir)
		}
		return nil, msg.Errorf("the git repository %s cannot be opened: %w", projectDir, err)
	}
	wt, err := r.Worktree()
	if err != nil {
		return nil, msg.Errorf("the git repository %s has no working tree: %w", projectDir, err)
	}
	top, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, msg.Errorf("%s is outside the git repository %s", projectDir, top)
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	return &Repo{repo: r, rel: rel}, nil
}

// Resolve returns the commit a revision names: HEAD, HEAD~1, a branch, a tag
// or a (short) hash.
func (g *Repo) Resolve(rev string) (*object.Commit, error) {
	h, err := g.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		if rev == "HEAD" && errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, msg.Errorf("revision HEAD does not exist yet: this repository has no commit (hint: git add . && git commit)")
		}
		return nil, msg.Errorf("git does not know the revision %q: %v (hint: a branch name, a tag, a commit hash, or HEAD~1)", rev, err)
	}
	c, err := g.repo.CommitObject(*h)
	if err != nil {
		return nil, msg.Errorf("revision %q is not a commit: %v", rev, err)
	}
	return c, nil
}

// parts are the folders of a project that a build reads; output/ is not one.
var parts = []string{"content", "data", "templates"}

// Extract writes the project as it is at rev into a new temporary folder and
// returns it; the caller removes it. A revision whose tree holds no
// renja.toml at the project's place is an error that says so.
func (g *Repo) Extract(rev string) (dir string, err error) {
	c, err := g.Resolve(rev)
	if err != nil {
		return "", err
	}
	tree, err := c.Tree()
	if err != nil {
		return "", msg.Errorf("revision %s: %v", rev, err)
	}
	where := "puncak repositori"
	if g.rel != "" {
		where = g.rel + "/"
		tree, err = tree.Tree(g.rel)
		if err != nil {
			return "", msg.Errorf("revision %s (%s) holds no renja project: the folder %s is not there yet", rev, c.Hash.String()[:7], g.rel)
		}
	}
	if _, err := tree.File("renja.toml"); err != nil {
		return "", msg.Errorf("revision %s (%s) holds no renja project: no renja.toml in %s", rev, c.Hash.String()[:7], where)
	}
	dir, err = os.MkdirTemp("", "renja-rev-")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	write := func(f *object.File) error {
		if !f.Mode.IsFile() {
			return nil
		}
		b, err := f.Contents()
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(b), 0o644)
	}
	f, _ := tree.File("renja.toml")
	if err := write(f); err != nil {
		return "", err
	}
	for _, part := range parts {
		sub, err := tree.Tree(part)
		if err != nil {
			continue // a project may have no templates/
		}
		err = sub.Files().ForEach(func(f *object.File) error {
			f.Name = path.Join(part, f.Name)
			return write(f)
		})
		if err != nil {
			return "", msg.Errorf("revision %s: %v", rev, err)
		}
	}
	return dir, nil
}

// ReadFile returns a file of the project (path relative to the project's
// folder, slash-separated) as it is at rev.
func (g *Repo) ReadFile(rev, file string) ([]byte, error) {
	c, err := g.Resolve(rev)
	if err != nil {
		return nil, err
	}
	f, err := c.File(path.Join(g.rel, file))
	if err != nil {
		return nil, msg.Errorf("%s is not in revision %s", file, rev)
	}
	s, err := f.Contents()
	return []byte(s), err
}
