package pdf

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"renja/internal/filelock"
)

// ownerLock is the file in a profile folder that its renja process keeps
// locked (flock, LockFileEx) while the browser runs; the system releases the
// lock when the process dies, however it dies.
const ownerLock = ".renja-owner.lock"

// lockProfile marks dir as this process's.
func lockProfile(dir string) (*filelock.Lock, error) {
	return filelock.TryLock(filepath.Join(dir, ownerLock))
}

// RemoveStaleProfiles removes the profile folders (renja-chrome-* in the
// temporary folder) of renja processes that were killed before they could
// remove them: folders whose owner lock nobody holds any more, after their
// leftover processes are killed (Linux). A folder without the lock (made
// by an older renja) goes once it is an hour old and, on Linux, no process
// uses it. Start calls it; a build without PDF calls it too.
func RemoveStaleProfiles() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), profilePrefix+"*"))
	for _, dir := range dirs {
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() {
			continue
		}
		lockPath := filepath.Join(dir, ownerLock)
		if _, err := os.Lstat(lockPath); errors.Is(err, fs.ErrNotExist) {
			if time.Since(fi.ModTime()) >= time.Hour && len(processesUsing(dir)) == 0 {
				_ = os.RemoveAll(dir)
			}
			continue
		}
		l, err := filelock.TryLock(lockPath)
		if err != nil {
			continue // its renja still runs
		}
		killLeftovers(dir, group{})
		_ = l.Unlock()
		_ = os.RemoveAll(dir)
	}
}
