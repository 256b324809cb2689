package build

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"renja/internal/model"
	"renja/internal/opendata"
	"renja/internal/outdir"
)

// openData is a build's open data: data/<id>.csv and data/<id>.xlsx of every
// table, which the website links under each table. The rows and the CSVs are
// made at once (the model's sums are not safe for concurrent use); the
// spreadsheets, the slow part, are made in the background while the HTML is
// rendered and the PDF printed, and only for tables whose spreadsheet would
// differ from the one the last build left in output/ (opendata.XLSXKey,
// recorded in output/.renja-opendata.json).
type openData struct {
	csv  map[string][]byte
	keys map[string]string // spreadsheet path → opendata.XLSXKey
	kept map[string]bool   // spreadsheets the last build left as they would be made now

	wg   sync.WaitGroup
	xlsx map[string][]byte
	errs map[string]error
	redo map[string]func() ([]byte, error) // makes a kept spreadsheet after all
}

const openDataCache = ".renja-opendata.json"

// startOpenData makes the CSVs and starts making the spreadsheets that
// changed. out is the output folder of the last build.
// Once ctx ends, no further spreadsheet is started.
func startOpenData(ctx context.Context, p *model.Project, out string) *openData {
	var last map[string]string
	if b, err := os.ReadFile(filepath.Join(out, openDataCache)); err == nil {
		_ = json.Unmarshal(b, &last)
	}
	od := &openData{csv: map[string][]byte{}, keys: map[string]string{}, kept: map[string]bool{},
		xlsx: map[string][]byte{}, errs: map[string]error{}, redo: map[string]func() ([]byte, error){}}
	var mu sync.Mutex
	sem := make(chan struct{}, 2)
	for _, t := range p.Tables {
		rows := opendata.Rows(p, t)
		od.csv[opendata.CSVPath(t.ID)] = opendata.CSV(t, rows)
		path := opendata.XLSXPath(t.ID)
		key := opendata.XLSXKey(t, rows)
		od.keys[path] = key
		makeXLSX := func() ([]byte, error) { return opendata.XLSX(ctx, t, rows) }
		if last[path] == key && fileExists(filepath.Join(out, filepath.FromSlash(path))) {
			od.kept[path] = true
			od.redo[path] = makeXLSX
			continue
		}
		od.wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				mu.Lock()
				od.errs[path] = context.Cause(ctx)
				mu.Unlock()
				return
			}
			b, err := makeXLSX()
			mu.Lock()
			od.xlsx[path], od.errs[path] = b, err
			mu.Unlock()
		})
	}
	return od
}

// wait waits for the spreadsheets being made; a build that ends early calls
// it too, so that nothing runs on after the build.
func (od *openData) wait() { od.wg.Wait() }

// stage waits for the spreadsheets and stages every file.
func (od *openData) stage(st *outdir.Dir) error {
	od.wait()
	names := make([]string, 0, len(od.keys)+len(od.csv))
	for n := range od.csv {
		names = append(names, n)
	}
	for n := range od.keys {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if b, ok := od.csv[n]; ok {
			if err := st.Write(n, b); err != nil {
				return err
			}
			continue
		}
		if od.kept[n] && st.Reuse(n) {
			continue
		}
		b, err := od.xlsx[n], od.errs[n]
		if od.kept[n] {
			b, err = od.redo[n]()
		}
		if err != nil {
			return err
		}
		if err := st.Write(n, b); err != nil {
			return err
		}
	}
	b, err := json.Marshal(od.keys)
	if err != nil {
		return err
	}
	// The spreadsheets' keys, for the next build: part of this build.
	return st.Write(openDataCache, b)
}

func fileExists(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode().IsRegular()
}

// pdfLink is the PDF the website links to: the one this build prints, or,
// when it prints none (--no-pdf, renja serve), the one an earlier build left
// in output/; "" when there is none, so that the website has no dead link.
func pdfLink(o Options, p *model.Project) string {
	name := p.Config.Plan.PDF
	if !o.NoPDF {
		return name
	}
	if fileExists(filepath.Join(o.Out, name)) {
		return name
	}
	return ""
}
