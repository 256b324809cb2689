package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/msg"
)

// TestPrintRefusesAnotherDocument: a page that navigates away (at once, once
// loaded, or by a redirect), or replaces its document, gives an error and no
// PDF; a page that changes only its own text or its fragment, or holds a
// frame, prints.
func TestPrintRefusesAnotherDocument(t *testing.T) {
	b := sharedBrowser(t)
	root := t.TempDir()
	pages := map[string]string{
		"pergi.html": `<!doctype html><p>Rencana Kerja</p><script>location.href = "about:blank";</script>`,
		"nanti.html": `<!doctype html><p>Rencana Kerja</p><script>addEventListener("load", () => setTimeout(() => location.href = "about:blank", 0));</script>`,
		"ganti.html": `<!doctype html><p>Rencana Kerja</p><script>addEventListener("load", () => { document.open(); document.write("<p>DIBATALKAN</p>"); document.close(); });</script>`,
		"lain.html":  `<!doctype html><p>Rencana Kerja</p><script>location.replace("pergi.html#x");</script>`,
		"ubah.html":  `<!doctype html><p>Rencana Kerja</p><script>document.querySelector("p").textContent += " 2025"; location.hash = "#bab-1";</script>`,
		"biasa.html": `<!doctype html><p>Rencana Kerja</p>`,
		"sisip.html": `<!doctype html><p>Rencana Kerja</p><iframe src="biasa.html"></iframe>`,
	}
	for name, html := range pages {
		if err := os.WriteFile(filepath.Join(root, name), []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	away := msg.Sprintf("the page navigated to %s instead of printing the document renja rendered", "about:blank")
	for _, c := range []struct {
		page, err string
	}{
		{"pergi.html", away},
		{"nanti.html", away},
		{"ganti.html", msg.Sprintf("the page replaced the document renja rendered (document.open)")},
		{"lain.html", away},
		{"ubah.html", ""},
		{"biasa.html", ""},
		{"sisip.html", ""},
	} {
		t.Run(c.page, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			doc, _, err := b.Print(ctx, root, c.page)
			switch {
			case c.err == "" && err != nil:
				t.Fatalf("Print: %v", err)
			case c.err == "" && len(doc) == 0:
				t.Fatal("no PDF")
			case c.err != "" && (err == nil || doc != nil):
				t.Fatalf("Print = %d bytes, %v; want no PDF and an error", len(doc), err)
			case c.err != "" && !strings.Contains(err.Error(), c.err):
				t.Errorf("the error %q does not say %q", err, c.err)
			}
			if err != nil {
				t.Log(err)
			}
		})
	}
}
