package roll

import "testing"

func TestFixLabels(t *testing.T) {
	src := []byte(`title = "Tahun {N-1} (n)"
title = "Tahun {N} (n+1)"
title = "Tahun {N-2} (n-2)"
title = "Rencana Tahun {N} (N)"
`)
	got, changed := FixLabels(src)
	want := `title = "Tahun {N} (n)"
title = "Tahun {N+1} (n+1)"
title = "Tahun {N-2} (n-2)"
title = "Rencana Tahun {N} (N)"
`
	if string(got) != want || len(changed) != 2 {
		t.Errorf("FixLabels =\n%s%q", got, changed)
	}
}

func TestYearOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"Tahun {N-2} (n-2)", -2, true},
		{"Tahun {N-1} (n)", 0, true}, // the label wins
		{"Realisasi … s/d tahun n-3 ({N-3})", -3, true},
		{"(Tahun n-1) ({N-1})", -1, true},
		{"Prakiraan Maju Rencana Tahun {N+1} (N+1)", 1, true},
		{"Tahun {N+1}", 1, true},
		{"Target Kinerja Capaian Program Tahun 2026", 0, false},
		{"Pagu Indikatif", 0, false},
	} {
		got, ok := yearOf(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("yearOf(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
