package build

import (
	"os"
	"path/filepath"
	"sort"

	"renja/internal/model"
	"renja/internal/opendata"
)

// writeOpenData stages every table as open data: data/<id>.csv and
// data/<id>.xlsx, which the website links under each table.
func writeOpenData(st *stage, p *model.Project) error {
	files, err := opendata.Files(p)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := st.write(n, files[n]); err != nil {
			return err
		}
	}
	return nil
}

// pdfLink is the PDF the website links to: the one this build prints, or,
// when it prints none (--no-pdf, renja serve), the one an earlier build left
// in output/; "" when there is none, so that the website has no dead link.
func pdfLink(o Options, p *model.Project) string {
	name := p.Config.Plan.PDF
	if !o.NoPDF {
		return name
	}
	if _, err := os.Stat(filepath.Join(o.Out, name)); err == nil {
		return name
	}
	return ""
}
