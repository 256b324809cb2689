package pdf

import (
	"bytes"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
)

var pdfcpuOnce sync.Once

// ReadContext parses a PDF with pdfcpu, without validation: the one pdfcpu
// configuration of renja (package sign reads through it too). A file nested
// too deeply, or one that pdfcpu cannot read, even by panicking, gives an
// error.
func ReadContext(doc []byte) (ctx *model.Context, err error) {
	pdfcpuOnce.Do(func() {
		// Without this, pdfcpu writes a config.yml in the user's
		// configuration folder on first use.
		if model.ConfigPath == "default" {
			model.ConfigPath = "disable"
		}
	})
	defer func() {
		if r := recover(); r != nil {
			ctx, err = nil, msg.Errorf("the PDF cannot be read: %v", r)
		}
	}()
	if err := CheckNesting(doc); err != nil {
		return nil, err
	}
	ctx, err = api.ReadContext(bytes.NewReader(doc), model.NewDefaultConfiguration())
	if err != nil {
		return nil, msg.Errorf("the PDF cannot be read: %w", err)
	}
	if ctx.RootDict == nil {
		return nil, msg.Errorf("the PDF cannot be read: it has no catalog")
	}
	return ctx, nil
}

// maxNesting bounds how deeply arrays and dictionaries of a PDF may nest.
// The PDF readers renja uses recurse once per level, and a file of a few
// megabytes of "[" would keep them busy for seconds; real PDFs nest a few
// levels.
const maxNesting = 256

// CheckNesting scans doc once and refuses arrays and dictionaries nested
// deeper than maxNesting. It skips comments, strings and the bytes of
// streams (from "stream" to "endstream").
func CheckNesting(doc []byte) error {
	depth := 0
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; c {
		case '%':
			for i < len(doc) && doc[i] != '\n' && doc[i] != '\r' {
				i++
			}
		case '(':
			n := 1
			for i++; i < len(doc) && n > 0; i++ {
				switch doc[i] {
				case '\\':
					i++
				case '(':
					n++
				case ')':
					n--
				}
			}
			i--
		case '[':
			depth++
		case ']', '>':
			if c == '>' && (i+1 >= len(doc) || doc[i+1] != '>') {
				continue
			}
			if c == '>' {
				i++
			}
			if depth > 0 {
				depth--
			}
		case '<':
			if i+1 < len(doc) && doc[i+1] == '<' {
				depth++
				i++
				continue
			}
			for i < len(doc) && doc[i] != '>' { // a hex string
				i++
			}
		case 's':
			if bytes.HasPrefix(doc[i:], []byte("stream")) && (i == 0 || !isRegular(doc[i-1])) {
				end := bytes.Index(doc[i:], []byte("endstream"))
				if end < 0 {
					return nil
				}
				i += end + len("endstream") - 1
			}
		}
		if depth > maxNesting {
			return msg.Errorf("the PDF cannot be read: arrays or dictionaries nested more than %d deep (at byte %d)", maxNesting, i)
		}
	}
	return nil
}

// isRegular reports whether c is a regular character of PDF syntax, one that
// continues a keyword.
func isRegular(c byte) bool {
	return !strings.ContainsRune(" \t\r\n\f\x00()<>[]{}/%", rune(c))
}

// PageCount returns the number of pages of the PDF, counted in its page tree.
func PageCount(pdf []byte) (int, error) {
	r, catalog, err := open(pdf)
	if err != nil {
		return 0, err
	}
	pages, err := pageIndexes(r, catalog)
	return len(pages), err
}

// resolver reads a PDF's objects: lazyDoc, or pdfcpu's context of the whole
// file for a file that lazyDoc does not read.
type resolver interface {
	deref(types.Object) (types.Object, error)
	dict(types.Object) (types.Dict, error)
	array(types.Object) (types.Array, error)
}

type pdfcpuDoc struct{ *model.Context }

func (c pdfcpuDoc) deref(o types.Object) (types.Object, error) { return c.Dereference(o) }
func (c pdfcpuDoc) dict(o types.Object) (types.Dict, error)    { return c.DereferenceDict(o) }
func (c pdfcpuDoc) array(o types.Object) (types.Array, error)  { return c.DereferenceArray(o) }

// open reads pdf lazily, or whole with pdfcpu when it has no classic
// cross-reference table, and returns its catalog.
func open(pdf []byte) (resolver, types.Dict, error) {
	d, err := readLazy(pdf)
	if err == nil {
		var catalog types.Dict
		if catalog, _, err = d.root(); err == nil {
			return d, catalog, nil
		}
	}
	ctx, err := ReadContext(pdf)
	if err != nil {
		return nil, nil, err
	}
	return pdfcpuDoc{ctx}, ctx.RootDict, nil
}

