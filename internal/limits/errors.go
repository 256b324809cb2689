package limits

import (
	"fmt"
	"io"
	"os"
	"time"

	"renja/internal/diag"
	"renja/internal/msg"
)

// Size writes a number of bytes the way an officer reads it: 2 MB, 512 KB.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// TooLarge is the error for a file of size bytes over its limit.
func TooLarge(name string, size int64) *diag.Error {
	return &diag.Error{File: name,
		Msg:  msg.Sprintf("the file is too large: %s, the limit is %s", Size(size), Size(FileSize(name))),
		Hint: msg.Sprintf("split its content into several files, or check that this is the right file")}
}

// readFile reads the project file at path (name is its slash-separated path
// relative to the project, for the message), refusing one over its limit
// (FileSize) before reading it.
func readFile(path, name string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	max := FileSize(name)
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if fi.Mode().IsRegular() && fi.Size() > max {
		return nil, TooLarge(name, fi.Size())
	}
	// The file may grow while it is read.
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(b)) > max {
		return nil, TooLarge(name, int64(len(b)))
	}
	return b, err
}

// TimeoutError says that the whole build ran longer than its limit.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string {
	return msg.Sprintf("build stopped: it ran longer than its limit of %v", e.Limit) + "\n\t" + msg.Sprintf("hint:") + " " +
		msg.Sprintf("allow more time with --timeout (for example --timeout 30m), or find the part of the project that makes it slow")
}
