package render

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"strings"

	"renja/internal/content"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/table"
)

type headCell struct {
	Text    string
	ColSpan int
	RowSpan int
	Scope   string
}

type cellView struct {
	Text  string
	Class string
	Marks []markView // the numbers of its findings, in a draft
}

type rowView struct {
	Group string // a group header row (Tabel 2.5's villages)
	Class string
	Cells []cellView
}

type tableView struct {
	ID        string
	Caption   string
	Title     []string
	Landscape bool
	Head      [][]headCell
	Numbers   []string
	Width     int
	Web       bool // the website edition: links to the table's data files
	Example   bool // some rows are the example's (renja init for another office): a note says so

	r    *renderer
	t    *table.Table
	cols []*table.Column // shown, in order
	body *template.HTML  // Body, once made
}

type cellPos struct {
	file      string
	line, col int
}

// typeClass is the CSS class of a cell by its column's type.
var typeClass = map[table.Type]string{
	table.Code: "code", table.Money: "num", table.Number: "num", table.Percent: "num", table.Target: "center",
}

var levelClass = map[kode.Level]string{
	kode.None: "total", kode.Urusan: "urusan", kode.Bidang: "bidang", kode.Program: "program",
	kode.Kegiatan: "kegiatan", kode.SubKegiatan: "sub",
}

func (r *renderer) tableView(t *table.Table) *tableView {
	tv := &tableView{ID: t.ID, Caption: t.Caption, Title: t.Title, Landscape: t.Landscape, Web: !r.opts.Print,
		Example: slices.ContainsFunc(t.Rows, func(r *table.Row) bool { return r.Example })}
	var cols []*table.Column
	grouped, numbered := false, false
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Hidden || c.Name == t.Group {
			continue
		}
		cols = append(cols, c)
		grouped = grouped || c.Group != ""
		numbered = numbered || c.Number != ""
	}
	tv.Width = len(cols)
	if grouped {
		var top, bottom []headCell
		for i, c := range cols {
			switch {
			case c.Group == "":
				top = append(top, headCell{Text: c.Title, RowSpan: 2, ColSpan: 1, Scope: "col"})
			case i == 0 || cols[i-1].Group != c.Group:
				n := 1
				for j := i + 1; j < len(cols) && cols[j].Group == c.Group; j++ {
					n++
				}
				top = append(top, headCell{Text: c.Group, ColSpan: n, RowSpan: 1, Scope: "colgroup"})
			}
			if c.Group != "" {
				bottom = append(bottom, headCell{Text: c.Title, ColSpan: 1, RowSpan: 1, Scope: "col"})
			}
		}
		tv.Head = [][]headCell{top, bottom}
	} else {
		var row []headCell
		for _, c := range cols {
			row = append(row, headCell{Text: c.Title, ColSpan: 1, RowSpan: 1, Scope: "col"})
		}
		tv.Head = [][]headCell{row}
	}
	if numbered {
		for _, c := range cols {
			tv.Numbers = append(tv.Numbers, c.Number)
		}
	}
	tv.r, tv.t, tv.cols = r, t, cols
	return tv
}

// Rows returns every row's view, for a layout that lays out the cells
// itself; the default layout writes Body, and these views are made only
// when a layout asks for them.
func (tv *tableView) Rows() []rowView {
	var rows []rowView
	tv.eachRow(func(rv *rowView) {
		rv.Cells = slices.Clone(rv.Cells)
		rows = append(rows, *rv)
	})
	return rows
}

// eachRow calls f with the view of each row in order, a group header row
// before the first row of its group. The view and its cells are reused from
// one call to the next: a table of 100,000 rows is never held as views.
func (tv *tableView) eachRow(f func(*rowView)) {
	t, r := tv.t, tv.r
	tree := r.p.Trees[t.ID]
	group := ""
	rv := &rowView{Cells: make([]cellView, 0, len(tv.cols))}
	for _, row := range t.Rows {
		if t.Group != "" {
			if g := t.Cell(row, t.Group).Raw; g != group {
				group = g
				f(&rowView{Group: g})
			}
		}
		rv.Class, rv.Cells = "", rv.Cells[:0]
		if t.CodeCol() >= 0 {
			rv.Class = levelClass[row.Code.Level()]
			if row.CodeErr != nil {
				rv.Class = "bad-code"
			}
		}
		if row.Example {
			// The example's rows stand out until the office replaces them
			// (a to-do, so never in a final build).
			rv.Class = strings.TrimSpace(rv.Class + " contoh")
		}
		for _, c := range tv.cols {
			rv.Cells = append(rv.Cells, r.cellView(t, tree, row, c))
		}
		f(rv)
	}
}

