package render

import (
	"html/template"
	"slices"
	"strconv"
	"unicode/utf8"

	"renja/internal/model"
	"renja/internal/table"
)

// Column widths of a printed table. Chrome's automatic table layout gives
// the spare width to the columns with the longest texts and squeezes a
// short text column (a location, a source of funds) to one word a line, so
// every row grows tall: Tabel 2.4 took 12 landscape pages. The plan here
// works from the texts instead, in characters of the tables' Liberation
// Serif: every column at least its longest word (a figure, which never
// wraps, its longest figure), and wide enough for two words a line where
// the page allows; the header no taller than Chrome repeats on
// every page (a quarter of the page's height: a taller one is printed once,
// and its table continues on bare rows); and the printed lines fewest, the
// header's counting once for each page it is likely to repeat on. Chrome is
// given each column's share of the table's width.
//
// The sizes below mirror print.css; change them together.
const (
	// charEm is the mean width of a character of a table's text, in em.
	charEm = 0.48
	// cellChars is a cell's padding and border, in characters; cellGap,
	// the same whole, between the columns under one group's title.
	cellChars, cellGap = 1.6, 2
	// The page margins, left and right, top and bottom (@page).
	portraitSideMM, landscapeSideMM, pageEndsMM = 50, 35, 45
	// A table's font size in points and its line height in em (table,
	// figure.table.wide table), and the height of a header row's padding
	// and border in points.
	portraitPt, landscapePt, portraitLead, landscapeLead, rowPadPt = 8.0, 7.5, 1.3, 1.2, 4.0
	// contPt is the height of the caption row "(lanjutan)" (tr.cont th).
	contPt = 16.0
	// headRoom is the share of Chrome's quarter of a page that the header
	// is planned to take, for the estimate's error.
	headRoom = 0.9

	// widthSample is how many rows the plan reads at most, spread over the
	// table: enough to see its texts, few enough for a table of 100,000 rows.
	widthSample = 120
	// maxHeadLines is the tallest header tried; maxBodyLines, the most lines
	// of a typical cell.
	maxHeadLines, maxBodyLines = 16, 40
	// maxRounds bounds improve's rounds of moves.
	maxRounds = 12
	// rowsPerPage is a rough count of a printed page's rows, to weigh the
	// header by the pages it repeats on.
	rowsPerPage = 12
	// tallWeight is how much more a row's height counts than the squares of
	// its cells' lines.
	tallWeight = 6
)

// nowrap says which column types CSS keeps on one line (td.num, td.code).
var nowrap = map[table.Type]bool{table.Code: true, table.Money: true, table.Number: true, table.Percent: true}

// Widths returns each shown column's style, "width: N%", for the printed
// table's colgroup; nil on the website, whose tables scroll.
func (tv *tableView) Widths() []template.CSS {
	if tv.Web || len(tv.cols) == 0 {
		return nil
	}
	tree := tv.r.p.Trees[tv.t.ID]
	rows := tv.t.Rows
	step := max(1, len(rows)/widthSample)
	p := &widthPlan{cells: make([][]string, len(tv.cols)), headWeight: 1 + len(rows)/rowsPerPage}
	for i := 0; i < len(rows); i += step {
		for c, col := range tv.cols {
			p.cells[c] = append(p.cells[c], model.CellValue(tree, rows[i], col).Text)
		}
	}
	for _, col := range tv.cols {
		p.heads = append(p.heads, col.Title)
		p.groups = append(p.groups, col.Group)
		p.fixed = append(p.fixed, nowrap[col.Type])
	}
	sheet := tv.r.p.Config.Paper.Sheet()
	widthMM, heightMM, pt, lead := sheet.Width-portraitSideMM, sheet.Height-pageEndsMM, portraitPt, portraitLead
	if tv.Landscape {
		widthMM, heightMM, pt, lead = sheet.Height-landscapeSideMM, sheet.Width-pageEndsMM, landscapePt, landscapeLead
	}
	charMM := charEm * pt * 25.4 / 72
	p.avail = int(widthMM/charMM - cellChars*float64(len(tv.cols)))
	// The header's lines that Chrome still repeats: a quarter of the page,
	// less the caption row, the column numbers and the rows' padding.
	room := headRoom*heightMM*72/25.4/4 - contPt - rowPadPt*float64(len(tv.Head))
	if tv.Numbers != nil {
		room -= pt*lead + rowPadPt
	}
	p.headMax = int(room / (pt * lead))
	ws := p.plan()
	// A column's width in CSS holds its cell's padding.
	total := float64(sum(ws)) + cellChars*float64(len(ws))
	out := make([]template.CSS, len(ws))
	for i, w := range ws {
		out[i] = template.CSS("width: " + strconv.FormatFloat(100*(float64(w)+cellChars)/total, 'f', 2, 64) + "%")
	}
	return out
}

