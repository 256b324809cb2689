package build

// Page labels and numbers: what the PDF's page labels say (front matter in
// roman numerals, the body from 1) and what each part's first page is, read
// back from the print's named destinations, and kept for the next build.

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"

	"renja/internal/outdir"
	"renja/internal/pdf"
	"renja/internal/render"
)

func sameLabels(a, b map[string]string, ids []string) bool {
	for _, id := range ids {
		if a[id] != b[id] {
			return false
		}
	}
	return true
}

// pageNumberScript writes the page numbers into the open page: the elements
// that show a destination's page carry data-page-of="id".
func pageNumberScript(labels map[string]string) string {
	js, _ := json.Marshal(labels)
	return `(function (m) { for (const e of document.querySelectorAll("[data-page-of]")) { const l = m[e.dataset.pageOf]; if (l !== undefined) e.textContent = l; } })(` + string(js) + `)`
}

const pageCache = ".renja-pages.json"

// readPageCache returns the page numbers the last build printed, if any.
func readPageCache(st *outdir.Dir) map[string]string {
	var m map[string]string
	if p := st.Current(pageCache); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			_ = json.Unmarshal(b, &m)
		}
	}
	return m
}

func writePageCache(st *outdir.Dir, m map[string]string) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return st.Write(pageCache, b)
}

// printedLabels turns page indexes into the numbers printed on the pages: nothing on
// the cover and the decree, i, ii, … on the front matter, 1, 2, … from the
// first chapter on.
func printedLabels(dests map[string]int, out *render.Output) map[string]string {
	front, body := bounds(dests, out)
	m := map[string]string{}
	for _, id := range out.Dests {
		i, ok := dests[id]
		switch {
		case !ok:
		case body >= 0 && i >= body:
			m[id] = strconv.Itoa(i - body + 1)
		case front >= 0 && i >= front:
			m[id] = roman(i - front + 1)
		}
	}
	return m
}

func bounds(dests map[string]int, out *render.Output) (front, body int) {
	front, body = -1, -1
	for _, id := range out.Front {
		if i, ok := dests[id]; ok && (front < 0 || i < front) {
			front = i
		}
	}
	if i, ok := dests[out.First]; ok {
		body = i
	}
	return front, body
}

func pageLabels(dests map[string]int, out *render.Output) []pdf.Label {
	front, body := bounds(dests, out)
	labels := []pdf.Label{{From: 0, Style: ""}}
	if front > 0 {
		labels = append(labels, pdf.Label{From: front, Style: "r", Start: 1})
	} else if front == 0 {
		labels[0] = pdf.Label{From: 0, Style: "r", Start: 1}
	}
	if body > front && body > 0 {
		labels = append(labels, pdf.Label{From: body, Style: "D", Start: 1})
	}
	return labels
}

// roman writes n in lower-case roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
