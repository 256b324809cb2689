package pdf

import (
	"context"
	"errors"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"

	"renja/internal/msg"
)

// EnvChromeURL names running browsers to print on, by their DevTools
// endpoints, separated by commas: ws://HOST:PORT/devtools/browser/… or
// http://HOST:PORT (renja then asks /json/version for the websocket).
const EnvChromeURL = "RENJA_CHROME_URL"

// remoteOrigin is where the pages of a remote print seem to come from. No
// request for it leaves the browser: each one is answered from Go with the
// bytes of a file under the print's root folder (the .invalid domain never
// resolves, should the interception ever miss one).
const remoteOrigin = "http://renja.invalid/"

// isEndpoint reports whether s names a browser's DevTools endpoint (ws://,
// wss://, http:// or https://) rather than a program.
func isEndpoint(s string) bool {
	for _, p := range []string{"ws://", "wss://", "http://", "https://"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// Endpoints returns the running browsers to print on: explicit when it is an
// endpoint (a --chrome flag), else, when explicit is empty, the endpoints
// in $RENJA_CHROME_URL. None means: start a browser of our own.
func Endpoints(explicit string) []string {
	if explicit != "" {
		if isEndpoint(explicit) {
			return []string{explicit}
		}
		return nil
	}
	return splitEndpoints(os.Getenv(EnvChromeURL))
}

func splitEndpoints(s string) []string {
	var eps []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			eps = append(eps, f)
		}
	}
	return eps
}

// Connect attaches to a browser that runs already, elsewhere or here, through
// its DevTools endpoint (see [EnvChromeURL]), instead of starting one. The
// returned Browser prints like one from [Start], each print in a tab of its
// own, but shares no file system with the browser: the page and every file
// it loads from its root folder are sent through the protocol, answering the
// browser's requests for them (Fetch.fulfillRequest), and every other request
// is refused as in [Browser.Print]. [Browser.Close] closes the tabs renja
// opened and the connection, never the browser.
//
// The remote browser prints with its own fonts; for the same PDF as a local
// print it needs the same fonts installed.
func Connect(ctx context.Context, endpoint string) (*Browser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !isEndpoint(endpoint) {
		return nil, msg.Errorf("%q is not a browser's DevTools endpoint (ws://HOST:PORT/… or http://HOST:PORT)", endpoint)
	}
	wsURL, err := websocketURL(ctx, endpoint)
	if err != nil {
		if ctx.Err() != nil {
			err = context.Cause(ctx)
		}
		return nil, scrub(msg.Errorf("connecting to the browser at %s: %w", redact(endpoint), err), endpoint)
	}
	actx, acancel := remote.NewAllocator(ctx, wsURL, remote.NoModifyURL, remote.WithDialTimeout(dialTimeout))
	bctx, bcancel := chromedp.NewContext(actx, quiet...)
	b := &Browser{ctx: bctx, cancel: bcancel, allocCancel: acancel, remote: true}
	if err := b.handshake(ctx); err != nil {
		return nil, scrub(msg.Errorf("connecting to the browser at %s: %w", redact(endpoint), err), endpoint)
	}
	return b, nil
}

// scrub takes out of err's text the secrets that redact leaves out of endpoint.
func scrub(err error, endpoint string) error {
	u, perr := url.Parse(endpoint)
	if perr != nil || (u.RawQuery == "" && u.User == nil) {
		return err
	}
	msg := err.Error()
	if u.RawQuery != "" {
		msg = strings.ReplaceAll(msg, "?"+u.RawQuery, "?…")
	}
	if u.User != nil {
		msg = strings.ReplaceAll(msg, u.User.String()+"@", "…@")
	}
	return &scrubbed{msg, err}
}

type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }

// redact leaves out of an endpoint what may be a secret (browserless passes a
// token in the query).
func redact(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "(an endpoint that is not a URL)"
	}
	u.RawQuery, u.User, u.Fragment = "", nil, ""
	return u.String()
}

// Remote reports whether b is a browser reached through [Connect].
func (b *Browser) Remote() bool { return b.remote }

