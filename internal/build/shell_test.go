package build

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"renja/internal/pdf"
	"renja/internal/testenv"
)

// The two Debian browsers renja prints with: the headless shell, which
// pdf.FindChrome prefers, and the whole Chromium (the kind of browser that
// Windows users have: Chrome, Edge).
const (
	debianShell    = "/usr/lib/chromium/chromium-headless-shell"
	debianChromium = "/usr/lib/chromium/chromium"
)

// TestShellPrintsAsChromium builds the bundled Renja with each browser: the
// PDFs have the same pages, the same text on every page and the same named
// destinations on the same pages (the Daftar Isi's page numbers come from
// them), so preferring the shell changes nothing in the document.
func TestShellPrintsAsChromium(t *testing.T) {
	needTools(t)
	for _, p := range []string{debianShell, debianChromium} {
		if _, err := os.Stat(p); err != nil {
			testenv.Missing(t, "this test compares Debian's two browsers (apt-get install chromium chromium-headless-shell): "+err.Error())
		}
	}
	var texts [][]string
	var dests []map[string]int
	for _, chrome := range []string{debianShell, debianChromium} {
		// With -artifacts both builds are kept (-outputdir DIR) to be
		// compared when the test fails; the failure seen once under -race on
		// a loaded machine could not be reproduced (see docs/tests.md).
		out := filepath.Join(t.ArtifactDir(), filepath.Base(chrome))
		res, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate, Chrome: chrome})
		if err != nil {
			t.Fatalf("%s: %v", chrome, err)
		}
		doc, err := os.ReadFile(res.PDF)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pdf.Destinations(doc)
		if err != nil {
			t.Fatalf("%s: %v", chrome, err)
		}
		texts, dests = append(texts, pages(t, res.PDF)), append(dests, d)
	}
	if len(texts[0]) != len(texts[1]) {
		t.Fatalf("the shell printed %d pages, Chromium %d", len(texts[0]), len(texts[1]))
	}
	for i := range texts[0] {
		if texts[0][i] != texts[1][i] {
			t.Errorf("page %d differs:\nshell:\n%s\nChromium:\n%s", i+1, texts[0][i], texts[1][i])
		}
	}
	if len(dests[0]) < 10 || !maps.Equal(dests[0], dests[1]) {
		t.Errorf("named destinations differ: shell %v, Chromium %v", slices.Sorted(maps.Keys(dests[0])), slices.Sorted(maps.Keys(dests[1])))
	}
}
