package table_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/num"
	"renja/internal/table"
)

const schemaSrc = `hierarchy = true

[[columns]]
name = "kode"
type = "code"
title = "Kode"

[[columns]]
name = "uraian"
title = "Uraian"

[[columns]]
name = "target"
type = "target"

[[columns]]
name = "pagu"
type = "money"
title = "Pagu"
`

func schema(t testing.TB) *table.Schema {
	t.Helper()
	s, err := table.ParseSchema("data/x.toml", "x", []byte(schemaSrc))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pos is where a cell sits: "line:col".
func pos(t *table.Table, c table.Cell) string {
	p := t.Pos(&c)
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

func TestParseAsItArrives(t *testing.T) {
	type cell struct {
		row, col int // row index, column index in the schema
		raw      string
		at       string // line:col
	}
	tests := []struct {
		name  string
		src   string
		rows  []int // the line of each row
		cells []cell
	}{
		{
			name: "semicolons",
			src:  "kode;uraian;target;pagu\n7.01.01;Program;100%;2.590.643.300\n7.01.01.2.01;Kegiatan;2 Dok;1.000\n",
			rows: []int{2, 3},
			cells: []cell{
				{0, 0, "7.01.01", "2:1"}, {0, 3, "2.590.643.300", "2:22"},
				{1, 2, "2 Dok", "3:23"}, {1, 3, "1.000", "3:29"},
			},
		},
		{
			name: "BOM and CRLF from Excel",
			src:  "\xef\xbb\xbfkode;uraian;target;pagu\r\n7.01.01;Program;100%;2.590.643.300\r\n7.01.01.2.01;Kegiatan;2 Dok;1.000\r\n",
			rows: []int{2, 3},
			cells: []cell{
				{0, 0, "7.01.01", "2:1"}, {0, 3, "2.590.643.300", "2:22"},
				{1, 3, "1.000", "3:29"},
			},
		},
		{
			name: "commas, with a quoted comma",
			src:  "kode,uraian,target,pagu\n7.01.01,\"Program, penunjang\",100%,\"2.590.643.300\"\n",
			rows: []int{2},
			cells: []cell{
				{0, 1, "Program, penunjang", "2:9"}, {0, 2, "100%", "2:30"}, {0, 3, "2.590.643.300", "2:35"},
			},
		},
		{
			name:  "a semicolon header with commas in the names' cells",
			src:   "kode;uraian;target;pagu\n7.01.01;Perencanaan, Penganggaran, dan Evaluasi;100%;1.000\n",
			rows:  []int{2},
			cells: []cell{{0, 1, "Perencanaan, Penganggaran, dan Evaluasi", "2:9"}, {0, 3, "1.000", "2:54"}},
		},
		{
			name:  "columns in another order",
			src:   "pagu;kode;target;uraian\n1.000;7.01.01;100%;Program\n",
			rows:  []int{2},
			cells: []cell{{0, 0, "7.01.01", "2:7"}, {0, 3, "1.000", "2:1"}},
		},
		{
			name: "quoted cells across lines keep later lines right",
			src: "kode;uraian;target;pagu\n" +
				"7.01.01;\"Program\npenunjang\nurusan\";100%;1.000\n" +
				"7.01.01.2.01;\"Kegiatan \"\"A\"\"\";2 Dok;1.000\n" +
				"7.01.01.2.01.01;Sub;\"2\r\nDok\";1.000\n" +
				"7.01.01.2.01.02;Sub 2;1 Dok;500\n",
			rows: []int{2, 5, 6, 8},
			cells: []cell{
				{0, 1, "Program\npenunjang\nurusan", "2:9"}, {0, 2, "100%", "4:9"}, {0, 3, "1.000", "4:14"},
				{1, 1, `Kegiatan "A"`, "5:14"},
				{2, 2, "2\nDok", "6:21"}, {2, 3, "1.000", "7:6"},
				{3, 3, "500", "8:29"},
			},
		},
		{
			name:  "trailing empty columns and blank rows from Excel",
			src:   "kode;uraian;target;pagu;;;\n7.01.01;Program;100%;1.000;;;\n;;;;;;\n\n7.01.01.2.01;Kegiatan;2 Dok;1.000;;\n",
			rows:  []int{2, 5},
			cells: []cell{{1, 0, "7.01.01.2.01", "5:1"}, {1, 3, "1.000", "5:29"}},
		},
		{
			name: "header-only table",
			src:  "kode;uraian;target;pagu\n",
		},
		{
			name:  "cells are trimmed, the header too",
			src:   " kode ; uraian;target ;pagu\n 7.01.01 ;Program; 100% ; 1.000 \n",
			rows:  []int{2},
			cells: []cell{{0, 0, "7.01.01", "2:1"}, {0, 2, "100%", "2:19"}, {0, 3, "1.000", "2:26"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := table.Parse(schema(t), "data/x.csv", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var lines []int
			for _, r := range tab.Rows {
				lines = append(lines, r.Line)
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.rows) && !(len(lines) == 0 && len(tt.rows) == 0) {
				t.Fatalf("row lines = %v, want %v", lines, tt.rows)
			}
			for _, c := range tt.cells {
				got := tab.Rows[c.row].Cells[c.col]
				if got.Raw != c.raw || pos(tab, got) != c.at {
					t.Errorf("row %d column %d = %q at %s, want %q at %s", c.row, c.col, got.Raw, pos(tab, got), c.raw, c.at)
				}
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	src := "kode;uraian;target;pagu\n" +
		"07.01.01 .;Program;100%;Rp 2.590.643.300\n" +
		"7.1.1.2.01.02.;Kegiatan;-;\n" +
		"7.1.1.2.01.02.01;Sub;17 Org/ Bln;1.851.842.950\n" +
		"7.01.01. 2.01.04;Sub;12x4;278.000,000\n" +
		"7.01.01.2.01.0x;Rusak;\\100%;-5\n" +
		";JUMLAH;;2.590.643.300\n"
	tab, err := table.Parse(schema(t), "data/x.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		code    string
		codeErr string
		target  string // Target.String(), or "error: hint part"
		present bool
		money   num.Money
		moneyE  string
	}{
		{"7.01.01", "", "100%", true, 2590643300, ""},
		{"7.01.01.2.02", "", "", false, 0, ""},
		{"7.01.01.2.02.01", "", "17 Org/ Bln", true, 1851842950, ""},
		{"7.01.01.2.01.04", "", "12 x4", false, 0, "write 278.000.000 with a dot"},
		{"", "remove 'x'", `error: write "100%"`, true, -5, ""},
		{"", "", "", true, 2590643300, ""},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(want))
	}
	for i, w := range want {
		r := tab.Rows[i]
		if r.Code.String() != w.code {
			t.Errorf("row %d: code %q, want %q", i, r.Code, w.code)
		}
		if (r.CodeErr == nil) != (w.codeErr == "") || r.CodeErr != nil && !strings.Contains(r.CodeErr.Error(), w.codeErr) {
			t.Errorf("row %d: code error %v, want %q", i, r.CodeErr, w.codeErr)
		}
		tc := r.Cells[2]
		switch {
		case strings.HasPrefix(w.target, "error: "):
			if tab.Err(&tc) == nil || !strings.Contains(tab.Err(&tc).Error(), strings.TrimPrefix(w.target, "error: ")) {
				t.Errorf("row %d: target error %v, want %q", i, tab.Err(&tc), w.target)
			}
		case w.target == "":
			if tc.Present() || tab.Err(&tc) != nil {
				t.Errorf("row %d: blank target read as %+v", i, tc)
			}
		default:
			if tab.Err(&tc) != nil || tc.Target().String() != w.target || tc.Dec() != tc.Target().Value {
				t.Errorf("row %d: target %q (%v), want %q", i, tc.Target(), tab.Err(&tc), w.target)
			}
		}
		mc := r.Cells[3]
		if w.moneyE != "" {
			var ne *num.Error
			if !errors.As(tab.Err(&mc), &ne) || !strings.Contains(ne.Hint, w.moneyE) {
				t.Errorf("row %d: pagu error %v, want hint %q", i, tab.Err(&mc), w.moneyE)
			}
			continue
		}
		if tab.Err(&mc) != nil || mc.Present() != w.present || mc.Money() != w.money {
			t.Errorf("row %d: pagu %d present %v (%v), want %d", i, mc.Money(), mc.Present(), tab.Err(&mc), w.money)
		}
	}
	if tab.Rows[0].Code.Level() != kode.Program || tab.Rows[1].Code.Level() != kode.Kegiatan {
		t.Errorf("levels %v %v", tab.Rows[0].Code.Level(), tab.Rows[1].Code.Level())
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   string // file:line:col of the (first) error
		msg  string // in the message
		hint string // in the hint
	}{
		{"empty file", "", "data/x.csv", "the table is empty", "kode;uraian;target;pagu"},
		{"blank file", " \r\n\n", "data/x.csv", "the table is empty", "kode;uraian;target;pagu"},
		{"only a BOM", "\xef\xbb\xbf", "data/x.csv", "the table is empty", "kode;uraian;target;pagu"},
		{"only a BOM and a line end", "\xef\xbb\xbf\r\n", "data/x.csv", "the table is empty", "kode;uraian;target;pagu"},
		{"binary", "PK\x03\x04\x14\x00\x06\x00", "data/x.csv", "not a text file", "Save As"},
		{"unknown column", "kode;uraian;targt;pagu\n", "data/x.csv:1:13", `unknown column "targt"`, "data/x.toml declares: kode, uraian, target, pagu"},
		{"missing column", "kode;uraian;pagu\n", "data/x.csv:1", `missing column "target"`, "kode;uraian;target;pagu"},
		{"missing column with its title", "kode;uraian;target\n", "data/x.csv:1", `missing column "pagu" (Pagu)`, "kode;uraian;target;pagu"},
		{"row with an extra cell after blank ones", "kode;uraian;target;pagu\n7.01.01;Program;100%;1.000;;x\n", "data/x.csv:2:29", "row has 6 cells, the header has 4", "quoted"},
		{"missing column, comma file", "kode,uraian,pagu\n", "data/x.csv:1", `missing column "target"`, "kode,uraian,target,pagu"},
		{"column twice", "kode;uraian;target;pagu;kode\n", "data/x.csv:1:25", `column "kode" appears twice`, "remove one"},
		{"row too long", "kode;uraian;target;pagu\n7.01.01;Program;100%;1.000\n7.01.01.2.01;Perencanaan; Penganggaran;100%;1.000\n",
			"data/x.csv:3:45", "row has 5 cells, the header has 4", `delimiter ";" must be quoted`},
		{"row too long after a quoted line break", "kode;uraian;target;pagu\n7.01.01;\"Program\npenunjang\";100%;1.000;x\n",
			"data/x.csv:3:23", "row has 5 cells, the header has 4", "quoted"},
		{"row too short", "kode;uraian;target;pagu\n7.01.01;Program;100%;1.000\n7.01.01.2.01;Perencanaan;100%\n",
			"data/x.csv:3", "row has 3 cells, the header has 4", "every row needs a cell"},
		{"quote never closed", "kode;uraian;target;pagu\n7.01.01;Program;100%;1.000\n7.01.01.2.01;\"Perencanaan;100%;1.000\n7.01.01.2.01.01;Sub;1 Dok;500\n",
			"data/x.csv:3:14", "never closed", `close the quoted cell with "`},
		{"quote never closed, after a doubled quote", "kode;uraian;target;pagu\n7.01.01;\"Program \"\"A\"\";100%;1.000\n",
			"data/x.csv:2:9", "never closed", `close the quoted cell`},
		{"quote never closed, after a closed multi-line cell", "kode;uraian;target;pagu\n7.01.01;\"Program\npenunjang\";\"100%;1.000\n",
			"data/x.csv:3:12", "never closed", `close the quoted cell`},
		{"text after a closing quote", "kode;uraian;target;pagu\n7.01.01;\"Program\" penunjang;100%;1.000\n",
			"data/x.csv:2:17", "a quote is not closed, or a quote stands inside an unquoted cell", `""`},
		{"quote inside an unquoted cell", "kode;uraian;target;pagu\n7.01.01;Program \"A\";100%;1.000\n",
			"data/x.csv:2:17", "a quote stands inside an unquoted cell", `"say ""this"""`},
		{"quote in the header", "kode;\"uraian;target;pagu\n", "data/x.csv:1:6", "never closed", "close"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := table.Parse(schema(t), "data/x.csv", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; %d rows", len(tab.Rows))
			}
			l, ok := diag.ListOf(err)
			if !ok {
				t.Fatalf("error %T is not a diag error: %v", err, err)
			}
			first := l[0]
			for _, e := range l { // the error the case is about
				if strings.Contains(e.Msg, tt.msg) {
					first = e
					break
				}
			}
			if got := diag.Pos(first.File, first.Line, first.Column); got != tt.at {
				t.Errorf("at %s, want %s:\n%v", got, tt.at, err)
			}
			if !strings.Contains(first.Msg, tt.msg) || strings.HasSuffix(first.Msg, "()") {
				t.Errorf("message %q lacks %q", first.Msg, tt.msg)
			}
			if !strings.Contains(first.Hint, tt.hint) {
				t.Errorf("hint %q lacks %q", first.Hint, tt.hint)
			}
			if first.Line > 0 && first.Source == "" && !strings.Contains(first.Msg, "UTF-8") {
				t.Errorf("an error at a line shows no source line: %v", err)
			}
		})
	}
}

// TestParseSchemaErrors: a schema's own mistakes point at their line.
func TestParseSchemaErrors(t *testing.T) {
	tests := []struct {
		name, src, at, msg string
	}{
		{"unknown type", "[[columns]]\nname = \"pagu\"\ntype = \"mony\"\n", "data/x.toml:3:1", `unknown type "mony"`},
		{"misspelt key", "[[columns]]\nname = \"kode\"\ntipe = \"code\"\n", "data/x.toml:3:1", `unknown key "tipe" in [columns]`},
		{"bad formula", "[[columns]]\nname = \"a\"\ntype = \"number\"\n\n[[columns]]\nname = \"b\"\nformula = \"a / c\"\n", "data/x.toml:7:1", `formula "a / c" of column "b" cannot be read`},
		{"formula names an unknown column", "[[columns]]\nname = \"a\"\n\n[[columns]]\nname = \"b\"\nformula = \"ratio(a, c)\"\n", "data/x.toml:6:1", `unknown column "c"`},
		{"id differs", "id = \"y\"\n[[columns]]\nname = \"a\"\n", "data/x.toml:1:1", `schema id "y" differs`},
		{"no columns", "caption = \"Tabel 1\"\n", "data/x.toml", "declares no columns"},
		{"hierarchy without code", "hierarchy = true\n[[columns]]\nname = \"a\"\n", "data/x.toml:1:1", "no column has type code"},
		{"column twice", "[[columns]]\nname = \"a\"\n[[columns]]\nname = \"a\"\n", "data/x.toml:4:1", `column "a" is declared twice`},
		{"bad delimiter", "delimiter = \"|\"\n[[columns]]\nname = \"a\"\n", "data/x.toml:1:1", `delimiter "|"`},
		{"a caption with the formula's words", "title = [\"a / c\"]\n[[columns]]\nname = \"a\"\n[[columns]]\nname = \"b\"\nformula = \"a / c\"\n", "data/x.toml:6:1", `formula "a / c" of column "b" cannot be read`},
		{"dotted and indented", "[[columns]]\nname = \"a\"\n[[columns]]\n  name = \"b\"\n  type = \"mony\"\n", "data/x.toml:5:3", `unknown type "mony"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := table.ParseSchema("data/x.toml", "x", []byte(tt.src))
			l, ok := diag.ListOf(err)
			if !ok {
				t.Fatalf("error %T: %v", err, err)
			}
			e := l[0]
			if got := diag.Pos(e.File, e.Line, e.Column); got != tt.at || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %s: %s\nwant %s: …%s…", got, e.Msg, tt.at, tt.msg)
			}
		})
	}
}

func TestDelimiterFromSchema(t *testing.T) {
	s := schema(t)
	s.Delimiter = ","
	// The header has more semicolons than commas, but the schema says ",".
	tab, err := table.Parse(s, "data/x.csv", []byte("kode,uraian,target,pagu\n7.01.01,Program; penunjang; urusan,100%,1.000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Cells[1].Raw; got != "Program; penunjang; urusan" {
		t.Errorf("uraian = %q", got)
	}
	s.Delimiter = "\t"
	tab, err = table.Parse(s, "data/x.csv", []byte("kode\turaian\ttarget\tpagu\n7.01.01\tProgram\t100%\t1.000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := tab.Rows[0].Cells[3]; c.Money() != 1000 || pos(tab, c) != "2:22" {
		t.Errorf("pagu = %d at %s", c.Money(), pos(tab, c))
	}
}

func TestHeaderCol(t *testing.T) {
	tab, err := table.Parse(schema(t), "data/x.csv", []byte("\xef\xbb\xbfkode;uraian;target;pagu\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(tab.HeaderCol); got != "[1 6 13 20]" {
		t.Errorf("HeaderCol = %s", got)
	}
}

// TestExampleColumn: the column contoh that renja init adds marks the
// example's rows without a schema declaring it; twice is an error.
func TestExampleColumn(t *testing.T) {
	s, err := table.ParseSchema("data/x.toml", "x", []byte("[[columns]]\nname = \"kode\"\ntype = \"code\"\n[[columns]]\nname = \"pagu\"\ntype = \"money\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := table.Parse(s, "data/x.csv", []byte("kode;contoh;pagu\n7.01.01;ya;20.000.000\n7.01.01.2.01; ;20.000.000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !tab.Rows[0].Example || tab.Rows[1].Example || tab.Cell(tab.Rows[1], "pagu").Raw != "20.000.000" || tab.HeaderCol[1] != 13 {
		t.Errorf("rows %+v %+v, header columns %v", tab.Rows[0].Example, tab.Rows[1].Example, tab.HeaderCol)
	}
	if _, err := table.Parse(s, "data/x.csv", []byte("kode;contoh;pagu;contoh\n7.01.01;ya;1;ya\n")); err == nil || !strings.Contains(err.Error(), `unknown column "contoh"`) {
		t.Errorf("contoh twice: %v", err)
	}
}

// TestLabel: a column is named as the officer reads its header.
func TestLabel(t *testing.T) {
	for _, c := range []struct{ name, title, group, want string }{
		{"pagu", "", "", "pagu"},
		{"pagu", "", "Kinerja", "pagu"},
		{"pagu", "Pagu  Indikatif", "", "Pagu Indikatif"},
		{"capaian", "Capaian (%)", "Kinerja", "Capaian kinerja (%)"},
		{"capaian", "Capaian(%)", "Kinerja", "Capaian kinerja (%)"},
		{"target", "Target", "Kinerja", "Target kinerja"},
		{"target", "Target Kinerja", "kinerja", "Target Kinerja"},
		{"target", "Target", "Prakiraan  Maju 2025", "Prakiraan Maju 2025 — Target"},
	} {
		col := table.Column{Name: c.name, Title: c.title, Group: c.group}
		if got := col.Label(); got != c.want {
			t.Errorf("Label(%q, %q) = %q, want %q", c.title, c.group, got, c.want)
		}
	}
}

// TestNameCol: the first text column that is not the group column names a
// row; a table without one has none (-1).
func TestNameCol(t *testing.T) {
	for _, c := range []struct {
		cols  []table.Column
		group string
		want  int
	}{
		{[]table.Column{{Name: "kode", Type: table.Code}, {Name: "uraian", Type: table.Text}}, "", 1},
		{[]table.Column{{Name: "bidang", Type: table.Text}, {Name: "uraian", Type: table.Text}}, "bidang", 1},
		{[]table.Column{{Name: "kode", Type: table.Code}, {Name: "pagu", Type: table.Money}}, "", -1},
		{[]table.Column{{Name: "bidang", Type: table.Text}}, "bidang", -1},
	} {
		s := table.Schema{Columns: c.cols, Group: c.group}
		if got := s.NameCol(); got != c.want {
			t.Errorf("NameCol(%v, group %q) = %d, want %d", c.cols, c.group, got, c.want)
		}
	}
}

// TestFormulaWords: a finding names a formula by its columns' labels.
func TestFormulaWords(t *testing.T) {
	cols := []table.Column{{Name: "r", Title: "Realisasi", Group: "Kinerja"}, {Name: "t", Title: "Target", Group: "Kinerja"}, {Name: "c"}}
	for _, c := range []struct {
		f    table.Formula
		want string
	}{
		{table.Formula{Op: table.Ratio, Args: []int{0, 1}}, "Realisasi kinerja ÷ Target kinerja"},
		{table.Formula{Op: table.Sum, Args: []int{0, 1, 2}}, "Realisasi kinerja + Target kinerja + c"},
	} {
		if got := c.f.Words(cols); got != c.want {
			t.Errorf("%s: Words = %q, want %q", c.f.Op, got, c.want)
		}
	}
}
