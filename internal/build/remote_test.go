package build

import (
	"context"
	"slices"
	"strings"
	"testing"

	"renja/internal/gen"
	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
)

// TestRemoteBundled builds the bundled Renja on a running Chromium reached
// only through its DevTools endpoint (--chrome ws://…): the same pages, page
// for page, as a print by a browser that renja started.
func TestRemoteBundled(t *testing.T) {
	needTools(t)
	endpoint := pdftest.Remote(t)
	ctx := context.Background()
	local, err := Build(ctx, Options{Dir: "../..", Out: t.TempDir(), Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	remote, err := Build(ctx, Options{Dir: "../..", Out: t.TempDir(), Date: fixedDate, Chrome: endpoint})
	if err != nil {
		t.Fatal(err)
	}
	lp, rp := pages(t, local.PDF), pages(t, remote.PDF)
	if len(lp) != len(rp) {
		t.Fatalf("remote print has %d pages, local %d", len(rp), len(lp))
	}
	for i := range lp {
		if lp[i] != rp[i] {
			t.Errorf("page %d differs:\nlocal:\n%s\nremote:\n%s", i+1, lp[i], rp[i])
			break
		}
	}
}

// TestBuildAllRemote spreads a batch over two running browsers named in
// $RENJA_CHROME_URL; both print.
func TestBuildAllRemote(t *testing.T) {
	needTools(t)
	t.Setenv(pdf.EnvChromeURL, pdftest.Remote(t)+","+pdftest.Remote(t))
	var opts []Options
	for i := range 5 {
		dir := t.TempDir()
		if err := gen.Write(dir, 10+i); err != nil {
			t.Fatal(err)
		}
		opts = append(opts, Options{Dir: dir, Date: fixedDate})
	}
	var used []*pdf.Browser
	for i, oc := range BuildAll(context.Background(), opts) {
		if oc.Err != nil {
			t.Fatalf("project %d: %v", i, oc.Err)
		}
		if b := oc.Options.Browser; b == nil || !b.Remote() {
			t.Fatalf("project %d was not printed on a remote browser", i)
		} else if !slices.Contains(used, b) {
			used = append(used, b)
		}
		text := strings.Join(pages(t, oc.Result.PDF), "")
		if want := "Sub Kegiatan Contoh " + itoa(10+i); !strings.Contains(text, want) {
			t.Errorf("project %d's PDF lacks %q", i, want)
		}
	}
	if len(used) != 2 {
		t.Errorf("the batch printed on %d browsers, want 2", len(used))
	}
}
