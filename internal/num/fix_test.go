package num

import (
	"strings"
	"testing"

	"renja/internal/msg"
)

// TestFixes: officers' everyday slips get a hint that quotes the corrected
// cell, and the corrected cell reads without error.
func TestFixes(t *testing.T) {
	defer msg.SetLang(msg.Current())
	msg.SetLang(msg.ID)
	for _, c := range []struct {
		kind, in, fix, hint string
	}{
		{"money", "Rp 5.248.200,-", "5.248.200", `tulis "5.248.200"`},
		{"money", "5,248,200", "5.248.200", "titik memisahkan ribuan"},
		{"money", "Rp. 32.352.300", "", ""}, // reads as it is
		{"money", "5.248.2OO", "5.248.200", "huruf"},
		{"money", "5.248.200 ,-", "5.248.200", `tulis "5.248.200"`},
		{"money", "5.248.200-", "5.248.200", `tulis "5.248.200"`},
		{"number", "2 Dok", "2", `satuan "Dok" ditulis di indikator`},
		{"number", "1l", "11", "huruf"},
		{"number", "2,379.5", "2.379,5", "titik memisahkan ribuan"},
		{"percent", "97,5 %", "", ""},
		{"percent", "9O%", "90%", "huruf"},
		{"money", "lima juta", "", ""}, // renja cannot tell: no quoted fix
	} {
		parse := map[string]func(string) error{
			"money":   func(s string) error { _, _, err := ParseMoney(s); return err },
			"number":  func(s string) error { _, _, err := ParseDec(s); return err },
			"percent": func(s string) error { _, _, err := ParsePercent(s); return err },
			"target":  func(s string) error { _, _, err := ParseTarget(s); return err },
		}[c.kind]
		err := parse(c.in)
		if c.fix == "" && c.hint == "" {
			if e, ok := err.(*Error); ok && e.Fix != "" {
				t.Errorf("%s %q: fix %q, want none", c.kind, c.in, e.Fix)
			}
			continue
		}
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%s %q: %v, want a *num.Error", c.kind, c.in, err)
			continue
		}
		if e.Fix != c.fix || !strings.Contains(e.Hint, c.hint) {
			t.Errorf("%s %q: fix %q, hint %q; want fix %q, hint with %q", c.kind, c.in, e.Fix, e.Hint, c.fix, c.hint)
		}
		if err := parse(e.Fix); err != nil {
			t.Errorf("%s %q: the fix %q does not read: %v", c.kind, c.in, e.Fix, err)
		}
	}
}
