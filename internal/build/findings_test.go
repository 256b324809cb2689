package build

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// tablePages returns the pages from the one where a line holds only
// caption (a table's caption, not a line of the contents) up to the one
// before the page with such a line of until.
func tablePages(ps []string, caption, until string) []string {
	line := func(s string) *regexp.Regexp { return regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(s) + `\s*$`) }
	head, end := line(caption), line(until)
	start := -1
	for i, p := range ps {
		if start < 0 && head.MatchString(p) {
			start = i
			continue
		}
		if start >= 0 && end.MatchString(p) {
			return ps[start:i]
		}
	}
	if start < 0 {
		return nil
	}
	return ps[start:]
}

// rowLine returns the first line of pages that starts with code followed by
// a space, "" when none does.
func rowLine(pages []string, code string) string {
	re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(code) + `\s+.*$`)
	for _, p := range pages {
		if m := re.FindString(p); m != "" {
			return m
		}
	}
	return ""
}

// TestDraftPDF prints the bundled Renja, a draft, and reads its pages back:
// a parent's amount is printed as the officer wrote it, not as the sum of
// its children that the checker compares it with.
func TestDraftPDF(t *testing.T) {
	needTools(t)
	res, err := Build(context.Background(), Options{Dir: "../..", Out: t.TempDir(), Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, res.PDF)
	for _, c := range []struct {
		caption, until, code, written, sum string
	}{
		// data/t41.csv:15 writes 34.835.600; its sub kegiatan add up to 34.795.500
		{"Tabel 4.1", "BAB V PENUTUP", "7.01.01.2.05", "34.835.600", "34.795.500"},
		// data/t24.csv:4 writes 2.434.456.400; its parts add up to 2.563.235.700
		{"Tabel 2.4", "Tabel 2.5", "7.01", "2.434.456.400", "2.563.235.700"},
	} {
		line := rowLine(tablePages(ps, c.caption, c.until), c.code)
		if line == "" {
			t.Errorf("%s: no row %s on the pages from its caption to %q", c.caption, c.code, c.until)
			continue
		}
		if !strings.Contains(line, c.written) || strings.Contains(line, c.sum) {
			t.Errorf("%s's row %s prints %q; want the written %s, not the sum %s", c.caption, c.code, strings.Join(strings.Fields(line), " "), c.written, c.sum)
		}
	}
}
