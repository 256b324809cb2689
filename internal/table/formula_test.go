package table

import "testing"

// FuzzFormulaSafe: whatever a cell holds, reading back what FormulaSafe
// writes gives it again, and what is written never starts like a formula.
func FuzzFormulaSafe(f *testing.F) {
	for _, s := range []string{"", "-", "-5", "=1+1", "'=1+1", "''=x", "@a", "+62 8", "\tx", "'", "''", "Belanja"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := FormulaSafe(s)
		if got := unFormula(w); got != s {
			t.Errorf("FormulaSafe(%q) = %q reads back as %q", s, w, got)
		}
		if formulaLike(w) {
			t.Errorf("FormulaSafe(%q) = %q starts like a formula", s, w)
		}
	})
}
