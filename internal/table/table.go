// Package table loads the project's tables: data/<id>.csv with its schema
// data/<id>.toml beside it. The schema declares each column's name, type,
// header text, column number, grouped header, measure and formula, so another
// office's tables need no Go code. Every cell keeps its place in the file
// (Table.Pos: its line and column in characters). The package owns reading: the schema (schema.go) and the CSV
// text against it; it computes nothing (package model does).
package table

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/limits"
	"renja/internal/num"
	"renja/internal/projfs"

	"renja/internal/msg"
)

// Row is one record.
type Row struct {
	Line    int
	Cells   []Cell // by Column.Index
	Code    kode.Code
	CodeErr error
	Example bool // marked in the column contoh: a row of the example a new project started from
}

// Table is a loaded table.
type Table struct {
	*Schema
	Path      string // the CSV file, relative to the project
	Rows      []*Row
	HeaderCol []int  // column (in characters) of each declared column's name in the header line
	Notes     []Note // what was read in another way than typed: another encoding, spaces trimmed

	text *diag.Source          // the decoded CSV text: the cells' Raw are substrings of it, their offsets point into it
	errs map[uint32]*num.Error // why a cell cannot be read, by the cell's offset
}

// Note is something renja read in another way than the file states, for the
// checker to warn about once per file.
type Note struct {
	Line, Column int
	Msg, Hint    string
	Encoding     string // the file's encoding, when it was not UTF-8 (UTF-16, Windows-1252)
}

// Cell returns the row's cell in the named column, or nil.
func (t *Table) Cell(r *Row, name string) *Cell {
	if c := t.Col(name); c != nil {
		return &r.Cells[c.Index]
	}
	return nil
}

// Name returns the row's name (its first text column).
func (t *Table) Name(r *Row) string {
	if i := t.NameCol(); i >= 0 {
		return r.Cells[i].Raw
	}
	return ""
}

