package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/gen"
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
// its children that the checker compares it with, marked with the number
// of its finding; the last pages are the Daftar Temuan Pemeriksaan, every
// error and warning of renja check, numbered 1, 2, … as the marks.
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

	// The Daftar Temuan Pemeriksaan: from its heading to the last page.
	errs, warns := check.Count(res.Diagnostics)
	first := -1
	for i, p := range ps {
		if regexp.MustCompile(`(?m)^\s*DAFTAR TEMUAN PEMERIKSAAN\s*$`).MatchString(p) {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("no page holds the heading DAFTAR TEMUAN PEMERIKSAAN")
	}
	list := strings.Join(ps[first:], "\n")
	if regexp.MustCompile(`(?m)^\s*BAB V PENUTUP\s*$`).MatchString(list) {
		t.Error("the Daftar Temuan Pemeriksaan is not after the closing")
	}
	entry := regexp.MustCompile(`(?m)^\s*(\d+)\. (.*)$`)
	var numbers []int
	entries := map[int]string{} // number → the entry's text, up to the next entry
	ms := entry.FindAllStringSubmatchIndex(list, -1)
	for i, m := range ms {
		n, _ := strconv.Atoi(list[m[2]:m[3]])
		end := len(list)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		numbers = append(numbers, n)
		entries[n] = strings.Join(strings.Fields(list[m[0]:end]), " ")
	}
	if len(numbers) != errs+warns {
		t.Errorf("the Daftar Temuan holds %d entries; renja check reports %d errors and %d warnings", len(numbers), errs, warns)
	}
	for i, n := range numbers {
		if n != i+1 {
			t.Fatalf("entry %d of the Daftar Temuan is numbered %d", i+1, n)
		}
	}
	t.Logf("the Daftar Temuan Pemeriksaan: pages %d–%d of %d, %d entries (%d errors, %d warnings)", first+1, len(ps), len(ps), len(numbers), errs, warns)

	// 7.01.01.2.05's finding: its mark in Tabel 4.1 is the number of the
	// entry that says what is written and what the sub kegiatan add up to.
	line := rowLine(tablePages(ps, "Tabel 4.1", "BAB V PENUTUP"), "7.01.01.2.05")
	m := regexp.MustCompile(`34\.835\.600 (\d+) `).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("Tabel 4.1's row 7.01.01.2.05 carries no finding's number after 34.835.600: %q", line)
	}
	n, _ := strconv.Atoi(m[1])
	e := entries[n]
	for _, want := range []string{"Tabel 4.1", "kode 7.01.01.2.05", "Tertulis: 34.835.600", "Seharusnya: 34.795.500"} {
		if !strings.Contains(e, want) {
			t.Errorf("entry %d, the mark of 7.01.01.2.05 in Tabel 4.1, does not say %q: %q", n, want, e)
		}
	}
}

// TestFinalNoFindings prints a project without errors but with warnings as
// a final PDF: it has no marks and no Daftar Temuan Pemeriksaan, on paper
// and on the website; the same project with one amount wrong prints both.
func TestFinalNoFindings(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	if err := gen.Write(dir, 20); err != nil {
		t.Fatal(err)
	}
	// A sub kegiatan named like an indicator, in every table: a warning at
	// its cells, which a final build allows.
	for _, id := range []string{"t31", "t41", "t24", "tc29"} {
		file := filepath.Join(dir, "data", id+".csv")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(strings.ReplaceAll(string(b), ";Sub Kegiatan Contoh 1;", ";Persentase Sub Kegiatan Contoh 1;")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Build(context.Background(), Options{Dir: dir, Out: t.TempDir(), Final: true, Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if errs, warns := check.Count(res.Diagnostics); errs != 0 || warns == 0 {
		t.Fatalf("the project has %d errors and %d warnings; want none and some", errs, warns)
	}
	all := strings.Join(pages(t, res.PDF), "\n")
	html, err := os.ReadFile(filepath.Join(filepath.Dir(res.PDF), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"PDF": all, "website": string(html)} {
		for _, no := range []string{"DAFTAR TEMUAN", "Tertulis:", "Seharusnya:", `class="marks"`, "DRAF"} {
			if strings.Contains(text, no) {
				t.Errorf("the final %s holds %q", what, no)
			}
		}
	}

	// A draft of the same project marks a wrong amount and lists it.
	file := filepath.Join(dir, "data", "t41.csv")
	b, _ := os.ReadFile(file)
	wrong := strings.Replace(string(b), ";Kegiatan Contoh 1.1;100%;", ";Kegiatan Contoh 1.1;100%;1", 1)
	if wrong == string(b) {
		t.Fatal("no kegiatan row to make wrong in data/t41.csv")
	}
	if err := os.WriteFile(file, []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Build(context.Background(), Options{Dir: dir, Out: t.TempDir(), Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	all = strings.Join(strings.Fields(strings.Join(pages(t, res.PDF), "\n")), " ")
	if !strings.Contains(all, "DAFTAR TEMUAN PEMERIKSAAN") || !strings.Contains(all, "Tertulis: 12.012.345") {
		t.Error("the draft with a wrong amount has no Daftar Temuan Pemeriksaan")
	}
}
