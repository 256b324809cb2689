package table

import (
	"testing"
	"unsafe"
)

// TestCellSize: a table of 100,000 rows holds a million cells or more; a
// cell must stay 32 bytes (it was 56).
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n > 32 {
		t.Errorf("a cell is %d bytes, want at most 32", n)
	}
}
