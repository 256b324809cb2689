package seed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"renja/internal/kode"
	"renja/internal/table"

	"renja/internal/testenv"
)

// The faithfulness test holds every row of every table transcribed from the
// seed against the seed itself: each seed row must be in data/<id>.csv with
// the same code and the same figures, and each CSV row must be in the seed.
//
// Cells are compared literally (after <b></b> is stripped and blanks trimmed):
// the code and every column of a figure type (money, number, percent,
// target), and any other cell that holds a digit on either side (the "No" of
// Tabel 2.2, 2.3 and 2.5, the intervals of Tabel 2.2). Words are not compared.

// spec names a seed table and the CSV that transcribes it.
type spec struct {
	id   string
	head []string // the first cells of the table's first header line in the seed
}

var specs = []spec{
	{"tc29", []string{"Kode", "Urusan/ Bidang Urusan Pemerintahan Daerah dan Program/ Kegiatan"}},
	{"t22", []string{"No.", "KRITERIA PENILAIAN REALISASI KINERJA", "SIMBOL"}},
	{"t23", []string{"No", "INDIKATOR", "SPM/ Standar Nasional"}},
	{"t24", []string{"No", "Rancangan Awal Renja"}},
	{"t25", []string{"No", "Program/ Kegiatan", "Lokasi", "Indikator Kinerja", "Besaran/ Volume"}},
	{"t31", []string{"No", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "Lokasi Detail"}},
	{"t41", []string{"No", "Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan", "Target Capaian Kinerja"}},
}

// doc is the seed text.
type doc struct {
	name   string // file name, for messages
	text   string
	tables []textTable
}

// mismatch is one difference between a CSV and the seed.
type mismatch struct {
	file      string // the CSV, relative to the project
	line, col int    // place in the CSV; line 0 when the CSV has no row for it
	seed      string // seed file name
	seedLine  int    // 0 when the seed has no row for it
	msg       string
}

func (m mismatch) String() string {
	at := m.file
	if m.line > 0 {
		at += fmt.Sprintf(":%d", m.line)
		if m.col > 0 {
			at += fmt.Sprintf(":%d", m.col)
		}
	}
	s := at + ": " + m.msg
	if m.seedLine > 0 {
		s += fmt.Sprintf(" (seed %s:%d)", m.seed, m.seedLine)
	}
	return s
}

// projectRoot walks up from the working directory to the folder holding go.mod.
func projectRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// loadSeed reads ../shared/seed/*.txt beside the project root. Without that
// folder the test is skipped, except in CI (CI=true), which has it.
func loadSeed(t testing.TB) (root string, d *doc) {
	t.Helper()
	root = projectRoot(t)
	dir := filepath.Join(root, "..", "shared", "seed")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		const why = "../shared/seed not found: the seed text is only in the development workspace; the faithfulness test runs there and in CI"
		testenv.Missing(t, why)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tables := tables(string(src))
		if find(tables, specs[0].head...) != nil {
			return root, &doc{name: filepath.Base(f), text: string(src), tables: tables}
		}
	}
	t.Fatalf("no seed text in %s holds Tabel T-C.29 (found %d .txt files)", dir, len(files))
	return "", nil
}

// figure reports whether a column holds a figure (or the code) and so is compared cell by cell.
func figure(c table.Column) bool {
	switch c.Type {
	case table.Code, table.Money, table.Number, table.Percent, table.Target:
		return true
	}
	return false
}

var digitRe = regexp.MustCompile(`[0-9]`)

