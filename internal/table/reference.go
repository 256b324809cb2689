package table

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/gocarina/gocsv"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/msg"
)

// Reference is one entry of a nomenclature list: the kabupaten's list of
// programs, kegiatan and sub kegiatan with their official names, a CSV file
// with the columns kode and nama (named in renja.toml under
// [check.nomenclature] reference = "…").
type Reference struct {
	Kode string `csv:"kode"`
	Nama string `csv:"nama"`

	Code kode.Code `csv:"-"`
	Line int       `csv:"-"`
}

// LoadReference reads a nomenclature list. Its encoding and delimiter are
// taken as for a table; a row whose code cannot be read is an error.
func LoadReference(projectDir, file string) ([]Reference, error) {
	src, err := os.ReadFile(filepath.Join(projectDir, filepath.FromSlash(file)))
	if err != nil {
		return nil, &diag.Error{File: file, Msg: msg.Sprintf("cannot read the nomenclature list: %v", unwrapPath(err)),
			Hint: msg.Sprintf("renja.toml names it under [check.nomenclature] reference; correct the name or remove the line")}
	}
	_, r, _ := OpenCSV(src, 0)
	r.TrimLeadingSpace = true
	var refs []Reference
	if err := gocsv.UnmarshalCSV(gocsv.CSVReader(r), &refs); err != nil {
		return nil, &diag.Error{File: file, Line: 1, Msg: msg.Sprintf("the nomenclature list cannot be read: %v", err),
			Hint: msg.Sprintf("a nomenclature list has the columns kode and nama, one row per code")}
	}
	var errs diag.List
	for i := range refs {
		ref := &refs[i]
		ref.Line = i + 2
		ref.Kode, ref.Nama = strings.TrimSpace(ref.Kode), strings.TrimSpace(ref.Nama)
		c, err := kode.Parse(ref.Kode)
		if err != nil || c.IsZero() {
			errs = append(errs, &diag.Error{File: file, Line: ref.Line, Msg: msg.Sprintf("code %q of the nomenclature list cannot be read", ref.Kode),
				Hint: msg.Sprintf("write a code such as 7.01.01.2.01")})
			continue
		}
		ref.Code = c
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return refs, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
