package model

import (
	"context"
	"os"

	"renja/internal/config"
	"renja/internal/gitrev"
	"renja/internal/msg"
	"renja/internal/table"
)

// Document is another document a Renja is checked against (the carry
// rule): last year's Renja or a Renstra, loaded read-only with its own plan
// year, so that its measures name absolute years. Err says why it could not
// be read; the check goes on without it.
type Document struct {
	Source  config.Source
	Key     string   // its section in renja.toml: "previous", "renstra"
	Project *Project // nil when it could not be read, or for a Renstra of this project
	Table   *table.Table
	Err     error
}

// File is a file of the document as its findings name it.
func (d *Document) File(path string) string {
	if d.Project == nil {
		return path // a Renstra table of this project
	}
	return d.Source.File(path)
}

// Tables are the document's tables that the carry rule compares: a Renja's
// every table, a Renstra's one.
func (d *Document) Tables() []*table.Table {
	if d.Table != nil {
		return []*table.Table{d.Table}
	}
	if d.Project == nil {
		return nil
	}
	return d.Project.Tables
}

// loadChain reads renja.toml's [previous] and [renstra] documents; their own
// [previous] and [renstra] are not read (a chain is checked one link at a time).
func (p *Project) loadChain(ctx context.Context) {
	cfg := p.Config
	if s := cfg.Previous; !s.IsZero() {
		d := &Document{Source: s, Key: "previous"}
		d.Project, d.Err = loadOther(ctx, p.Dir, s)
		p.Previous = d
	}
	if s := cfg.Renstra; !s.IsZero() {
		d := &Document{Source: s, Key: "renstra"}
		other := p
		if s.Project != "" || s.Rev != "" {
			other, d.Err = loadOther(ctx, p.Dir, s)
			d.Project = other
		}
		if other != nil {
			if d.Table = other.Table(s.Table); d.Table == nil {
				d.Err = msg.Errorf("it has no table %q in data/", s.Table)
			}
		}
		p.Renstra = d
	}
}

// loadOther loads the project a Source names, relative to dir: a folder, or
// the project's folder at a git revision (extracted to a temporary folder,
// removed once it is read).
func loadOther(ctx context.Context, dir string, s config.Source) (*Project, error) {
	at := s.Dir(dir)
	if s.Rev != "" {
		repo, err := gitrev.Open(at)
		if err != nil {
			return nil, err
		}
		tmp, err := repo.Extract(s.Rev)
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		at = tmp
	} else if fi, err := os.Stat(at); err != nil || !fi.IsDir() {
		return nil, msg.Errorf("the folder %s does not exist", s.Project)
	}
	p, unread, err := load(ctx, at, false)
	if err == nil && unread != nil {
		return nil, unread
	}
	return p, err
}
