package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"renja/internal/outdir"
	"renja/internal/pdf"
	"renja/internal/render"

	"renja/internal/msg"
)

// The print cache keeps the PDF that Chrome printed last (before Finish adds
// the metadata), with a hash of the page it printed: the paged HTML with the
// page numbers it ended with, its style sheets and images, and the browser
// named. A build whose paged HTML hashes the same takes that PDF instead of
// printing, and needs no browser at all: a rebuild without changes, a
// website-only change, a batch in which most offices changed nothing, or
// renja serve's PDF asked for twice. Finish runs on it as on a fresh print,
// with this build's date and content hash.
//
// A browser upgraded between two builds of an unchanged project is not
// noticed: remove output/.renja-print.* to print again.
const (
	printCachePDF = ".renja-print.pdf"
	printCacheKey = ".renja-print.json"
	// printFormat changes when the way renja prints changes (the print
	// options of pdf.Browser), so that older cached prints are not used.
	printFormat = "renja-print-1"
)

// printKey hashes what a print depends on.
func printKey(out *render.Output, chrome string) string {
	h := sha256.New()
	rec := func(b []byte) {
		var n [8]byte
		for i, l := 0, len(b); i < 8; i, l = i+1, l>>8 {
			n[i] = byte(l)
		}
		h.Write(n[:])
		h.Write(b)
	}
	rec([]byte(printFormat))
	rec([]byte(chrome))
	rec(out.HTML)
	names := make([]string, 0, len(out.Assets))
	for n := range out.Assets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rec([]byte(n))
		rec(out.Assets[n])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// cachedPrint is what printCacheKey holds: the key of the page and where
// its print put each destination, so that a build taking the print need not
// read the PDF back.
type cachedPrint struct {
	Key   string         `json:"key"`
	Dests map[string]int `json:"dests"`
}

// readPrintCache returns the cached print and its destinations when it was
// printed from a page with this key.
func readPrintCache(st *outdir.Dir, key string) ([]byte, map[string]int) {
	var c cachedPrint
	kp, dp := st.Current(printCacheKey), st.Current(printCachePDF)
	if kp == "" || dp == "" {
		return nil, nil
	}
	k, err := os.ReadFile(kp)
	if err != nil || json.Unmarshal(k, &c) != nil || c.Key != key || c.Dests == nil {
		return nil, nil
	}
	doc, err := os.ReadFile(dp)
	if err != nil || !bytes.HasPrefix(doc, []byte("%PDF-")) || !bytes.Contains(doc[max(0, len(doc)-1024):], []byte("%%EOF")) {
		return nil, nil
	}
	return doc, c.Dests
}

// writePrintCache keeps a print for the next build: both files are part of
// this build and go in place with it.
func writePrintCache(st *outdir.Dir, key string, doc []byte, dests map[string]int) error {
	k, err := json.Marshal(cachedPrint{key, dests})
	if err != nil {
		return err
	}
	if err := st.Write(printCachePDF, doc); err != nil {
		return err
	}
	return st.Write(printCacheKey, k)
}

// printPages prints the paged edition in Chrome: after each print it reads on
// which page each heading landed, and only when that differs from what the
// contents show does it write the numbers into the open page and print
// again. It returns the last print, its destinations, the page numbers it
// shows, and the number of prints.
func printPages(ctx context.Context, st *outdir.Dir, out *render.Output, shown map[string]string, browser func() (*pdf.Browser, error), lg *stageLog) ([]byte, map[string]int, map[string]string, int, error) {
	dir, err := st.Scratch("print-")
	if err != nil {
		return nil, nil, nil, 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "print.html"), out.HTML, 0o644); err != nil {
		return nil, nil, nil, 0, err
	}
	for name, b := range out.Assets {
		p := filepath.Join(dir, filepath.FromSlash(name)) // images/logo.png: in a folder
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, nil, nil, 0, err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, nil, nil, 0, err
		}
	}
	b, err := browser()
	if err != nil {
		return nil, nil, nil, 0, err
	}
	lg.done(msg.Sprintf("chrome ready"))
	var dests map[string]int
	next := func(doc []byte, pass int) (string, bool, error) {
		var err error
		if dests, err = pdf.Destinations(doc); err != nil {
			return "", false, err
		}
		lg.done(msg.Sprintf("print %d", pass))
		labels := printedLabels(dests, out)
		if sameLabels(labels, shown, out.Shown) {
			return "", false, nil
		}
		shown = labels
		return pageNumberScript(labels), true, nil
	}
	// Without numbers from a previous build, the first print only finds them.
	draft := true
	for _, l := range shown {
		draft = draft && l == render.PagePlaceholder
	}
	doc, refused, prints, err := b.PrintPasses(ctx, dir, "print.html", draft, next)
	if err != nil {
		return nil, nil, nil, prints, err
	}
	if len(refused) > 0 && lg.w != nil {
		msg.Fprintf(lg.w, "renja: refused %d request(s) outside the project: %s\n", len(refused), strings.Join(refused, ", "))
	}
	return doc, dests, shown, prints, nil
}