// LoadDir loads every table in dir/data, sorted by id. A table that cannot
// be read is left out and its errors are returned beside the tables that
// could be read, so that the checker can still judge those (nothing hides
// the rest).
func LoadDir(projectDir string) ([]*Table, error) {
	schemas, err := projfs.List(projectDir, "data", ".toml")
	if err != nil {
		return nil, err
	}
	if err := checkTotal(projectDir); err != nil {
		return nil, err
	}
	var tables []*Table
	var errs []error
	for _, s := range schemas {
		t, err := Load(projectDir, strings.TrimSuffix(path.Base(s), ".toml"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		tables = append(tables, t)
	}
	csvs, _ := projfs.List(projectDir, "data", ".csv")
	for _, c := range csvs {
		id := strings.TrimSuffix(path.Base(c), ".csv")
		if !projfs.Exists(projectDir, "data/"+id+".toml") {
			errs = append(errs, &diag.Error{File: "data/" + id + ".csv", Msg: msg.Sprintf("table has no schema"),
				Hint: msg.Sprintf("write data/%s.toml beside it to declare its columns (see docs/project.md)", id)})
		}
	}
	return tables, diag.Join(errs...)
}

// tableCells is limits.TableCells; the tests lower it.
var tableCells = limits.TableCells

// checkTotal refuses the tables before any is read when their CSV files
// hold more than limits.DataTotal together, naming the largest.
func checkTotal(projectDir string) error {
	csvs, _ := projfs.List(projectDir, "data", ".csv")
	var total, largest int64
	name := ""
	for _, c := range csvs {
		size := projfs.Size(projectDir, c)
		total += size
		if size > largest {
			largest, name = size, c
		}
	}
	if total <= limits.DataTotal {
		return nil
	}
	return &diag.Error{File: "data/",
		Msg:  msg.Sprintf("the tables hold %s together, the limit is %s (the largest: %s, %s)", limits.Size(total), limits.Size(limits.DataTotal), name, limits.Size(largest)),
		Hint: msg.Sprintf("a Renja of 100,000 sub kegiatan holds about 46 MB; check that these are the right files")}
}

// Load reads data/<id>.toml and data/<id>.csv.
func Load(projectDir, id string) (*Table, error) {
	s, err := LoadSchema(projectDir, id)
	if err != nil {
		return nil, err
	}
	file := "data/" + id + ".csv"
	src, err := projfs.ReadFile(projectDir, file)
	if _, ok := diag.ListOf(err); ok {
		return nil, err
	}
	if err != nil {
		return nil, &diag.Error{File: file, Msg: msg.Sprintf("cannot read the table: %v", msg.FileError(err)),
			Hint: msg.Sprintf("every schema data/%s.toml needs its CSV beside it", id)}
	}
	return Parse(s, file, src)
}

// Parse reads a table's CSV text against its schema. Problems that make the
// file unreadable as this table (not UTF-8, ragged rows, unknown or missing
// columns, an unclosed quote) are errors; a cell whose value cannot be read as
// its column's type is kept Unreadable, with Table.Err saying why, for the
// checker to report.
//
// The table keeps src: its cells' text are substrings of it (no copy of a
// file of 100,000 rows), so the caller must not change src afterwards.
func Parse(s *Schema, path string, src []byte) (*Table, error) {
	var comma rune
	if s.Delimiter != "" {
		comma, _ = utf8.DecodeRuneInString(s.Delimiter)
	}
	src, r, enc := OpenCSV(src, comma)
	if len(src) > math.MaxUint32 { // a cell's offset is 32 bits; far beyond limits.FileSize
		return nil, limits.TooLarge(path, int64(len(src)))
	}
	var notes []Note
	if enc != nil {
		notes = append(notes, *enc)
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &diag.Error{File: path, Msg: msg.Sprintf("the table is empty"), Hint: msg.Sprintf("write the header line: %s", strings.Join(names(s), ";"))}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &diag.Error{File: path, Msg: msg.Sprintf("this is not a text file (it has a NUL byte)"),
			Hint: msg.Sprintf("save the sheet as CSV (Save As → CSV UTF-8), not as .xlsx")}
	}
	source := diag.NewSource(path, src, 1)
	delim := string(r.Comma)
	header, err := r.Read()
	if err != nil {
		return nil, CSVError(source, r.Comma, err)
	}
	header = trimTrailingEmpty(header)
	colOf := make([]int, len(header)) // CSV field -> schema column
	var errs diag.List
	found := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		c := s.Col(h)
		_, hc := r.FieldPos(i)
		hc = source.Column(1, hc)
		if c == nil && h == ExampleColumn && !found[h] {
			found[h], colOf[i] = true, exampleCol
			continue
		}
		if c == nil {
			errs = append(errs, &diag.Error{File: path, Line: 1, Column: hc, Msg: msg.Sprintf("unknown column %q", h),
				Hint: msg.Sprintf("the schema %s declares: %s", s.File, strings.Join(names(s), ", ")), Source: source.Line(1)})
			colOf[i] = -1
			continue
		}
		if found[h] {
			errs = append(errs, &diag.Error{File: path, Line: 1, Column: hc, Msg: msg.Sprintf("column %q appears twice", h),
				Hint: msg.Sprintf("remove one of them"), Source: source.Line(1)})
		}
		found[h] = true
		colOf[i] = c.Index
	}
	for _, c := range s.Columns {
		if !found[c.Name] {
			errs = append(errs, &diag.Error{File: path, Line: 1, Msg: msg.Sprintf("missing column %q%s", c.Name, inParens(c.Title)),
				Hint: msg.Sprintf("the header line must name every column of %s: %s", s.File, strings.Join(names(s), string(delim))), Source: source.Line(1)})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	t := &Table{Schema: s, Path: path, HeaderCol: make([]int, len(s.Columns)), text: source}
	text := unsafe.String(unsafe.SliceData(src), len(src)) // src is never written again (see above)
	source.Offset(1, 1)                                    // the line index, made now: Pos reads it from any goroutine
	for i, ci := range colOf {
		if ci == exampleCol {
			continue
		}
		_, hc := r.FieldPos(i)
		t.HeaderCol[ci] = source.Column(1, hc)
	}
	spaced, spacedLine, spacedCol := 0, 0, 0
	// The rows and cells of many rows share two allocations; a cell's text is a
	// substring of the file's, not of its record's (which is dropped).
	header = slices.Clone(header)
	r.ReuseRecord = true
	lines := 1 + bytes.Count(src, []byte("\n"))
	t.Rows = make([]*Row, 0, lines-1)
	var (
		rows  []Row
		cells []Cell
	)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, CSVError(source, r.Comma, err)
		}
		line, _ := r.FieldPos(0)
		if allBlank(rec) {
			continue
		}
		if len(rec) > len(header) {
			extra := rec[len(header):]
			if !allBlank(extra) {
				i := len(header)
				for strings.TrimSpace(rec[i]) == "" {
					i++
				}
				el, col := r.FieldPos(i) // the first extra cell, which may sit on a later line than the row's first
				return nil, source.ErrorAt(el, col, msg.Sprintf("a cell holding the delimiter %q must be quoted, or a cell was added", delim),
					"row has %d cells, the header has %d", len(trimTrailingEmpty(rec)), len(header))
			}
		}
		if len(rec) < len(header) {
			return nil, source.ErrorAt(line, 0, msg.Sprintf("every row needs a cell for every column (an empty cell is fine)"),
				"row has %d cells, the header has %d", len(rec), len(header))
		}
		if (len(t.Rows)+1)*len(s.Columns) > tableCells {
			return nil, source.ErrorAt(line, 0, msg.Sprintf("split the table into several tables (several files in data/)"),
				"the table has more than %d cells (rows × columns), the limit of one table", tableCells)
		}
		if len(rows) == 0 {
			n := min(slab, max(1, lines-line+1))
			rows, cells = make([]Row, n), make([]Cell, n*len(s.Columns))
		}
		row := &rows[0]
		*row = Row{Line: line, Cells: cells[:len(s.Columns):len(s.Columns)]}
		rows, cells = rows[1:], cells[len(s.Columns):]
		for i := range header {
			ci := colOf[i]
			if ci == exampleCol {
				row.Example = strings.TrimSpace(rec[i]) != ""
				continue
			}
			l, c := r.FieldPos(i)
			off := source.Offset(l, c)
			cell, err := parseCell(s.Columns[ci].Type, inText(text, off, rec[i]), uint32(off))
			if err != nil {
				if t.errs == nil {
					t.errs = map[uint32]*num.Error{}
				}
				t.errs[cell.off] = err
			}
			row.Cells[ci] = cell
			if cell.Raw != "" && len(cell.Raw) != len(rec[i]) {
				if spaced == 0 {
					spacedLine, spacedCol = l, source.Column(l, c)
				}
				spaced++
			}
		}
		t.Rows = append(t.Rows, row)
	}
	if ci := s.CodeCol(); ci >= 0 {
		raw := make([]string, len(t.Rows))
		for i, row := range t.Rows {
			raw[i] = row.Cells[ci].Raw
		}
		codes, cerrs := kode.ParseAll(raw)
		for i, row := range t.Rows {
			row.Code, row.CodeErr = codes[i], cerrs[i]
		}
	}
	if spaced > 0 {
		notes = append(notes, Note{Line: spacedLine, Column: spacedCol,
			Msg:  msg.Sprintf("%d cells start or end with spaces; they were read without them", spaced),
			Hint: msg.Sprintf("nothing to do; to tidy the file, use Excel's TRIM or Find and Replace")})
	}
	t.Notes = notes
	return t, nil
}

// slab is how many rows (and their cells) are allocated at once.
const slab = 4096

// inText returns field f, which starts at byte off of text, as a substring of
// text: the same bytes, or those after the opening quote of a quoted field.
// A field the reader changed (a doubled quote, a line break in quotes written
// as CR LF) is copied.
func inText(text string, off int, f string) string {
	switch {
	case strings.HasPrefix(text[off:], f):
		return text[off : off+len(f)]
	case off < len(text) && text[off] == '"' && strings.HasPrefix(text[off+1:], f):
		return text[off+1 : off+1+len(f)]
	}
	return strings.Clone(f)
}

func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func names(s *Schema) []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Name
	}
	return out
}

