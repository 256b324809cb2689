// Package tablefmt writes a table's CSV in one canonical form, so that a
// table opened in Excel and saved again, unchanged, is byte for byte what
// git holds: the project's delimiter, quotes only where a cell needs them,
// LF line endings, no byte-order mark, no trailing empty columns, no blank
// rows, and amounts of money in the project's spelling (2.590.643.300).
//
// It never changes a value: a cell is only re-quoted, and respelled only to
// a spelling that reads as the same value; a cell that cannot be read (1.7.1's
// "278.000,000") stays byte for byte as it was. Given a Reference (the
// table as git holds it at HEAD), a cell whose value reads the same as there
// takes that spelling back: Excel's "2379" for "2.379", "50" for "50,00".
package tablefmt

import (
	"bytes"
	"fmt"
	"strings"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/msg"
	"renja/internal/num"
	"renja/internal/table"
)

// Types gives a column's type by its CSV header name; nil when the table has
// no schema (then no cell is respelled).
type Types func(header string) table.Type

// SchemaTypes returns the types a schema declares.
func SchemaTypes(s *table.Schema) Types {
	if s == nil {
		return nil
	}
	return func(h string) table.Type {
		if c := s.Col(strings.TrimSpace(h)); c != nil {
			return c.Type
		}
		return ""
	}
}

// Format returns src in canonical form with delim (',', ';' or '\t') between
// cells. src may use another delimiter (a sheet saved by an Excel with
// other regional settings): it is detected from the header line. src is
// opened as every table is (table.OpenCSV): a UTF-16 or Windows-1252 file is
// read as such and written as UTF-8, and note says so. A file that cannot
// be read as CSV is a *diag.Error without its File.
func Format(src []byte, delim rune, types Types, ref *Reference) (out []byte, note *table.Note, err error) {
	text, r, note := table.OpenCSV(src, 0)
	if bytes.IndexByte(text, 0) >= 0 {
		return nil, note, &diag.Error{Line: 1, Column: 1, Msg: msg.Sprintf("this is not a text file (it has a NUL byte)"),
			Hint: msg.Sprintf("save the sheet as CSV (Save As → CSV UTF-8), not as .xlsx")}
	}
	recs, err := r.ReadAll()
	if err != nil {
		return nil, note, table.CSVError(diag.NewSource("", text, 1), r.Comma, err)
	}
	for len(recs) > 0 && blank(recs[0]) {
		recs = recs[1:]
	}
	if len(recs) == 0 {
		return nil, note, nil
	}
	header := trimTrailing(recs[0], 0)
	width := len(header)
	var typ []table.Type
	if types != nil {
		typ = make([]table.Type, width)
		for i, h := range header {
			typ[i] = types(h)
		}
	}
	var b bytes.Buffer
	write := func(rec []string, head bool) {
		for i, f := range rec {
			if i > 0 {
				b.WriteRune(delim)
			}
			// In the header, another delimiter is quoted too, so that
			// reading the file back detects the same delimiter.
			if needsQuotes(f, delim) || head && strings.ContainsAny(f, ",;\t") {
				// encoding/csv reads a quoted CR LF as LF, so a cell that
				// holds CR LF is written with one more CR to read back the same.
				b.WriteByte('"')
				b.WriteString(strings.NewReplacer(`"`, `""`, "\r\n", "\r\r\n").Replace(f))
				b.WriteByte('"')
			} else {
				b.WriteString(f)
			}
		}
		b.WriteByte('\n')
	}
	write(header, true)
	keys := rowKeys(header, typ, recs[1:])
	for r, rec := range recs[1:] {
		if blank(rec) {
			continue
		}
		rec = trimTrailing(rec, width)
		for i := range rec {
			t := table.Type("")
			if i < len(typ) {
				t = typ[i]
			}
			if i < len(header) && ref != nil {
				if was, ok := ref.cells[keys[r]+"\x00"+strings.TrimSpace(header[i])]; ok && sameValue(t, rec[i], was) {
					rec[i] = was
					continue
				}
			}
			if t == table.Money {
				rec[i] = Money(rec[i])
			}
		}
		write(rec, false)
	}
	return b.Bytes(), note, nil
}

