package check

import "testing"

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"dokumen", "dokumen", true},
		{"dokumen", "dokumem", true},    // one letter wrong
		{"dokumen", "dokuen", true},     // one missing
		{"dokumen", "dokumens", true},   // one added at the end
		{"dokumen", "xdokumen", true},   // one added at the start
		{"dokumen", "dokmuen", true},    // neighbours swapped
		{"dokumen", "dkoumne", false},   // two swaps
		{"dokumen", "dokuxyn", false},   // two wrong
		{"dokumen", "doku", false},      // three missing
		{"dokumen", "dokumenxx", false}, // two added
		{"pelayanan", "pelayaann", true},
		{"kelurahan", "kelurahān", true}, // one letter wrong, not one byte
		{"desa", "sade", false},
		{"", "", true},
		{"a", "", true},
		{"kafé", "kafe", true},
		{"kafé", "kaef", false},
		{"kaéf", "kafé", true},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := oneEdit(c.b, c.a); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
	// Words of ASCII letters, most of the nomenclature's, are compared
	// without a copy on the heap.
	if n := testing.AllocsPerRun(100, func() { oneEdit("Perencanaan", "Perencenaan") }); n != 0 {
		t.Errorf("oneEdit of two ASCII words allocates %v times", n)
	}
}
