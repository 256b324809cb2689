package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/gen"
	"renja/internal/msg"
	"renja/internal/pdf/pdftest"
	deftpl "renja/templates"
)

// TestBuildRefusesNavigatingTemplate: a layout whose script sends the print
// page elsewhere (location.href = "about:blank") fails the build with that
// said, and writes no PDF (on the old code: a blank one-page PDF, exit 0).
func TestBuildRefusesNavigatingTemplate(t *testing.T) {
	pdftest.Chrome(t)
	dir := t.TempDir()
	if err := gen.Write(dir, 3); err != nil {
		t.Fatal(err)
	}
	layout, err := deftpl.FS.ReadFile("document.html")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(layout, []byte("</body>"))
	if i < 0 {
		t.Fatal("no </body> in document.html")
	}
	layout = append(layout[:i:i], append([]byte(`<script>location.href = "about:blank";</script>`), layout[i:]...)...)
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "templates", "document.html"), layout, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "output")
	_, err = Build(context.Background(), Options{Dir: dir, Out: out, Date: fixedDate})
	want := msg.Sprintf("the page navigated to %s instead of printing the document renja rendered", "about:blank")
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("a build whose layout navigates away: %v, want an error saying %q", err, want)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(pdfs) > 0 {
		t.Errorf("the failed build wrote %v", pdfs)
	}
}
