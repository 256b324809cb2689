package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"renja/internal/filelock"
	"renja/internal/msg"
)

// profilePrefix starts the name of the temporary profile folders.
const profilePrefix = "renja-chrome-"

// startTimeout bounds how long Start waits for the browser to answer.
const startTimeout = 60 * time.Second

// A Browser is one headless Chrome, started by [Start], that prints pages for
// the whole process. Its methods are safe for concurrent use; each [Browser.Print]
// uses a tab of its own.
type Browser struct {
	dir    string         // temporary user data directory, removed by Close; "" when remote
	remote bool           // reached through Connect: files are sent in-band
	owner  *filelock.Lock // held on the profile while it is in use (RemoveStaleProfiles); nil when remote
	group  group          // the browser's process group (Linux); zero when remote or unknown

	ctx         context.Context // the browser's chromedp context
	cancel      context.CancelFunc
	allocCancel context.CancelFunc

	closeOnce sync.Once
	closeErr  error

	spareOnce sync.Once     // see spare.go
	spare     chan spareTab // a print tab made in advance
	keepSpare atomic.Bool   // KeepTabReady was called
	making    atomic.Bool   // a spare is being made
}

// Start starts a headless Chrome from chromePath (see [FindChrome]) with a fresh
// temporary profile and the flags that keep it quiet and offline. The browser
// lives until [Browser.Close] or until ctx ends; it is also killed when this
// process dies (on Linux by the kernel, through the parent-death signal).
// Starting takes about a second. A browser that does not start gives an error
// with what it printed.
//
// A process killed before Close leaves its profile folder (renja-chrome-* in
// the temporary folder); the next Start removes it (see [RemoveStaleProfiles]).
func Start(ctx context.Context, chromePath string) (*Browser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	RemoveStaleProfiles()
	dir, err := os.MkdirTemp("", profilePrefix)
	if err != nil {
		return nil, msg.Errorf("starting Chrome: %w", err)
	}
	owner, err := lockProfile(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, msg.Errorf("starting Chrome: %w", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromePath),
		chromedp.UserDataDir(dir),
		chromedp.ModifyCmdFunc(prepareCmd),
		// Chromium on Linux keeps its crash reports under
		// $XDG_CONFIG_HOME/chromium whatever the profile folder is; keep
		// them in the temporary folder too.
		chromedp.Env("XDG_CONFIG_HOME=" + dir),
	}
	for _, f := range chromeFlags {
		opts = append(opts, chromedp.Flag(f.name, f.value))
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx, quiet...)
	b := &Browser{dir: dir, owner: owner, ctx: bctx, cancel: bcancel, allocCancel: acancel}

	if err := b.handshake(ctx); err != nil {
		return nil, msg.Errorf("starting Chrome (%s): %w", chromePath, err)
	}
	if p := chromedp.FromContext(bctx).Browser.Process(); p != nil {
		b.group = browserGroup(p.Pid)
	}
	return b, nil
}

// quiet keeps chromedp's own log lines ("ERROR: writing message: … broken
// pipe" when a browser dies) off the officer's terminal: what matters comes
// back as an error of the call that met it.
var quiet = []chromedp.ContextOption{
	chromedp.WithErrorf(func(string, ...any) {}),
	chromedp.WithLogf(func(string, ...any) {}),
}

// handshake waits for the browser's first answer. The context of the first
// Run owns the browser, so it gets no deadline; a timer stops a browser that
// does not answer. On failure the browser is closed.
func (b *Browser) handshake(ctx context.Context) error {
	timedOut := make(chan struct{})
	timer := time.AfterFunc(startTimeout, func() { close(timedOut); b.cancel() })
	err := chromedp.Do(b.ctx)
	if !timer.Stop() {
		<-timedOut
		err = msg.Errorf("no answer within %v", startTimeout)
	}
	if err != nil {
		b.Close()
		if ctx.Err() != nil {
			err = context.Cause(ctx) // a build's time limit says so
		}
	}
	return err
}

// Close stops the browser, makes sure that none of its processes is left, and
// removes its temporary profile. It is safe to call more than once.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() {
		// A browser reached through its endpoint is asked to close the
		// connection. One of renja's own is killed with its processes
		// (its profile is thrown away, so there is nothing to save; asking
		// it to quit took 125–140 ms of every build that printed).
		if b.dir == "" {
			cctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
			if chromedp.FromContext(b.ctx).Browser != nil {
				_ = chromedp.Cancel(cctx)
			}
			cancel()
		}
		if b.dir != "" {
			// All of its processes at once, before chromedp's cancel,
			// which kills the browser alone and waits for it.
			killLeftovers(b.dir, b.group)
		}
		b.cancel()
		b.allocCancel() // waits for the process
		if b.dir != "" {
			if b.owner != nil {
				_ = b.owner.Unlock()
			}
			b.closeErr = removeAllRetry(b.dir)
		}
	})
	return b.closeErr
}

