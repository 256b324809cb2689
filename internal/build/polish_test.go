package build

import (
	"context"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestPrintPolish reads the bundled PDF page by page as a typist would look
// at it: no page holds only the sentence that introduces a table (it prints
// on the table's first page, above it); every page that a table continues
// on repeats its caption with "(lanjutan)" above the repeated header, and
// the table's first page does not; no page ends with a heading.
func TestPrintPolish(t *testing.T) {
	needTools(t)
	out := t.TempDir()
	res, err := Build(context.Background(), Options{Dir: "../..", Out: out, Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	site, err := os.ReadFile(res.PDF[:strings.LastIndex(res.PDF, "/")+1] + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	body := bodyLines(pages(t, res.PDF))

	// Lead-ins: the paragraphs right before a table.
	leadIns := regexp.MustCompile(`(?s)<p>([^<]*)</p>\s*<figure class="table`).FindAllStringSubmatch(string(site), -1)
	if len(leadIns) < 5 {
		t.Fatalf("found %d table lead-ins in the website, want the bundled Renja's", len(leadIns))
	}
	for i, lines := range body {
		page := strings.Join(lines, " ")
		if page == "" {
			continue
		}
		for _, m := range leadIns {
			if strings.Contains(norm(html.UnescapeString(m[1])), page) {
				t.Errorf("page %d holds only a table's lead-in: %q", i+1, page)
			}
		}
	}

	// Continued tables.
	captions := regexp.MustCompile(`<figure class="table[^"]*" id="[^"]*">\s*<figcaption><span class="caption">([^<]*)</span>((?:<br>[^<]*)*)</figcaption>`).FindAllStringSubmatch(string(site), -1)
	continued := 0
	for _, c := range captions {
		caption := norm(html.UnescapeString(c[1]))
		titles := strings.Split(strings.TrimPrefix(c[2], "<br>"), "<br>")
		last := norm(html.UnescapeString(titles[len(titles)-1]))
		// The table's first page: its caption, its title, then the first
		// line of the header.
		start, head := -1, ""
		for i, lines := range body {
			for j := 0; j+1 < len(lines); j++ {
				if lines[j] == last && start < 0 && i > 6 && containsLine(lines[:j], caption) {
					start, head = i, lines[j+1]
				}
			}
		}
		if start < 0 {
			t.Errorf("%s: its first page not found", caption)
			continue
		}
		if containsLine(body[start], caption+" (lanjutan)") {
			t.Errorf("%s: its first page, %d, says (lanjutan)", caption, start+1)
		}
		for i := start + 1; i < len(body) && containsLine(body[i], head); i++ {
			continued++
			j := indexLine(body[i], head)
			if j < 1 || body[i][j-1] != caption+" (lanjutan)" {
				t.Errorf("%s continues on page %d without %q above its header:\n%s", caption, i+1, caption+" (lanjutan)", strings.Join(body[i][:min(len(body[i]), 4)], "\n"))
			}
		}
	}
	if continued < 10 {
		t.Errorf("%d continuation pages found; the bundled Renja has more", continued)
	}

	// Headings (h2–h6: a chapter starts a page) never end one.
	heads := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?s)<h[2-6][^>]*>(.*?)</h[2-6]>`).FindAllStringSubmatch(string(site), -1) {
		heads[norm(html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")))] = true
	}
	raw := pagesRaw(t, res.PDF)
	for i, lines := range body {
		if len(lines) == 0 || !heads[lines[len(lines)-1]] {
			continue
		}
		// A heading starts at the left margin; the same words indented are
		// a list (the Sistematika Penulisan lists the sections).
		if lastLineIndent(raw[i]) <= minIndent(raw[i]) {
			t.Errorf("page %d ends with the heading %q", i+1, lines[len(lines)-1])
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func containsLine(lines []string, s string) bool { return indexLine(lines, s) >= 0 }

func indexLine(lines []string, s string) int {
	for i, l := range lines {
		if l == s {
			return i
		}
	}
	return -1
}

// pagesRaw is pages with the layout's indentation kept.
func pagesRaw(t *testing.T, file string) [][]string {
	var out [][]string
	for _, p := range pages(t, file) {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if t := strings.TrimSpace(l); t != "" && t != "DRAF" && !regexp.MustCompile(`^([0-9]+|[ivxlc]+)$`).MatchString(t) {
				lines = append(lines, l)
			}
		}
		out = append(out, lines)
	}
	return out
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func lastLineIndent(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	return indent(lines[len(lines)-1])
}

func minIndent(lines []string) int {
	m := 1 << 30
	for _, l := range lines {
		m = min(m, indent(l))
	}
	return m
}
