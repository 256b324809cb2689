package pdf

import "context"

// A print tab takes 140–170 ms to make: a browser context of its own (see
// offline), the target, and its protocol domains. A browser that idles
// between prints (renja serve) can keep the next tab made in advance: after
// KeepTabReady, one is made at once and another after each print that
// succeeded, once that print's tab is closed, so that making it never
// competes with a print. The spare is unused, in a browser context of its
// own, so a print in it is as isolated from the last one as in a new tab;
// Close ends it with the browser. A single build's browser makes none, nor
// does a batch's: its prints keep the cores busy, so a tab made ahead only
// moves the work (20 copies of the bundled Renja took as long with spares
// as without).

type spareTab struct {
	ctx   context.Context
	close context.CancelFunc
}

// KeepTabReady makes the browser keep a print tab made in advance.
func (b *Browser) KeepTabReady() {
	b.spareOnce.Do(func() { b.spare = make(chan spareTab, 1) })
	b.keepSpare.Store(true)
	b.makeSpare()
}

// takeTab returns the spare tab, when there is a live one, or a new tab.
func (b *Browser) takeTab(ctx context.Context) (context.Context, context.CancelFunc, error) {
	if b.keepSpare.Load() {
		select {
		case t := <-b.spare:
			if t.ctx.Err() == nil {
				return t.ctx, t.close, nil
			}
			t.close()
		default:
		}
	}
	return b.newTab(ctx)
}

// makeSpare makes a spare tab in the background, unless the browser keeps
// none, one is being made, or there is one.
func (b *Browser) makeSpare() {
	if !b.keepSpare.Load() || len(b.spare) > 0 || !b.making.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer b.making.Store(false)
		ctx, closeTab, err := b.newTab(b.ctx)
		if err != nil {
			return
		}
		select {
		case b.spare <- spareTab{ctx, closeTab}:
		default:
			closeTab()
		}
	}()
}
