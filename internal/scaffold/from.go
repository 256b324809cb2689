package scaffold

// renja init DIR --from PROJECT [--year N]: next year's Renja from this
// year's project. The text, the schemas, the templates and any other file of
// the project are copied; renja.toml gets the new plan year (and the
// signature and decree dates a year on, the decree number to fill); the
// tables are rolled by package roll.

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"renja/internal/config"
	"renja/internal/content"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/roll"
	deftpl "renja/templates"
)

// FromOptions of a project made from another.
type FromOptions struct {
	Dir  string // the new project's folder
	From string // the old project's folder
	Year int    // the new plan year; 0: the old one + 1
}

// FromResult says what From wrote.
type FromResult struct {
	Files         []string
	OldYear, Year int
	Todos         int            // table cells marked to fill
	Fixed         []string       // headers whose year was made to agree with its label
	Renamed       []roll.Renamed // column ids that carried a year, now year-free
	Facts         int            // facts of the text ({{ fakta … }}) marked to fill
}

// From writes next year's project.
func From(o FromOptions) (*FromResult, error) {
	if o.Dir == "" || o.From == "" {
		return nil, msg.Errorf("the folder of the new project and --from PROJECT are needed")
	}
	if err := refuseProject(o.Dir); err != nil {
		return nil, err
	}
	old, err := model.Load(o.From)
	if err != nil {
		return nil, msg.Errorf("reading %s: %w", o.From, err)
	}
	res := &FromResult{OldYear: old.Config.Plan.Year, Year: o.Year}
	if res.Year == 0 {
		res.Year = res.OldYear + 1
	}
	delta := res.Year - res.OldYear
	if delta <= 0 || res.Year > 2100 {
		return nil, msg.Errorf("--year %d: the new plan year must come after the plan year of %s (%d)", res.Year, o.From, res.OldYear)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(o.From, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(o.From, path)
		rel = filepath.ToSlash(rel)
		top, _, _ := strings.Cut(rel, "/")
		if d.IsDir() {
			if rel != "." && !projectDirs[top] {
				return filepath.SkipDir
			}
			return nil
		}
		keep := projectDirs[top] || rel == ".gitignore" || rel == ".gitattributes"
		if !keep || !d.Type().IsRegular() || strings.HasSuffix(rel, ".go") || strings.HasPrefix(rel, "data/") && strings.HasSuffix(rel, ".csv") {
			return nil // links are not followed; renja.toml and the tables are written anew
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if def, err := fs.ReadFile(deftpl.FS, strings.TrimPrefix(rel, "templates/")); top == "templates" && err == nil && string(def) == string(b) {
			return nil // the default itself: not an override to copy
		}
		if strings.HasPrefix(rel, "content/") && strings.HasSuffix(rel, ".md") {
			var n int
			b, n = content.MarkFacts(b, fmt.Sprintf("Renja %d", res.OldYear))
			res.Facts += n
		}
		if strings.HasPrefix(rel, "data/") && strings.HasSuffix(rel, ".toml") {
			var fixed []string
			b, fixed = roll.FixLabels(b)
			for _, f := range fixed {
				res.Fixed = append(res.Fixed, rel+": "+f)
			}
		}
		files[rel] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	files[config.FileName] = withPrevious(rollConfig(old.Config.Src, delta), previousPath(o.Dir, o.From))
	for _, t := range roll.Tables(old, delta) {
		files[t.Path] = t.CSV
		res.Todos += t.Todos
	}
	res.Renamed = roll.RenameIDs(files, res.OldYear)
	if _, ok := files[".gitignore"]; !ok {
		files[".gitignore"] = []byte("output/\n")
	}
	res.Files, err = writeFiles(o.Dir, files)
	return res, err
}

// projectDirs are the folders of a project that --from copies.
var projectDirs = map[string]bool{"content": true, "data": true, "templates": true, "images": true}

var (
	sectionRe = regexp.MustCompile(`^\s*\[([^\[\]]+)\]`)
	keyRe     = regexp.MustCompile(`^(\s*)([A-Za-z_]+)(\s*=\s*)(.*)$`)
	dateRe    = regexp.MustCompile(`^(\d{4})(-\d\d-\d\d)`)
	yearNumRe = regexp.MustCompile(`^(\d{4})\b`)
)

// rollConfig moves renja.toml delta years on: plan.year, the years in the
// plan's title and running header, the signature's and the decree's dates
// (and decree.year); the decree's number becomes a placeholder to fill.
// Everything else, comments too, stays as written.
func rollConfig(src []byte, delta int) []byte {
	section := ""
	oldYear := 0
	lines := strings.Split(string(src), "\n")
	for _, l := range lines {
		if m := sectionRe.FindStringSubmatch(l); m != nil {
			section = strings.TrimSpace(m[1])
		} else if m := keyRe.FindStringSubmatch(l); m != nil && section == "plan" && m[2] == "year" {
			oldYear, _ = strconv.Atoi(yearNumRe.FindString(m[4]))
		}
	}
	section = ""
	for i, l := range lines {
		if m := sectionRe.FindStringSubmatch(l); m != nil {
			section = strings.TrimSpace(m[1])
			continue
		}
		m := keyRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		indent, key, eq, val := m[1], m[2], m[3], m[4]
		shiftYear := func(re *regexp.Regexp) string {
			g := re.FindStringSubmatchIndex(val)
			if g == nil {
				return val
			}
			y, _ := strconv.Atoi(val[g[2]:g[3]])
			return strconv.Itoa(y+delta) + val[g[3]:]
		}
		switch section + "." + key {
		case "plan.year", "decree.year":
			val = shiftYear(yearNumRe)
		case "plan.title", "plan.running_header", "plan.pdf":
			if oldYear > 0 {
				val = strings.ReplaceAll(val, strconv.Itoa(oldYear), strconv.Itoa(oldYear+delta))
			}
		case "signatory.date", "decree.date":
			val = shiftYear(dateRe)
		case "decree.number":
			val = `"[nomor keputusan]"`
		default:
			continue
		}
		lines[i] = indent + key + eq + val
	}
	return []byte(strings.Join(lines, "\n"))
}

// previousPath is the old project's folder as the new project's renja.toml
// names it: relative to the new folder, slash-separated, so that the two
// can move together (absolute when they share no root).
func previousPath(dir, from string) string {
	a, err1 := filepath.Abs(dir)
	b, err2 := filepath.Abs(from)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(from)
	}
	rel, err := filepath.Rel(a, b)
	if err != nil {
		return filepath.ToSlash(b)
	}
	return filepath.ToSlash(rel)
}

// withPrevious names last year's Renja in renja.toml's [previous] (the
// carry rule compares this year's figures with it): the section's project
// and rev give way to project = folder; a file without the section gets one
// at its end.
func withPrevious(src []byte, folder string) []byte {
	line := "project = " + strconv.Quote(folder)
	lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	section, done := "", false
	var out []string
	for _, l := range lines {
		if m := sectionRe.FindStringSubmatch(l); m != nil {
			section = strings.TrimSpace(m[1])
			out = append(out, l)
			if section == "previous" && !done {
				out, done = append(out, line), true
			}
			continue
		}
		if m := keyRe.FindStringSubmatch(l); m != nil && section == "previous" && (m[2] == "project" || m[2] == "rev") {
			continue
		}
		out = append(out, l)
	}
	if !done {
		out = append(out, "", "# Renja tahun lalu: aturan carry dari renja check membandingkan angka yang dibawa tahun ini darinya.", "[previous]", line)
	}
	return []byte(strings.Join(out, "\n") + "\n")
}