// Body is the table's rows in HTML. Building them here rather than in the
// template keeps html/template's escaping out of the per-cell loop, which is
// most of the cost of a large table; the markup is fixed and styled by CSS:
// <tr class="LEVEL"><td class="TYPE [bad]">, a failing cell's findings
// numbered after its text (<sup class="marks"><a class="mark">), and
// <tr class="group"><th scope="rowgroup"> for a group header. In a check
// (CheckContext) the rows are written to nothing and Body is a token that
// stands for their length (see sizes).
func (tv *tableView) Body() template.HTML {
	if tv.body != nil {
		return *tv.body
	}
	var body template.HTML
	if s := tv.r.sizes; s != nil {
		var n int64
		var b bytes.Buffer
		tv.eachRow(func(rv *rowView) {
			writeRow(&b, rv, tv.Width)
			n += int64(b.Len())
			b.Reset()
		})
		body = s.token(n)
	} else {
		var b strings.Builder
		b.Grow(len(tv.t.Rows) * (16 + 40*tv.Width))
		tv.eachRow(func(rv *rowView) { writeRow(&b, rv, tv.Width) })
		body = template.HTML(b.String())
	}
	tv.body = &body
	return body
}

// rowWriter is a strings.Builder or a bytes.Buffer.
type rowWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// writeRow writes one row of Body.
func writeRow(b rowWriter, row *rowView, width int) {
	if row.Group != "" {
		fmt.Fprintf(b, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\">%s</th></tr>\n", width, html.EscapeString(row.Group))
		return
	}
	b.WriteString(`<tr class="`)
	b.WriteString(html.EscapeString(row.Class))
	b.WriteString(`">`)
	for _, c := range row.Cells {
		b.WriteString("<td")
		if c.Class != "" {
			b.WriteString(` class="`)
			b.WriteString(html.EscapeString(c.Class))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		b.WriteString(html.EscapeString(c.Text))
		writeMarks(b, c.Marks)
		b.WriteString("</td>")
	}
	b.WriteString("</tr>\n")
}

// writeMarks writes the numbers of a cell's findings, each a link to its
// entry in the Daftar Temuan Pemeriksaan (and the first one of each the
// place the entry links back to).
func writeMarks(b rowWriter, ms []markView) {
	if len(ms) == 0 {
		return
	}
	b.WriteString(` <sup class="marks">`)
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`<a class="mark" href="`)
		b.WriteString(m.Href)
		b.WriteByte('"')
		if m.ID != "" {
			b.WriteString(` id="`)
			b.WriteString(m.ID)
			b.WriteByte('"')
		}
		fmt.Fprintf(b, ` aria-label="Temuan %d">%d</a>`, m.N, m.N)
	}
	b.WriteString(`</sup>`)
}

func (r *renderer) cellView(t *table.Table, tree *model.Tree, row *table.Row, c *table.Column) cellView {
	cv := cellView{Text: model.CellValue(tree, row, c).Text, Class: typeClass[c.Type]}
	if c.Type == table.Code && row.CodeErr == nil && !row.Code.IsZero() {
		cv.Text = r.p.Code(row.Code)
	}
	if len(r.marks) == 0 {
		return cv // no finding: the cell's place is not needed
	}
	at := t.Pos(&row.Cells[c.Index])
	if cv.Marks = r.cellMarks(cellPos{t.Path, at.Line, at.Column}); cv.Marks != nil {
		cv.Class += " bad"
	}
	return cv
}

func (r *renderer) tableFunc(b *content.Blocks) func(string) (string, error) {
	return func(id string) (string, error) {
		if err := r.context().Err(); err != nil {
			return "", context.Cause(r.context())
		}
		tb := r.p.Table(id)
		if tb == nil {
			var known []string
			for _, t := range r.p.Tables {
				known = append(known, t.ID)
			}
			return "", r.noTable(msg.Errorf("table %q: no data/%s.toml (tables: %s)", id, id, strings.Join(known, ", ")), id)
		}
		tv := r.tableView(tb)
		tv.Body() // made here, outside the template's time
		r.tables = append(r.tables, Entry{Level: 2, ID: tb.ID, Text: r.tableTitle(tb.Caption, tb.Title)})
		return r.place(b, "table", tv)
	}
}

// tableTitle is a table's line in the list of tables: its caption and title,
// without the lines that only name the office or the kabupaten.
func (r *renderer) tableTitle(caption string, title []string) string {
	o := r.p.Config.Office
	parts := []string{caption}
	for _, l := range title {
		if strings.EqualFold(l, o.Name) || strings.EqualFold(l, "Kabupaten "+o.Kabupaten) {
			continue
		}
		parts = append(parts, l)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}
