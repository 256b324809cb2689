// Package serve is renja's live preview: a web server on 127.0.0.1 that shows
// the project's website, rebuilds it whenever a file under content/, data/,
// templates/ or renja.toml changes (or under the folders of last year's
// Renja and the Renstra that renja.toml names), and reloads the open page.
//
// Only the website is rebuilt on a change (no PDF): the build writes
// output/ as `renja build --no-pdf` does, and the server hands out its files.
// Pages it serves get a small script (never written to disk) that asks
// /__renja/status for the build's version and, when a newer build
// succeeded, changes the open page in place: the server compares the page
// the browser shows with the new one (both kept in memory, see patch.go) and
// sends only the elements that changed, which the script puts in place of
// the old ones; the rest of the page, and where it is scrolled to, stay as
// they were. A failed build's errors, each with its file and line, are shown
// over the page; the last good build stays on disk and readable. The PDF is
// printed on request, at /__renja/pdf, with one browser that stays running
// until the server stops.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"renja/internal/build"
	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/pdf"

	"renja/internal/msg"
)

// Options of the preview server.
type Options struct {
	Dir      string        // the project folder
	Out      string        // the output folder; default Dir/output
	Port     int           // on 127.0.0.1; 0 picks a free port
	Chrome   string        // the browser for /__renja/pdf: see pdf.Open
	Log      io.Writer     // a line per rebuild; nil: quiet
	Debounce time.Duration // quiet time after a change before rebuilding; default 10 ms
	MaxTime  time.Duration // of each website build; default limits.BuildTime
	Ready    func(url string)
}

// status is what /__renja/status answers.
type status struct {
	Version int64      `json:"version"`         // counts changes of the status: builds, failed ones too
	Page    int64      `json:"page"`            // the version whose page the last good build made
	Patch   *patch     `json:"patch,omitempty"` // from the page the asking browser shows to Page
	Error   string     `json:"error,omitempty"` // the failed build's message, as the command line prints it
	Errors  []errorPos `json:"errors,omitempty"`
	Draft   int        `json:"draft"` // checker errors of the last good build
	Style   string     `json:"style"` // a digest of output/style.css: the page fetches it again when it changes
	// The overlay's words in the officer's language.
	Title string `json:"title"`
	Fix   string `json:"fix"`
	Hint  string `json:"hint"`
}

// errorPos is one error of a failed build, at its place.
type errorPos struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

type server struct {
	o Options
	// others are the folders of the projects renja.toml's [previous] and
	// [renstra] name, watched too (see watchChain); guarded by wmu.
	wmu    sync.Mutex
	others map[string]bool

	build sync.RWMutex // held for writing while a build writes output/
	mu    sync.Mutex   // guards status, changed and browser
	st    status
	// changed is closed, and replaced, whenever the status changes, to wake
	// the pages that wait for a rebuild (long polling).
	changed chan struct{}

	browser *pdf.Browser
	// printing holds a token while a PDF is printed: one print at a time.
	printing chan struct{}

	// pages are the last good builds' pages, the newest last, under mu.
	pages []version
	// inputs counts the changes seen to the build's input.
	inputs atomic.Int64
	// built, when set, runs after each website build, before its outcome
	// is recorded: tests change the input there, as an editor saving would.
	built func()
}

// Run builds the website, then serves it until ctx ends.
func Run(ctx context.Context, o Options) error {
	if o.Out == "" {
		o.Out = filepath.Join(o.Dir, "output")
	}
	if o.Debounce == 0 {
		o.Debounce = 10 * time.Millisecond
	}
	if _, err := os.Stat(filepath.Join(o.Dir, config.FileName)); err != nil {
		return &diag.Error{File: config.FileName, Msg: msg.Sprintf("no renja.toml in %s", o.Dir),
			Hint: msg.Sprintf("serve a project folder, or start one with renja init DIR")}
	}
	s := &server{o: o, others: map[string]bool{}, changed: make(chan struct{}), printing: make(chan struct{}, 1)}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := s.watch(w); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(o.Port)))
	if err != nil {
		return err
	}
	s.rebuild(ctx)
	s.watchChain(w)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	s.logf("renja: serving %s (Ctrl-C stops)", url)
	if o.Ready != nil {
		o.Ready(url)
	}
	changes := make(chan struct{}, 1)
	go s.events(ctx, w, changes)
	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			srv.Shutdown(sctx)
			cancel()
			s.mu.Lock()
			if s.browser != nil {
				s.browser.Close()
				s.browser = nil
			}
			s.mu.Unlock()
			return nil
		case err := <-done:
			return err
		case <-changes:
			s.rebuild(ctx)
			s.watchChain(w)
		}
	}
}

// rebuild writes the website (no PDF) and records the outcome. The page is
// shown as soon as it is rendered, while output/ is written; should writing
// fail, the last good page is shown again. A build that fails while its
// input changes (an editor still saving) shows no error: the next build,
// due already, says whether the saved files build.
func (s *server) rebuild(ctx context.Context) {
	start := time.Now()
	inputs := s.inputs.Load()
	var shown int64
	s.build.Lock()
	res, err := build.Build(ctx, build.Options{Dir: s.o.Dir, Out: s.o.Out, NoPDF: true, MaxTime: s.o.MaxTime,
		Rendered: func(b []byte) { shown = s.publish(b) }})
	if err != nil && shown != 0 {
		s.unpublish(shown)
	}
	s.build.Unlock()
	if s.built != nil {
		s.built()
	}
	if err != nil && s.inputs.Load() != inputs && ctx.Err() == nil {
		s.logf("renja: the files changed during the build; building again")
		return
	}
	s.finish(res, err, msg.Sprintf("website"), start)
}

