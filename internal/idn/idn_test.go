package idn

import (
	"strings"
	"testing"
	"time"

	"renja/internal/num"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "nol"},
		{1, "satu"},
		{5, "lima"},
		{10, "sepuluh"},
		{11, "sebelas"},
		{12, "dua belas"},
		{19, "sembilan belas"},
		{20, "dua puluh"},
		{36, "tiga puluh enam"},
		{99, "sembilan puluh sembilan"},
		{100, "seratus"},
		{101, "seratus satu"},
		{111, "seratus sebelas"},
		{200, "dua ratus"},
		{345, "tiga ratus empat puluh lima"},
		{1000, "seribu"},
		{1001, "seribu satu"},
		{1100, "seribu seratus"},
		{2000, "dua ribu"},
		{11000, "sebelas ribu"},
		{100000, "seratus ribu"},
		{101000, "seratus satu ribu"},
		{110000, "seratus sepuluh ribu"},
		{200000, "dua ratus ribu"},
		{999999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"},
		{1_000_000, "satu juta"},
		{1_000_001, "satu juta satu"},
		{100_000_000, "seratus juta"},
		{100_100_000, "seratus juta seratus ribu"},
		{2_590_643_300, "dua miliar lima ratus sembilan puluh juta enam ratus empat puluh tiga ribu tiga ratus"},
		{1_000_000_000_000, "satu triliun"},
		{100_000_000_000_000, "seratus triliun"},
		{-5, "minus lima"},
		{-100000, "minus seratus ribu"},
	} {
		if got := spell(c.n); got != c.want {
			t.Errorf("Words(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestWordsSpacing: no spelling has a double, leading or trailing space.
func TestWordsSpacing(t *testing.T) {
	for _, n := range []int64{0, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 100_000_000_000, 1_000_000_000_000, 100_000_000_000_000} {
		for _, m := range []int64{n, n + 1, n * 2, n*3 + 10, n*9 + 900} {
			w := spell(m)
			if w != strings.Join(strings.Fields(w), " ") {
				t.Errorf("Words(%d) = %q: spaces", m, w)
			}
		}
	}
}

func TestTerbilang(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{36, "36 (Tiga Puluh Enam)"},
		{100000, "100000 (Seratus Ribu)"},
		{0, "0 (Nol)"},
	} {
		if got := Terbilang(c.n); got != c.want {
			t.Errorf("Terbilang(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	if got := Rupiah(3852935); got != "Rp 3.852.935" {
		t.Errorf("Rupiah = %q", got)
	}
	if got := Persen(num.DecOf(97) + 1000); got != "97,10%" {
		t.Errorf("Persen = %q", got)
	}
	if got := Date(time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)); got != "1 Mei 2023" {
		t.Errorf("Date = %q", got)
	}
	if got := Date(time.Time{}); got != "" {
		t.Errorf("Date(zero) = %q", got)
	}
}

func TestTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"},
		{"DAN LAIN-LAIN DAN SEBAGAINYA", "Dan Lain-lain dan Sebagainya"},
		{"Sudah Ditulis", "Sudah Ditulis"},
		{"2023", "2023"},
		{"ÉLAN DI DESA", "Élan di Desa"},
		{"KABUPATEN/ KOTA", "Kabupaten/ Kota"},
		{"A/", "A/"},
	} {
		if got := Title(c.in); got != c.want {
			t.Errorf("Title(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Jumlah dokumen", "jumlah dokumen"},
		{"IMB terbit", "IMB terbit"},
		{"", ""},
		{"jumlah", "jumlah"},
		{"A", "a"},
	} {
		if got := LowerFirst(c.in); got != c.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestList(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"1.7.1"}, "1.7.1"},
		{[]string{"1.7.1", "1.8.2"}, "1.7.1 dan 1.8.2"},
		{[]string{"1.7.1", "1.8.2", "2.1.1"}, "1.7.1, 1.8.2 dan 2.1.1"},
	} {
		if got := List(c.in); got != c.want {
			t.Errorf("List(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