// removeAllRetry removes dir; a child process of Chrome can still write in it
// for a short while after the browser exits.
func removeAllRetry(dir string) error {
	deadline := time.Now().Add(3 * time.Second)
	for {
		err := os.RemoveAll(dir)
		if err == nil || time.Now().After(deadline) {
			if err != nil {
				err = msg.Errorf("removing Chrome's profile: %w", err)
			}
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// offlineProxy is the proxy of the print tabs' browser context: a host name
// that no rule of the browser resolves (host-resolver-rules), so that every
// connection the Fetch interception does not see (WebSocket, WebRTC over
// TCP, a worker's requests) fails. "<-loopback>" removes the implicit bypass
// of 127.0.0.1 and localhost.
const offlineProxy = "http://renja-offline.invalid:9"

// offline sets up the browser context of a print tab.
func offline(p *target.CreateBrowserContextParams) {
	p.ProxyServer = offlineProxy
	p.ProxyBypassList = "<-loopback>"
}

// newTab makes a print tab in a browser context of its own (see offline).
// The tab is made whatever ctx does, because a tab whose creation a
// cancellation cuts short is never closed and leaves its renderer process
// running: when ctx ends first, newTab returns ctx's cause at once and
// closes the tab once it is made. Closing the tab disposes of its browser
// context too.
func (b *Browser) newTab(ctx context.Context) (context.Context, context.CancelFunc, error) {
	tabCtx, closeTab := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext(offline))
	made := make(chan error, 1)
	go func() {
		timer := time.AfterFunc(startTimeout, closeTab)
		err := chromedp.Do(tabCtx)
		if !timer.Stop() {
			err = msg.Errorf("no new tab within %v", startTimeout)
		}
		made <- err
	}()
	select {
	case err := <-made:
		if err != nil {
			closeTab()
			return nil, nil, err
		}
		return tabCtx, closeTab, nil
	case <-ctx.Done():
		go func() {
			<-made
			closeTab()
		}()
		return nil, nil, context.Cause(ctx)
	}
}

// errTabCrashed is the cause of a print whose tab crashed.
var errTabCrashed error = msg.Const("the Chrome tab crashed")

// Print loads file://<root>/<pagePath> in a new tab and prints it to PDF. root
// is a folder and pagePath a slash-separated path of a file inside it.
//
// The page is offline: every request (subresource, iframe, fetch, navigation)
// for a URL other than a file inside root, a data:, about: or blob: URL is
// refused, and the page loads without it. The check is on the path, so a
// symbolic link inside root may point outside it. Print returns the refused
// URLs, sorted, once each; refusing is not an error. Connections that
// request interception does not see (WebSocket, WebRTC, a worker's) fail
// too: the tab's browser context sends them to a proxy that does not exist,
// and WebRTC may not use UDP. The tab is closed, and its browser context
// disposed of, also when ctx ends while the tab is being made.
//
// Print waits for the load event and document.fonts.ready, then prints with the
// page size of CSS @page (A4 when the page sets none), backgrounds, a tagged
// PDF and an outline from the headings. Give ctx a deadline: a page that never
// finishes loading waits for it. When ctx ends, or the browser or the tab
// crashes, Print returns an error and no PDF.
func (b *Browser) Print(ctx context.Context, root, pagePath string) (pdf []byte, refused []string, err error) {
	pdf, refused, _, err = b.PrintPasses(ctx, root, pagePath, false, nil)
	return pdf, refused, err
}

// Next decides, after a print, whether the page must change and print again:
// it returns a script to run in the page (which may change its text, e.g. the
// page numbers of a table of contents) and again = true, or again = false to
// keep this print.
type Next func(pdf []byte, pass int) (script string, again bool, err error)

// PrintPasses prints like Print, then asks next whether to change the page
// with a script and print again, in the same tab without reloading: a table
// of contents filled in from the first print costs one print, not a new
// page load. It returns the last PDF and the number of prints (at most 4).
// A nil next prints once.
//
// draft says that the first print is only read (its page numbers are
// placeholders): it is printed without tags and outline, about a third
// quicker, and never returned; a tagged print always follows it, also when
// next keeps the page as it is.
func (b *Browser) PrintPasses(ctx context.Context, root, pagePath string, draft bool, next Next) (pdf []byte, refused []string, prints int, err error) {
	locate := pageLocation
	if b.remote {
		locate = remoteLocation
	}
	absRoot, pageURL, err := locate(root, pagePath)
	if err != nil {
		return nil, nil, 0, err
	}
	defer func() {
		if err != nil {
			err = msg.Errorf("printing %s: %w", pagePath, err)
		}
	}()
	if err := b.ctx.Err(); err != nil {
		return nil, nil, 0, msg.Errorf("the browser is closed")
	}

	tabCtx, closeTab, err := b.takeTab(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	// Closing the tab and disposing of its browser context takes 40–70 ms:
	// after a print it is done in the background, off the build's path (a
	// browser closed meanwhile ends it); after a failure, before returning.
	defer func() {
		if err != nil {
			closeTab()
		} else {
			go func() {
				closeTab()
				b.makeSpare()
			}()
		}
	}()
	// runCtx ends with the tab, with ctx, or when the tab crashes.
	runCtx, stop := context.WithCancelCause(tabCtx)
	defer stop(nil)
	defer context.AfterFunc(ctx, func() { stop(context.Cause(ctx)) })()

	var (
		mu     sync.Mutex
		seen   = map[string]bool{}
		listen sync.WaitGroup
		guard  pageGuard
	)
	printAction := func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		if err := chromedp.Listen(ctx, func(ev any) {
			if _, ok := ev.(*inspector.EventTargetCrashed); ok {
				stop(errTabCrashed)
			}
			guard.event(ev)
		}); err != nil {
			return nil, err
		}
		paused := chromedp.Events(ctx, fetch.RequestPaused)
		_, err := cdp.Call(ctx, t, fetch.Enable, fetch.EnableParams{
			Patterns: []*fetch.RequestPattern{{URLPattern: "*"}},
		})
		if err != nil {
			return nil, err
		}
		listen.Go(func() {
			for ev, err := range paused {
				if err != nil {
					return
				}
				u := ev.Request.URL
				switch {
				case b.remote:
					if answerRemote(ctx, t, absRoot, &ev) {
						continue
					}
				case allowedURL(absRoot, u):
					_, _ = cdp.Call(ctx, t, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
					continue
				default:
					_, _ = cdp.Call(ctx, t, fetch.FailRequest, fetch.FailRequestParams{
						RequestID:   ev.RequestID,
						ErrorReason: network.ErrorReasonBlockedByClient,
					})
				}
				mu.Lock()
				if !seen[u] {
					seen[u] = true
					refused = append(refused, u)
				}
				mu.Unlock()
			}
		})
		if _, err := chromedp.Navigate(pageURL)(ctx, t); err != nil {
			return nil, err
		}
		if err := guard.ready(ctx, t); err != nil {
			return nil, err
		}
		for {
			opts := []chromedp.PDFOption{
				chromedp.PDFPaper(chromedp.PaperSize{Width: 210 / 25.4, Height: 297 / 25.4}),
				chromedp.PDFPreferCSSPageSize(),
				chromedp.PDFPrintBackground(),
			}
			untagged := draft && prints == 0 && next != nil
			if untagged {
				// Chrome tags by default: say no.
				opts = append(opts, func(p *page.PrintToPDFParams) { p.GenerateTaggedPDF = new(false) })
			} else {
				opts = append(opts, chromedp.PDFOutlineAndTagged())
			}
			doc, err := chromedp.PrintToPDF(opts...)(ctx, t)
			if err == nil {
				err = guard.check(ctx, t)
			}
			if err != nil {
				return nil, err
			}
			prints++
			if next == nil || prints >= 4 {
				return doc, nil
			}
			script, again, err := next(doc, prints)
			if err != nil || !again && !untagged {
				return doc, err
			}
			if !again {
				continue // the draft said it all: print it as it is, tagged
			}
			if _, err := chromedp.Evaluate[any](script)(ctx, t); err != nil {
				return nil, msg.Errorf("changing the page before printing again: %w", err)
			}
		}
	}
	out, err := chromedp.Run(runCtx, printAction)
	cause := context.Cause(runCtx)
	if err != nil && cause == nil && ctx.Err() != nil {
		// ctx ended, and the browser started with it went first: the
		// print saw a lost connection before ctx's cause reached runCtx.
		cause = context.Cause(ctx)
	}
	stop(nil)
	listen.Wait()
	mu.Lock()
	defer mu.Unlock()
	switch {
	case cause != nil && err != nil:
		// The context ended first: say why, not "context canceled".
		if errors.Is(cause, context.Canceled) && b.ctx.Err() != nil {
			return nil, nil, prints, msg.Errorf("the browser stopped: %w", err)
		}
		return nil, nil, prints, cause
	case err != nil:
		return nil, nil, prints, err
	case !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-1024):], []byte("%%EOF")):
		return nil, nil, prints, msg.Errorf("Chrome returned an incomplete PDF")
	}
	slices.Sort(refused)
	return out, refused, prints, nil
}
