package pdf

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"renja/internal/msg"
)

// A pageGuard makes sure that what is printed is the document renja
// rendered, in the page it loaded: a page that navigates elsewhere
// (location.href = "about:blank", location.replace, history.pushState to
// another address) or replaces its document (document.open after the load) would
// print something else, or nothing, as if it were the Renja. Its main frame
// must have navigated exactly once, and the page, when printed, must still
// be at that address (a #fragment aside) and hold the mark set on its root
// element once it had loaded, which a new document lacks.
type pageGuard struct {
	mu     sync.Mutex
	urls   []string // the addresses the main frame navigated to
	opened bool     // the main frame's document was opened for writing
	mark   string
}

// event notes the page's navigations; pass it every event of the tab.
func (g *pageGuard) event(ev any) {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch e := ev.(type) {
	case *page.EventFrameNavigated:
		if e.Frame != nil && e.Frame.ParentID == "" {
			g.urls = append(g.urls, e.Frame.URL)
		}
	case *page.EventDocumentOpened:
		if e.Frame != nil && e.Frame.ParentID == "" {
			g.opened = true
		}
	}
}

// ready waits for the page's fonts, then marks the document.
func (g *pageGuard) ready(ctx context.Context, t *chromedp.Target) error {
	b := make([]byte, 16)
	rand.Read(b)
	g.mu.Lock()
	g.mark = hex.EncodeToString(b)
	g.mu.Unlock()
	js := `document.fonts.ready.then(() => { document.documentElement.setAttribute("data-renja-print", "` + g.mark + `"); return true; })`
	if _, err := chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)(ctx, t); err != nil {
		if nav := g.check(ctx, t); nav != nil {
			return nav // the navigation is why the page went away
		}
		return msg.Errorf("waiting for fonts: %w", err)
	}
	return g.check(ctx, t)
}

// check says whether the page is still the one renja rendered.
func (g *pageGuard) check(ctx context.Context, t *chromedp.Target) error {
	g.mu.Lock()
	urls, opened, mark := g.urls, g.opened, g.mark
	g.mu.Unlock()
	if len(urls) > 1 {
		return msg.Errorf("the page navigated to %s instead of printing the document renja rendered", urls[len(urls)-1])
	}
	if opened {
		return msg.Errorf("the page replaced the document renja rendered (document.open)")
	}
	if len(urls) == 0 {
		return nil // events come late: the checks in the page still hold
	}
	type state struct {
		Href string `json:"href"`
		Mark string `json:"mark"`
	}
	s, err := chromedp.Evaluate[state](`({href: location.href, mark: document.documentElement && document.documentElement.getAttribute("data-renja-print")})`)(ctx, t)
	if err != nil {
		return msg.Errorf("the page went away before it was printed: %w", err)
	}
	if href, _, _ := strings.Cut(s.Href, "#"); href != urls[0] {
		return msg.Errorf("the page navigated to %s instead of printing the document renja rendered", s.Href)
	}
	if mark != "" && s.Mark != mark {
		return msg.Errorf("the page replaced the document renja rendered")
	}
	return nil
}
