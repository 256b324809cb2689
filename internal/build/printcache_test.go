package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/gen"
	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
)

// TestPrintCache: a build whose paged HTML is the one the last build printed
// (with the right page numbers) takes that print, needs no browser, and
// writes the same PDF; also right after a first build, which printed twice
// (placeholders, then the numbers); an edit of the text prints again.
func TestPrintCache(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	if err := gen.Write(dir, 8); err != nil {
		t.Fatal(err)
	}
	br := pdftest.Browser(t)
	ctx := context.Background()
	build := func(o Options) *Result {
		t.Helper()
		o.Dir, o.Date = dir, fixedDate
		res, err := Build(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(Options{Browser: br})
	if first.Prints != 2 {
		t.Fatalf("the first build printed %d times, want 2 (placeholders, then the page numbers)", first.Prints)
	}
	pdf1, _ := os.ReadFile(first.PDF)
	second := build(Options{Browser: br})
	if second.Prints != 0 {
		t.Fatalf("the second build printed %d times, want 0: the first build's last print shows the numbers it found", second.Prints)
	}
	pdf2, _ := os.ReadFile(second.PDF)
	if !bytes.Equal(pdf1, pdf2) {
		t.Error("the PDF taken from the print cache differs from the one the first build printed")
	}

	// No browser at all: the print comes from the cache.
	t.Setenv(pdf.EnvChrome, filepath.Join(dir, "no-such-chrome"))
	t.Setenv(pdf.EnvChromeURL, "")
	third := build(Options{})
	if third.Prints != 0 {
		t.Errorf("an unchanged build printed %d times", third.Prints)
	}
	pdf3, _ := os.ReadFile(third.PDF)
	if !bytes.Equal(pdf2, pdf3) {
		t.Error("the PDF taken from the print cache differs from the one printed")
	}

	// An edit of the text changes the paged HTML: printed again.
	md := filepath.Join(dir, "content", "10-bab-1.md")
	b, _ := os.ReadFile(md)
	if err := os.WriteFile(md, append(b, "\nKalimat baru dari uji cache.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := build(Options{Browser: br})
	if edited.Prints == 0 {
		t.Fatal("an edit of the text did not print again")
	}
	if text := strings.Join(pages(t, edited.PDF), ""); !strings.Contains(text, "Kalimat baru dari uji cache.") {
		t.Error("the PDF after the edit lacks the new sentence")
	}
}
