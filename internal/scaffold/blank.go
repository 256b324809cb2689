package scaffold

// renja init DIR --blank: the standard outline of a Renja (Permendagri
// 86/2017: BAB I–V and their usual sections, each with one line of guidance
// in [brackets], which renja check lists as a to-do until it is replaced)
// and the standard tables with their headers and no rows, for an office that
// does not want to rewrite the bundled example's text.

import (
	"embed"
	"io/fs"
	"strings"

	bdata "renja/data"
	"renja/internal/roll"
	"renja/internal/table"
)

//go:embed blank/*.md
var blankFS embed.FS

// keepRows are the bundled tables whose rows are the regulation's, not an
// office's: Tabel 2.2, the criteria of Permendagri 86/2017.
var keepRows = map[string]bool{"t22": true}

// blankFiles returns the outline's content/ and the tables' data/.
func blankFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	outline, err := fs.Sub(blankFS, "blank")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(outline, "*.md")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		b, err := fs.ReadFile(outline, n)
		if err != nil {
			return nil, err
		}
		files["content/"+n] = b
	}
	schemas, err := fs.Glob(bdata.FS, "*.toml")
	if err != nil {
		return nil, err
	}
	for _, n := range schemas {
		id := strings.TrimSuffix(n, ".toml")
		src, err := fs.ReadFile(bdata.FS, n)
		if err != nil {
			return nil, err
		}
		src, _ = roll.FixLabels(src) // the example's headers whose year contradicts its label
		files["data/"+n] = src
		csv, err := fs.ReadFile(bdata.FS, id+".csv")
		if err != nil {
			return nil, err
		}
		if !keepRows[id] {
			s, err := table.ParseSchema("data/"+n, id, src)
			if err != nil {
				return nil, err
			}
			names := make([]string, len(s.Columns))
			for i, c := range s.Columns {
				names[i] = c.Name
			}
			csv = []byte(strings.Join(names, ";") + "\n")
		}
		files["data/"+id+".csv"] = csv
	}
	return files, nil
}
