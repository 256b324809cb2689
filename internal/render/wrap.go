package render

import (
	"slices"
	"strings"
)

// How text wraps in a table's cell, in characters, for planning the
// columns' widths (colwidth.go).

// typicalLines is the number of lines into which three quarters of the
// texts that are not empty wrap at width, or fewer.
func typicalLines(texts [][]int, width int) int {
	var ls []int
	for _, ws := range texts {
		if len(ws) > 0 {
			ls = append(ls, wrapSplit(ws, width))
		}
	}
	if len(ls) == 0 {
		return 1
	}
	slices.Sort(ls)
	return ls[(len(ls)*3)/4]
}

// split cuts text where a line may break: at spaces, and after a hyphen
// or a slash ("RKA-SKPD", "Program/Kegiatan"); each piece is its length in
// characters, negative when no space precedes it (it is glued to the one
// before: the space before the first is never printed).
func split(text string) []int {
	var ws []int
	for i, f := range strings.Fields(text) {
		start, n := 0, 0
		for j, r := range f {
			n++
			if (r == '-' || r == '/') && j+1 < len(f) {
				ws = append(ws, glue(n, i > 0 && start == 0))
				start, n = j+1, 0
			}
		}
		ws = append(ws, glue(n, i > 0 && start == 0))
	}
	return ws
}

func glue(n int, spaced bool) int {
	if spaced {
		return n
	}
	return -n
}

func longestWord(text string) int {
	m := 0
	for _, w := range split(text) {
		m = max(m, abs(w))
	}
	return m
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// wrapLines is the number of lines text takes at width characters.
func wrapLines(text string, width int) int { return wrapSplit(split(text), width) }

// wrapSplit is the number of lines the pieces of a text (split) take at
// width characters, wrapped greedily as a browser does; a piece longer than
// the width takes its own line. An empty text takes one.
func wrapSplit(ws []int, width int) int {
	lines, at := 1, 0
	for _, w := range ws {
		l, gap := abs(w), 0
		if w > 0 && at > 0 {
			gap = 1
		}
		if at > 0 && at+gap+l > width {
			lines, at, gap = lines+1, 0, 0
		}
		at += gap + l
	}
	return lines
}

// twoWords is the least width, from, at which the texts that are not empty
// wrap into no more lines in all than half their words.
func twoWords(texts [][]int, from int) int {
	half := 0
	var full [][]int
	for _, ws := range texts {
		if len(ws) > 0 {
			half += (len(ws) + 1) / 2
			full = append(full, ws)
		}
	}
	for w := from; ; w++ {
		lines := 0
		for _, ws := range full {
			lines += wrapSplit(ws, w)
		}
		if lines <= half {
			return w
		}
	}
}