// compareTable holds data/<id>.csv against the seed table it transcribes.
func compareTable(root string, d *doc, sp spec) ([]mismatch, error) {
	tb, err := table.Load(root, sp.id)
	if err != nil {
		return nil, err
	}
	st := find(d.tables, sp.head...)
	if st == nil {
		return nil, fmt.Errorf("%s: the seed has no table whose header begins %q", sp.id, strings.Join(sp.head, " | "))
	}
	if len(st.Rows) == 0 {
		return nil, fmt.Errorf("%s: the seed table at line %d has no rows", sp.id, st.Head[0].Line)
	}
	// The seed's columns, in order: the schema's columns without the group
	// column (a header row in the seed) and hidden columns (not printed).
	var cols []table.Column
	for _, c := range tb.Columns {
		if c.Name == tb.Group || c.Hidden {
			continue
		}
		cols = append(cols, c)
	}
	codeCol := tb.CodeCol()
	var out []mismatch
	add := func(line, col, seedLine int, format string, args ...any) {
		out = append(out, mismatch{file: tb.Path, line: line, col: col, seed: d.name, seedLine: seedLine, msg: fmt.Sprintf(format, args...)})
	}

	// Seed rows, with the group they fall under.
	type srow struct {
		row
		group string
	}
	var rows []srow
	group := ""
	for _, r := range st.Rows {
		if tb.Group != "" && r.Cell(0) != "" && allEmpty(r.Cells[1:]) {
			group = r.Cell(0)
			continue
		}
		rows = append(rows, srow{r, group})
	}
	if len(rows) != len(tb.Rows) {
		add(0, 0, st.Head[0].Line, "%d rows, the seed table has %d", len(tb.Rows), len(rows))
	}

	// Keys align the rows: the code as written, else the first filled cell;
	// for tables without codes the group and the first column.
	seedKey := func(r srow) string {
		if codeCol >= 0 {
			if c := r.Cell(0); c != "" {
				if _, err := kode.Parse(c); err == nil {
					return c
				}
			}
			return firstFilled(r.Cells)
		}
		return r.group + "|" + r.Cell(0)
	}
	csvKey := func(row *table.Row) string {
		if codeCol >= 0 {
			if c := row.Cells[codeCol].Raw; c != "" {
				return c
			}
			var raws []string
			for _, c := range cols {
				raws = append(raws, row.Cells[c.Index].Raw)
			}
			return firstFilled(raws)
		}
		g := ""
		if gc := tb.Col(tb.Group); gc != nil {
			g = row.Cells[gc.Index].Raw
		}
		return g + "|" + row.Cells[cols[0].Index].Raw
	}
	sk := make([]string, len(rows))
	for i, r := range rows {
		sk[i] = seedKey(r)
	}
	ck := make([]string, len(tb.Rows))
	for i, r := range tb.Rows {
		ck[i] = csvKey(r)
	}

	compareRow := func(s srow, row *table.Row) {
		if tb.Group != "" {
			if gc := tb.Col(tb.Group); gc != nil && row.Cells[gc.Index].Raw != s.group {
				c := row.Cells[gc.Index]
				add(tb.Pos(&c).Line, tb.Pos(&c).Column, s.Line, "%s is %q, the seed's group header is %q", gc.Name, c.Raw, s.group)
			}
		}
		total := codeCol >= 0 && (row.Code.IsZero() || row.Code.Level() <= kode.Bidang) && row.CodeErr == nil
		if total {
			// A total row (the office, urusan, bidang, JUMLAH). The text
			// conversion shifts some of its cells: the totals of KECAMATAN
			// KALAENA, 07 and 07.01 stand one cell right of their columns,
			// and JUMLAH stands in the code cell. So the row must hold the
			// same cells as the seed row (as a multiset), each within one
			// cell of its column.
			var want, got []string
			for _, c := range s.Cells {
				if c != "" {
					want = append(want, c)
				}
			}
			for i, c := range cols {
				cell := row.Cells[c.Index]
				if cell.Raw == "" {
					continue
				}
				got = append(got, cell.Raw)
				if s.Cell(i) != cell.Raw && s.Cell(i+1) != cell.Raw && (i == 0 || s.Cell(i-1) != cell.Raw) {
					add(tb.Pos(&cell).Line, tb.Pos(&cell).Column, s.Line, "%s is %q, the seed row has %q there (and not within one cell of it)", c.Name, cell.Raw, s.Cell(i))
				}
			}
			if miss, extra := multisetDiff(want, got); len(miss)+len(extra) > 0 {
				add(row.Line, 0, s.Line, "total row: the seed row has %q that the CSV row lacks, the CSV row has %q that the seed row lacks", miss, extra)
			}
			return
		}
		for i, c := range cols {
			cell := row.Cells[c.Index]
			if !figure(c) && !digitRe.MatchString(s.Cell(i)) && !digitRe.MatchString(cell.Raw) {
				continue
			}
			if cell.Raw != s.Cell(i) {
				add(tb.Pos(&cell).Line, tb.Pos(&cell).Column, s.Line, "%s is %q, the seed has %q", c.Name, cell.Raw, s.Cell(i))
			}
		}
		for i := len(cols); i < len(s.Cells); i++ {
			if s.Cells[i] != "" {
				add(row.Line, 0, s.Line, "the seed row has %q in cell %d, past the table's %d columns", s.Cells[i], i+1, len(cols))
			}
		}
	}

	// Align by key (longest common subsequence), then pair the rows left
	// between two aligned rows in order: a mistyped code shows as a changed
	// cell; what is left over is a missing or an invented row.
	pairs := lcs(sk, ck)
	si, ci := 0, 0
	gap := func(sEnd, cEnd int) {
		for si < sEnd && ci < cEnd {
			compareRow(rows[si], tb.Rows[ci])
			si, ci = si+1, ci+1
		}
		for ; si < sEnd; si++ {
			after := 1
			if ci > 0 {
				after = tb.Rows[ci-1].Line
			}
			add(after, 0, rows[si].Line, "the seed row %q (%s) is missing after this line", sk[si], brief(rows[si].Cells))
		}
		for ; ci < cEnd; ci++ {
			add(tb.Rows[ci].Line, 0, 0, "row %q is not in the seed's %s (seed lines %d–%d)", ck[ci], tb.Caption, st.Rows[0].Line, st.Rows[len(st.Rows)-1].Line)
		}
	}
	for _, p := range pairs {
		gap(p[0], p[1])
		compareRow(rows[si], tb.Rows[ci])
		si, ci = si+1, ci+1
	}
	gap(len(rows), len(tb.Rows))
	return out, nil
}

