package table

import "testing"

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
