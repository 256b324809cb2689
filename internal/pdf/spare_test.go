package pdf

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestKeepTabReady: the tab made in advance is the one the next print uses
// (it is closed after that print), it is as offline as a new tab (the
// fixture's remote requests are refused alike), and another is made after
// the print.
func TestKeepTabReady(t *testing.T) {
	b := sharedBrowser(t)
	_, wantRefused, _ := printFixture(t)
	root := writeFixture(t)
	b.KeepTabReady()
	waitSpare := func() spareTab {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case s := <-b.spare:
				b.spare <- s
				return s
			default:
				time.Sleep(20 * time.Millisecond)
			}
		}
		t.Fatal("no spare tab within 20 s")
		return spareTab{}
	}
	spare := waitSpare()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	doc, refused, err := b.Print(ctx, root, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := PageCount(doc); err != nil || n != 2 {
		t.Errorf("PageCount = %d, %v; want 2", n, err)
	}
	if !slices.Equal(refused, wantRefused) {
		t.Errorf("refused in the spare tab %q, in a new tab %q", refused, wantRefused)
	}
	select {
	case <-spare.ctx.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("the spare tab was not the one printed in (it is still open)")
	}
	if next := waitSpare(); next.ctx == spare.ctx {
		t.Error("no new spare after the print")
	}
	b.keepSpare.Store(false) // the shared browser serves other tests
}