// widthPlan is what planning a table's widths reads.
type widthPlan struct {
	cells         [][]string      // cells[c]: column c's texts, sampled
	heads, groups []string        // each column's title and the title of its group, if any
	fixed         []bool          // the column never wraps
	avail         int             // the table's width in characters
	headMax       int             // the header's most lines that still repeat
	headWeight    int             // how many times the header's lines count
	pieces        [][][]int       // the cells split where lines may break
	least         []int           // each column's least width
	memo          []map[int][]int // lines' results
	headMemo      map[headKey]int // wrapHead's results
	cols          [][]int         // cost's, reused
}

// plan returns each column's width in characters: for each height of the
// header, the widths that keep it so (widening the columns whose titles
// make it taller), then as many lines as the typical cell of each column
// needs for the table to fit, the rest shared, then improved by moves; the
// cheapest of them. A header taller than headMax is tried only when
// nothing lower fits: Chrome does not repeat it.
func (p *widthPlan) plan() []int {
	n := len(p.cells)
	p.least = make([]int, n)
	p.memo = make([]map[int][]int, n)
	p.headMemo = map[headKey]int{}
	p.pieces = make([][][]int, n)
	for c := range p.cells {
		for _, s := range p.cells[c] {
			p.pieces[c] = append(p.pieces[c], split(s))
		}
		p.least[c] = max(1, longestWord(p.heads[c]), longestWord(p.groups[c])/p.groupSize(c))
		for _, s := range p.cells[c] {
			if p.fixed[c] {
				p.least[c] = max(p.least[c], utf8.RuneCountInString(s))
			} else {
				p.least[c] = max(p.least[c], longestWord(s))
			}
		}
	}
	// Two words a line at least, where the table has the room: a short
	// column squeezed to a word a line reads as a list of words.
	floors := slices.Clone(p.least)
	for c := range floors {
		if !p.fixed[c] {
			floors[c] = max(floors[c], twoWords(p.pieces[c], floors[c]))
		}
	}
	if sum(floors) <= p.avail {
		p.least = floors
	}
	var best, last []int
	bestCost := 0
	for h := 1; h <= maxHeadLines; h++ {
		if h > p.headMax && best != nil {
			break // a header Chrome repeats is better than any height saved
		}
		ws := slices.Clone(p.least)
		if !p.shortenHead(ws, h) || slices.Equal(ws, last) {
			continue
		}
		last = slices.Clone(ws)
		p.fill(ws)
		p.improve(ws, h)
		if cost := p.cost(ws); best == nil || cost < bestCost {
			best, bestCost = ws, cost
		}
	}
	if best == nil { // even the least widths are too wide: Chrome shrinks them
		return p.least
	}
	return best
}

// groupSize is how many columns share column c's group.
func (p *widthPlan) groupSize(c int) int {
	n := 0
	for _, g := range p.groups {
		if g == p.groups[c] {
			n++
		}
	}
	return n
}

// shortenHead widens the columns that make the header taller than h lines
// until it is not; false if the table then no longer fits.
func (p *widthPlan) shortenHead(ws []int, h int) bool {
	for p.headLines(ws) > h {
		tallest, at := 0, -1
		for c := range ws {
			if l := p.colHeadLines(ws, c); l > tallest {
				tallest, at = l, c
			}
		}
		if p.groups[at] != "" && wrapLines(p.heads[at], ws[at]) == 1 {
			// Its own title is one line: the group's title makes it tall;
			// widen the group's narrowest column.
			for c := range ws {
				if p.groups[c] == p.groups[at] && ws[c] < ws[at] {
					at = c
				}
			}
		}
		ws[at]++
		if sum(ws) > p.avail {
			return false
		}
	}
	return true
}

