package main

import (
	"context"
	"html"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"renja/internal/cli"
	"renja/internal/pdf/pdftest"
	"renja/internal/testenv"
)

func TestMain(m *testing.M) {
	// The tests read renja's English messages, also from the programs they
	// start; lang.txtar reads the Indonesian ones.
	if _, set := os.LookupEnv("RENJA_LANG"); !set {
		os.Setenv("RENJA_LANG", "en")
	}
	testscript.Main(m, map[string]func(){
		"renja": func() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each is a small
// project as a text archive and the commands a user would type.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: cmds,
		Setup: func(e *testscript.Env) error { e.Setenv("BUNDLED", bundled); return english(e) }})
}

// TestPDFScripts runs the scripts that print PDFs with a real Chrome and
// read them back with poppler (testdata/script-pdf); without them it skips.
func TestPDFScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("prints PDFs")
	}
	chrome := pdftest.Chrome(t)
	for _, tool := range []string{"pdftotext", "pdfimages"} {
		testenv.Tool(t, tool, "poppler-utils")
	}
	testscript.Run(t, testscript.Params{Dir: "testdata/script-pdf", Cmds: cmds,
		Setup: func(e *testscript.Env) error {
			e.Setenv("RENJA_CHROME", chrome)
			e.Setenv("BUNDLED", bundled)
			return english(e)
		}})
}

// english: the scripts read renja's English messages (RENJA_LANG=en);
// lang.txtar reads the Indonesian ones.
func english(e *testscript.Env) error {
	e.Setenv("RENJA_LANG", "en")
	return nil
}

// bundled is the repository's root: the bundled project ($BUNDLED in scripts).
var bundled, _ = filepath.Abs("../..")

var (
	tbodyRe  = regexp.MustCompile(`(?s)<tbody>.*?</tbody>`)
	headsRe  = regexp.MustCompile(`(?s)<figcaption>.*?</figcaption>|<thead>.*?</thead>|<title>.*?</title>`)
	labelsRe = regexp.MustCompile(`(20\d\d)\s*\(\s*[nN]\s*([+-]\s*\d)?\s*\)|[nN]\s*([+-]\s*\d)?\s*\)?\s*\(\s*(20\d\d)\s*\)`)
)

var cmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// years-fit N FILE.html: in every table caption and header and chart
	// title, a year labelled n, n-1, … (N) is N, N-1, …; and no year of
	// the plan before N+2 is older than N-3.
	"years-fit": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 || neg {
			ts.Fatalf("usage: years-fit N FILE.html")
		}
		n, err := strconv.Atoi(args[0])
		ts.Check(err)
		labelled := 0
		for _, h := range headsRe.FindAllString(html.UnescapeString(ts.ReadFile(args[1])), -1) {
			for _, m := range labelsRe.FindAllStringSubmatch(h, -1) {
				year, off := m[1], m[2]
				if year == "" {
					year, off = m[4], m[3]
				}
				y, _ := strconv.Atoi(year)
				k, _ := strconv.Atoi(strings.ReplaceAll(off, " ", ""))
				if y != n+k {
					ts.Fatalf("%s labels %d as n%+d, which is %d for %d: %s", args[1], y, k, n+k, n, h)
				}
				labelled++
			}
			for _, m := range regexp.MustCompile(`\b(20\d\d)\b`).FindAllString(h, -1) {
				if y, _ := strconv.Atoi(m); y < n-3 {
					ts.Fatalf("%s names %d, before %d-3: %s", args[1], y, n, h)
				}
			}
		}
		ts.Logf("%d labelled years fit %d", labelled, n)
	},
	// only-in-cells WORD FILE.html [TEXT]: WORD appears in the HTML only
	// inside the tables' rows (the example data); with TEXT, a text of
	// the PDF (pdftotext), WORD appears there as often as in those rows.
	"only-in-cells": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) < 2 || neg {
			ts.Fatalf("usage: only-in-cells WORD FILE.html [PDF.txt]")
		}
		word, page := args[0], ts.ReadFile(args[1])
		inRows := 0
		for _, b := range tbodyRe.FindAllString(page, -1) {
			inRows += strings.Count(b, word)
		}
		if rest := tbodyRe.ReplaceAllString(page, ""); strings.Contains(rest, word) {
			i := strings.Index(rest, word)
			ts.Fatalf("%s names %s outside the tables' rows: …%s…", args[1], word, rest[max(0, i-80):min(len(rest), i+40)])
		}
		if len(args) > 2 {
			if n := strings.Count(ts.ReadFile(args[2]), word); n != inRows {
				ts.Fatalf("%s names %s %d times, the tables' rows %d times", args[2], word, n, inRows)
			}
		}
		ts.Logf("%s: %d times, all in the tables' rows", word, inRows)
	},
	// xlsx-text FILE.xlsx OUT.txt: every cell of every sheet, one line a row, cells tab-separated.
	"xlsx-text": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 || neg {
			ts.Fatalf("usage: xlsx-text FILE.xlsx OUT.txt")
		}
		f, err := excelize.OpenFile(ts.MkAbs(args[0]))
		ts.Check(err)
		defer f.Close()
		var b strings.Builder
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			ts.Check(err)
			for _, r := range rows {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
	},
	// mkpng FILE W H: a W×H PNG image, a blue disc on white.
	"mkpng": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 || neg {
			ts.Fatalf("usage: mkpng FILE W H")
		}
		w, err := strconv.Atoi(args[1])
		ts.Check(err)
		h, err := strconv.Atoi(args[2])
		ts.Check(err)
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				dx, dy := x-w/2, y-h/2
				c := color.RGBA{255, 255, 255, 255}
				if dx*dx+dy*dy < (min(w, h)/2)*(min(w, h)/2) {
					c = color.RGBA{11, 79, 138, 255}
				}
				img.Set(x, y, c)
			}
		}
		ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
		f, err := os.Create(ts.MkAbs(args[0]))
		ts.Check(err)
		ts.Check(png.Encode(f, img))
		ts.Check(f.Close())
	},
	// replace FILE OLD NEW: every OLD in FILE becomes NEW (\n in NEW: a line break).
	"replace": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 || neg {
			ts.Fatalf("usage: replace FILE OLD NEW")
		}
		s := ts.ReadFile(args[0])
		if !strings.Contains(s, args[1]) {
			ts.Fatalf("%s has no %q", args[0], args[1])
		}
		repl := strings.ReplaceAll(args[2], `\n`, "\n") // \n in NEW is a line break
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.ReplaceAll(s, args[1], repl)), 0o644))
	},
}
