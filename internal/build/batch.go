package build

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"renja/internal/pdf"
)

// Outcome is one project's result in a batch.
type Outcome struct {
	Options Options
	Result  *Result
	Err     error
}

// remoteTabs is how many prints a batch runs at once on one running browser
// reached through its endpoint; that machine's cores are not known here.
const remoteTabs = 2

// BuildAll builds several projects (a district's offices). With its own
// Chrome it prints in parallel tabs, at most as many at once as there are
// cores. When the first Options' Chrome or $RENJA_CHROME_URL names running
// browsers (see pdf.Endpoints), the batch is spread over all of them that
// answer, two prints at a time on each, a project going to the next free
// tab; an endpoint that does not answer is reported on the first Options'
// Log and left out. Each Options gets a browser; the outcomes keep their
// order.
func BuildAll(ctx context.Context, opts []Options) []Outcome {
	out := make([]Outcome, len(opts))
	needPDF := false
	for _, o := range opts {
		needPDF = needPDF || !o.NoPDF
	}
	var browsers []*pdf.Browser
	var startErr error
	perBrowser := max(1, runtime.NumCPU())
	if needPDF && len(opts) > 0 && opts[0].Browser == nil {
		if eps := pdf.Endpoints(opts[0].Chrome); len(eps) > 1 {
			var err error
			browsers, err = pdf.ConnectAll(ctx, eps)
			for _, b := range browsers {
				defer b.Close()
			}
			switch {
			case len(browsers) == 0:
				startErr = err
			case err != nil && opts[0].Log != nil:
				fmt.Fprintf(opts[0].Log, "renja: printing on %d of %d browsers: %v\n", len(browsers), len(eps), err)
			}
			perBrowser = remoteTabs
		} else {
			get, stop := startBrowser(ctx, opts[0].Chrome)
			defer stop()
			b, err := get()
			if b != nil {
				browsers = []*pdf.Browser{b}
				if b.Remote() {
					perBrowser = remoteTabs
				}
			}
			startErr = err
		}
	}
	// One slot per tab that may print at once; without browsers of the
	// batch's own, as many slots as cores.
	slots := make(chan *pdf.Browser, max(1, len(browsers)*perBrowser, runtime.NumCPU()))
	if len(browsers) == 0 {
		for range max(1, runtime.NumCPU()) {
			slots <- nil
		}
	}
	for range perBrowser {
		for _, b := range browsers {
			slots <- b
		}
	}
	var wg sync.WaitGroup
	for i, o := range opts {
		out[i].Options = o
		if startErr != nil && !o.NoPDF {
			out[i].Err = startErr
			continue
		}
		wg.Go(func() {
			b := <-slots
			defer func() { slots <- b }()
			if b != nil {
				o.Browser = b
			}
			out[i].Options = o
			out[i].Result, out[i].Err = Build(ctx, o)
		})
	}
	wg.Wait()
	return out
}
