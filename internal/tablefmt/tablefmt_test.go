package tablefmt_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"

	"renja/internal/difftest"
	"renja/internal/num"
	"renja/internal/table"
	"renja/internal/tablefmt"
)

// excel rewrites a CSV the way Excel saves it: a byte-order mark, every
// cell quoted, CRLF line endings, and a trailing delimiter on every line.
func excel(t *testing.T, src []byte) []byte {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(src))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("\xef\xbb\xbf")
	for _, rec := range recs {
		for _, f := range rec {
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `";`)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

func fmtCheck(t *testing.T, dir string) []string {
	t.Helper()
	files, err := tablefmt.Project(dir)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, f := range files {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Path, f.Err)
		}
		if f.Changed() {
			changed = append(changed, f.Path)
		}
	}
	return changed
}

// TestExcelRoundTrip: every bundled table saved the Excel way is restored
// byte for byte; the check fails before and passes after.
func TestExcelRoundTrip(t *testing.T) {
	dir := difftest.Bundled(t)
	if c := fmtCheck(t, dir); len(c) != 0 {
		t.Fatalf("the bundled tables are not in canonical form: %v", c)
	}
	orig := map[string][]byte{}
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "*.csv"))
	if len(paths) < 8 {
		t.Fatalf("only %d tables", len(paths))
	}
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		orig[p] = b
		x := excel(t, b)
		if bytes.Equal(x, b) {
			t.Fatal("the Excel rewrite changed nothing")
		}
		os.WriteFile(p, x, 0o644)
	}
	if c := fmtCheck(t, dir); len(c) != len(paths) {
		t.Fatalf("fmt --check lists %v, want all %d tables", c, len(paths))
	}
	files, _ := tablefmt.Project(dir)
	for _, f := range files {
		if err := tablefmt.Write(dir, f); err != nil {
			t.Fatal(err)
		}
	}
	for p, want := range orig {
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs after fmt:\n%s", p, firstDiff(got, want))
		}
	}
	if c := fmtCheck(t, dir); len(c) != 0 {
		t.Fatalf("fmt --check still lists %v", c)
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return "got …" + string(a[i:min(len(a), i+60)]) + "\nwant …" + string(b[i:min(len(b), i+60)])
}

var schema = &table.Schema{ID: "t", Columns: []table.Column{{Name: "kode", Type: table.Code}, {Name: "uraian", Type: table.Text}, {Name: "pagu", Type: table.Money, Index: 2}}}

func TestFormat(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"canonical", "kode;uraian;pagu\n7.01;a;1.000\n", "kode;uraian;pagu\n7.01;a;1.000\n"},
		{"excel", "\xef\xbb\xbf\"kode\";\"uraian\";\"pagu\";\r\n\"7.01\";\"a\";\"1.000\";\r\n", "kode;uraian;pagu\n7.01;a;1.000\n"},
		{"comma excel", "kode,uraian,pagu\r\n7.01,\"a; b\",1.000\r\n", "kode;uraian;pagu\n7.01;\"a; b\";1.000\n"},
		{"money respelled", "kode;uraian;pagu\n7.01;a;2590643300\n7.02;b;Rp 1.500\n", "kode;uraian;pagu\n7.01;a;2.590.643.300\n7.02;b;1.500\n"},
		{"unreadable cell kept", "kode;uraian;pagu\n7.01;a;278.000,000\n7.02;b;-\n", "kode;uraian;pagu\n7.01;a;278.000,000\n7.02;b;-\n"},
		{"codes and text kept", "kode;uraian;pagu\n07.01 .2.01;  spaced ;1.000\n", "kode;uraian;pagu\n07.01 .2.01;  spaced ;1.000\n"},
		{"quotes where needed", "kode;uraian;pagu\n7;\"say \"\"x\"\"\";1\n7;\"two\nlines\";1\n", "kode;uraian;pagu\n7;\"say \"\"x\"\"\";1\n7;\"two\nlines\";1\n"},
		{"blank rows and trailing columns", "kode;uraian;pagu;;\n7;a;1;;\n;;;;\n\n8;b;;;\n", "kode;uraian;pagu\n7;a;1\n8;b;\n"},
		{"extra cell kept", "kode;uraian;pagu\n7;a;1;x\n", "kode;uraian;pagu\n7;a;1;x\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := tablefmt.Format([]byte(tc.in), ';', tablefmt.SchemaTypes(schema), nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
	if _, _, err := tablefmt.Format([]byte("kode;uraian\n7;\"open\n"), ';', nil, nil); err == nil {
		t.Error("an unclosed quote was accepted")
	}
}

// FuzzFormat: Format never panics, is idempotent, and keeps every value.
func FuzzFormat(f *testing.F) {
	f.Add([]byte("kode;uraian;pagu\n7.01;a;1.000\n"))
	f.Add([]byte("\xef\xbb\xbf\"kode\";\"uraian\";\"pagu\";\r\n\"7.01\";\"a;b\";\"2590643300\";\r\n"))
	f.Add([]byte("kode,uraian,pagu\n7,\"x\"\"y\",Rp 1.000,00\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, _, err := tablefmt.Format(src, ';', tablefmt.SchemaTypes(schema), nil)
		if err != nil {
			return
		}
		again, _, err := tablefmt.Format(out, ';', tablefmt.SchemaTypes(schema), nil)
		if err != nil {
			t.Fatalf("formatted text unreadable: %v\n%q", err, out)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("not idempotent:\n%q\n%q", out, again)
		}
		// With the text itself as the reference, every spelling is kept.
		types := tablefmt.SchemaTypes(schema)
		if ref := tablefmt.NewReference(src, types); ref != nil {
			withRef, _, err := tablefmt.Format(src, ';', types, ref)
			if err != nil {
				t.Fatalf("readable without a reference, not with one: %v", err)
			}
			if again, _, _ := tablefmt.Format(withRef, ';', types, ref); !bytes.Equal(again, withRef) {
				t.Fatalf("not idempotent with a reference:\n%q\n%q", withRef, again)
			}
		}
		if len(bytes.TrimSpace(src)) == 0 {
			return
		}
		a, b := values(src), values(out)
		if len(a) != len(b) {
			t.Fatalf("rows %d → %d", len(a), len(b))
		}
		for i := range a {
			for j := range a[i] {
				money := i > 0 && j < len(a[0]) && strings.TrimSpace(a[0][j]) == "pagu"
				if a[i][j] != b[i][j] && !(money && tablefmt.Money(a[i][j]) == b[i][j]) {
					t.Fatalf("cell %d,%d %q → %q", i, j, a[i][j], b[i][j])
				}
			}
		}
	})
}

