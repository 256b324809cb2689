//go:build !unix

package serve

import "time"

// cpuTime is 0 where it is not measured (the goroutine check remains).
func cpuTime() time.Duration { return 0 }
