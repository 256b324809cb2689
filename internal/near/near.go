// Package near finds the known name an officer most likely meant: a
// misspelt command, settings key, function, column or code. One edit
// distance for all of them, counted in characters.
package near

import (
	"sort"
	"strings"
)

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// Closest returns the known name nearest to s, ignoring case, at most two
// edits away; "" when none is.
func Closest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Nearest returns up to n of known closest to s, ignoring case, within a
// third of s's length (at least two edits), nearest first.
func Nearest(s string, known []string, n int) []string {
	type cand struct {
		k string
		d int
	}
	var cs []cand
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d <= max(2, len([]rune(s))/3) && k != s {
			cs = append(cs, cand{k, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		if !seen[c.k] && len(out) < n {
			seen[c.k] = true
			out = append(out, c.k)
		}
	}
	return out
}
