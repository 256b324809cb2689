package scaffold

// What renja init marks in the bundled example for another office: each
// fact of the text ({{ fakta … }}) becomes a mark to fill that keeps the
// example's value, and (see exampleRows) each row of the example's tables
// is marked as the example's.

import (
	"path"
	"strings"

	"renja/internal/content"
	"renja/internal/table"
)

// markExample marks the example's facts and rows in the files of a new
// project (paths relative to it).
func markExample(files map[string][]byte) {
	// The mark names no office: the example's kecamatan stays out of the
	// new office's text.
	note := "contoh"
	for p, b := range files {
		switch {
		case strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md"):
			files[p], _ = content.MarkFacts(b, note)
		case strings.HasPrefix(p, "data/") && strings.HasSuffix(p, ".csv") && !keepRows[strings.TrimSuffix(path.Base(p), ".csv")]:
			files[p] = exampleRows(b)
		}
	}
}

// exampleRows adds the column contoh to a table of the example, with the
// mark on every row. The bundled tables quote no cell, so each line is a
// row.
func exampleRows(src []byte) []byte {
	delim := string(table.DetectDelimiter(src))
	lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		switch {
		case i == 0:
			lines[i] = l + delim + table.ExampleColumn
		case strings.TrimSpace(l) != "":
			lines[i] = l + delim + table.ExampleMark
		}
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}
