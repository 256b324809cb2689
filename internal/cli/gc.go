package cli

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// firstGC is the heap at which the first collection of a renja process runs.
const firstGC = 64 << 20

// LazyGC lets a short command run without collecting: a build of a
// kecamatan's Renja allocates about 30 MB in all and ends in a tenth of a
// second, and the collector, starting from Go's 4 MB heap goal, ran five
// times in it and cost about a tenth of its time (see docs/speed.md). So no
// collection runs until the heap reaches 64 MiB (as a memory limit, with
// GOGC off); the first collection that does run restores Go's usual pacing
// (GOGC=100, no limit), so that a province's plan of 100,000 sub kegiatan is
// collected as before, and its peak grows by at most those 64 MiB. A GOGC or
// GOMEMLIMIT set in the environment is left as it is. main calls it once.
func LazyGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	lazyGC(firstGC)
}

func lazyGC(limit int64) {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// An object of its own (not a tiny allocation, whose cleanup could wait
	// for its neighbours): it dies in the first collection, whose cleanup
	// puts the collector back as it was.
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
}
