package cli

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/diff"
	"renja/internal/gitrev"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/roll"
	"renja/internal/tablefmt"
)

// worktree names the project folder as it is on disk in a diff.
const worktree = "folder kerja"

// runDiff is `renja diff`: what changed in the plan between two versions.
func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", "diff [-C PROJECT] [--markdown | --json] [REV [REV] | REV..REV]\n       renja diff --textconv FILE.csv", stderr)
	dir := fs.String("C", ".", msg.Sprintf("the project folder"))
	md := fs.Bool("markdown", false, msg.Sprintf("write Markdown, for a merge-request comment or a CI job summary"))
	asJSON := fs.Bool("json", false, msg.Sprintf("write a JSON array of changes (table, code, column, old, new, delta, kind)"))
	textconv := fs.Bool("textconv", false, msg.Sprintf("write FILE.csv as one line per cell, for git's diff driver"))
	previous := fs.Bool("previous", false, msg.Sprintf("set this year's plan beside last year's Renja (renja.toml's [previous]) by code"))
	revs, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if *textconv {
		if len(revs) != 1 {
			return usagef("diff --textconv membaca satu berkas CSV (git menambahkannya sendiri)")
		}
		src, err := os.ReadFile(revs[0])
		if err != nil {
			return failf("%v", err)
		}
		_, err = stdout.Write(diff.Textconv(src, diff.TextconvSchema(revs[0])))
		return err
	}
	if *md && *asJSON {
		return usagef("pilih salah satu: --markdown atau --json")
	}
	if *previous {
		if len(revs) > 0 {
			return usagef("renja diff --previous compares the project folder with last year's Renja: no revision")
		}
		r, err := diffPrevious(*dir)
		if err != nil {
			return err
		}
		return writeDiff(r, *md, *asJSON, stdout)
	}
	oldRev, newRev, err := revRange(revs)
	if err != nil {
		return usagef("%v", err)
	}
	repo, err := gitrev.Open(*dir)
	if err != nil {
		return failf("%v", err)
	}
	load := func(rev string) (*model.Project, string, func(), error) {
		if rev == "" {
			p, err := model.Load(*dir)
			return p, worktree, func() {}, err
		}
		c, err := repo.Resolve(rev)
		if err != nil {
			return nil, "", nil, err
		}
		tmp, err := repo.Extract(rev)
		if err != nil {
			return nil, "", nil, err
		}
		done := func() { os.RemoveAll(tmp) }
		p, err := model.Load(tmp)
		if err != nil {
			done()
			return nil, "", nil, msg.Errorf("revision %s cannot be read as a renja project:\n%s", rev, diag.Detail(err))
		}
		return p, rev + " (" + c.Hash.String()[:7] + ")", done, nil
	}
	op, oname, odone, err := load(oldRev)
	if err != nil {
		return failed(err)
	}
	defer odone()
	np, nname, ndone, err := load(newRev)
	if err != nil {
		return failed(err)
	}
	defer ndone()
	r := diff.Compare(op, np)
	r.Old, r.New = oname, nname
	return writeDiff(r, *md, *asJSON, stdout)
}

func writeDiff(r *diff.Report, md, asJSON bool, stdout io.Writer) (err error) {
	switch {
	case asJSON:
		err = r.JSON(stdout)
	case md:
		err = r.Markdown(stdout)
	default:
		err = r.Text(stdout)
	}
	if err != nil {
		return failf("%v", err)
	}
	return nil
}

// diffPrevious is renja diff --previous: the project's plan beside last
// year's Renja, which renja.toml's [previous] names.
func diffPrevious(dir string) (*diff.Report, error) {
	p, err := model.Load(dir)
	if err != nil {
		return nil, failed(err)
	}
	d := p.Previous
	if d == nil {
		return nil, failf(`renja.toml names no previous Renja (hint: add [previous] with project = "../kalaena-2024" or rev = "renja-2024")`)
	}
	if d.Err != nil {
		return nil, failf("last year's Renja %s cannot be read: %s", d.Source.Name(), d.Err.Error())
	}
	r := diff.Previous(d.Project, p)
	r.Old = fmt.Sprintf("Renja %d (%s)", d.Project.Config.Plan.Year, d.Source.Name())
	r.New = fmt.Sprintf("Renja %d (%s)", p.Config.Plan.Year, worktree)
	return r, nil
}

