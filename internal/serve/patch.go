package serve

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// A page is a built index.html read as a tree of elements with their places
// in its bytes, so that two builds' pages can be compared part by part.
type page struct {
	src   []byte
	body  *elem
	title string // the text of <title>
	class string // the body's class attribute: "web draft"
}

// elem is an element of a page: its outer bytes src[start:end], its content
// src[open:close] and its element children.
type elem struct {
	tag                     string
	start, open, close, end int
	kids                    []*elem
	text                    bool // has a child text node that is not white space
}

// void elements have no end tag.
var void = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// parsePage reads a page; nil when its tags are not balanced (an end tag
// left out, which the browser would infer), so that a patch could not be
// trusted to address the same elements the browser built.
func parsePage(src []byte) *page {
	z := html.NewTokenizer(bytes.NewReader(src))
	p := &page{src: src}
	root := &elem{}
	stack := []*elem{root}
	off := 0
	inTitle := false
	for {
		tt := z.Next()
		raw := len(z.Raw())
		at := off
		off += raw
		top := stack[len(stack)-1]
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF || len(stack) != 1 || p.body == nil {
				return nil
			}
			return p
		case html.TextToken:
			if len(bytes.TrimSpace(z.Text())) > 0 {
				top.text = true
				if inTitle {
					p.title = string(z.Text())
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			e := &elem{tag: string(name), start: at, open: off, close: off, end: off}
			top.kids = append(top.kids, e)
			if e.tag == "body" {
				p.body = e
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "class" {
						p.class = string(v)
					}
				}
			}
			if tt == html.StartTagToken && !void[e.tag] {
				stack = append(stack, e)
				inTitle = e.tag == "title"
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 1 || top.tag != string(name) {
				return nil
			}
			top.close, top.end = at, off
			stack = stack[:len(stack)-1]
			inTitle = false
		}
	}
}

// containers are the elements whose children a patch may replace one by
// one: their content parses the same wherever it stands, so a browser
// builds from a fragment of it what it built from the whole page. Others
// (p, td, svg, pre) are replaced whole.
var containers = map[string]bool{"body": true, "main": true, "section": true, "article": true, "aside": true,
	"header": true, "footer": true, "nav": true, "div": true, "figure": true, "details": true, "blockquote": true,
	"ol": true, "ul": true, "dl": true, "table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true}

// smallest is the size under which a changed element is replaced whole
// rather than looked into (a variable for the fuzz test, which looks into all).
var smallest = 512

// patch turns the page a browser shows into the page of a newer build.
type patch struct {
	Full  bool      `json:"full,omitempty"` // no patch: fetch the whole page
	Title string    `json:"title"`
	Class string    `json:"class"` // of the body
	Ops   []patchOp `json:"ops"`
}

// patchOp replaces the element children At to At+Old of the element at Path
// (from the body), with the white space around them, by HTML.
type patchOp struct {
	Path []step   `json:"path"`
	Kids int      `json:"kids"` // element children of that element, before
	At   int      `json:"at"`
	Old  []string `json:"old"` // their tags, before
	HTML string   `json:"html"`
}

// step goes from an element to its child I, of the tag Tag, among Kids
// element children: what the browser checks before it changes anything.
type step struct {
	I    int    `json:"i"`
	Tag  string `json:"tag"`
	Kids int    `json:"kids"`
}

// diffPages returns the patch from a to b; Full when either could not be read.
func diffPages(a, b *page) patch {
	// Text right in the body (not in an element) is not addressed by a patch.
	if a == nil || b == nil || a.body == nil || b.body == nil || a.body.text || b.body.text {
		return patch{Full: true}
	}
	pt := patch{Title: b.title, Class: b.class, Ops: []patchOp{}}
	d := differ{a: a.src, b: b.src}
	d.kids(a.body, b.body, nil)
	pt.Ops = append(pt.Ops, d.ops...)
	return pt
}

type differ struct {
	a, b []byte
	ops  []patchOp
}

func (d *differ) same(x, y *elem) bool {
	return bytes.Equal(d.a[x.start:x.end], d.b[y.start:y.end])
}

// kids compares the children of x (in a) and y (in b): the unchanged ones
// at either end are left, the rest replaced one by one when as many are on
// both sides (looked into when large containers with the same start tag),
// or as one run otherwise. The white space (and comments) between children
// that stay is compared too, and replaced where it changed.
func (d *differ) kids(x, y *elem, path []step) {
	xs, ys := x.kids, y.kids
	lo := 0
	for lo < len(xs) && lo < len(ys) && d.same(xs[lo], ys[lo]) {
		lo++
	}
	hx, hy := len(xs), len(ys)
	for hx > lo && hy > lo && d.same(xs[hx-1], ys[hy-1]) {
		hx--
		hy--
	}
	// covered[j]: the gap before old child j (j == len(xs): after the
	// last) is replaced by a run.
	covered := make([]bool, len(xs)+1)
	if hx-lo != hy-lo {
		d.replace(x, y, path, lo, hx, hy, covered)
	} else {
		// Neighbours replaced are one run: each run owns the white space
		// around it, which two runs must not share.
		run := -1
		for i := lo; i <= hx; i++ {
			keep := i == hx || d.same(xs[i], ys[i])
			look := !keep && d.into(xs[i], ys[i])
			if (keep || look) && run >= 0 {
				d.replace(x, y, path, run, i, i, covered)
				run = -1
			}
			switch {
			case look:
				d.kids(xs[i], ys[i], append(path[:len(path):len(path)], step{I: i, Tag: xs[i].tag, Kids: len(xs)}))
			case !keep && run < 0:
				run = i
			}
		}
	}
	for j := range covered {
		k := j // the same gap in y
		if j > lo {
			k = j + hy - hx
		}
		if covered[j] {
			continue
		}
		ox, oy := gap(x, j)
		nx, ny := gap(y, k)
		if !bytes.Equal(d.a[ox:oy], d.b[nx:ny]) {
			d.ops = append(d.ops, patchOp{Path: path, Kids: len(xs), At: j, Old: []string{}, HTML: string(d.b[nx:ny])})
		}
	}
}

// gap returns where the bytes between e's children i-1 and i are (from its
// start tag's end before the first, to its end tag after the last).
func gap(e *elem, i int) (from, to int) {
	from, to = e.open, e.close
	if i > 0 {
		from = e.kids[i-1].end
	}
	if i < len(e.kids) {
		to = e.kids[i].start
	}
	return from, to
}

// into reports whether a changed element is looked into rather than replaced.
func (d *differ) into(x, y *elem) bool {
	if !containers[x.tag] || x.text || y.text || y.end-y.start < smallest {
		return false
	}
	if !bytes.Equal(d.a[x.start:x.open], d.b[y.start:y.open]) || !bytes.Equal(d.a[x.close:x.end], d.b[y.close:y.end]) {
		return false
	}
	// A table's rows outside a tbody get one from the browser: not the
	// children the page lists.
	if x.tag == "table" {
		for _, k := range append(x.kids[:len(x.kids):len(x.kids)], y.kids...) {
			if k.tag == "tr" {
				return false
			}
		}
	}
	return true
}

// replace records that x's children [lo, hx) become y's [lo, hy), with the
// white space from the end of the child before to the start of the one
// after, and marks those gaps covered.
func (d *differ) replace(x, y *elem, path []step, lo, hx, hy int, covered []bool) {
	from, _ := gap(y, lo)
	_, to := gap(y, hy)
	op := patchOp{Path: path, Kids: len(x.kids), At: lo, Old: []string{}, HTML: string(d.b[from:to])}
	for _, k := range x.kids[lo:hx] {
		op.Old = append(op.Old, k.tag)
	}
	for j := lo; j <= hx; j++ {
		covered[j] = true
	}
	d.ops = append(d.ops, op)
}