// colHeadLines is the header's lines above column c: its title's, and its
// group's above it.
func (p *widthPlan) colHeadLines(ws []int, c int) int {
	l := p.wrapHead(c, false, ws[c])
	if g := p.groups[c]; g != "" {
		w := 0
		for d := range ws {
			if p.groups[d] == g {
				w += ws[d] + cellGap
			}
		}
		l += p.wrapHead(c, true, w-cellGap)
	}
	return l
}

type headKey struct {
	col   int
	group bool
	width int
}

// wrapHead is wrapLines of column c's title, or its group's, remembered:
// the plan asks for them again and again.
func (p *widthPlan) wrapHead(c int, group bool, w int) int {
	k := headKey{c, group, w}
	if l, ok := p.headMemo[k]; ok {
		return l
	}
	text := p.heads[c]
	if group {
		text = p.groups[c]
	}
	l := wrapLines(text, w)
	p.headMemo[k] = l
	return l
}

func (p *widthPlan) headLines(ws []int) int {
	h := 0
	for c := range ws {
		h = max(h, p.colHeadLines(ws, c))
	}
	return h
}

// fill widens the columns that wrap to the fewest lines of their typical
// cell for which the table fits, then shares what width remains.
func (p *widthPlan) fill(ws []int) {
	base := slices.Clone(ws)
	for lines := 1; lines <= maxBodyLines; lines++ {
		for c := range ws {
			ws[c] = base[c]
			for !p.fixed[c] && sum(ws) < p.avail && typicalLines(p.pieces[c], ws[c]) > lines {
				ws[c]++
			}
		}
		if sum(ws) <= p.avail {
			break
		}
	}
	if sum(ws) > p.avail {
		copy(ws, base)
	}
	wrapping := 0
	for c, w := range ws {
		if !p.fixed[c] {
			wrapping += w
		}
	}
	rest := p.avail - sum(ws)
	for c, w := range ws {
		if !p.fixed[c] && wrapping > 0 {
			ws[c] += rest * w / wrapping
		}
	}
}

// lines returns the lines of column c's sampled cells at width w.
func (p *widthPlan) lines(c, w int) []int {
	if p.memo[c] == nil {
		p.memo[c] = map[int][]int{}
	}
	if l, ok := p.memo[c][w]; ok {
		return l
	}
	l := make([]int, len(p.cells[c]))
	for r := range p.cells[c] {
		l[r] = 1
		if !p.fixed[c] {
			l[r] = wrapSplit(p.pieces[c][r], w)
		}
	}
	p.memo[c][w] = l
	return l
}

// cost is the printed height in lines: each row's tallest cell, and the
// header's, weighed; then, lighter, every cell's lines, so that of two
// plans of one height the one that wraps less (a short column not squeezed
// to a word a line) wins.
func (p *widthPlan) cost(ws []int) int {
	cols := p.cols[:0]
	for c := range ws {
		cols = append(cols, p.lines(c, ws[c]))
	}
	p.cols = cols
	total := tallWeight * p.headWeight * p.headLines(ws)
	for r := range p.cells[0] {
		tallest := 0
		for c := range ws {
			tallest = max(tallest, cols[c][r])
			total += cols[c][r] * cols[c][r]
		}
		total += tallWeight * tallest
	}
	return total
}

// improve moves width from one column that wraps to another while a move
// lowers the cost and keeps the header within h lines.
func (p *widthPlan) improve(ws []int, h int) {
	now := p.cost(ws)
	for range maxRounds {
		moved := false
		for _, d := range []int{8, 4, 2, 1} {
			for a := range ws {
				for b := range ws {
					if a == b || p.fixed[a] || p.fixed[b] || ws[a]-d < p.least[a] {
						continue
					}
					ws[a], ws[b] = ws[a]-d, ws[b]+d
					if c := p.cost(ws); c < now && p.headLines(ws) <= h {
						now, moved = c, true
						continue
					}
					ws[a], ws[b] = ws[a]+d, ws[b]-d
				}
			}
		}
		if !moved {
			return
		}
	}
}

func sum(ws []int) int {
	s := 0
	for _, w := range ws {
		s += w
	}
	return s
}
