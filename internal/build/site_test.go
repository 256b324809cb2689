package build

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/xuri/excelize/v2"

	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/opendata"
	"renja/internal/outdir"
	"renja/internal/pdf/pdftest"
	"renja/internal/table"
)

// pageWatch records what a page asks for and what it reports as an error or
// a warning in its console.
type pageWatch struct {
	mu       sync.Mutex
	requests []string
	errors   []string
}

func (w *pageWatch) listen(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.requests = append(w.requests, e.Request.URL)
		case *network.EventLoadingFailed:
			w.errors = append(w.errors, "loading failed: "+e.ErrorText)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				w.mu.Lock()
				w.errors = append(w.errors, m.String())
				w.mu.Unlock()
			}
		}
	}()
}

func (w *pageWatch) snapshot() (requests, errors []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.requests...), append([]string(nil), w.errors...)
}

type htmlTable struct {
	ID   string     `json:"id"`
	Rows [][]string `json:"rows"`
}

type link struct {
	Href string `json:"href"` // as written
	URL  string `json:"url"`  // resolved
	Nav  bool   `json:"nav"`
}

// pageFacts: a cell's text leaves out the numbers of its findings, which a
// draft prints after it (<sup class="marks">).
const pageFacts = `({
  tables: Array.from(document.querySelectorAll('table[data-table]')).map(t => ({
    id: t.dataset.table,
    rows: Array.from(t.tBodies[0].rows).filter(r => !r.classList.contains('group')).map(r => Array.from(r.cells).map(c => Array.from(c.childNodes).filter(n => !(n.classList && n.classList.contains('marks'))).map(n => n.textContent).join('').trim()))})),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => ({href: a.getAttribute('href'), url: a.href, nav: !!a.closest('nav, .toc')})),
  missing: Array.from(document.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(decodeURIComponent(id))),
  scripts: document.scripts.length,
  charts: document.querySelectorAll('figure.chart svg').length,
  lang: document.documentElement.lang,
  unscoped: document.querySelectorAll('table th:not([scope])').length
})`

type facts struct {
	Tables   []htmlTable `json:"tables"`
	Links    []link      `json:"links"`
	Missing  []string    `json:"missing"`
	Scripts  int         `json:"scripts"`
	Charts   int         `json:"charts"`
	Lang     string      `json:"lang"`
	Unscoped int         `json:"unscoped"`
}

// TestWebsite builds the bundled Renja's website and opens it in headless
// Chromium from disk (file://) and from a server on 127.0.0.1 under a
// sub-path, as a citizen would: no console error, no request leaving the
// machine, every link resolving, the data downloads holding the rows of
// their tables, and a wide table that scrolls in its box on a phone.
func TestWebsite(t *testing.T) {
	b := pdftest.Browser(t)
	out := t.TempDir()
	// An earlier build's PDF: a build without PDF links it (and prints none).
	pdfName := "renja-kalaena-2024.pdf"
	if err := os.WriteFile(filepath.Join(out, pdfName), []byte("%PDF-1.7\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, outdir.Manifest), []byte(pdfName+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Dir: "../..", Out: out, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	html, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(html, []byte(`href="`+pdfName+`"`)) {
		t.Errorf("index.html does not link the PDF %s", pdfName)
	}

	const sub = "/renja/2024/"
	srv := httptest.NewServer(http.StripPrefix(sub, http.FileServer(http.Dir(out))))
	defer srv.Close()
	fileBase := (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()
	bases := []struct{ name, base string }{
		{"file", fileBase},
		{"http", srv.URL + sub},
	}
	for _, bs := range bases {
		t.Run(bs.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			tab, closeTab := b.NewTab(ctx)
			defer closeTab()
			w := &pageWatch{}
			w.listen(t, tab)
			if err := chromedp.Do(tab,
				pdftest.RecordViolations(),
				chromedp.EmulateViewport(1280, 900),
				chromedp.Navigate(bs.base+"index.html"),
				chromedp.WaitReady(chromedp.CSS("body")),
			); err != nil {
				t.Fatal(err)
			}
			f, err := chromedp.Run(tab, chromedp.Evaluate[facts](pageFacts))
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond) // let late console messages arrive
			requests, errs := w.snapshot()
			for _, e := range errs {
				t.Errorf("the page reports an error: %s", e)
			}
			for _, u := range requests {
				if !local(u, bs.base) {
					t.Errorf("the page requested %s, outside the site", u)
				}
			}
			if f.Lang != "id" {
				t.Errorf(`<html lang=%q>, want "id"`, f.Lang)
			}
			if f.Scripts != 0 {
				t.Errorf("the built page has %d scripts, want none", f.Scripts)
			}
			if f.Charts != 3 {
				t.Errorf("%d charts in the page, want 3", f.Charts)
			}
			if f.Unscoped != 0 {
				t.Errorf("%d table header cells without scope", f.Unscoped)
			}
			for _, id := range f.Missing {
				t.Errorf("a link points at #%s, which no element has", id)
			}
			checkLinks(t, f.Links, bs.base, out)
			checkPolicy(t, tab)
			if bs.name == "file" {
				checkDownloads(t, f.Tables, out, res.Project)
				checkKeyboard(t, tab)
				checkPhone(t, tab)
			} else {
				// The server hands out the same data files.
				for _, ext := range []string{".csv", ".xlsx"} {
					got := fetch(t, bs.base+"data/t31"+ext)
					want, _ := os.ReadFile(filepath.Join(out, "data", "t31"+ext))
					if !bytes.Equal(got, want) {
						t.Errorf("data/t31%s from the server differs from the file", ext)
					}
				}
			}
		})
	}
}