// DetectDelimiter returns the delimiter of a CSV text: the one of ';', ','
// and tab that occurs most often outside quotes in its first line (';' on a
// tie, as Indonesian Excel writes). A byte-order mark is skipped.
func DetectDelimiter(src []byte) rune {
	semi, comma, tab, quoted := 0, 0, 0, false
	for _, b := range bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) {
		if b == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if b == '\n' {
			break
		}
		switch b {
		case ';':
			semi++
		case ',':
			comma++
		case '\t':
			tab++
		}
	}
	switch {
	case tab > semi && tab > comma:
		return '\t'
	case comma > semi:
		return ','
	}
	return ';'
}

// CSVError is encoding/csv's err reading source (with comma between cells)
// in the officer's words, at its line and column in characters.
func CSVError(source *diag.Source, comma rune, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		hint := msg.Sprintf("check the quotes in this row")
		m := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) {
			m = msg.Sprintf("a quote is not closed, or a quote stands inside an unquoted cell")
			hint = msg.Sprintf(`close the quoted cell with ", and write a quote inside a quoted cell as ""`)
			if line, col, ok := openQuote(source.Text, comma, pe.StartLine); ok {
				// The reader stops at the end of the file; point at the quote that opens the cell.
				pe.Line, pe.Column = line, col
				m = msg.Sprintf("this quote is never closed: the cell runs to the end of the file")
			}
		} else if errors.Is(pe.Err, csv.ErrBareQuote) {
			m = msg.Sprintf("a quote stands inside an unquoted cell")
			hint = msg.Sprintf(`quote the whole cell and double the inner quote: "say ""this"""`)
		}
		return source.ErrorAt(pe.Line, pe.Column, hint, "%s", m)
	}
	return &diag.Error{File: source.File, Msg: err.Error()}
}

// openQuote finds the opening quote of a quoted cell that the record on line
// start leaves open to the end of src: with a quote added at the end the
// record reads, and its last cell starts at that quote. ok is false when the
// record has another quoting mistake.
func openQuote(src []byte, comma rune, start int) (line, col int, ok bool) {
	r := csv.NewReader(bytes.NewReader(append(bytes.Clone(src), '"')))
	r.Comma, r.FieldsPerRecord = comma, -1
	for {
		rec, err := r.Read()
		if err != nil {
			return 0, 0, false
		}
		if l, _ := r.FieldPos(0); l == start {
			line, col = r.FieldPos(len(rec) - 1)
			return line, col, true
		}
	}
}

func allBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func trimTrailingEmpty(rec []string) []string {
	for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}
