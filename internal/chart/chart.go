// Package chart draws bar charts as inline SVG at build time: no script, no
// font or file to load, the same bytes for the same data. A chart is a list
// of items (a program, say), each with one bar per series, drawn
// horizontally under the item's label, with the value written after the bar.
// The SVG scales with its box (viewBox, no fixed size) and carries a title and
// a description listing every value, for screen readers.
package chart

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Item is one category of the chart.
type Item struct {
	Label  string
	Values []float64 // one per series; NaN: no value (no bar, Texts says why)
	Texts  []string  // the value as written after its bar, one per series
}

// Chart is a horizontal bar chart, grouped when it has more than one series.
type Chart struct {
	ID     string   // prefix of the ids inside the SVG; unique in the page
	Title  string   // the SVG's <title>
	Series []string // series names, shown in a legend when there are two or more
	Items  []Item
	Max    float64 // the value of a full-length bar; 0: the largest value
}

// Geometry, in SVG user units.
const (
	width     = 360.0
	fontSize  = 11.0
	lineH     = 14.0
	barH      = 13.0
	barGap    = 3.0
	itemGap   = 10.0
	valueRoom = 100.0 // right of the longest bar, for its value
)

// Colors of the series; each has at least 3:1 contrast with white.
var colors = []string{"#0b4f8a", "#4a86c5", "#8a5a00", "#2f6b2f"}

// SVG returns the chart as an <svg> element.
func (c *Chart) SVG() string {
	max := c.Max
	if max <= 0 {
		for _, it := range c.Items {
			for _, v := range it.Values {
				if !math.IsNaN(v) && v > max {
					max = v
				}
			}
		}
	}
	if max <= 0 {
		max = 1
	}
	var body strings.Builder
	y := 2.0
	if len(c.Series) > 1 {
		x := 0.0
		for i, s := range c.Series {
			fmt.Fprintf(&body, `<rect x="%s" y="%s" width="10" height="10" fill="%s"/>`, f(x), f(y+1), color(i))
			fmt.Fprintf(&body, `<text x="%s" y="%s">%s</text>`, f(x+14), f(y+10), esc(s))
			x += 14 + textWidth(s) + 16
		}
		y += lineH + 6
	}
	span := width - valueRoom
	for _, it := range c.Items {
		for _, l := range wrap(it.Label, width) {
			y += lineH
			fmt.Fprintf(&body, `<text x="0" y="%s" class="label">%s</text>`, f(y-3), esc(l))
		}
		y += 2
		for i := range c.Series {
			v, t := math.NaN(), ""
			if i < len(it.Values) {
				v = it.Values[i]
			}
			if i < len(it.Texts) {
				t = it.Texts[i]
			}
			w := 0.0
			if math.IsNaN(v) {
				fmt.Fprintf(&body, `<text x="4" y="%s" class="value" font-style="italic" fill="#555">%s</text>`, f(y+barH-3), esc(t))
			} else {
				if v > 0 {
					w = math.Max(1, math.Min(v, max)/max*span)
					fmt.Fprintf(&body, `<rect x="0" y="%s" width="%s" height="%s" fill="%s"/>`, f(y), f(w), f(barH), color(i))
				}
				fmt.Fprintf(&body, `<text x="%s" y="%s" class="value">%s</text>`, f(w+4), f(y+barH-3), esc(t))
			}
			y += barH + barGap
		}
		y += itemGap - barGap
	}
	h := math.Ceil(y)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc" font-family="'Liberation Sans', Arial, Helvetica, sans-serif" font-size="%s" fill="#1a1a1a">`,
		f(width), f(h), c.ID, c.ID, f(fontSize))
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, c.ID, esc(c.Title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, c.ID, esc(c.desc()))
	fmt.Fprintf(&b, `<line x1="0" y1="0" x2="0" y2="%s" stroke="#555" stroke-width="1"/>`, f(h))
	b.WriteString(body.String())
	b.WriteString(`</svg>`)
	return b.String()
}

// desc lists every value in words: what a screen reader says of the chart.
func (c *Chart) desc() string {
	var parts []string
	for _, it := range c.Items {
		var vs []string
		for i, s := range c.Series {
			t := ""
			if i < len(it.Texts) {
				t = it.Texts[i]
			}
			if len(c.Series) > 1 {
				t = s + " " + t
			}
			vs = append(vs, t)
		}
		parts = append(parts, it.Label+": "+strings.Join(vs, ", "))
	}
	return strings.Join(parts, "; ") + "."
}

func color(i int) string { return colors[i%len(colors)] }

// f writes a coordinate with at most one decimal, the same on every machine.
func f(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

func esc(s string) string { return html.EscapeString(s) }

// textWidth estimates the width of s in the chart's font: Liberation Sans
// (metric-compatible with Arial) at 11 units; an estimate is enough to wrap
// labels and place the legend.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == ',' || r == ':' || r == 'i' || r == 'l' || r == 'I' || r == 'j' || r == '/' || r == '(' || r == ')':
			w += 0.29
		case r == 'M' || r == 'W' || r == 'm' || r == 'w':
			w += 0.86
		case r >= 'A' && r <= 'Z':
			w += 0.69
		case r >= '0' && r <= '9':
			w += 0.556
		default:
			w += 0.53
		}
	}
	return w * fontSize
}

// wrap breaks a label into lines no wider than max.
func wrap(s string, max float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur != "" && textWidth(next) > max {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