// Reference is an earlier version of a table, whose spellings Format
// restores where the value is the same.
type Reference struct {
	Delim rune
	cells map[string]string // row key NUL column name → the cell as written
}

// NewReference reads an earlier version of a table; nil when it is not
// readable CSV.
func NewReference(src []byte, types Types) *Reference {
	_, r, _ := table.OpenCSV(src, 0)
	recs, err := r.ReadAll()
	if err != nil || len(recs) == 0 {
		return nil
	}
	ref := &Reference{Delim: r.Comma, cells: map[string]string{}}
	header := recs[0]
	var typ []table.Type
	if types != nil {
		for _, h := range header {
			typ = append(typ, types(h))
		}
	}
	keys := rowKeys(header, typ, recs[1:])
	for i, rec := range recs[1:] {
		if blank(rec) {
			continue
		}
		for j, f := range rec {
			if j < len(header) {
				ref.cells[keys[i]+"\x00"+strings.TrimSpace(header[j])] = f
			}
		}
	}
	return ref
}

// rowKeys keys each record by its canonical code (the column of type code,
// else the first), else by that cell as written; a key that repeats gets
// its count after it.
func rowKeys(header []string, typ []table.Type, recs [][]string) []string {
	col := 0
	for i, t := range typ {
		if t == table.Code {
			col = i
			break
		}
	}
	keys := make([]string, len(recs))
	seen := map[string]int{}
	for i, rec := range recs {
		if blank(rec) {
			continue // Format drops blank rows: they must not shift the keys of the rows after them
		}
		k := ""
		if col < len(rec) {
			k = strings.TrimSpace(rec[col])
			if c, err := kode.Parse(k); err == nil && !c.IsZero() {
				k = c.String()
			}
		}
		seen[k]++
		keys[i] = fmt.Sprintf("%s#%d", k, seen[k])
	}
	return keys
}

// sameValue reports whether two spellings of a cell of type t read as the
// same value: the same amount, number, percentage, target or code; text
// only when it is the same text.
func sameValue(t table.Type, a, b string) bool {
	if a == b {
		return true
	}
	switch t {
	case table.Money:
		x, ok1, e1 := num.ParseMoney(a)
		y, ok2, e2 := num.ParseMoney(b)
		return e1 == nil && e2 == nil && ok1 == ok2 && x == y
	case table.Number:
		x, ok1, e1 := num.ParseDec(a)
		y, ok2, e2 := num.ParseDec(b)
		return e1 == nil && e2 == nil && ok1 == ok2 && x == y
	case table.Percent:
		x, ok1, e1 := num.ParsePercent(a)
		y, ok2, e2 := num.ParsePercent(b)
		return e1 == nil && e2 == nil && ok1 == ok2 && x == y
	case table.Target:
		x, ok1, e1 := num.ParseTarget(a)
		y, ok2, e2 := num.ParseTarget(b)
		return e1 == nil && e2 == nil && ok1 == ok2 && x == y
	case table.Code:
		x, e1 := kode.Parse(a)
		y, e2 := kode.Parse(b)
		return e1 == nil && e2 == nil && !x.IsZero() && x == y
	}
	return false
}

// Money respells an amount of Rupiah the project's way, with thousands
// dots and without "Rp"; anything that does not read as an amount is
// returned as it is.
func Money(raw string) string {
	m, ok, err := num.ParseMoney(raw)
	if err != nil || !ok {
		return raw
	}
	if s := num.FormatMoney(m); s != strings.TrimSpace(raw) {
		return s
	}
	return raw
}

func needsQuotes(f string, delim rune) bool {
	return strings.ContainsRune(f, delim) || strings.ContainsAny(f, "\"\r\n")
}

// trimTrailing drops empty cells at the end of a record, but keeps at least
// min cells: a row keeps a cell for every column of the header.
func trimTrailing(rec []string, min int) []string {
	for len(rec) > min && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