// compareEval21 holds data/eval21.csv against the sub kegiatan paragraphs of
// section 2.1: row i is paragraph i; its number is the heading's, its two
// amounts are the paragraph's "Rp" amounts and its two capaian the paragraph's
// bracketed percentages, in order; its target and realisation appear in the
// paragraph in that order. The paragraphs carry no code: the row's code must be
// a code of Tabel T-C.29 as written there, in that table's order.
func compareEval21(root string, d *doc) ([]mismatch, error) {
	tb, err := table.Load(root, "eval21")
	if err != nil {
		return nil, err
	}
	evs := evaluations(d.text)
	if len(evs) == 0 {
		return nil, errors.New("eval21: the seed has no sub kegiatan paragraphs in section 2.1")
	}
	tc29 := find(d.tables, specs[0].head...)
	codes := map[string]int{}
	if tc29 != nil {
		for _, r := range tc29.Rows {
			codes[r.Cell(0)] = r.Line
		}
	}
	var out []mismatch
	add := func(line, col, seedLine int, format string, args ...any) {
		out = append(out, mismatch{file: tb.Path, line: line, col: col, seed: d.name, seedLine: seedLine, msg: fmt.Sprintf(format, args...)})
	}
	if len(evs) != len(tb.Rows) {
		add(0, 0, evs[0].Line, "%d rows, section 2.1 has %d sub kegiatan paragraphs", len(tb.Rows), len(evs))
	}
	cell := func(r *table.Row, name string) table.Cell { return *tb.Cell(r, name) }
	lastCode := 0
	for i := 0; i < len(evs) || i < len(tb.Rows); i++ {
		if i >= len(tb.Rows) {
			add(tb.Rows[len(tb.Rows)-1].Line, 0, evs[i].Line, "the paragraph of %s is missing after this line", evs[i].Nomor)
			continue
		}
		r := tb.Rows[i]
		if i >= len(evs) {
			add(r.Line, 0, 0, "row %q has no sub kegiatan paragraph in section 2.1 of the seed", cell(r, "nomor").Raw)
			continue
		}
		e := evs[i]
		if c := cell(r, "nomor"); c.Raw != e.Nomor {
			add(tb.Pos(&c).Line, tb.Pos(&c).Column, e.Heading, "nomor is %q, the heading of paragraph %d is numbered %q", c.Raw, i+1, e.Nomor)
		}
		if c := cell(r, "kode"); codes[c.Raw] == 0 {
			add(tb.Pos(&c).Line, tb.Pos(&c).Column, e.Line, "kode %q is not a code of Tabel T-C.29 as written there", c.Raw)
		} else if codes[c.Raw] <= lastCode {
			add(tb.Pos(&c).Line, tb.Pos(&c).Column, e.Line, "kode %q stands before the previous row's code in Tabel T-C.29 (seed line %d), but section 2.1 follows that table's order", c.Raw, codes[c.Raw])
		} else {
			lastCode = codes[c.Raw]
		}
		check := func(names []string, found []string, what string) {
			if len(found) != len(names) {
				add(r.Line, 0, e.Line, "the paragraph has %d %s (%q), expected %d", len(found), what, found, len(names))
			}
			for k, n := range names {
				c := cell(r, n)
				want := ""
				if k < len(found) {
					want = found[k]
				}
				if c.Raw != want {
					add(tb.Pos(&c).Line, tb.Pos(&c).Column, e.Line, "%s is %q, the paragraph has %q", n, c.Raw, want)
				}
			}
		}
		check([]string{"pagu", "realisasi_anggaran"}, e.Rp, "Rp amounts")
		check([]string{"capaian_kinerja", "capaian_anggaran"}, e.Percent, "bracketed percentages")
		from := 0
		for _, n := range []string{"target_kinerja", "realisasi_kinerja"} {
			c := cell(r, n)
			at := findFigure(e.Text[from:], c.Raw)
			if at < 0 {
				add(tb.Pos(&c).Line, tb.Pos(&c).Column, e.Line, "%s %q is not in the paragraph (after the figures before it)", n, c.Raw)
				continue
			}
			from += at + len(c.Raw)
		}
	}
	return out, nil
}

