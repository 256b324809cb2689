package kode

import (
	"strings"
	"testing"
)

func TestStyle(t *testing.T) {
	c := MustParse("7.01.01.2.01.0001")
	if c.String() != "7.01.01.2.01.01" {
		t.Fatalf("canonical %s", c)
	}
	if got := FourDigit.Format(c); got != "7.01.01.2.01.0001" {
		t.Errorf("FourDigit.Format = %s", got)
	}
	if got := TwoDigit.Format(c); got != "7.01.01.2.01.01" {
		t.Errorf("TwoDigit.Format = %s", got)
	}
	if got := FourDigit.Format(MustParse("7.01.01.2.01")); got != "7.01.01.2.01" {
		t.Errorf("a kegiatan: %s", got)
	}
	for in, want := range map[string]string{
		"7.01.01.2.01.01: kegiatan 7.01.01.2.01 of 7.01.01.2.01.02.": "7.01.01.2.01.0001: kegiatan 7.01.01.2.01 of 7.01.01.2.01.0002.",
		"7.01.01.2.01.01 7.01.01.2.01.02":                            "7.01.01.2.01.0001 7.01.01.2.01.0002",
		"Rp 2.590.643.300 and 1.2.590.643.30.00":                     "Rp 2.590.643.300 and 1.2.590.643.30.00",
		"7.01.01.2.01.0001 stays":                                    "7.01.01.2.01.0001 stays",
		"(7.01.01.2.01.07)":                                          "(7.01.01.2.01.0007)",
	} {
		if got := FourDigit.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if s := StyleOf([]string{"7.01.01.2.01.0001", "7.01.01.2.01.0002", "7.01.01.2.01.03", "7.01.01"}); s != FourDigit {
		t.Errorf("StyleOf = %d", s)
	}
	if s := StyleOf([]string{"7.01.01.2.01.01", "7.01.01.2.01.0002", "7.01.01. 2.01.03"}); s != TwoDigit {
		t.Errorf("StyleOf = %d", s)
	}
}

// TestStyleOfReadsAsParse: StyleOf counts as reading each spelling with Parse
// and its groups of digits as written would (it reads them into one buffer).
func TestStyleOfReadsAsParse(t *testing.T) {
	ref := func(spellings []string) Style {
		four, two := 0, 0
		for _, s := range spellings {
			c, err := Parse(s)
			if err != nil || c.Level() != SubKegiatan {
				continue
			}
			f := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ' ' || r == '\t' || r == '\u00a0' })
			if len(f) > 0 && len(f[len(f)-1]) == 4 {
				four++
			} else {
				two++
			}
		}
		if four > two {
			return FourDigit
		}
		return TwoDigit
	}
	all := []string{"7.01.01.2.01.0001", "7.01.01.2.01.01", "7.01.01.2.01.0002.", "7.01.01.2.01.0003\u00a0",
		"7.01.01 2.01 0004", "...", "", " . ", "7.01.01", "7.1.1.2.01.02.01", "x.01", "7.01.01.2.01.0001\r"}
	for i := range all {
		for j := i; j <= len(all); j++ {
			s := all[i:j]
			if got, want := StyleOf(s), ref(s); got != want {
				t.Errorf("StyleOf(%q) = %v, want %v", s, got, want)
			}
		}
	}
}
