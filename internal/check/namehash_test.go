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

// TestCodeParts: levelDigit and programOf read a code's parts as splitting
// it at its dots would.
func TestCodeParts(t *testing.T) {
	for _, s := range []string{"7", "7.01", "7.01.01", "7.01.01.2.01", "7.01.01.3.01.0001", "7.01.01.2.01.01"} {
		c := kode.MustParse(s)
		p := strings.Split(c.String(), ".")
		if got, want := programOf(c), strings.Join(p[:min(3, len(p))], "."); got != want {
			t.Errorf("programOf(%s) = %q, want %q", s, got, want)
		}
		d, ok := levelDigit(c)
		if l := c.Level(); (l == kode.Kegiatan || l == kode.SubKegiatan) != ok || ok && d != p[3] {
			t.Errorf("levelDigit(%s) = %q, %v", s, d, ok)
		}
	}
}
