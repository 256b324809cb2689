package kode

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzParse: Parse never panics; a code that reads has a canonical form that
// reads to itself, and its level and parent agree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"7.1.1.2.01.02.01", "7.01.01. 2.01.04", "07.01.01 .2.01", "7.01.01.2.01.0001",
		"7.01.01.2.01.0123", "7.1.1.2.01.", "7.01.01.2.0x", "7.01.01.2", "7", "", " ",
		"12x4", "2.590.643.300", "-", "7.01.01\u00a02.01", "9.99.99.9.99.9999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: error %T", s, err)
			}
			if !c.IsZero() {
				t.Fatalf("%q: code %q with an error", s, c)
			}
			return
		}
		if c.IsZero() {
			// Only blanks and dots read as no code (a total row).
			if strings.TrimFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) }) != "" {
				t.Fatalf("%q reads as no code", s)
			}
			return
		}
		c2, err := Parse(c.String())
		if err != nil || c2 != c {
			t.Fatalf("%q reads %q, which reads %q, %v", s, c, c2, err)
		}
		all, errs := ParseAll([]string{c.String()})
		if errs[0] != nil || all[0] != c {
			t.Fatalf("ParseAll(%q) = %q, %v", c, all[0], errs[0])
		}
		l := c.Level()
		if l < Urusan || l > SubKegiatan {
			t.Fatalf("%q: level %d", c, l)
		}
		p := c.Parent()
		switch {
		case l == Urusan:
			if !p.IsZero() {
				t.Fatalf("urusan %q has parent %q", c, p)
			}
		default:
			if p.Level() != l-1 || !p.Contains(c) || c.Contains(p) {
				t.Fatalf("%s %q has parent %s %q", l, c, p.Level(), p)
			}
			if p2, err := Parse(p.String()); err != nil || p2 != p {
				t.Fatalf("parent %q of %q reads %q, %v", p, c, p2, err)
			}
		}
	})
}
