//go:build !linux

package outdir

import "errors"

// exchange is not available: the two-rename swap is used.
func exchange(a, b string) error { return errors.ErrUnsupported }
