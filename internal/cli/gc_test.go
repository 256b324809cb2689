package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"renja/internal/limits"
)

// TestLazyGC: no collection while the heap stays under the limit, and the
// first one restores the usual pacing (GOGC=100, the soft limit
// limits.Memory), so that a large project is not collected at the first
// limit over and over.
func TestLazyGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lazyGC(256 << 20)
	var keep [][]byte
	for range 32 { // 32 MB, all of it live
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.ReadMemStats(&after)
	if after.NumGC != before.NumGC {
		t.Errorf("%d collections under the limit, want none", after.NumGC-before.NumGC)
	}
	keep = nil
	deadline := time.Now().Add(20 * time.Second)
	var sink []byte
	for time.Now().Before(deadline) {
		sink = make([]byte, 1<<20) // garbage, up to the limit
		_ = sink
		if limit := debug.SetMemoryLimit(-1); limit == limits.Memory {
			if pct := debug.SetGCPercent(100); pct != 100 {
				t.Fatalf("after the first collection GOGC is %d, want 100", pct)
			}
			return
		}
	}
	t.Fatal("the first collection did not restore the usual pacing")
}
