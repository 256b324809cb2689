package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/testenv"
)

// The tests share one browser, started on first use and closed by TestMain.
var shared struct {
	once    sync.Once
	path    string
	findErr error
	b       *Browser
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.b != nil {
		if err := shared.b.Close(); err != nil {
			println("closing the shared browser:", err.Error())
			code = 1
		}
	}
	os.Exit(code)
}

// chromePath returns the browser to test with. It skips the test when there is
// none, except on CI (CI=true), where that is a failure.
func chromePath(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		shared.path, shared.findErr = FindChrome("")
		if shared.findErr == nil {
			shared.b, shared.err = Start(context.Background(), shared.path)
		}
	})
	if shared.findErr != nil {
		testenv.Missing(t, "no browser to test with: "+shared.findErr.Error())
	}
	return shared.path
}

// sharedBrowser returns the browser that the tests share.
func sharedBrowser(t *testing.T) *Browser {
	t.Helper()
	chromePath(t)
	if shared.err != nil {
		t.Fatalf("starting the shared browser: %v", shared.err)
	}
	return shared.b
}

// tool returns the path of a command line tool, and skips the test when it is
// missing, except on CI.
func tool(t *testing.T, name string) string {
	t.Helper()
	return testenv.Tool(t, name, "poppler-utils qpdf")
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	cmd.Env = append(os.Environ(), "TZ=UTC") // pdfinfo prints dates in the local zone
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

const fixtureHTML = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Uji Cetak</title>
<link rel="stylesheet" href="http://example.com/remote.css">
<link rel="stylesheet" href="css/local.css">
<style>
@import url(http://example.com/import.css);
@page { size: A4; margin: 2cm; }
@page wide { size: A4 landscape; }
.wide { page: wide; }
@font-face { font-family: Jauh; src: url(https://fonts.example.com/jauh.woff2); }
p { font-family: Jauh, serif; }
</style>
</head>
<body>
<h1>Rencana Kerja</h1>
<p>Lihat <a href="#sec2">bagian dua</a>. Pagu 2.590.643.300 rupiah, capaian 97,5%.</p>
<img src="dot.png" alt="titik">
<img src="http://example.com/x.png" alt="">
<img src="https://93.184.216.34/y.png" alt="">
<img src="file:///etc/hostname" alt="">
<iframe src="http://example.com/frame.html"></iframe>
<script>fetch("http://example.com/api").catch(() => {});</script>
<section class="wide">
<h2 id="sec2">Bagian Dua</h2>
<p>Halaman lanskap.</p>
</section>
</body>
</html>
`

// writeFixture writes the two-page test page, its stylesheet and an image to
// a new folder, and returns the folder.
func writeFixture(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(root, "index.html"), []byte(fixtureHTML), 0o644))
	must(os.MkdirAll(filepath.Join(root, "css"), 0o755))
	must(os.WriteFile(filepath.Join(root, "css", "local.css"), []byte("h1 { color: #035; }\n"), 0o644))
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.Black)
	var buf bytes.Buffer
	must(png.Encode(&buf, img))
	must(os.WriteFile(filepath.Join(root, "dot.png"), buf.Bytes(), 0o644))
	return root
}

// printed prints the fixture once for all the tests that read its PDF.
var printed struct {
	once    sync.Once
	pdf     []byte
	refused []string
	took    time.Duration
	err     error
}

func printFixture(t *testing.T) ([]byte, []string, time.Duration) {
	t.Helper()
	b := sharedBrowser(t)
	printed.once.Do(func() {
		root := writeFixture(t)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		start := time.Now()
		printed.pdf, printed.refused, printed.err = b.Print(ctx, root, "index.html")
		printed.took = time.Since(start)
	})
	if printed.err != nil || printed.pdf == nil {
		t.Fatalf("printing the fixture: %v", printed.err)
	}
	return printed.pdf, printed.refused, printed.took
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrint(t *testing.T) {
	pdf, refused, took := printFixture(t)
	t.Logf("print took %v, %d bytes", took, len(pdf))
	// The refused requests fail at once, so the print is quick.
	if took > 10*time.Second {
		t.Errorf("print took %v", took)
	}

	want := []string{
		"file:///etc/hostname",
		"http://example.com/api",
		"http://example.com/frame.html",
		"http://example.com/import.css",
		"http://example.com/remote.css",
		"http://example.com/x.png",
		"https://93.184.216.34/y.png",
		"https://fonts.example.com/jauh.woff2",
	}
	if !slices.Equal(refused, want) {
		t.Errorf("refused = %q, want %q", refused, want)
	}

	n, err := PageCount(pdf)
	if err != nil || n != 2 {
		t.Fatalf("PageCount = %d, %v; want 2", n, err)
	}
	dests, err := Destinations(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := dests["sec2"]; !ok || p != 1 {
		t.Errorf("Destinations = %v, want sec2 on page index 1", dests)
	}

	// Page sizes, read by pdfcpu: A4 portrait, then A4 landscape.
	ctx, err := ReadContext(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	dims, err := ctx.PageDims()
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return a-b < 2 && b-a < 2 }
	if len(dims) != 2 || !near(dims[0].Width, 595) || !near(dims[0].Height, 842) ||
		!near(dims[1].Width, 842) || !near(dims[1].Height, 595) {
		t.Errorf("page sizes = %v, want A4 portrait then landscape", dims)
	}
	if _, ok := ctx.RootDict.Find("Outlines"); !ok {
		t.Error("no outline in the PDF")
	}

	file := writeTemp(t, "print.pdf", pdf)
	info := run(t, "pdfinfo", "-f", "1", "-l", "2", file)
	for _, re := range []string{
		`Page +1 size: +59\d\.\d+ x 84\d\.\d+ pts \(A4\)`,
		`Page +2 size: +84\d\.\d+ x 59\d\.\d+ pts \(A4\)`,
		`Tagged: +yes`,
	} {
		if !regexp.MustCompile(re).MatchString(info) {
			t.Errorf("pdfinfo does not match %s:\n%s", re, info)
		}
	}
	page1 := run(t, "pdftotext", "-f", "1", "-l", "1", file, "-")
	page2 := run(t, "pdftotext", "-f", "2", "-l", "2", file, "-")
	for _, w := range []string{"Rencana Kerja", "2.590.643.300", "97,5%"} {
		if !strings.Contains(page1, w) {
			t.Errorf("page 1 lacks %q:\n%s", w, page1)
		}
	}
	if !strings.Contains(page2, "Bagian Dua") {
		t.Errorf("page 2 lacks the heading:\n%s", page2)
	}
}

func TestPrintRejectsBadPage(t *testing.T) {
	b := sharedBrowser(t)
	root := writeFixture(t)
	for _, page := range []string{"missing.html", "../index.html", "/etc/hostname", "css"} {
		if _, _, err := b.Print(context.Background(), root, page); err == nil {
			t.Errorf("Print(%q) succeeded", page)
		}
	}
}

func TestPrintTimeout(t *testing.T) {
	b := sharedBrowser(t)
	root := t.TempDir()
	// A script that keeps the page from loading for 3 seconds.
	busy := `<!doctype html><p>sibuk</p><script>const end = Date.now() + 3000; while (Date.now() < end) {}</script>`
	if err := os.WriteFile(filepath.Join(root, "busy.html"), []byte(busy), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	pdf, _, err := b.Print(ctx, root, "busy.html")
	if !errors.Is(err, context.DeadlineExceeded) || pdf != nil {
		t.Fatalf("Print = %d bytes, %v; want no PDF and a deadline error", len(pdf), err)
	}
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("Print returned after %v, want soon after the 500ms deadline", took)
	}
	t.Logf("error: %v", err)
}

func TestFinish(t *testing.T) {
	pdf, _, _ := printFixture(t)
	meta := Meta{
		Title:    "Rencana Kerja (Renja) 2027 — Dinas Pendidikan",
		Author:   "Dinas Pendidikan Kabupaten Contoh",
		Subject:  "Rencana Kerja Perangkat Daerah",
		Keywords: "renja, 2027, pendidikan",
		Creator:  "renja test",
		Lang:     "id-ID",
		Date:     time.Date(2026, 5, 1, 9, 30, 0, 0, time.FixedZone("WIB", 7*3600)),
	}
	labels := []Label{{From: 0, Style: "r"}, {From: 1, Style: "D", Start: 1}}
	out, err := Finish(pdf, meta, labels)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Finish(pdf, meta, labels)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("Finish gave different bytes for the same input")
	}
	// The original part is kept, but for Chrome's dates, which change in
	// place to meta.Date.
	dates := regexp.MustCompile(`\(D:[0-9+\-Z']+\)`)
	chromeDate := dates.Find(pdf)
	if len(out) < len(pdf) || !bytes.Equal(dates.ReplaceAll(out[:len(pdf)], nil), dates.ReplaceAll(pdf, nil)) {
		t.Error("Finish changed Chrome's part of the PDF beyond its dates")
	}
	if chromeDate == nil || bytes.Contains(out, chromeDate) {
		t.Errorf("Chrome's date %s is not replaced", chromeDate)
	}

	// Everything that Chrome made is still there.
	dests, err := Destinations(out)
	if err != nil || dests["sec2"] != 1 {
		t.Errorf("Destinations after Finish = %v, %v", dests, err)
	}
	if n, err := PageCount(out); err != nil || n != 2 {
		t.Errorf("PageCount after Finish = %d, %v", n, err)
	}
	ctx, err := ReadContext(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Errorf("pdfcpu validation: %v", err)
	}
	for _, k := range []string{"Outlines", "StructTreeRoot", "MarkInfo", "Dests"} {
		if _, ok := ctx.RootDict.Find(k); !ok {
			t.Errorf("catalog lost /%s", k)
		}
	}
	if lang := ctx.RootDict["Lang"]; lang != types.StringLiteral("id-ID") {
		t.Errorf("catalog /Lang = %v", lang)
	}
	pl, err := ctx.DereferenceDict(ctx.RootDict["PageLabels"])
	if err != nil || pl == nil {
		t.Fatalf("no /PageLabels: %v", err)
	}
	if got, want := pl["Nums"].(types.Array).PDFString(), "[0<</S/r>> 1<</S/D>>]"; got != want {
		t.Errorf("/PageLabels /Nums = %s, want %s", got, want)
	}

	file := writeTemp(t, "finished.pdf", out)
	info := run(t, "pdfinfo", file)
	if strings.Contains(info, "Error") {
		t.Errorf("pdfinfo complains:\n%s", info)
	}
	for _, w := range []string{
		"Title:           " + meta.Title,
		"Author:          " + meta.Author,
		"Subject:         " + meta.Subject,
		"Keywords:        " + meta.Keywords,
		"Creator:         renja test",
		"Producer:        renja",
		"CreationDate:    Fri May  1 02:30:00 2026 UTC",
		"ModDate:         Fri May  1 02:30:00 2026 UTC",
	} {
		if !strings.Contains(info, w+"\n") {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}

	t.Run("qpdf", func(t *testing.T) {
		testenv.Tool(t, "qpdf", "qpdf")
		run(t, "qpdf", "--check", file)
		var j struct {
			PageLabels []struct {
				Index int            `json:"index"`
				Label map[string]any `json:"label"`
			} `json:"pagelabels"`
		}
		if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=pagelabels", file)), &j); err != nil {
			t.Fatal(err)
		}
		if len(j.PageLabels) != 2 || j.PageLabels[0].Label["/S"] != "/r" || j.PageLabels[1].Index != 1 || j.PageLabels[1].Label["/S"] != "/D" {
			t.Errorf("qpdf page labels = %+v", j.PageLabels)
		}
	})
}

func TestFinishKeepsChromeTitleAndLang(t *testing.T) {
	pdf, _, _ := printFixture(t)
	out, err := Finish(pdf, Meta{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := ReadContext(out)
	if err != nil {
		t.Fatal(err)
	}
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		t.Fatal(err)
	}
	if info["Title"] != types.StringLiteral("Uji Cetak") || info["Producer"] != types.StringLiteral("renja") {
		t.Errorf("info = %v", info)
	}
	for _, k := range []string{"Creator", "CreationDate", "ModDate", "Author"} {
		if _, ok := info[k]; ok {
			t.Errorf("info has /%s: %v", k, info)
		}
	}
	if ctx.RootDict["Lang"] != types.StringLiteral("id") {
		t.Errorf("catalog /Lang = %v, want Chrome's (id)", ctx.RootDict["Lang"])
	}
	if _, ok := ctx.RootDict.Find("PageLabels"); ok {
		t.Error("nil labels wrote /PageLabels")
	}
}

func TestFinishRejectsBadLabels(t *testing.T) {
	pdf, _, _ := printFixture(t)
	for _, labels := range [][]Label{
		{{From: 1, Style: "D"}},
		{{From: 0, Style: "D"}, {From: 0, Style: "r"}},
		{{From: 0, Style: "D"}, {From: 2, Style: "r"}},
		{{From: 0, Style: "x"}},
		{{From: 0, Style: "D", Start: -1}},
	} {
		if _, err := Finish(pdf, Meta{}, labels); err == nil {
			t.Errorf("Finish accepted labels %v", labels)
		}
	}
}

func TestTextString(t *testing.T) {
	for in, want := range map[string]string{
		"Renja (2027)": `(Renja \(2027\))`,
		`a\b`:          `(a\\b)`,
		"Anggaran – é": "<FEFF0041006E00670067006100720061006E00202013002000E9>",
	} {
		if got := textString(in).PDFString(); got != want {
			t.Errorf("textString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestPDFDate(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "D:20260102030405+00'00'"},
		{time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 7*3600)), "D:20260102030405+07'00'"},
		{time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", -(3*3600+30*60))), "D:20260102030405-03'30'"},
	} {
		if got := pdfDate(c.t); got != c.want {
			t.Errorf("pdfDate(%v) = %s, want %s", c.t, got, c.want)
		}
	}
}

func TestAllowedURL(t *testing.T) {
	root := filepath.FromSlash("/srv/renja/out")
	for u, want := range map[string]bool{
		"file:///srv/renja/out/index.html":      true,
		"file:///srv/renja/out/css/a%20b.css":   true,
		"file:///srv/renja/out":                 true,
		"file://localhost/srv/renja/out/x.png":  true,
		"file:///srv/renja/out/../secret.txt":   false,
		"file:///srv/renja/outside/x.png":       false,
		"file:///srv/renja/out2/x.png":          false,
		"file://host/srv/renja/out/x.png":       false,
		"data:image/png;base64,AAAA":            true,
		"about:blank":                           true,
		"http://example.com/x.png":              false,
		"https://fonts.googleapis.com/css?x=1":  false,
		"ws://127.0.0.1/":                       false,
		"chrome://settings":                     false,
		"filesystem:http://example.com/t/x.png": false,
	} {
		if got := allowedURL(root, u); got != want {
			t.Errorf("allowedURL(%q) = %v, want %v", u, got, want)
		}
	}
}
