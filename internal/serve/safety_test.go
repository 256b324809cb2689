package serve

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"renja/internal/gen"
	"renja/internal/pdf/pdftest"
)

// TestServeRefusesOtherSites: a request that a page of another site makes
// (Origin, Sec-Fetch-Site) is refused before it reads or builds anything;
// the preview's own requests and typed addresses are served.
func TestServeRefusesOtherSites(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, 5); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	host := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	version := func() int64 {
		var st status
		_, body := get(t, base+"__renja/status")
		json.Unmarshal([]byte(body), &st)
		return st.Version
	}
	before := version()
	for _, tc := range []struct {
		path, header, value string
		want                int
	}{
		{"", "", "", 200},
		{"", "Origin", "http://" + host, 200},
		{"", "Sec-Fetch-Site", "same-origin", 200},
		{"", "Sec-Fetch-Site", "none", 200},
		{"", "Origin", "http://evil.example", 403},
		{"__renja/pdf", "Origin", "http://evil.example", 403},
		{"__renja/status", "Origin", "http://evil.example", 403},
		{"style.css", "Origin", "null", 403},
		{"", "Origin", "http://127.0.0.1:1", 403},
		{"", "Sec-Fetch-Site", "cross-site", 403},
		{"__renja/pdf", "Sec-Fetch-Site", "cross-site", 403},
		{"", "Sec-Fetch-Site", "same-site", 403},
	} {
		req, _ := http.NewRequest("GET", base+tc.path, nil)
		if tc.header != "" {
			req.Header.Set(tc.header, tc.value)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("GET /%s with %s: %s: %d, want %d", tc.path, tc.header, tc.value, resp.StatusCode, tc.want)
		}
	}
	if v := version(); v != before {
		t.Errorf("a refused request started a build: version %d, then %d", before, v)
	}
}

// renderers counts the renderer processes of the browsers whose profile is
// under tmp.
func renderers(tmp string) int {
	n := 0
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		cmd, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil {
			continue
		}
		if st, err := os.ReadFile("/proc/" + e.Name() + "/stat"); err == nil && strings.Contains(string(st), ") Z ") {
			continue
		}
		if strings.Contains(string(cmd), tmp) && strings.Contains(string(cmd), "--type=renderer") {
			n++
		}
	}
	return n
}

// TestServeAbandonedPrints: ten /__renja/pdf requests closed while they wait
// or print leave no renderer process behind, the preview does not show a
// failed build, and the next PDF request prints.
func TestServeAbandonedPrints(t *testing.T) {
	pdftest.Chrome(t)
	if _, err := os.Stat("/proc/self/cmdline"); err != nil {
		t.Skip("counting Chrome's processes needs /proc")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the server's Chrome keeps its profile here
	dir := t.TempDir()
	if err := gen.Write(dir, 200); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	pdfRequest := func(ctx context.Context) (int, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+"__renja/pdf", nil)
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	// One print that completes starts the browser.
	if code, err := pdfRequest(context.Background()); err != nil || code != http.StatusSeeOther {
		t.Fatalf("the first PDF: %d, %v", code, err)
	}
	time.Sleep(time.Second)
	baseline := renderers(tmp)
	// Ten requests abandoned at different moments of their print, two at a
	// time, so that one also waits for the other.
	for i := 0; i < 10; i += 2 {
		done := make(chan bool, 2)
		for j := 0; j < 2; j++ {
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(100+150*(i+j))*time.Millisecond)
				defer cancel()
				pdfRequest(ctx)
				done <- true
			}()
		}
		<-done
		<-done
	}
	deadline := time.Now().Add(10 * time.Second)
	n := renderers(tmp)
	for n > baseline && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		n = renderers(tmp)
	}
	if n > baseline {
		t.Errorf("%d renderer processes after ten abandoned prints, %d before", n, baseline)
	}
	var st status
	_, body := get(t, base+"__renja/status")
	json.Unmarshal([]byte(body), &st)
	if st.Error != "" {
		t.Errorf("the preview shows a failed build after cancelled prints: %s", st.Error)
	}
	if code, err := pdfRequest(context.Background()); err != nil || code != http.StatusSeeOther {
		t.Errorf("a PDF after the abandoned ones: %d, %v", code, err)
	}
	t.Logf("renderers: %d before, %d after", baseline, n)
}

// TestServeNoLinkOut: a link in output/ that leads out of it is not served
// (the preview's file server reads through os.Root).
func TestServeNoLinkOut(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, 5); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "rahasia.txt")
	if err := os.WriteFile(secret, []byte("RAHASIA-DI-LUAR"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if code, _ := get(t, base+"style.css"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first build did not write style.css within 60 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "output", "bocor.txt")); err != nil {
		t.Fatal(err)
	}
	code, body := get(t, base+"bocor.txt")
	if code == 200 || strings.Contains(body, "RAHASIA") {
		t.Errorf("GET /bocor.txt (a link out of output/): %d %q, want it refused", code, body)
	}
}

// TestServeShowsLastGoodPage: a page is shown as soon as it is rendered,
// before output/ is written; when writing then fails (here a signed PDF that
// does not verify), the last good page is shown again, which is the one on
// disk.
func TestServeShowsLastGoodPage(t *testing.T) {
	dir := project(t)
	base := start(t, dir)
	strip := func(page string) string {
		i := strings.Index(page, `<script src="/__renja/reload.js"`)
		if i < 0 {
			t.Fatal("the served page has no reload script")
		}
		return page[:i]
	}
	_, before := get(t, base)
	var st status
	_, body := get(t, base+"__renja/status")
	json.Unmarshal([]byte(body), &st)
	if err := os.MkdirAll(filepath.Join(dir, "signed"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "signed", "rusak.pdf"), []byte("bukan PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "data", "t22.csv"), "Sangat Tinggi;", "Amat Sangat Tinggi;")
	deadline := time.Now().Add(20 * time.Second)
	var now status
	for time.Now().Before(deadline) {
		_, body := get(t, base+"__renja/status?since="+strconv.FormatInt(st.Version, 10))
		now = status{}
		json.Unmarshal([]byte(body), &now)
		if now.Error != "" {
			break
		}
	}
	if !strings.Contains(now.Error, "rusak.pdf") {
		t.Fatalf("the build should fail on signed/rusak.pdf; status %+v", now)
	}
	if now.Page == st.Page {
		t.Errorf("the page of the failed build was never shown (page version %d before and after)", st.Page)
	}
	_, after := get(t, base)
	if strings.Contains(after, "Amat Sangat Tinggi") || strip(after) != strip(before) {
		t.Error("after the failed write, the page served is not the last good one")
	}
	disk, err := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	if err != nil || !strings.HasPrefix(string(disk), strip(before)) {
		t.Errorf("output/index.html is not the last good page (%v)", err)
	}
	// The browser that showed the failed build's page (the version before
	// the last good one shown again) gets the patch back.
	_, body = get(t, base+"__renja/status?page="+strconv.FormatInt(now.Page-1, 10))
	var back status
	json.Unmarshal([]byte(body), &back)
	if back.Patch == nil || back.Patch.Full || len(back.Patch.Ops) == 0 {
		t.Errorf("no patch back from the failed build's page: %+v", back.Patch)
	}
}
