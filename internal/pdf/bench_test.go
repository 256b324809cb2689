package pdf_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
)

// BenchmarkStart is what every printing process pays before its document's
// own layout: start Chrome with a fresh profile, load and print a one-page
// page in Liberation Serif, stop Chrome. A renja build that prints can be no
// quicker than this plus its document's print in a warm browser
// (build.BenchmarkPrintFloor).
func BenchmarkStart(b *testing.B) {
	path := pdftest.Chrome(b)
	dir := b.TempDir()
	page := `<!doctype html><html lang="id"><meta charset="utf-8"><title>x</title>` +
		`<body style="font-family: 'Liberation Serif'"><h1>BAB I</h1><p>Rencana Kerja 2.590.643.300</p></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		br, err := pdf.Start(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := br.Print(context.Background(), dir, "index.html"); err != nil {
			b.Fatal(err)
		}
		br.Close()
	}
}
