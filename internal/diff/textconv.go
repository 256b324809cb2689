package diff

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"renja/internal/kode"
	"renja/internal/table"
)

// Textconv writes a table as one line per cell, keyed by the row's code and
// the column's name: "7.01.01.2.01.01 pagu: 14.271.500". git's diff driver
// (.gitattributes: data/*.csv diff=renja) then shows a changed amount as
// one line, not a whole row. Empty cells are left out. The code is the
// canonical one (a row without a code is keyed by its name, a table without
// codes by its first column); a key that repeats gets "#2" after it. A file
// that cannot be read as CSV is returned as it is, so git diff still works.
func Textconv(src []byte, s *table.Schema) []byte {
	_, r, _ := table.OpenCSV(src, 0)
	recs, err := r.ReadAll()
	if err != nil || len(recs) == 0 {
		return src
	}
	header := recs[0]
	codeCol, nameCol := -1, -1
	for i, h := range header {
		h = strings.TrimSpace(h)
		if s != nil {
			if c := s.Col(h); c != nil {
				switch {
				case c.Type == table.Code && codeCol < 0:
					codeCol = i
				case c.Index == s.NameCol() && nameCol < 0:
					nameCol = i
				}
			}
		} else if h == "kode" && codeCol < 0 {
			codeCol = i
		}
	}
	if s == nil && codeCol == 0 && len(header) > 1 {
		nameCol = 1
	}
	var out bytes.Buffer
	seen := map[string]int{}
	for _, rec := range recs[1:] {
		key := ""
		if codeCol >= 0 && codeCol < len(rec) {
			if c, err := kode.Parse(rec[codeCol]); err == nil && !c.IsZero() {
				key = c.String()
			}
		}
		if key == "" && nameCol >= 0 && nameCol < len(rec) {
			key = rec[nameCol]
		}
		if key == "" && len(rec) > 0 {
			key = rec[0]
		}
		key = oneLine(key)
		if key == "" {
			key = "(tanpa kode)"
		}
		seen[key]++
		if seen[key] > 1 {
			key = fmt.Sprintf("%s#%d", key, seen[key])
		}
		for i, v := range rec {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			col := fmt.Sprintf("kolom%d", i+1)
			if i < len(header) && strings.TrimSpace(header[i]) != "" {
				col = strings.TrimSpace(header[i])
			}
			fmt.Fprintf(&out, "%s %s: %s\n", key, esc(col), esc(v))
		}
	}
	return out.Bytes()
}

// esc writes a line break inside a cell as \n, so that a cell stays one line.
func esc(s string) string {
	return strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// gitTemp matches the temporary name git gives an old version of a file
// for a textconv driver: six random characters, "_", the file's own name.
var gitTemp = regexp.MustCompile(`^[0-9A-Za-z]{6}_(.+)$`)

// TextconvSchema finds the schema of the table in file: beside it, or in
// the data/ folder of the current folder (git runs the driver at the top of
// the repository, and names old versions by temporary files elsewhere).
func TextconvSchema(file string) *table.Schema {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	ids := []string{base}
	if m := gitTemp.FindStringSubmatch(base); m != nil {
		ids = append(ids, m[1])
	}
	dirs := []string{filepath.Dir(file), "data"}
	if env := os.Getenv("RENJA_PROJECT"); env != "" {
		dirs = append(dirs, filepath.Join(env, "data"))
	}
	more, _ := filepath.Glob(filepath.Join("*", "data")) // a project in a folder of the repository
	dirs = append(dirs, more...)
	for _, id := range ids {
		for _, d := range dirs {
			b, err := os.ReadFile(filepath.Join(d, id+".toml"))
			if err != nil {
				continue
			}
			if s, err := table.ParseSchema("data/"+id+".toml", id, b); err == nil {
				return s
			}
		}
	}
	return nil
}
