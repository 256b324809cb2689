package check

import (
	"hash/maphash"
	"strings"
	"testing"

	"renja/internal/kode"
)

// TestNameHash: sameName hashes a name as its key would read, without making
// the key: the same hash and word count as the words joined.
func TestNameHash(t *testing.T) {
	seed := maphash.MakeSeed()
	for _, name := range []string{
		"Penyediaan Gaji dan Tunjangan ASN",
		"  penyediaan   gaji, dan tunjangan ASN. ",
		"Koordinasi (Rapat) 2024/2025",
		"ÉTUDE Über Ñandú — ΣΟΦΙΑ",
		"a\xffb c\xfe",
		"Ⓐ ⅰ Ⅻ ２０２４",
		"",
		"...",
	} {
		for _, l := range []kode.Level{kode.Kegiatan, kode.SubKegiatan} {
			w := words(name)
			want := maphash.String(seed, l.String()+":"+strings.Join(w, " "))
			if got, n := nameHash(seed, l, name); got != want || n != len(w) {
				t.Errorf("nameHash(%q) = %x, %d words; want %x, %d (%q)", name, got, n, want, len(w), w)
			}
		}
	}
}
