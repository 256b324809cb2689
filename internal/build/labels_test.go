package build

import (
	"reflect"
	"strconv"
	"testing"

	"renja/internal/pdf"
	"renja/internal/render"
)

func TestRoman(t *testing.T) {
	want := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"}
	for n, w := range want {
		if got := roman(n); got != w {
			t.Errorf("roman(%d) = %q, want %q", n, got, w)
		}
	}
	for _, c := range []struct {
		n    int
		want string
	}{{39, "xxxix"}, {40, "xl"}, {44, "xliv"}, {49, "xlix"}, {90, "xc"}, {99, "xcix"}, {400, "cd"}, {444, "cdxliv"}, {900, "cm"}, {1994, "mcmxciv"}, {2024, "mmxxiv"}, {3999, "mmmcmxcix"}} {
		if got := roman(c.n); got != c.want {
			t.Errorf("roman(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestPageLabels: the PDF's page labels say what the pages print: nothing
// on the cover and the decree, i, ii, … from the first front matter part,
// 1, 2, … from the first chapter.
func TestPageLabels(t *testing.T) {
	out := &render.Output{Front: []string{"kata-pengantar", "daftar-isi"}, First: "bab-1"}
	for _, c := range []struct {
		name  string
		dests map[string]int
		want  []pdf.Label
	}{
		{"cover, decree, front matter, body",
			map[string]int{"kata-pengantar": 2, "daftar-isi": 3, "bab-1": 6},
			[]pdf.Label{{From: 0}, {From: 2, Style: "r", Start: 1}, {From: 6, Style: "D", Start: 1}}},
		{"front matter on the first page",
			map[string]int{"kata-pengantar": 0, "daftar-isi": 1, "bab-1": 3},
			[]pdf.Label{{From: 0, Style: "r", Start: 1}, {From: 3, Style: "D", Start: 1}}},
		{"front matter out of order",
			map[string]int{"kata-pengantar": 4, "daftar-isi": 2, "bab-1": 7},
			[]pdf.Label{{From: 0}, {From: 2, Style: "r", Start: 1}, {From: 7, Style: "D", Start: 1}}},
		{"no front matter",
			map[string]int{"bab-1": 1},
			[]pdf.Label{{From: 0}, {From: 1, Style: "D", Start: 1}}},
		{"no chapter",
			map[string]int{"kata-pengantar": 1},
			[]pdf.Label{{From: 0}, {From: 1, Style: "r", Start: 1}}},
	} {
		if got := pageLabels(c.dests, out); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: pageLabels = %+v, want %+v", c.name, got, c.want)
		}
		// printedLabels (the Daftar Isi's numbers) agree with the page labels.
		printed := printedLabels(c.dests, &render.Output{Front: out.Front, First: out.First, Dests: []string{"kata-pengantar", "daftar-isi", "bab-1"}})
		for id, i := range c.dests {
			if got, want := printed[id], labelOf(c.want, i); got != want {
				t.Errorf("%s: %s on page %d is numbered %q, its page label is %q", c.name, id, i+1, got, want)
			}
		}
	}
}

// labelOf returns the label that ranges give page i (0-based), as a PDF
// reader shows it.
func labelOf(ranges []pdf.Label, i int) string {
	var r pdf.Label
	for _, l := range ranges {
		if l.From <= i {
			r = l
		}
	}
	n := i - r.From + r.Start
	switch r.Style {
	case "r":
		return roman(n)
	case "D":
		return strconv.Itoa(n)
	}
	return ""
}