// local reports whether a request stays in the site (or is a data: URL).
func local(u, base string) bool {
	return strings.HasPrefix(u, base) || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "about:")
}

// checkLinks resolves every link of the page: anchors to an element (checked
// in the page), files to a file of the site.
func checkLinks(t *testing.T, links []link, base, out string) {
	t.Helper()
	nav, files := 0, 0
	for _, l := range links {
		if strings.HasPrefix(l.Href, "#") {
			if l.Nav {
				nav++
			}
			continue
		}
		if strings.Contains(l.Href, "://") || strings.HasPrefix(l.Href, "/") {
			t.Errorf("link %q is not relative: the site must work from any folder and sub-path", l.Href)
			continue
		}
		if !strings.HasPrefix(l.URL, base) {
			t.Errorf("link %q resolves to %s, outside the site", l.Href, l.URL)
			continue
		}
		files++
		rel := strings.TrimPrefix(l.URL, base)
		if strings.HasPrefix(base, "file:") {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
				t.Errorf("link %q: %v", l.Href, err)
			}
		} else {
			fetch(t, l.URL)
		}
	}
	if nav < 20 {
		t.Errorf("only %d navigation links", nav)
	}
	if files < 15 { // the PDF and two files for each of 7 tables
		t.Errorf("only %d links to files (PDF, CSV, XLSX)", files)
	}
}

func fetch(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Errorf("GET %s: %v", u, err)
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %s", u, resp.Status)
	}
	return b
}

// checkDownloads reads data/<id>.csv and data/<id>.xlsx back and compares
// their rows with the rows of the table in the page.
func checkDownloads(t *testing.T, tables []htmlTable, out string, p *model.Project) {
	t.Helper()
	if len(tables) != 7 {
		t.Errorf("%d tables in the page, want 7", len(tables))
	}
	for _, ht := range tables {
		tb := p.Table(ht.ID)
		if tb == nil {
			t.Errorf("table %s of the page is not in data/", ht.ID)
			continue
		}
		raw, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(opendata.CSVPath(ht.ID))))
		if err != nil {
			t.Error(err)
			continue
		}
		if !bytes.HasPrefix(raw, []byte("\ufeff")) {
			t.Errorf("%s.csv has no BOM: Excel would not read it as UTF-8", ht.ID)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff"))))
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil {
			t.Errorf("%s.csv: %v", ht.ID, err)
			continue
		}
		if len(recs)-1 != len(ht.Rows) {
			t.Errorf("%s.csv has %d rows, the page's table %d", ht.ID, len(recs)-1, len(ht.Rows))
			continue
		}
		var shown []int // CSV columns the page shows
		for i, name := range recs[0] {
			c := tb.Col(name)
			if c == nil {
				t.Errorf("%s.csv column %q is not in the schema", ht.ID, name)
				continue
			}
			if !c.Hidden && c.Name != tb.Group {
				shown = append(shown, i)
			}
		}
		for i, row := range ht.Rows {
			var got []string
			for _, j := range shown {
				got = append(got, recs[i+1][j])
			}
			if strings.Join(got, "|") != strings.Join(row, "|") {
				t.Errorf("%s row %d: the CSV has\n\t%q\nthe page\n\t%q", ht.ID, i+1, got, row)
				break
			}
		}
		checkXLSX(t, tb, recs, filepath.Join(out, filepath.FromSlash(opendata.XLSXPath(ht.ID))))
	}
}

