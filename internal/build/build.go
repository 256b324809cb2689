// Package build runs the pipeline: load the project (config → content and
// data → model), check it, render the website edition, and print the PDF with
// headless Chrome. The build is written into a staging folder and put in
// place of the output folder as a whole (package outdir) only when it
// succeeded, so a failed build leaves the previous output as it was.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/model"
	"renja/internal/outdir"
	"renja/internal/pdf"
	"renja/internal/render"
	"renja/internal/sign/provenance"

	"renja/internal/msg"
)

// Options of a build.
type Options struct {
	Dir     string        // the project folder
	Out     string        // the output folder; default Dir/output
	NoPDF   bool          // write the website only
	Final   bool          // refuse while the checker reports errors
	Chrome  string        // the browser: a program, or a running one's ws:// endpoint; default: $RENJA_CHROME_URL, then FindChrome
	Date    time.Time     // the date written into the PDF; zero: now
	Log     io.Writer     // progress, one line a stage; nil: quiet
	Browser *pdf.Browser  // a running browser to print with (serve, batch); nil: start one
	Timeout time.Duration // for the whole PDF stage; default 2 minutes
	MaxTime time.Duration // for the whole build; default limits.BuildTime
	// Rendered, when set, is given the website's index.html as soon as it
	// is rendered and checked, before output/ is written (renja serve shows
	// it from memory while the files are written).
	Rendered func(html []byte)
	// Reuse lets a website-only build (NoPDF, not Final) whose project,
	// renja and output folder are as the last such build left them take
	// that build's result instead of building (see buildRecord); the
	// Result then has no Project.
	Reuse bool
}

// Result of a build.
type Result struct {
	Project     *model.Project
	Diagnostics []diag.Diagnostic
	Errors      int      // diagnostics of severity error
	Todos       int      // diagnostics of severity todo: placeholders and cells to fill
	Files       []string // written, relative to Out
	Kept        int      // of Files, how many were already in Out with the same bytes and were left as they were
	PDF         string   // the PDF's path, when one was printed
	Prints      int      // how many times Chrome printed
	ContentHash string   // of the sources, recorded in the PDF: provenance.ContentHash
	Reused      bool     // nothing changed: the last build's result, nothing built or written (Options.Reuse)
	// Unpublished says, one line each, which signed PDFs of signed/ the
	// website leaves out (a draft, other sources, another signer) and why.
	Unpublished []string
}

// startBrowser starts Chrome in the background, or connects to a running
// one when explicit or $RENJA_CHROME_URL names DevTools endpoints (see
// pdf.Endpoints); get waits for it, stop closes it (or lets it close as soon
// as it has started; a remote browser is left running).
func startBrowser(ctx context.Context, explicit string) (get func() (*pdf.Browser, error), stop func()) {
	type started struct {
		b   *pdf.Browser
		err error
	}
	ch := make(chan started, 1)
	// A build that needs no print (the print cache) never asks for the
	// browser: stop then cancels a start still under way.
	ctx, cancel := context.WithCancel(ctx)
	var asked atomic.Bool
	go func() {
		if eps := pdf.Endpoints(explicit); len(eps) > 0 {
			b, err := pdf.ConnectAny(ctx, eps)
			ch <- started{b, err}
			return
		}
		path, err := pdf.FindChrome(explicit)
		if err != nil {
			ch <- started{nil, &NoChromeError{err}}
			return
		}
		b, err := pdf.Start(ctx, path)
		ch <- started{b, err}
	}()
	var once sync.Once
	var s started
	wait := func() { once.Do(func() { s = <-ch }) }
	get = func() (*pdf.Browser, error) { asked.Store(true); wait(); return s.b, s.err }
	var stopOnce sync.Once
	stop = func() {
		stopOnce.Do(func() {
			if !asked.Load() {
				cancel()
			}
			wait()
			if s.b != nil {
				s.b.Close()
			}
			cancel()
		})
	}
	return get, stop
}

// staleProfiles removes, once a process, what killed builds left of Chrome.
var staleProfiles sync.Once

// ErrFinal is returned by a --final build while errors remain.
var ErrFinal error = msg.Const("the checker reports errors or things to fill: a final PDF is refused")

// NoChromeError says that no browser was found; the website was written.
type NoChromeError struct{ Err error }

func (e *NoChromeError) Error() string { return e.Err.Error() }
func (e *NoChromeError) Unwrap() error { return e.Err }