// remoteLocation checks root and page like pageLocation and returns the
// page's URL under remoteOrigin.
func remoteLocation(root, pagePath string) (absRoot, pageURL string, err error) {
	absRoot, _, err = pageLocation(root, pagePath)
	if err != nil {
		return "", "", err
	}
	return absRoot, remoteOrigin + (&url.URL{Path: pagePath}).EscapedPath(), nil
}

// answerRemote answers a request of a remote print: a file under root for a
// URL under remoteOrigin, continued for data:, about: and blob:, refused for
// anything else (including file: URLs, which would read the remote machine's
// files). It returns false when the request was refused.
func answerRemote(ctx context.Context, t *chromedp.Target, root string, ev *fetch.EventRequestPaused) bool {
	u := ev.Request.URL
	if rest, ok := strings.CutPrefix(u, remoteOrigin); ok {
		body, ctype, err := remoteFile(root, rest)
		if err != nil {
			_, _ = cdp.Call(ctx, t, fetch.FulfillRequest, fetch.FulfillRequestParams{
				RequestID: ev.RequestID, ResponseCode: 404,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/plain"}},
			})
			return true
		}
		_, _ = cdp.Call(ctx, t, fetch.FulfillRequest, fetch.FulfillRequestParams{
			RequestID: ev.RequestID, ResponseCode: 200, Body: body,
			ResponseHeaders: []*fetch.HeaderEntry{
				{Name: "Content-Type", Value: ctype},
				{Name: "Cache-Control", Value: "no-store"},
			},
		})
		return true
	}
	if p, err := url.Parse(u); err == nil {
		switch p.Scheme {
		case "data", "about", "blob":
			_, _ = cdp.Call(ctx, t, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			return true
		}
	}
	_, _ = cdp.Call(ctx, t, fetch.FailRequest, fetch.FailRequestParams{
		RequestID:   ev.RequestID,
		ErrorReason: network.ErrorReasonBlockedByClient,
	})
	return false
}

// remoteFile reads the file that the rest of a URL under remoteOrigin names
// under root, and its content type.
func remoteFile(root, rest string) ([]byte, string, error) {
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	p, err := url.PathUnescape(rest)
	if err != nil {
		return nil, "", err
	}
	rel := filepath.FromSlash(path.Clean("/" + p)[1:])
	if rel == "" || !filepath.IsLocal(rel) {
		return nil, "", msg.Errorf("not a file under the root")
	}
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return nil, "", err
	}
	ctype := mime.TypeByExtension(filepath.Ext(rel))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return b, ctype, nil
}

// ConnectAny connects to the first of endpoints that answers, in order.
func ConnectAny(ctx context.Context, endpoints []string) (*Browser, error) {
	var errs []error
	for _, ep := range endpoints {
		b, err := Connect(ctx, ep)
		if err == nil {
			return b, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	if len(errs) == 0 {
		return nil, msg.Errorf("no browser endpoint given")
	}
	return nil, errors.Join(errs...)
}

// ConnectAll connects to every endpoint at once. It returns the browsers that
// answered, in the order of endpoints, and the errors of those that did not.
func ConnectAll(ctx context.Context, endpoints []string) ([]*Browser, error) {
	bs := make([]*Browser, len(endpoints))
	errs := make([]error, len(endpoints))
	var wg sync.WaitGroup
	for i, ep := range endpoints {
		wg.Go(func() { bs[i], errs[i] = Connect(ctx, ep) })
	}
	wg.Wait()
	return slices.DeleteFunc(bs, func(b *Browser) bool { return b == nil }), errors.Join(errs...)
}

// Open returns a browser to print with: a running one when explicit or
// $RENJA_CHROME_URL names endpoints (see [Endpoints]), else one started from
// [FindChrome](explicit).
func Open(ctx context.Context, explicit string) (*Browser, error) {
	if eps := Endpoints(explicit); len(eps) > 0 {
		return ConnectAny(ctx, eps)
	}
	path, err := FindChrome(explicit)
	if err != nil {
		return nil, err
	}
	return Start(ctx, path)
}
