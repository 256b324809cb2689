package cli

import (
	"os"
	"runtime"
	"runtime/debug"

	"renja/internal/limits"
)

// firstGC is the heap at which the first collection of a renja process runs.
const firstGC = 64 << 20

// LazyGC lets a short command run without collecting: a build of a
// kecamatan's Renja allocates about 30 MB in all and ends in a tenth of a
// second, and the collector, starting from Go's 4 MB heap goal, ran five
// times in it and cost about a tenth of its time (see docs/speed.md). So no
// collection runs until the heap reaches 64 MiB (as a memory limit, with
// GOGC off); the first collection that does run restores Go's usual pacing
// (GOGC=100), so that a province's plan of 100,000 sub kegiatan is collected
// as before, under the soft limit limits.Memory: near it the collector runs
// more often instead of letting the heap grow to twice what is live (that
// plan peaked at 1.7 GB, now under 0.9 GB). A GOGC or GOMEMLIMIT set in the
// environment is left as it is. main calls it once.
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
		debug.SetMemoryLimit(limits.Memory)
	}, struct{}{})
}