// Build builds the project. When ctx ends (Ctrl-C) or the build runs longer
// than o.MaxTime, every stage stops at its next check (between files, rules,
// parts, tables and written files) and Build returns ctx's cause, a
// *limits.TimeoutError for the time limit; output/ is left as it was.
func Build(ctx context.Context, o Options) (*Result, error) {
	if o.Out == "" {
		o.Out = filepath.Join(o.Dir, "output")
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.MaxTime == 0 {
		o.MaxTime = limits.BuildTime
	}
	ctx, cancel := context.WithTimeoutCause(ctx, o.MaxTime, &limits.TimeoutError{Limit: o.MaxTime})
	defer cancel()
	lg := &stageLog{w: o.Log, t: time.Now()}
	// Chrome starts while Go loads, checks and renders.
	browser := func() (*pdf.Browser, error) { return o.Browser, nil }
	unneeded := func() {} // a print taken from the cache needs no browser
	if !o.NoPDF && o.Browser == nil {
		get, stop := startBrowser(ctx, o.Chrome)
		defer stop()
		browser, unneeded = get, stop
	}
	if o.NoPDF {
		// A build that prints starts Chrome, which does this itself.
		staleProfiles.Do(pdf.RemoveStaleProfiles)
	}
	key := ""
	if o.Reuse && o.NoPDF && !o.Final && o.Browser == nil && o.Rendered == nil {
		if key = inputsKey(o.Dir, o.Out); key != "" {
			if res, ok := reuse(o, key); ok {
				lg.done(msg.Sprintf("nothing changed: the last build kept (%d files)", len(res.Files)))
				return res, nil
			}
		}
	}
	p, err := model.LoadContext(ctx, o.Dir)
	if err != nil {
		return nil, err
	}
	lg.done(msg.Sprintf("load"))
	res := &Result{Project: p}
	if res.Diagnostics, err = check.RunContext(ctx, p); err != nil {
		return res, err
	}
	res.Errors, _ = check.Count(res.Diagnostics)
	res.Todos = check.Todos(res.Diagnostics)
	if res.ContentHash, err = provenance.ContentHash(o.Dir); err != nil {
		return res, err
	}
	lg.done(msg.Sprintf("check (%d errors)", res.Errors))
	if o.Final && (res.Errors > 0 || res.Todos > 0) {
		return res, ErrFinal
	}
	od := startOpenData(ctx, p, o.Out)
	defer od.wait()
	tpl, err := render.LoadTemplates(o.Dir)
	if err != nil {
		return res, err
	}
	link := pdfLink(o, p)
	signed := findSigned(o.Dir, p.Config, res.ContentHash)
	res.Unpublished = signed.unpublished
	web, err := render.RenderContext(ctx, p, tpl, render.Options{Diagnostics: res.Diagnostics, PDF: link, Signed: signed.download})
	if err != nil {
		return res, err
	}
	lg.done(msg.Sprintf("html"))
	if o.Rendered != nil {
		o.Rendered(web.HTML)
	}
	st, err := outdir.Open(o.Dir, o.Out)
	if err != nil {
		return res, err
	}
	defer st.Close()
	if key != "" {
		recordBuild(st, key, p.Config.Plan.PDF, link != "", res)
	}
	if err := st.Write("index.html", web.HTML); err != nil {
		return res, err
	}
	for name, b := range web.Assets {
		if name == "print.css" {
			continue
		}
		if err := st.Write(name, b); err != nil {
			return res, err
		}
	}
	if err := stageSigned(st, signed, p.Config, tpl); err != nil {
		return res, err
	}
	var pdfErr error
	if !o.NoPDF {
		var doc []byte
		doc, res.Prints, pdfErr = printPDF(ctx, o, st, p, tpl, res.Diagnostics, provenanceInfo(res), browser, unneeded, lg)
		if pdfErr != nil && ctx.Err() != nil {
			// The time limit or Ctrl-C: say that, not what it did to
			// the browser (killed with ctx, it may fail the print
			// before the print's own context hears of it).
			pdfErr = context.Cause(ctx)
		}
		if pdfErr == nil {
			if err := st.Write(p.Config.Plan.PDF, doc); err != nil {
				return res, err
			}
			res.PDF = filepath.Join(o.Out, p.Config.Plan.PDF)
		} else if !errors.As(pdfErr, new(*NoChromeError)) {
			return res, pdfErr // nothing is written: the previous output stays
		}
	}
	if o.NoPDF || pdfErr != nil {
		// No PDF printed: the last one stays, which the website links to
		// (pdfLink), with its page numbers and print cache.
		for _, f := range []string{p.Config.Plan.PDF, pageCache, printCachePDF, printCacheKey} {
			st.Keep(f)
		}
	}
	if err := od.stage(st); err != nil {
		return res, err
	}
	// The last moment to stop: after it, output/ changes.
	if ctx.Err() != nil {
		return res, context.Cause(ctx)
	}
	files, err := st.Commit()
	res.Files = files
	if err != nil {
		return res, err
	}
	res.Kept = st.Reused()
	lg.done(msg.Sprintf("write (%d of %d files unchanged)", res.Kept, len(files)))
	return res, pdfErr
}

// printPDF prints the paged edition. Its table of contents first shows the
// page numbers of the last build (placeholders on a first build); after each
// print renja reads from the PDF on which page each heading landed, and only
// when that differs from what the contents show does it write the numbers
// into the open page and print again (printPages). A rebuild after an edit
// that moved no heading therefore prints once, and one whose paged HTML did
// not change at all takes the last print (see printKey) and prints nothing.
func printPDF(ctx context.Context, o Options, st *outdir.Dir, p *model.Project, tpl *render.Templates, ds []diag.Diagnostic, custom map[string]string, browser func() (*pdf.Browser, error), unneeded func(), lg *stageLog) ([]byte, int, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	cached := readPageCache(st)
	out, err := render.RenderContext(ctx, p, tpl, render.Options{Print: true, Pages: cached, Diagnostics: ds})
	if err != nil {
		return nil, 0, err
	}
	shown := map[string]string{}
	for _, id := range out.Shown {
		shown[id] = render.PagePlaceholder
		if l, ok := cached[id]; ok {
			shown[id] = l
		}
	}
	key := printKey(out, o.Chrome)
	var (
		doc    []byte
		dests  map[string]int
		prints int
	)
	// The page is the one the last build printed, with the page numbers that
	// print showed: take that print.
	if raw, d := readPrintCache(st, key); raw != nil && sameLabels(printedLabels(d, out), shown, out.Shown) {
		doc, dests = raw, d
		st.Keep(printCachePDF)
		st.Keep(printCacheKey)
		unneeded()
		lg.done(msg.Sprintf("print (page unchanged: the last print kept)"))
	}
	if doc == nil {
		var err error
		if doc, dests, shown, prints, err = printPages(ctx, st, out, shown, browser, lg); err != nil {
			return nil, prints, err
		}
		if prints > 1 {
			// The numbers were written into the open page before the last
			// print: that print is the one of the page the next build
			// renders with those numbers, so it is kept under that page's
			// key (a first build followed by an unchanged one prints twice,
			// not three times).
			next, err := render.RenderContext(ctx, p, tpl, render.Options{Print: true, Pages: shown, Diagnostics: ds})
			if err != nil {
				return nil, prints, err
			}
			key = printKey(next, o.Chrome)
		}
		if err := writePrintCache(st, key, doc, dests); err != nil {
			return nil, prints, err
		}
	}
	if err := writePageCache(st, shown); err != nil {
		return nil, prints, err
	}
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	c := p.Config
	meta := pdf.Meta{
		Title:    c.Plan.Title + " " + c.Office.Name,
		Author:   c.Office.Name,
		Subject:  fmt.Sprintf("Rencana Kerja (Renja) %s Kabupaten %s Tahun %d", c.Office.Name, c.Office.Kabupaten, c.Plan.Year),
		Keywords: fmt.Sprintf("Renja, Rencana Kerja, %s, %s, %d", c.Office.Name, c.Office.Kabupaten, c.Plan.Year),
		Creator:  "renja",
		Lang:     "id",
		Date:     date,
		Outline:  map[string]string{},
	}
	for _, t := range append(out.Titles, c.Plan.Title, "DAFTAR TABEL", "DAFTAR GRAFIK") {
		meta.Outline[strings.Join(strings.Fields(t), "")] = t
	}
	meta.Custom = custom
	doc, err = pdf.Finish(doc, meta, pageLabels(dests, out))
	if err != nil {
		return nil, prints, err
	}
	lg.done(msg.Sprintf("finish pdf"))
	return doc, prints, nil
}

// provenanceInfo is what the PDF's information dictionary records of the
// sources: their content hash, and whether the build is a draft.
func provenanceInfo(res *Result) map[string]string {
	m := map[string]string{provenance.HashKey: res.ContentHash}
	if res.Errors > 0 || res.Todos > 0 {
		m[provenance.DraftKey] = "true"
	}
	return m
}

type stageLog struct {
	w io.Writer
	t time.Time
}

func (l *stageLog) done(stage string) {
	now := time.Now()
	if l.w != nil {
		fmt.Fprintf(l.w, "renja: %-22s %6.0f ms\n", stage, float64(now.Sub(l.t).Microseconds())/1000)
	}
	l.t = now
}
