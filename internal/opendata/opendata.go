// Package opendata writes every table of a project as open data a citizen
// can reuse: output/data/<id>.csv and output/data/<id>.xlsx, linked from each
// table of the website. It formats what package model computes (the cells
// as the document shows them, model.CellValue) and computes nothing itself.
//
// Both files hold the rows of the table as the website shows them: canonical
// codes (7.01.01.2.02.01), the computed amounts of parents and totals (printed
// totals are always the computed ones), percentages rounded to two decimals.
// They also hold the columns the website folds away: the grouping column
// (Tabel 2.5's village, a header row on the website, a column here) and the
// hidden ones.
//
// The CSV is what Indonesian Excel reads and writes: UTF-8 with a BOM, `;`
// between cells, CRLF line ends, numbers the Indonesian way (2.590.643.300,
// 99,47). A text cell that Excel would take for a formula (=, +, -, @ first)
// gets a leading apostrophe so that Excel shows it as text and runs nothing
// (table.FormulaSafe); renja reads it back without. Its header line names the columns by the schema's names, so the
// file reads back into a project as data/<id>.csv. The XLSX has the same rows
// on a sheet named after the table, under a bold header row of the printed
// column titles; money is an integer cell formatted #,##0 (Excel shows
// 2.590.643.300 in the Indonesian locale), numbers and percentages are numeric
// cells, targets ("12 Dok") and text stay text. A second sheet, "Kolom",
// lists each column's name, title, group and type.
package opendata

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// dir is the folder of the data files inside output/.
const dir = "data"

// CSVPath and XLSXPath are a table's files, relative to output/.
func CSVPath(id string) string  { return dir + "/" + id + ".csv" }
func XLSXPath(id string) string { return dir + "/" + id + ".xlsx" }

// files returns the CSV and the XLSX of every table, by path relative to output/.
// The rows are read first (the model's sums are not safe for concurrent use),
// then the spreadsheets, the slow part, are written in parallel.
func files(ctx context.Context, p *model.Project) (map[string][]byte, error) {
	files := map[string][]byte{}
	rows := make([][][]Value, len(p.Tables))
	for i, t := range p.Tables {
		rows[i] = Rows(p, t)
		files[CSVPath(t.ID)] = CSV(t, rows[i])
	}
	xlsx := make([][]byte, len(p.Tables))
	errs := make([]error, len(p.Tables))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, t := range p.Tables {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			xlsx[i], errs[i] = XLSX(ctx, t, rows[i])
		})
	}
	wg.Wait()
	for i, t := range p.Tables {
		if errs[i] != nil {
			return nil, msg.Errorf("%s: %w", XLSXPath(t.ID), errs[i])
		}
		files[XLSXPath(t.ID)] = xlsx[i]
	}
	return files, nil
}

// Kind is how a value goes into a spreadsheet cell.
type Kind int

const (
	Text    Kind = iota // a string cell
	Money               // an integer, Rupiah
	Number              // a number
	Percent             // a number, the percentage (99,47 is 99.47)
)

// Value is one cell of the export: its text as the website shows it and, for
// numeric kinds, its number.
type Value struct {
	Text  string
	Kind  Kind
	Money int64
	Dec   num.Dec
}

// Rows returns the table's rows with every column of the schema.
func Rows(p *model.Project, t *table.Table) [][]Value {
	tree := p.Trees[t.ID]
	out := make([][]Value, 0, len(t.Rows))
	for _, r := range t.Rows {
		vs := make([]Value, len(t.Columns))
		for i := range t.Columns {
			vs[i] = value(tree, r, &t.Columns[i])
			if t.Columns[i].Type == table.Code && r.CodeErr == nil && !r.Code.IsZero() {
				vs[i].Text = p.Code(r.Code)
			}
		}
		out = append(out, vs)
	}
	return out
}

// value is the cell as the website shows it (model.CellValue), with the
// kind of spreadsheet cell it goes into.
func value(tree *model.Tree, r *table.Row, c *table.Column) Value {
	mv := model.CellValue(tree, r, c)
	v := Value{Text: mv.Text}
	if !mv.Numeric {
		return v
	}
	switch c.Type {
	case table.Money:
		v.Kind, v.Money = Money, int64(mv.Money)
	case table.Number:
		v.Kind, v.Dec = Number, mv.Dec
	case table.Percent:
		v.Kind, v.Dec = Percent, mv.Shown()
	}
	return v
}

