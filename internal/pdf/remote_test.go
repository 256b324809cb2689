package pdf_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
	"renja/internal/testenv"
)

const remoteHTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Cetak Jauh</title>
<link rel="stylesheet" href="css/gaya%20lokal.css">
<style>@page { size: A4; margin: 2cm; }</style>
</head><body>
<h1>Rencana Kerja</h1>
<p>Pagu 2.590.643.300 rupiah. Lihat <a href="#dua">bagian dua</a>.</p>
<img src="file:///etc/hostname" alt="">
<img src="http://example.com/x.png" alt="">
<img src="hilang.png" alt="">
<h2 id="dua" style="break-before: page">Bagian Dua</h2>
</body></html>
`

// TestConnect prints on a Chromium that the test starts itself with a
// debugging port and reaches only through its websocket endpoint: the page
// and its stylesheet come through the protocol, a web address is refused, and closing renja's side
// leaves the browser running, without renja's tabs.
func TestConnect(t *testing.T) {
	endpoint := pdftest.Remote(t)
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "css"), 0o755)
	os.WriteFile(filepath.Join(root, "index.html"), []byte(remoteHTML), 0o644)
	os.WriteFile(filepath.Join(root, "css", "gaya lokal.css"), []byte(`h1::after { content: " (gaya dari Go)"; }`), 0o644)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The second round names only the host and port: renja looks up the
	// websocket address at /json/version.
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	for round, ep := range []string{endpoint, "http://" + u.Host} {
		b, err := pdf.Connect(ctx, ep)
		if err != nil {
			t.Fatal(err)
		}
		if !b.Remote() {
			t.Error("Remote() = false for a connected browser")
		}
		doc, refused, err := b.Print(ctx, root, "index.html")
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		// The browser itself never loads a file: URL into a page from
		// a web origin, so that one is not even requested.
		if want := []string{"http://example.com/x.png"}; !slices.Equal(refused, want) {
			t.Errorf("refused = %q, want %q", refused, want)
		}
		if n, err := pdf.PageCount(doc); err != nil || n != 2 {
			t.Errorf("PageCount = %d, %v; want 2", n, err)
		}
		if d, err := pdf.Destinations(doc); err != nil || d["dua"] != 1 {
			t.Errorf("Destinations = %v, %v; want dua on page index 1", d, err)
		}
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			f := filepath.Join(t.TempDir(), "jauh.pdf")
			os.WriteFile(f, doc, 0o644)
			out, err := exec.Command(pdftotext, "-f", "1", "-l", "1", f, "-").CombinedOutput()
			if err != nil || !strings.Contains(string(out), "Rencana Kerja (gaya dari Go)") ||
				!strings.Contains(string(out), "2.590.643.300") {
				t.Errorf("page 1 of the remote print: %v\n%s", err, out)
			}
		} else {
			testenv.Missing(t, "pdftotext (poppler-utils) is missing")
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// The browser still runs (the second round connected again), and
	// renja's tabs are gone.
	if n := pageTargets(t, endpoint); n > 1 {
		t.Errorf("%d tabs left open in the remote browser, want at most its first", n)
	}
}

// pageTargets counts the open tabs of the browser at endpoint.
func pageTargets(t *testing.T, endpoint string) int {
	t.Helper()
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	// Tabs close asynchronously after Close returns.
	var n int
	for try := 0; try < 20; try++ {
		resp, err := http.Get("http://" + u.Host + "/json/list")
		if err != nil {
			t.Fatal(err)
		}
		var targets []struct{ Type, URL string }
		err = json.NewDecoder(resp.Body).Decode(&targets)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		n = 0
		for _, tg := range targets {
			if tg.Type == "page" {
				n++
			}
		}
		if n <= 1 {
			return n
		}
		time.Sleep(100 * time.Millisecond)
	}
	return n
}

func TestConnectRefusesBadEndpoint(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, ep := range []string{"/usr/bin/chromium", "ws://127.0.0.1:1/devtools/browser/x?token=rahasia"} {
		_, err := pdf.Connect(ctx, ep)
		if err == nil {
			t.Fatalf("Connect(%q) succeeded", ep)
		}
		if strings.Contains(err.Error(), "rahasia") {
			t.Errorf("the error shows the endpoint's token: %v", err)
		}
	}
}

func TestEndpoints(t *testing.T) {
	t.Setenv(pdf.EnvChromeURL, " ws://a:1/x , ,http://b:2 ")
	for _, c := range []struct {
		explicit string
		want     []string
	}{
		{"", []string{"ws://a:1/x", "http://b:2"}},
		{"/usr/bin/chromium", nil},
		{"WS://c:3/", []string{"WS://c:3/"}},
	} {
		if got := pdf.Endpoints(c.explicit); !slices.Equal(got, c.want) {
			t.Errorf("Endpoints(%q) = %q, want %q", c.explicit, got, c.want)
		}
	}
}