// values reads the non-blank records with trailing empty cells dropped.
// The source is read as renja reads it (table.OpenCSV: a Windows-1252 or
// UTF-16 file decoded), so a value is compared with what it means.
func values(src []byte) [][]string {
	_, r, _ := table.OpenCSV(src, 0)
	recs, _ := r.ReadAll()
	var out [][]string
	for _, rec := range recs {
		for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
			rec = rec[:len(rec)-1]
		}
		if len(rec) > 0 {
			out = append(out, rec)
		}
	}
	return out
}

// general writes a cell the way Excel's General format saves a number it
// read: no thousands dots, no trailing decimal zeros ("2.379" → "2379",
// "50,00" → "50", "2.590.643.300" → "2590643300").
func general(typ table.Type, raw string) string {
	var d num.Dec
	var err error
	var ok bool
	switch typ {
	case table.Money:
		var m num.Money
		m, ok, err = num.ParseMoney(raw)
		d = num.DecOf(int64(m))
	case table.Number:
		d, ok, err = num.ParseDec(raw)
	case table.Percent:
		if strings.Contains(raw, "%") {
			return raw
		}
		d, ok, err = num.ParsePercent(raw)
	default:
		return raw
	}
	if err != nil || !ok {
		return raw
	}
	return strings.ReplaceAll(num.FormatDec(d, -1), ".", "")
}

// TestExcelNumbers: Excel also respells the numbers it reads. With the
// project in git, renja fmt takes each spelling back from HEAD where the
// value is the same, so the files are again byte for byte what git holds;
// a value that did change keeps its new spelling, in the project's form.
func TestExcelNumbers(t *testing.T) {
	dir := difftest.Bundled(t)
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	difftest.Commit(t, r, "awal", 0)
	orig := map[string][]byte{}
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "*.csv"))
	respelled := 0
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		orig[p] = b
		id := strings.TrimSuffix(filepath.Base(p), ".csv")
		s, err := table.LoadSchema(dir, id)
		if err != nil {
			t.Fatal(err)
		}
		rd := csv.NewReader(bytes.NewReader(b))
		rd.Comma = ';'
		recs, err := rd.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs[1:] {
			for i := range rec {
				g := general(s.Col(recs[0][i]).Type, rec[i])
				if g != rec[i] {
					respelled++
				}
				rec[i] = g
			}
		}
		var sb bytes.Buffer
		w := csv.NewWriter(&sb)
		w.Comma = ';'
		w.WriteAll(recs)
		os.WriteFile(p, excel(t, sb.Bytes()), 0o644)
	}
	if respelled < 400 {
		t.Fatalf("only %d cells respelled", respelled)
	}
	// One value really changes: it stays changed, spelled the project's way.
	t31 := filepath.Join(dir, "data", "t31.csv")
	b, _ := os.ReadFile(t31)
	b = bytes.Replace(b, []byte(`"14255600"`), []byte(`"14271500"`), 1)
	os.WriteFile(t31, b, 0o644)

	files, err := tablefmt.Project(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Err != nil {
			t.Fatal(f.Err)
		}
		if err := tablefmt.Write(dir, f); err != nil {
			t.Fatal(err)
		}
	}
	for p, want := range orig {
		got, _ := os.ReadFile(p)
		if p == t31 {
			want = bytes.Replace(want, []byte(";14.255.600;"), []byte(";14.271.500;"), 1)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs after fmt:\n%s", p, firstDiff(got, want))
		}
	}
}

// TestFormatEncodings: Format reads every encoding a table is read in (as
// renja build does) and writes UTF-8; its note names what the file was.
func TestFormatEncodings(t *testing.T) {
	want := "kode;uraian;pagu\n7.01;Café;1.000\n"
	for _, c := range []struct{ name, in, encoding string }{
		{"Windows-1252", "kode;uraian;pagu\r\n7.01;Caf\xe9;1000\r\n", "Windows-1252"},
		{"UTF-16 LE", "\xff\xfe" + utf16le("kode;uraian;pagu\r\n7.01;Café;1.000\r\n"), "UTF-16"},
		{"UTF-8 with a BOM", "\xef\xbb\xbfkode;uraian;pagu\n7.01;Café;1.000\n", ""},
	} {
		got, note, err := tablefmt.Format([]byte(c.in), ';', tablefmt.SchemaTypes(schema), nil)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s: got %q, want %q", c.name, got, want)
		}
		if enc := ""; note != nil && note.Encoding != c.encoding || note == nil && c.encoding != enc {
			t.Errorf("%s: note %+v, want encoding %q", c.name, note, c.encoding)
		}
	}
}

func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}