// CSV writes the rows with a header line of the columns' names.
func CSV(t *table.Table, rows [][]Value) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.UseCRLF = true
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Name
	}
	w.Write(head)
	rec := make([]string, len(t.Columns))
	for _, r := range rows {
		for i, v := range r {
			rec[i] = v.Text
			if v.Kind == Text {
				rec[i] = table.FormulaSafe(v.Text)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// Built-in number formats of the XLSX standard; the file stores them in the
// en-US spelling and Excel shows them in the reader's locale.
const (
	fmtThousands = 3 // #,##0
	fmtTwoDec    = 2 // 0.00
)

// XLSX writes the rows to a workbook. Once ctx ends it stops, between two
// rows, with ctx's cause.
func XLSX(ctx context.Context, t *table.Table, rows [][]Value) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := sheetName(t.ID)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: fmtThousands})
	if err != nil {
		return nil, err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: fmtTwoDec})
	if err != nil {
		return nil, err
	}
	// Before the stream: afterwards it would parse the streamed sheet back
	// (and write it again), half the time of the whole spreadsheet.
	f.SetActiveSheet(0)
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// One call for each run of columns of one width: excelize's
	// SetColWidth takes time with the columns set before it.
	for i := 0; i < len(t.Columns); {
		w := colWidth(t, i)
		j := i + 1
		for j < len(t.Columns) && colWidth(t, j) == w {
			j++
		}
		if err := sw.SetColWidth(i+1, j, w); err != nil {
			return nil, err
		}
		i = j
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: bold, Value: columnTitle(&c)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	if len(rows)+1 > excelize.TotalRows {
		return nil, &diag.Error{File: t.Path,
			Msg: msg.Sprintf("table %s has %d rows; one Excel sheet (XLSX) holds at most %d rows, the header row included",
				t.ID, len(rows), excelize.TotalRows),
			Hint: msg.Sprintf("split the table into several tables (several files in data/); the CSV open data has no such limit")}
	}
	for n, r := range rows {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		cells := make([]any, len(r))
		for i, v := range r {
			switch v.Kind {
			case Money:
				cells[i] = excelize.Cell{StyleID: money, Value: v.Money}
			case Number:
				cells[i] = excelize.Cell{Value: v.Dec.Float()}
			case Percent:
				cells[i] = excelize.Cell{StyleID: pct, Value: v.Dec.Float()}
			default:
				if v.Text == "" {
					cells[i] = nil
				} else {
					cells[i] = v.Text
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err := columnsSheet(f, t, bold); err != nil {
		return nil, err
	}
	// A fixed creation date keeps the file the same for the same inputs.
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "renja", Title: t.Caption,
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Language: "id-ID"}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// colWidth is the width of column i of the sheet.
func colWidth(t *table.Table, i int) float64 {
	c := t.Columns[i]
	switch {
	case c.Type == table.Text && i == t.NameCol():
		return 50
	case c.Type == table.Text:
		return 30
	case c.Type == table.Money, c.Type == table.Code:
		return 18
	}
	return 14
}

// columnsSheet describes the columns: the CSV's header names and what they hold.
func columnsSheet(f *excelize.File, t *table.Table, bold int) error {
	const s = "Kolom"
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	rows := [][]any{{"nama (CSV)", "judul", "kelompok", "tipe", "kolom"}}
	for _, c := range t.Columns {
		rows = append(rows, []any{c.Name, c.Title, c.Group, typeName[c.Type], c.Number})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			return err
		}
	}
	if err := f.SetRowStyle(s, 1, 1, bold); err != nil {
		return err
	}
	return f.SetColWidth(s, "A", "C", 30)
}

var typeName = map[table.Type]string{
	table.Code: "kode", table.Text: "teks", table.Money: "rupiah", table.Number: "angka",
	table.Percent: "persen", table.Target: "target dan satuan",
}

// columnTitle is a column's printed title, after its group's when it has one.
func columnTitle(c *table.Column) string {
	if c.Group != "" {
		return c.Group + " — " + c.Title
	}
	return c.Title
}

// sheetName makes a valid sheet name (at most 31 characters, none of :\/?*[]).
func sheetName(id string) string {
	s := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, id)
	if len(s) > 31 {
		s = s[:31]
	}
	return s
}

// xlsxFormat names the way XLSX lays out a spreadsheet; change it with XLSX,
// so that spreadsheets kept from an earlier build (see XLSXKey) are made again.
const xlsxFormat = "renja-xlsx-1"

// XLSXKey is a hash of everything XLSX makes the spreadsheet of t from: the
// table's id, caption and columns, and the rows. Equal keys give equal files,
// so a build can keep an earlier build's spreadsheet instead of making it again.
func XLSXKey(t *table.Table, rows [][]Value) string {
	h := sha256.New()
	e := json.NewEncoder(h)
	e.Encode(xlsxFormat)
	e.Encode([]any{t.ID, t.Caption, t.Group, t.NameCol()})
	for _, c := range t.Columns {
		e.Encode([]any{c.Name, c.Type, c.Title, c.Number, c.Group, c.Hidden, columnTitle(&c)})
	}
	for _, r := range rows {
		e.Encode(r)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