// Destinations returns the named destinations of the PDF, from the catalog's
// /Dests dictionary and from the /Dests name tree of its /Names, as a map from
// name to the 0-based index of the page. Chrome makes one for each element id
// that a link of the page points to (<a href="#id">). A destination whose page
// cannot be found is left out.
func Destinations(pdf []byte) (map[string]int, error) {
	r, catalog, err := open(pdf)
	if err != nil {
		return nil, err
	}
	return destinations(r, catalog)
}

func destinations(r resolver, catalog types.Dict) (map[string]int, error) {
	pages, err := pageIndexes(r, catalog)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	add := func(name string, dest types.Object) {
		if i, ok := destPage(r, pages, dest); ok {
			out[name] = i
		}
	}
	if o, ok := catalog.Find("Dests"); ok {
		d, err := r.dict(o)
		if err != nil {
			return nil, msg.Errorf("reading /Dests: %w", err)
		}
		for k, v := range d {
			add(k, v)
		}
	}
	if o, ok := catalog.Find("Names"); ok {
		names, err := r.dict(o)
		if err != nil {
			return nil, msg.Errorf("reading /Names: %w", err)
		}
		if tree, ok := names.Find("Dests"); ok {
			if err := walkNameTree(r, tree, add, map[int]bool{}, 0); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// pageIndexes maps the object number of each page to its 0-based index.
func pageIndexes(r resolver, catalog types.Dict) (map[int]int, error) {
	root, ok := catalog.Find("Pages")
	if !ok {
		return nil, msg.Errorf("reading the PDF: catalog has no /Pages")
	}
	out := map[int]int{}
	seen := map[int]bool{}
	var walk func(o types.Object, depth int) error
	walk = func(o types.Object, depth int) error {
		ref, ok := o.(types.IndirectRef)
		if !ok || depth > 64 || seen[ref.ObjectNumber.Value()] {
			return msg.Errorf("reading the PDF: broken page tree")
		}
		seen[ref.ObjectNumber.Value()] = true
		d, err := r.dict(ref)
		if err != nil || d == nil {
			return msg.Errorf("reading the PDF: broken page tree")
		}
		if t := d.NameEntry("Type"); t != nil && *t == "Page" {
			out[ref.ObjectNumber.Value()] = len(out)
			return nil
		}
		kids, err := r.array(d["Kids"])
		if err != nil {
			return msg.Errorf("reading the PDF: broken page tree")
		}
		for _, k := range kids {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root, 0)
}

// destPage returns the page index of a destination: an array whose first
// element is a page, or a dictionary with such an array as /D.
func destPage(r resolver, pages map[int]int, o types.Object) (int, bool) {
	o, err := r.deref(o)
	if err != nil {
		return 0, false
	}
	if d, ok := o.(types.Dict); ok {
		if o, err = r.deref(d["D"]); err != nil {
			return 0, false
		}
	}
	a, ok := o.(types.Array)
	if !ok || len(a) == 0 {
		return 0, false
	}
	ref, ok := a[0].(types.IndirectRef)
	if !ok {
		return 0, false
	}
	i, ok := pages[ref.ObjectNumber.Value()]
	return i, ok
}

// walkNameTree calls add for each entry of a name tree. A node is visited
// once: a node listed twice among kids, or its own kid, would otherwise make
// the walk exponential (found by FuzzLazy).
func walkNameTree(r resolver, node types.Object, add func(string, types.Object), seen map[int]bool, depth int) error {
	if depth > 32 {
		return msg.Errorf("reading the PDF: name tree too deep")
	}
	if ir, ok := node.(types.IndirectRef); ok {
		if seen[ir.ObjectNumber.Value()] {
			return msg.Errorf("reading the PDF: a node of the /Dests name tree is its own descendant or listed twice")
		}
		seen[ir.ObjectNumber.Value()] = true
	}
	d, err := r.dict(node)
	if err != nil || d == nil {
		return msg.Errorf("reading the PDF: broken /Dests name tree")
	}
	if o, ok := d.Find("Names"); ok {
		a, err := r.array(o)
		if err != nil {
			return msg.Errorf("reading the PDF: broken /Dests name tree")
		}
		for i := 0; i+1 < len(a); i += 2 {
			k, err := r.deref(a[i])
			if err != nil {
				continue
			}
			var name string
			switch k := k.(type) {
			case types.StringLiteral:
				name, err = types.StringLiteralToString(k)
			case types.HexLiteral:
				name, err = types.HexLiteralToString(k)
			default:
				continue
			}
			if err == nil {
				add(name, a[i+1])
			}
		}
	}
	if o, ok := d.Find("Kids"); ok {
		kids, err := r.array(o)
		if err != nil {
			return msg.Errorf("reading the PDF: broken /Dests name tree")
		}
		for _, k := range kids {
			if err := walkNameTree(r, k, add, seen, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}