// checkXLSX compares the workbook with the CSV: the same rows, money as
// whole numbers in #,##0, percentages as numbers, a bold header row.
func checkXLSX(t *testing.T, tb *table.Table, recs [][]string, file string) {
	t.Helper()
	f, err := excelize.OpenFile(file, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	defer f.Close()
	rows, err := f.GetRows(tb.ID)
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	if len(rows) != len(recs) {
		t.Errorf("%s has %d rows, the CSV %d", file, len(rows), len(recs))
		return
	}
	st, _ := f.GetCellStyle(tb.ID, "A1")
	if s, err := f.GetStyle(st); err != nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("%s: the header row is not bold", file)
	}
	moneyCells := 0
	for i := 1; i < len(recs); i++ {
		for j, c := range tb.Columns {
			want := recs[i][j]
			got := ""
			if j < len(rows[i]) {
				got = rows[i][j]
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			switch c.Type {
			case table.Money:
				m, ok, err := num.ParseMoney(want)
				if err != nil || !ok {
					if got != want {
						t.Errorf("%s %s: %q, the CSV %q", file, cell, got, want)
					}
					continue
				}
				if got != strconv.FormatInt(int64(m), 10) {
					t.Errorf("%s %s: %q, want the whole number %d", file, cell, got, m)
				}
				if typ, _ := f.GetCellType(tb.ID, cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s %s: money is not a number cell (%v)", file, cell, typ)
				}
				sid, _ := f.GetCellStyle(tb.ID, cell)
				if s, _ := f.GetStyle(sid); s == nil || s.NumFmt != 3 {
					t.Errorf("%s %s: money is not formatted #,##0", file, cell)
				}
				moneyCells++
			case table.Percent:
				d, ok, err := num.ParsePercent(want)
				if err != nil || !ok {
					if got != want {
						t.Errorf("%s %s: %q, the CSV %q", file, cell, got, want)
					}
					continue
				}
				if v, err := strconv.ParseFloat(got, 64); err != nil || fmt.Sprintf("%.2f", v) != fmt.Sprintf("%.2f", float64(d)/num.Scale) {
					t.Errorf("%s %s: %q, want the number %s", file, cell, got, want)
				}
			default:
				if c.Type == table.Number {
					if d, ok, err := num.ParseDec(want); err == nil && ok {
						want = strconv.FormatFloat(float64(d)/num.Scale, 'f', -1, 64)
					}
				}
				if got != want {
					t.Errorf("%s %s: %q, the CSV %q", file, cell, got, want)
				}
			}
		}
	}
	if hasMoney(tb) && moneyCells == 0 && tb.ID != "t25" { // Tabel 2.5 states no amount
		t.Errorf("%s: no money cell checked", file)
	}
}

func hasMoney(tb *table.Table) bool {
	for _, c := range tb.Columns {
		if c.Type == table.Money {
			return true
		}
	}
	return false
}

// checkKeyboard: the first Tab reaches the skip link, which leads to the content.
func checkKeyboard(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab,
		chromedp.Reload(),
		chromedp.WaitReady(chromedp.CSS("body")),
		chromedp.KeyEvent(kb.Tab),
	); err != nil {
		t.Fatal(err)
	}
	cls, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.activeElement.className`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(100*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	active, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.tagName`))
	if err != nil {
		t.Fatal(err)
	}
	if cls != "skip-link" {
		t.Errorf("the first Tab focuses %q, want the skip link", cls)
	}
	if active != "isi" {
		t.Errorf("the skip link leads to %q, want the content (main#isi)", active)
	}
}

