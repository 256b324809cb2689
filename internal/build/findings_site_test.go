package build

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"renja/internal/check"
	"renja/internal/pdf/pdftest"
)

// TestWebsiteFindings opens the bundled draft's website in headless
// Chromium at 360 px and at 1280 px: the Daftar Temuan Pemeriksaan holds
// every error and warning of renja check as text (no title tooltip), fits
// the screen, and a keyboard alone goes from the draft banner to a finding,
// from the finding to its cell (Tabel 4.1's 7.01.01.2.05, in view) and back.
// With $RENJA_SCREENSHOTS set, it saves what it sees there.
func TestWebsiteFindings(t *testing.T) {
	b := pdftest.Browser(t)
	out := t.TempDir()
	res, err := Build(context.Background(), Options{Dir: "../..", Out: out, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	errs, warns := check.Count(res.Diagnostics)
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/index.html"}).String()
	for _, vp := range []struct {
		name   string
		w, h   int64
		mobile bool
	}{{"phone", 360, 740, true}, {"desktop", 1280, 800, false}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			tab, closeTab := b.NewTab(ctx)
			defer closeTab()
			opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
			if vp.mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(tab, chromedp.EmulateViewport(vp.w, vp.h, opts...), chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatal(err)
			}
			type listFacts struct {
				Entries, Tooltips, Wide int
				DocWidth                float64
				Target                  string // the entry of 7.01.01.2.05 in Tabel 4.1
			}
			f, err := chromedp.Run(tab, chromedp.Evaluate[listFacts](`(() => {
			  const lis = Array.from(document.querySelectorAll('#daftar-temuan li.finding'));
			  const target = lis.find(li => li.textContent.includes('Tabel 4.1') && li.textContent.includes('kode 7.01.01.2.05 '));
			  return { Entries: lis.length, Tooltips: document.querySelectorAll('td[title]').length,
			    Wide: lis.filter(li => li.scrollWidth > li.clientWidth + 1).length,
			    DocWidth: document.documentElement.scrollWidth, Target: target ? target.id : '' } })()`))
			if err != nil {
				t.Fatal(err)
			}
			if f.Entries != errs+warns {
				t.Errorf("the website lists %d findings; renja check reports %d errors and %d warnings", f.Entries, errs, warns)
			}
			if f.Tooltips != 0 {
				t.Errorf("%d cells still hide their finding in a title tooltip", f.Tooltips)
			}
			if f.Wide != 0 || f.DocWidth > float64(vp.w)+2 {
				t.Errorf("at %d px, %d entries are wider than the screen; the page is %v px wide", vp.w, f.Wide, f.DocWidth)
			}
			if f.Target == "" {
				t.Fatal("no finding of Tabel 4.1's 7.01.01.2.05 in the list")
			}
			n := strings.TrimPrefix(f.Target, "temuan-")
			keys(t, tab, "the draft banner's link to the list", `document.activeElement.getAttribute('href') === '#daftar-temuan'`, 6)
			enter(t, tab)
			keys(t, tab, "the link of finding "+n+" to its cell", `document.activeElement.getAttribute('href') === '#sel-`+n+`'`, 200)
			shot(t, tab, "findings-"+vp.name)
			enter(t, tab)
			at := visible(t, tab)
			if at.Hash != "#sel-"+n || at.Active != "sel-"+n || !at.InView || !at.Hit || !strings.HasPrefix(at.Cell, "34.835.600") {
				t.Errorf("Enter on finding %s's link: %+v; want the focused, visible mark in the cell printing 34.835.600", n, at)
			}
			shot(t, tab, "findings-cell-"+vp.name)
			enter(t, tab)
			at = visible(t, tab)
			if at.Hash != "#temuan-"+n || at.Active != "temuan-"+n || !at.InView || !at.Hit {
				t.Errorf("Enter on the cell's mark: %+v; want the focused, visible entry %s", at, n)
			}
		})
	}
}

// keys presses Tab until the JavaScript condition holds, at most max times.
func keys(t *testing.T, tab context.Context, what, cond string, max int) {
	t.Helper()
	for i := 0; i < max; i++ {
		if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](cond))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
	}
	t.Fatalf("%d Tabs did not reach %s", max, what)
}

func enter(t *testing.T, tab context.Context) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
}

type focusFacts struct {
	Hash, Active, Cell string
	InView, Hit        bool   // the focused element's centre is on the screen and shows it (nothing covers it)
	Seen               string // x, y, the screen's size and the element at x, y
}

// visible describes the focused element and where the page went.
func visible(t *testing.T, tab context.Context) focusFacts {
	t.Helper()
	f, err := chromedp.Run(tab, chromedp.Evaluate[focusFacts](`(() => {
	  const e = document.activeElement, r = e.getBoundingClientRect();
	  const x = r.left + Math.min(r.width / 2, 20), y = r.top + Math.min(r.height / 2, 10);
	  const hit = document.elementFromPoint(x, y);
	  const td = e.closest('td');
	  return { Hash: location.hash, Active: e.id, Cell: td ? td.textContent.trim() : '',
	    InView: x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight, Hit: !!hit && (hit === e || e.contains(hit)), Seen: JSON.stringify([x, y, innerWidth, innerHeight, hit && hit.outerHTML.slice(0, 120)]) } })()`))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// shot saves a screenshot to $RENJA_SCREENSHOTS, when it is set.
func shot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	dir := os.Getenv("RENJA_SCREENSHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "renja-"+name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}
