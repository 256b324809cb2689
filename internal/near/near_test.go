package near

import (
	"slices"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"build", "build", 0}, {"bulid", "build", 2}, {"buil", "build", 1},
		{"kecamatan", "kecamatn", 1}, {"", "abc", 3}, {"é", "e", 1}, {"kapital", "kapitel", 1},
	} {
		if d := distance(c.a, c.b); d != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
		if d := distance(c.b, c.a); d != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.b, c.a, d, c.d)
		}
	}
}

func TestClosest(t *testing.T) {
	cmds := []string{"build", "check", "diff", "fmt", "sign", "verify", "serve", "init", "version"}
	for in, want := range map[string]string{"bulid": "build", "BUILD": "build", "chek": "check", "verfy": "verify", "publish": "", "servee": "serve"} {
		if got := Closest(in, cmds); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNearest(t *testing.T) {
	got := Nearest("pagu_2024", []string{"pagu", "pagu_2025", "pagu_2024", "target", "pagu_2023"}, 2)
	if !slices.Equal(got, []string{"pagu_2025", "pagu_2023"}) {
		t.Errorf("Nearest = %v", got)
	}
	if got := Nearest("x", []string{"abcdef"}, 3); got != nil {
		t.Errorf("Nearest of a far name = %v, want none", got)
	}
}
