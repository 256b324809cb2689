package config

import (
	"path/filepath"
	"strings"

	"renja/internal/diag"
	"renja/internal/tomlx"
)

// Source is another document a Renja is checked against (the carry rule):
// last year's Renja ([previous]) or the Renstra ([renstra]). Project is a
// folder, relative to this project's; Rev a git revision of the repository
// that holds this project (or Project), read without a checkout. Table is
// the Renstra's table id; a Renstra without Project and Rev is a table of
// this project.
type Source struct {
	Project string `toml:"project"`
	Rev     string `toml:"rev"`
	Table   string `toml:"table"`
}

// IsZero reports whether no document is named.
func (s Source) IsZero() bool { return s.Project == "" && s.Rev == "" && s.Table == "" }

// Dir is the folder the document is in (at Rev, when that is given), for
// a project in folder base: Project relative to base, or base itself.
func (s Source) Dir(base string) string {
	switch {
	case s.Project == "":
		return base
	case filepath.IsAbs(filepath.FromSlash(s.Project)):
		return filepath.FromSlash(s.Project)
	}
	return filepath.Join(base, filepath.FromSlash(s.Project))
}

// Name is the document as renja.toml writes it, for messages and for the
// files of its findings: "../kalaena-2024", "renja-2024",
// "renja-2024:../kalaena-2024".
func (s Source) Name() string {
	switch {
	case s.Rev != "" && s.Project != "":
		return s.Rev + ":" + s.Project
	case s.Rev != "":
		return s.Rev
	}
	return s.Project
}

// File is a file of the document as its findings name it: the document's
// name and the file's path, joined as renja.toml and git write them
// ("../kalaena-2024/data/t31.csv", "renja-2024:data/t31.csv").
func (s Source) File(path string) string {
	switch {
	case s.Rev != "" && s.Project != "":
		return s.Rev + ":" + strings.TrimSuffix(s.Project, "/") + "/" + path
	case s.Rev != "":
		return s.Rev + ":" + path
	case s.Project != "":
		return strings.TrimSuffix(s.Project, "/") + "/" + path
	}
	return path
}

func (c *Config) validateSources(keys *tomlx.Keys) (errs diag.List) {
	if p := c.Previous; p.Table != "" {
		errs = append(errs, keys.Errorf([]string{"previous", "table"}, `name last year's Renja with project = "../kalaena-2024" or rev = "renja-2024"`,
			"previous.table is not a setting: last year's Renja is compared as a whole"))
	}
	if r := c.Renstra; (r.Project != "" || r.Rev != "") && strings.TrimSpace(r.Table) == "" {
		errs = append(errs, keys.Errorf([]string{"renstra"}, `add table = "renstra" (the id of the Renstra's table in data/) under [renstra]`,
			"renstra.table is missing"))
	}
	return errs
}
