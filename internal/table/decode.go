package table

import (
	"bytes"
	"encoding/csv"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"renja/internal/msg"
)

// OpenCSV is the one way renja opens a CSV file: a table (check, build), a
// nomenclature list, a table that renja fmt tidies or renja diff shows. It
// returns the text as UTF-8 without a byte order mark (decode: UTF-16 and
// Windows-1252 are read as such, and note says so), and an encoding/csv
// reader over it with delim between cells, or, when delim is 0, the
// delimiter of its first line (DetectDelimiter). Records may differ in
// length: the caller says what a short or long row means.
func OpenCSV(src []byte, delim rune) (text []byte, r *csv.Reader, note *Note) {
	text, note = decode(src)
	if delim == 0 {
		delim = DetectDelimiter(text)
	}
	r = csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord = delim, -1
	return text, r, note
}

// decode returns src as UTF-8 text without a byte order mark. A file Excel
// saved as "Unicode Text" (UTF-16) or as plain "CSV" on a Windows laptop
// (Windows-1252) is decoded with golang.org/x/text's decoders and reported
// in a Note: nothing in it is lost, and the officer learns how to save it as
// UTF-8.
func decode(src []byte) ([]byte, *Note) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // Excel's CSV UTF-8 writes a BOM, even for an empty sheet
	var enc encoding.Encoding
	name := ""
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		enc, name = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16"
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		enc, name = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16"
	case utf16NoBOM(src, 1):
		enc, name = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16"
	case utf16NoBOM(src, 0):
		enc, name = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16"
	case utf8.Valid(src):
		return src, nil
	default:
		enc, name = charmap.Windows1252, "Windows-1252"
	}
	line, col := 1, 1
	if name == "Windows-1252" {
		line, col = invalidUTF8(src) // in the decoded text: one character for one byte
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil { // a UTF-16 file cut in the middle of a character
		return src, nil
	}
	return out, &Note{Line: line, Column: col, Encoding: name,
		Msg:  msg.Sprintf("the file is %s text, not UTF-8; it was read as %s", name, name),
		Hint: msg.Sprintf("in Excel use Save As → CSV UTF-8 (Comma delimited), so that every program reads é, ≤ and ² alike")}
}

// utf16NoBOM reports whether src looks like UTF-16 without a byte order
// mark: its first line (or 100 characters) has a NUL in every other byte,
// at even offsets (big-endian) or odd ones (little-endian).
func utf16NoBOM(src []byte, at int) bool {
	n := min(len(src), 200) &^ 1
	if n < 4 {
		return false
	}
	for i := 0; i < n; i += 2 {
		if src[i+at] != 0 || src[i+1-at] == 0 {
			return false
		}
		if src[i+1-at] == '\n' {
			break
		}
	}
	return true
}

// invalidUTF8 returns the line and the column (in characters) of the first
// byte that is not UTF-8.
func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		src = src[size:]
	}
	return line, col
}
