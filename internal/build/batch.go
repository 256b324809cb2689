package build

import (
	"context"
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

// BuildAll builds several projects (a district's offices) with one Chrome,
// printing in parallel tabs, at most as many at once as there are cores.
// Each Options gets the shared browser; the outcomes keep their order.
func BuildAll(ctx context.Context, opts []Options) []Outcome {
	out := make([]Outcome, len(opts))
	needPDF := false
	for _, o := range opts {
		needPDF = needPDF || !o.NoPDF
	}
	var browser *pdf.Browser
	var startErr error
	if needPDF && len(opts) > 0 && opts[0].Browser == nil {
		get, stop := startBrowser(ctx, opts[0].Chrome)
		defer stop()
		browser, startErr = get()
	}
	sem := make(chan struct{}, max(1, runtime.NumCPU()))
	var wg sync.WaitGroup
	for i, o := range opts {
		if browser != nil {
			o.Browser = browser
		}
		out[i].Options = o
		if startErr != nil && !o.NoPDF {
			out[i].Err = startErr
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i].Result, out[i].Err = Build(ctx, o)
		}()
	}
	wg.Wait()
	return out
}
