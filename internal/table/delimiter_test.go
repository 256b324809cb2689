package table

import (
	"fmt"
	"testing"
)

func TestDetectDelimiter(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      rune
	}{
		{"semicolons", "kode;uraian;pagu\n", ';'},
		{"commas", "kode,uraian,pagu\n", ','},
		{"tabs", "kode\turaian\tpagu\n", '\t'},
		{"tie is a semicolon", "kode;uraian,pagu\n", ';'},
		{"tabs must outnumber", "a\tb;c\n", ';'},
		{"tabs must outnumber commas", "a\tb,c\n", ','},
		{"commas inside quotes", "kode;\"uraian, singkat, dan lengkap\";pagu\n", ';'},
		{"semicolons inside quotes", "\"a;b;c;d\",x,y\n", ','},
		{"quoted quotes", "\"say \"\"a;b;c\"\"\",x\n", ','},
		{"newline inside quotes", "\"a\n;;;;\",b,c\n", ','},
		{"byte order mark", "\xef\xbb\xbfkode,uraian\n", ','},
		{"CRLF: only the first line", "kode,uraian\r\n1;2;3;4;5\r\n", ','},
		{"CRLF semicolons", "kode;uraian;pagu\r\n1,2\r\n", ';'},
		{"one column", "kode\n1,2,3\n", ';'},
		{"one column with a BOM", "\xef\xbb\xbfkode\r\n", ';'},
		{"no newline", "a,b", ','},
		{"empty", "", ';'},
	} {
		if got := DetectDelimiter([]byte(c.src)); got != c.want {
			t.Errorf("%s: DetectDelimiter(%q) = %q, want %q", c.name, c.src, got, c.want)
		}
	}
}

// TestOpenCSV: the one opener decodes the file and reads it with the given
// delimiter or the one of its first line.
func TestOpenCSV(t *testing.T) {
	for _, c := range []struct {
		name, src string
		delim     rune
		want      [][]string
		encoding  string
	}{
		{"UTF-8 with a BOM", "\xef\xbb\xbfkode,uraian\r\n7,Café\r\n", 0, [][]string{{"kode", "uraian"}, {"7", "Café"}}, ""},
		{"Windows-1252", "kode;uraian\n7;Caf\xe9\n", 0, [][]string{{"kode", "uraian"}, {"7", "Café"}}, "Windows-1252"},
		{"UTF-16 LE with a BOM", "\xff\xfek\x00;\x00u\x00\n\x007\x00;\x00\xe9\x00\n\x00", 0, [][]string{{"k", "u"}, {"7", "é"}}, "UTF-16"},
		{"UTF-16 BE with a BOM", "\xfe\xff\x00k\x00,\x00u\x00\n\x007\x00,\x00\xe9\x00\n", 0, [][]string{{"k", "u"}, {"7", "é"}}, "UTF-16"},
		{"the delimiter given", "a,b;c\n1,2;3\n", ';', [][]string{{"a,b", "c"}, {"1,2", "3"}}, ""},
		{"ragged rows", "a;b\n1\n1;2;3\n", 0, [][]string{{"a", "b"}, {"1"}, {"1", "2", "3"}}, ""},
		{"one column", "kode\n7.01\n", 0, [][]string{{"kode"}, {"7.01"}}, ""},
	} {
		_, r, note := OpenCSV([]byte(c.src), c.delim)
		got, err := r.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: read %q, want %q", c.name, got, c.want)
		}
		enc := ""
		if note != nil {
			enc = note.Encoding
		}
		if enc != c.encoding {
			t.Errorf("%s: encoding %q, want %q", c.name, enc, c.encoding)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"[isi]": true, " [isi realisasi] ": true, "[]": false, "[a]": true, "[a][b]": false, "[[a]]": false,
		"isi": false, "[isi": false, "isi]": false, "": false, "x[isi]": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v", s, got)
		}
	}
}
