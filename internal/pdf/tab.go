package pdf

import (
	"context"

	"github.com/chromedp/chromedp"
)

// NewTab opens a tab of the browser for driving a page with chromedp: the
// website's tests and renja serve's checks. Unlike [Browser.Print], the tab
// is not kept offline by request interception: the caller watches what it
// loads (the browser still resolves no host name). The tab closes when
// cancel is called or ctx ends.
func (b *Browser) NewTab(ctx context.Context) (context.Context, context.CancelFunc) {
	tab, cancel := chromedp.NewContext(b.ctx)
	stop := context.AfterFunc(ctx, cancel)
	return tab, func() { stop(); cancel() }
}