// findFigure finds s in text where it is not part of a longer number.
func findFigure(text, s string) int {
	if s == "" {
		return -1
	}
	re := regexp.MustCompile(`(?:^|[^0-9.,])(` + regexp.QuoteMeta(s) + `)(?:$|[^0-9A-Za-z])`)
	m := re.FindStringSubmatchIndex(text)
	if m == nil {
		return -1
	}
	return m[2]
}

func TestSeedFaithful(t *testing.T) {
	root, d := loadSeed(t)
	for _, sp := range specs {
		t.Run(sp.id, func(t *testing.T) {
			ms, err := compareTable(root, d, sp)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				t.Error(m)
			}
		})
	}
	t.Run("eval21", func(t *testing.T) {
		ms, err := compareEval21(root, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			t.Error(m)
		}
	})
}

// helpers

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

func firstFilled(cells []string) string {
	for _, c := range cells {
		if c != "" {
			return c
		}
	}
	return ""
}

func brief(cells []string) string {
	var f []string
	for _, c := range cells {
		if c != "" {
			f = append(f, c)
		}
	}
	s := strings.Join(f, " | ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}

// multisetDiff returns what want has that got lacks and what got has that want lacks.
func multisetDiff(want, got []string) (missing, extra []string) {
	n := map[string]int{}
	for _, w := range want {
		n[w]++
	}
	for _, g := range got {
		n[g]--
	}
	for _, w := range want {
		if n[w] > 0 {
			missing = append(missing, w)
			n[w]--
		}
	}
	for _, g := range got {
		if n[g] < 0 {
			extra = append(extra, g)
			n[g]++
		}
	}
	return missing, extra
}

// lcs returns the index pairs of a longest common subsequence of a and b.
func lcs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