// revRange reads the revisions of renja diff: none (HEAD against the
// working tree), REV (REV against the working tree), REV REV, or REV..REV
// (an empty side of .. is HEAD, as in git). "" is the working tree.
func revRange(args []string) (old, nu string, err error) {
	switch len(args) {
	case 0:
		return "HEAD", "", nil
	case 1:
		if a, b, ok := strings.Cut(args[0], ".."); ok {
			if strings.HasPrefix(b, ".") {
				return "", "", msg.Errorf("%q: renja diff compares two revisions with A..B, not A...B", args[0])
			}
			return revOr(a), revOr(b), nil
		}
		return args[0], "", nil
	case 2:
		if strings.Contains(args[0]+args[1], "..") {
			return "", "", msg.Errorf("write two revisions as A B or as A..B, not both")
		}
		return args[0], args[1], nil
	}
	return "", "", msg.Errorf("renja diff compares at most two revisions, got %d: %s", len(args), strings.Join(args, " "))
}

func revOr(s string) string {
	if s == "" {
		return "HEAD"
	}
	return s
}

// runFmt is `renja fmt`: every table in canonical form.
func runFmt(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fmt", "fmt [--check] [PROJECT]", stderr)
	check := fs.Bool("check", false, msg.Sprintf("change nothing; list the tables that are not in canonical form and exit 1"))
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	dir, err := project(fs)
	if err != nil {
		return err
	}
	unformatted, errs := renameIDs(dir, *check, stdout)
	files, err := tablefmt.Project(dir)
	if err != nil {
		return failf("%v", err)
	}
	for _, f := range files {
		switch {
		case f.Err != nil:
			errs = append(errs, f.Err)
		case !f.Changed():
		case *check:
			fmt.Fprintln(stdout, f.Path)
			unformatted = true
		default:
			if err := tablefmt.Write(dir, f); err != nil {
				errs = append(errs, err)
				continue
			}
			if f.Note != nil && f.Note.Encoding != "" {
				msg.Fprintln(stdout, "%s tidied: it was %s text, it is now UTF-8", f.Path, f.Note.Encoding)
			} else {
				msg.Fprintln(stdout, "%s tidied", f.Path)
			}
		}
	}
	if err := diag.Join(errs...); err != nil {
		return unreadable(err)
	}
	if unformatted {
		return failf("tabel di atas belum dalam bentuk baku (hint: jalankan renja fmt)")
	}
	return nil
}

// renameIDs is renja fmt's one-time rewrite of column ids that carry a
// year (target_2025 → target_n_plus1): in the schemas, the CSV headers and
// the calls of content/ and templates/. With check it only lists them.
func renameIDs(dir string, check bool, stdout io.Writer) (bool, []error) {
	cfg, err := config.Load(dir)
	if err != nil {
		return false, nil // renja check reports renja.toml; the ids then wait
	}
	files, err := roll.ReadIDFiles(dir)
	if err != nil {
		return false, []error{err}
	}
	before := map[string]string{}
	for p, b := range files {
		before[p] = string(b)
	}
	renamed := roll.RenameIDs(files, cfg.Plan.Year)
	if len(renamed) == 0 {
		return false, nil
	}
	for _, r := range renamed {
		msg.Fprintf(stdout, "data/%s.toml: column %s is now %s (the title says the year)\n", r.Table, r.Old, r.New)
	}
	if check {
		return true, nil
	}
	var errs []error
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if string(files[p]) == before[p] {
			continue
		}
		if err := tablefmt.Write(dir, &tablefmt.File{Path: p, New: files[p]}); err != nil {
			errs = append(errs, err)
		}
	}
	return false, errs
}