// checkPhone: on a 360 px wide screen the page does not scroll sideways, a
// wide table scrolls in its own box, and the navigation opens from its bar.
func checkPhone(t *testing.T, tab context.Context) {
	t.Helper()
	type metrics struct {
		BoxScroll, BoxClient, DocScroll float64
		NavShown                        bool
		SideNav                         string
		HeaderSticky                    string
	}
	if err := chromedp.Do(tab,
		chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Reload(),
		chromedp.WaitReady(chromedp.CSS("body")),
	); err != nil {
		t.Fatal(err)
	}
	m, err := chromedp.Run(tab, chromedp.Evaluate[metrics](`(() => { const s = document.querySelector('#t31 .scroll');
		  return { BoxScroll: s.scrollWidth, BoxClient: s.clientWidth, DocScroll: document.documentElement.scrollWidth,
		    NavShown: document.querySelector('.nav-phone').offsetHeight > 0,
		    SideNav: getComputedStyle(document.querySelector('.site-nav')).display,
		    HeaderSticky: getComputedStyle(document.querySelector('#t31 thead')).position } })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !(m.BoxScroll > m.BoxClient) {
		t.Errorf("Tabel 3.1 does not scroll in its box at 360 px: scrollWidth %v, clientWidth %v", m.BoxScroll, m.BoxClient)
	}
	if m.DocScroll > 360+2 {
		t.Errorf("the page is %v px wide at 360 px: something sticks out", m.DocScroll)
	}
	if !m.NavShown || m.SideNav != "none" {
		t.Errorf("at 360 px the navigation should be the collapsible bar (shown %v) and the side column hidden (%q)", m.NavShown, m.SideNav)
	}
	if m.HeaderSticky != "sticky" {
		t.Errorf("the header of Tabel 3.1 is %q, want sticky", m.HeaderSticky)
	}
	screenshots(t, tab)
	if _, err := chromedp.Call(tab, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
}

// screenshots saves views of the site at phone and desktop widths to the
// folder $RENJA_SCREENSHOTS, when it is set, for a person to look at.
func screenshots(t *testing.T, tab context.Context) {
	dir := os.Getenv("RENJA_SCREENSHOTS")
	if dir == "" {
		return
	}
	shots := []struct {
		name   string
		w, h   int64
		mobile bool
		js     string
	}{
		{"phone-top", 360, 740, true, `window.scrollTo(0, 0)`},
		{"phone-nav-open", 360, 740, true, `document.querySelector('.nav-phone').open = true; window.scrollTo(0, 0)`},
		{"phone-table", 360, 740, true, `document.querySelector('.nav-phone').open = false; document.getElementById('t31').scrollIntoView(); document.querySelector('#t31 .scroll').scrollTo(200, 300)`},
		{"phone-chart", 360, 740, true, `document.getElementById('grafik-pagu-prakiraan').scrollIntoView()`},
		{"desktop-top", 1280, 800, false, `window.scrollTo(0, 0)`},
		{"desktop-table", 1280, 800, false, `document.getElementById('t31').scrollIntoView(); document.querySelector('#t31 .scroll').scrollTo(300, 400)`},
		{"desktop-chart", 1280, 800, false, `document.getElementById('grafik-realisasi-program').scrollIntoView()`},
		{"desktop-charts-bab4", 1280, 800, false, `document.getElementById('grafik-pagu-program').scrollIntoView()`},
	}
	for _, s := range shots {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
		if s.mobile {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(tab,
			chromedp.EmulateViewport(s.w, s.h, opts...),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](s.js+`; true`)(ctx, tg)
				return err
			}),
			chromedp.Sleep(150*time.Millisecond),
		); err != nil {
			t.Fatal(err)
		}
		buf, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "renja-"+s.name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
