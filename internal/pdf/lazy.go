package pdf

import (
	"bytes"
	"slices"
	"strconv"

	"renja/internal/msg"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// errNotClassic: the file has no classic cross-reference table (a stream, or
// a damaged file), which the lazy reader does not read.
var errNotClassic error = msg.Const("reading the PDF: no classic cross-reference table")

// lazyDoc reads the few objects renja needs of a PDF that Chrome wrote (a
// classic cross-reference table, plain objects), each parsed on first use.
// A print of the bundled Renja holds about 12,800 objects, nearly all of them
// its structure tree; pdfcpu parses every one before answering (about 100 ms
// for each of Destinations and Finish), while the page tree, the catalog, the
// outline and the destinations are a few hundred.
type lazyDoc struct {
	pdf     []byte
	offsets map[int]int // object number → byte offset of "N G obj"
	ends    []int       // every object's offset and len(pdf), sorted: an object ends where the next starts
	objs    map[int]types.Object
	trailer types.Dict
	size    int // the trailer's /Size, or one more than the largest object number
}

// readLazy reads the cross-reference sections (the last one and those its
// /Prev chain names) and the trailer; objects are parsed by deref.
func readLazy(pdf []byte) (d *lazyDoc, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, msg.Errorf("reading the PDF: %v", r)
		}
	}()
	start, err := LastStartXref(pdf)
	if err != nil {
		return nil, err
	}
	d = &lazyDoc{pdf: pdf, offsets: map[int]int{}, objs: map[int]types.Object{}}
	seen := map[int]bool{}
	for at := start; ; {
		if seen[at] || len(seen) > 64 {
			return nil, msg.Errorf("reading the PDF: cross-reference sections form a loop")
		}
		seen[at] = true
		trailer, err := d.section(at)
		if err != nil {
			return nil, err
		}
		if d.trailer == nil {
			d.trailer = trailer
		}
		prev, ok := trailer["Prev"].(types.Integer)
		if !ok {
			break
		}
		at = prev.Value()
	}
	for _, off := range d.offsets {
		d.ends = append(d.ends, off)
	}
	d.ends = append(d.ends, len(pdf))
	slices.Sort(d.ends)
	for nr := range d.offsets {
		d.size = max(d.size, nr+1)
	}
	if s, ok := d.trailer["Size"].(types.Integer); ok {
		d.size = max(d.size, s.Value())
	}
	return d, nil
}

// section reads the classic cross-reference section at off and returns its
// trailer. Entries already known (from a later section) are kept.
func (d *lazyDoc) section(off int) (types.Dict, error) {
	if off < 0 || off >= len(d.pdf) || !bytes.HasPrefix(d.pdf[off:], []byte("xref")) {
		return nil, errNotClassic
	}
	pos := off + len("xref")
	// line returns the next non-empty line, from pos on, and where it starts.
	line := func() ([]byte, int) {
		for pos < len(d.pdf) && (d.pdf[pos] == ' ' || d.pdf[pos] == '\r' || d.pdf[pos] == '\n') {
			pos++
		}
		start := pos
		i := bytes.IndexAny(d.pdf[pos:], "\r\n")
		if i < 0 {
			i = len(d.pdf) - pos
		}
		pos += i
		return bytes.TrimSpace(d.pdf[start:pos]), start
	}
	for {
		head, at := line()
		if bytes.HasPrefix(head, []byte("trailer")) {
			at += len("trailer")
			s := string(d.pdf[at:min(len(d.pdf), at+1<<16)])
			o, err := model.ParseObject(&s)
			if err != nil {
				return nil, msg.Errorf("reading the PDF: trailer: %w", err)
			}
			t, ok := o.(types.Dict)
			if !ok {
				return nil, msg.Errorf("reading the PDF: the trailer is not a dictionary")
			}
			return t, nil
		}
		f := bytes.Fields(head)
		if len(f) != 2 {
			return nil, errNotClassic
		}
		first, err1 := strconv.Atoi(string(f[0]))
		count, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || first < 0 || count < 0 || count > (len(d.pdf)-pos)/18 {
			return nil, errNotClassic
		}
		for i := range count {
			l, _ := line()
			e := bytes.Fields(l)
			if len(e) != 3 {
				return nil, errNotClassic
			}
			if string(e[2]) != "n" {
				continue
			}
			o, err := strconv.Atoi(string(e[0]))
			if err != nil || o < 0 || o >= len(d.pdf) {
				return nil, errNotClassic
			}
			if _, known := d.offsets[first+i]; !known {
				d.offsets[first+i] = o
			}
		}
	}
}

// object parses object nr, between its "N G obj" and the next object.
func (d *lazyDoc) object(nr int) (types.Object, error) {
	if o, ok := d.objs[nr]; ok {
		return o, nil
	}
	off, ok := d.offsets[nr]
	if !ok {
		return nil, nil // a free or missing object is null
	}
	i, _ := slices.BinarySearch(d.ends, off+1)
	body := d.pdf[off:d.ends[i]]
	k := bytes.Index(body, []byte("obj"))
	if k < 0 {
		return nil, msg.Errorf("reading the PDF: object %d: no \"obj\" at offset %d", nr, off)
	}
	if f := bytes.Fields(body[:k]); len(f) != 2 || string(f[0]) != strconv.Itoa(nr) {
		return nil, msg.Errorf("reading the PDF: object %d is not at offset %d", nr, off)
	}
	s := string(body[k+len("obj"):])
	o, err := model.ParseObject(&s)
	if err != nil {
		return nil, msg.Errorf("reading the PDF: object %d: %w", nr, err)
	}
	d.objs[nr] = o
	return o, nil
}

// deref returns the object o refers to, or o itself.
func (d *lazyDoc) deref(o types.Object) (obj types.Object, err error) {
	defer func() {
		if r := recover(); r != nil {
			obj, err = nil, msg.Errorf("reading the PDF: %v", r)
		}
	}()
	for range 8 { // a reference to a reference
		ir, ok := o.(types.IndirectRef)
		if !ok {
			return o, nil
		}
		if o, err = d.object(ir.ObjectNumber.Value()); err != nil {
			return nil, err
		}
	}
	return nil, msg.Errorf("reading the PDF: a chain of references")
}

func (d *lazyDoc) dict(o types.Object) (types.Dict, error) {
	return deref[types.Dict](d, o, "a dictionary")
}

func (d *lazyDoc) array(o types.Object) (types.Array, error) {
	return deref[types.Array](d, o, "an array")
}

// deref reads o (a reference or the object itself) as a T; a missing object
// is T's zero value.
func deref[T types.Dict | types.Array](d *lazyDoc, o types.Object, what string) (T, error) {
	var zero T
	o, err := d.deref(o)
	if err != nil || o == nil {
		return zero, err
	}
	if v, ok := o.(T); ok {
		return v, nil
	}
	return zero, msg.Errorf("reading the PDF: %T where %s belongs", o, what)
}

// root returns the catalog and its object number.
func (d *lazyDoc) root() (types.Dict, int, error) {
	ir, ok := d.trailer["Root"].(types.IndirectRef)
	if !ok {
		return nil, 0, msg.Errorf("reading the PDF: no catalog")
	}
	c, err := d.dict(ir)
	if err != nil || c == nil {
		return nil, 0, msg.Errorf("reading the PDF: no catalog")
	}
	return c, ir.ObjectNumber.Value(), nil
}