// wake tells the pages waiting for a change (long polling); under mu.
func (s *server) wake() {
	s.st.Version++
	if s.changed != nil {
		close(s.changed)
	}
	s.changed = make(chan struct{})
}

func (s *server) finish(res *build.Result, err error, what string, start time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wake()
	if err != nil {
		s.st.Error, s.st.Errors = msg.System(diag.Detail(err)), positions(err)
		s.logf("renja: build failed; the page shows the last good build:\n%s", diag.Detail(err))
		return
	}
	s.st.Error, s.st.Errors = "", nil
	s.st.Draft = res.Errors
	s.st.Style = styleDigest(s.o.Out)
	s.logf("renja: rebuilt the %s in %d ms (%d checker errors)", what, time.Since(start).Milliseconds(), res.Errors)
}

// styleDigest returns a digest of the website's stylesheet in out, "" when
// there is none.
func styleDigest(out string) string {
	b, err := os.ReadFile(filepath.Join(out, "style.css"))
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

func positions(err error) []errorPos {
	l, ok := diag.ListOf(err)
	if !ok {
		return []errorPos{{Message: err.Error()}}
	}
	out := make([]errorPos, len(l))
	for i, e := range l {
		out[i] = errorPos{File: e.File, Line: e.Line, Column: e.Column, Message: e.Msg, Hint: e.Hint}
	}
	return out
}

func (s *server) logf(format string, args ...any) {
	if s.o.Log != nil {
		fmt.Fprintln(s.o.Log, msg.Sprintf(format, args...))
	}
}

func (s *server) status() status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	st.Title = msg.Sprintf("The build failed — the page behind is the last good build")
	st.Fix = msg.Sprintf("Correct the file and save it: the page reloads by itself.")
	st.Hint = msg.Sprintf("hint:")
	return st
}

// ServeHTTP answers only requests addressed to the loopback address, so that
// a web page elsewhere cannot reach the preview through a host name of its own.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host != "127.0.0.1" && host != "localhost" {
		http.Error(w, msg.Sprintf("renja serve answers on 127.0.0.1 only"), http.StatusForbidden)
		return
	}
	if !sameSite(r) {
		http.Error(w, "renja serve hanya melayani halamannya sendiri: permintaan dari situs lain ditolak", http.StatusForbidden)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	setPolicy(w, r)
	switch r.URL.Path {
	case "/__renja/status":
		s.serveStatus(w, r)
	case "/__renja/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(reloadJS)
	case "/__renja/pdf":
		s.servePDF(w, r)
	case "/", "/index.html":
		s.serveIndex(w)
	default:
		s.build.RLock()
		defer s.build.RUnlock()
		// Through os.Root, opened per request (a build swaps the folder): a
		// link in output/ that leads out of it is refused, not followed.
		root, err := os.OpenRoot(s.o.Out)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer root.Close()
		http.FileServerFS(root.FS()).ServeHTTP(w, r)
	}
}

//go:embed reload.js
var reloadJS []byte

// serveIndex sends the last good build's index.html with the reload script,
// which knows the page's version; before any build succeeded, output/'s
// (an earlier run's) or a page that only shows the errors, as version 0.
func (s *server) serveIndex(w http.ResponseWriter) {
	var page []byte
	var version int64
	s.mu.Lock()
	if n := len(s.pages); n > 0 {
		page, version = s.pages[n-1].page.src, s.pages[n-1].v
	}
	s.mu.Unlock()
	if page == nil {
		s.build.RLock()
		var err error
		page, err = os.ReadFile(filepath.Join(s.o.Out, "index.html"))
		s.build.RUnlock()
		if err != nil {
			page = []byte(`<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>renja serve</title></head><body><main><h1>Belum ada hasil build</h1><p>` +
				html.EscapeString(s.o.Dir) + `</p></main></body></html>`)
		}
	}
	tag := []byte(fmt.Sprintf(`<script src="/__renja/reload.js" data-version="%d" data-style="%s"></script>`, version, s.status().Style))
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		page = append(page[:i:i], append(tag, page[i:]...)...)
	} else {
		page = append(page, tag...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(page)
}

// servePDF builds the website and the PDF with the server's browser, started
// on the first request, then sends the browser to the PDF. One PDF is
// printed at a time; a request that ends (the reader closed the tab) while
// it waits or prints cancels its print, which leaves output/ and the
// preview's status as they were.
func (s *server) servePDF(w http.ResponseWriter, r *http.Request) {
	select {
	case s.printing <- struct{}{}:
		defer func() { <-s.printing }()
	case <-r.Context().Done():
		return
	}
	s.mu.Lock()
	b := s.browser
	if b == nil {
		var err error
		b, err = pdf.Open(context.WithoutCancel(r.Context()), s.o.Chrome)
		if err != nil {
			s.mu.Unlock()
			http.Error(w, msg.Sprintf("renja: no PDF: %v", err), http.StatusInternalServerError)
			return
		}
		b.KeepTabReady()
		s.browser = b
	}
	s.mu.Unlock()
	start := time.Now()
	var page []byte
	s.build.Lock()
	res, err := build.Build(r.Context(), build.Options{Dir: s.o.Dir, Out: s.o.Out, Browser: b,
		Rendered: func(b []byte) { page = b }})
	if err == nil {
		s.publish(page) // it links the new PDF
	}
	s.build.Unlock()
	if err != nil && r.Context().Err() != nil {
		s.logf("renja: PDF cancelled: the request was closed")
		return
	}
	s.finish(res, err, msg.Sprintf("website and the PDF"), start)
	if err != nil {
		http.Error(w, msg.Sprintf("renja: the build failed; nothing was written:\n\n%s", diag.Detail(err)), http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/"+filepath.Base(res.PDF), http.StatusSeeOther)
}
