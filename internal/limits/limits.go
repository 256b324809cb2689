// Package limits holds every bound renja puts on its input and its work, so
// that no file of a project, however it was made, can take the machine's
// memory or time: the size of each input file, how deeply Markdown and TOML
// may nest, how much a template may write and for how long, and how long a
// whole build may run. Each limit that is reached is a *diag.Error in
// Indonesian that names the file (and, where there is one, the line and
// column), the limit, and what to do.
//
// docs/safety.md lists these values; keep the two together.
package limits

import (
	"time"
)

// The limits.
const (
	// markdownFile is the largest content/*.md file, in bytes.
	markdownFile = 2 << 20
	// dataFile is the largest data/*.csv file: twice the plan table of
	// a generated plan of 100,000 sub kegiatan (16 MB).
	dataFile = 32 << 20
	// DataTotal is the most all data/*.csv files together may hold: the
	// four tables of 100,000 sub kegiatan hold 46 MB. What renja holds
	// in memory grows with it, 15 to 30 bytes a byte of CSV (that plan
	// peaks at 0.97 GB; see docs/safety.md).
	DataTotal = 64 << 20
	// TableColumns is the most columns one schema may declare.
	TableColumns = 256
	// TableCells is the most cells (rows × columns) of one table: each
	// one is held, shown and written to the spreadsheet export.
	TableCells = 4_000_000
	// tomlFile is the largest renja.toml or data/*.toml file.
	tomlFile = 1 << 20
	// templateFile is the largest file of templates/ (a layout or a stylesheet).
	templateFile = 2 << 20

	// MarkdownDepth is how deeply blockquotes (>) and lists may nest in
	// each other, counted together.
	MarkdownDepth = 32
	// markdownBrackets is the most [ one part's Markdown may hold (what
	// its template calls write included).
	markdownBrackets = 10_000
	// tomlDepth is how deeply TOML may nest: inline tables, arrays and
	// dotted keys, counted together.
	tomlDepth = 16

	// PartOutput is the most a Markdown part's template calls may expand
	// it to, in bytes (the tables and charts they place are not counted:
	// they are set aside as blocks).
	PartOutput = 8 << 20
	// PageOutput is the most a layout (templates/*.html) may write for one
	// edition, in bytes.
	PageOutput = 256 << 20
	// stringValue is the longest text a template call may make (print,
	// printf, html, js, urlquery and renja's own functions that return
	// text): the whole value is made before any of it is written.
	stringValue = PartOutput
	// defaultTemplateTime is how long one template may run.
	defaultTemplateTime = 20 * time.Second
	// rangeCount is the most times a template's {{ range N }} over a
	// number written in it may repeat, nested ranges multiplied.
	rangeCount = 100_000

	// Memory is the soft limit of renja's heap (Go's memory limit, after
	// the first collection; see cli.LazyGC): near it the collector runs
	// more often rather than let the heap grow to twice what is live.
	// What is live may pass it; then renja is slower, not stopped.
	Memory = 850 << 20

	// BuildTime is how long a whole build may run unless --timeout says
	// otherwise.
	BuildTime = 10 * time.Minute
)

// FileSize returns the limit on the size of a project file, by its
// slash-separated path relative to the project.
func FileSize(name string) int64 {
	switch {
	case hasSuffix(name, ".md"):
		return markdownFile
	case hasSuffix(name, ".csv"):
		return dataFile
	case hasSuffix(name, ".toml"):
		return tomlFile
	}
	return templateFile
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
