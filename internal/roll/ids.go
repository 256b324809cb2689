package roll

// Year-free column ids. A column's id is what the CSV header, formulas and
// {{ nilai … }} calls name; its title says the year. An id that carries a
// year (target_2025) names the wrong year as soon as the project moves on,
// and Excel shows that header above the next year's figures. So the id names
// the year by its place in the plan's cycle instead: target_n_plus1,
// realisasi_n_min2, target_n. RenameIDs rewrites a project that still has
// ids with years; renja fmt runs it once, renja init --from on every copy.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"renja/internal/projfs"
	"renja/internal/table"
)

// idYearRe is a year in a column id: target_2025, 2024_pagu.
var idYearRe = regexp.MustCompile(`(^|_)((?:19|20|21)\d\d)(_|$)`)

// cycle is the year-free word for a year k years from the plan year:
// n, n_min2, n_plus1.
func cycle(k int) string {
	switch {
	case k < 0:
		return "n_min" + strconv.Itoa(-k)
	case k > 0:
		return "n_plus" + strconv.Itoa(k)
	}
	return "n"
}

// renames maps a schema's ids that carry a year to their year-free ids. The
// year is the column's own (its measure, or its title's label), else the
// id's year against planYear. An id whose new name is taken, or that
// carries two years, stays.
func renames(s *table.Schema, planYear int) map[string]string {
	taken := map[string]bool{}
	for _, c := range s.Columns {
		taken[c.Name] = true
	}
	out := map[string]string{}
	for i, c := range s.Columns {
		m := idYearRe.FindStringSubmatchIndex(c.Name)
		if m == nil {
			continue
		}
		k, has := 0, false
		if d := describe(s, i); d.hasYear {
			k, has = d.year, true
		} else if planYear > 0 {
			y, _ := strconv.Atoi(c.Name[m[4]:m[5]])
			k, has = y-planYear, true
		}
		if !has {
			continue
		}
		name := c.Name[:m[4]] + cycle(k) + c.Name[m[5]:]
		if taken[name] || idYearRe.MatchString(name) {
			continue
		}
		taken[name] = true
		out[c.Name] = name
	}
	return out
}

// Renamed is one id RenameIDs changed.
type Renamed struct {
	Table, Old, New string
}

func (r Renamed) String() string { return fmt.Sprintf("%s: %s → %s", r.Table, r.Old, r.New) }

// RenameIDs rewrites the ids with years in a project's files (paths relative
// to the project, as keys): each data/<id>.toml's names and formulas, its
// CSV's header, and the {{ … }} calls of content/ and templates/ that name a
// column of that table. It changes files in place and returns what it
// renamed. A schema that cannot be read is left alone (renja check reports it).
func RenameIDs(files map[string][]byte, planYear int) []Renamed {
	byTable := map[string]map[string]string{}
	var done []Renamed
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasPrefix(p, "data/") || path.Ext(p) != ".toml" || strings.Count(p, "/") != 1 {
			continue
		}
		id := strings.TrimSuffix(path.Base(p), ".toml")
		s, err := table.ParseSchema(p, id, files[p])
		if err != nil {
			continue
		}
		rn := renames(s, planYear)
		if len(rn) == 0 {
			continue
		}
		byTable[id] = rn
		files[p] = renameWords(files[p], rn)
		if csvb, ok := files["data/"+id+".csv"]; ok {
			files["data/"+id+".csv"] = renameHeader(csvb, rn)
		}
		for _, o := range slices.Sorted(maps.Keys(rn)) {
			done = append(done, Renamed{Table: id, Old: o, New: rn[o]})
		}
	}
	if len(byTable) == 0 {
		return nil
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "templates/") {
			files[p] = renameCalls(files[p], byTable)
		}
	}
	return done
}

var idWordRe = regexp.MustCompile(`[a-z0-9_-]+`)

// renameWords renames whole ids in a schema's text: name = "…" and the
// column names of formulas. Titles never hold an id with an underscore and
// a year, so a whole-word match is exact enough.
func renameWords(src []byte, rn map[string]string) []byte {
	return idWordRe.ReplaceAllFunc(src, func(w []byte) []byte {
		if n, ok := rn[string(w)]; ok {
			return []byte(n)
		}
		return w
	})
}

// renameHeader renames the columns of a CSV's header line; the rows stay
// byte for byte.
func renameHeader(src []byte, rn map[string]string) []byte {
	bom := []byte("\xef\xbb\xbf")
	body := bytes.TrimPrefix(src, bom)
	end := bytes.IndexByte(body, '\n')
	if end < 0 {
		end = len(body)
	}
	line := bytes.TrimSuffix(body[:end], []byte("\r"))
	delim := table.DetectDelimiter(line)
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = delim
	r.LazyQuotes = true
	rec, err := r.Read()
	if err != nil {
		return src
	}
	changed := false
	for i, h := range rec {
		if n, ok := rn[strings.TrimSpace(h)]; ok {
			rec[i], changed = n, true
		}
	}
	if !changed {
		return src
	}
	var b bytes.Buffer
	if len(body) < len(src) {
		b.Write(bom)
	}
	w := csv.NewWriter(&b)
	w.Comma = delim
	w.Write(rec)
	w.Flush()
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	return append(out, body[len(line):]...)
}

var (
	actionRe = regexp.MustCompile(`\{\{.*?\}\}`)
	quotedRe = regexp.MustCompile(`"([^"\\]*)"`)
)

// renameCalls renames a column named in a {{ … }} call after its table:
// {{ nilai "t23" "1" "realisasi_2022" }}.
func renameCalls(src []byte, byTable map[string]map[string]string) []byte {
	return actionRe.ReplaceAllFunc(src, func(a []byte) []byte {
		var rn map[string]string
		return quotedRe.ReplaceAllFunc(a, func(q []byte) []byte {
			s := string(q[1 : len(q)-1])
			if rn == nil {
				rn = byTable[s]
				return q
			}
			if n, ok := rn[s]; ok {
				return []byte(`"` + n + `"`)
			}
			return q
		})
	})
}

// ReadIDFiles reads the files of a project on disk that RenameIDs rewrites.
func ReadIDFiles(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, sub := range [][2]string{{"data", ".toml"}, {"data", ".csv"}, {"content", ".md"}, {"templates", ".html"}} {
		paths, err := projfs.List(dir, sub[0], sub[1])
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			b, err := projfs.ReadFile(dir, p)
			if err != nil {
				return nil, err
			}
			files[p] = b
		}
	}
	return files, nil
}
