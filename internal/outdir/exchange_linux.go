package outdir

import "golang.org/x/sys/unix"

// exchange swaps two directory entries atomically (renameat2 with
// RENAME_EXCHANGE, Linux 3.15; not every file system has it).
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
