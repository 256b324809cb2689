// Package filelock takes an exclusive lock on a file that the operating
// system releases when the process ends, however it ends (flock on Unix,
// LockFileEx on Windows). A lock is therefore never stale: a file left by a
// killed process, or one holding any text (`echo 1 > output.lock`), is simply
// locked again. The file's content is only informative: the PID of the holder.
package filelock

import (
	"errors"
	"fmt"
	"os"

	"renja/internal/msg"
)

// ErrLocked is returned by TryLock while another process (or another Lock in
// this one) holds the lock.
var ErrLocked error = msg.Const("locked by another process")

// Lock is a held lock.
type Lock struct {
	f    *os.File
	path string
}

// TryLock creates path if needed and locks it without waiting. Unless it is
// ErrLocked, an error is from the file system.
func TryLock(path string) (*Lock, error) {
	for try := 0; try < 10; try++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return nil, err
		}
		// The holder before us may have removed the file after we opened
		// it: then we hold a lock on a name that no longer exists.
		fi, err1 := f.Stat()
		pi, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(fi, pi) {
			_ = f.Truncate(0)
			_, _ = fmt.Fprintf(f, "%d\n", os.Getpid())
			return &Lock{f: f, path: path}, nil
		}
		f.Close()
	}
	return nil, msg.Errorf("cannot lock %s: it keeps being replaced", path)
}

// Unlock releases the lock. On Unix it removes the file first, while it is
// still locked, so that the name never stays behind; on Windows, where an
// open file cannot be removed, the file stays.
func (l *Lock) Unlock() error {
	if removeWhileLocked {
		_ = os.Remove(l.path)
	}
	return l.f.Close()
}

// held reports whether another process holds the lock on path: false when
// path does not exist or nobody holds it.
func held(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		return errors.Is(err, ErrLocked)
	}
	return false
}
