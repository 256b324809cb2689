package sign

import (
	"bytes"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
)

// What a reader sees after a certification: besides the objects changed,
// the objects freed, and where a new signature's appearance lies.

// maxRevisions bounds the revisions that certifiedRevision reads: each is
// parsed whole, and a signed Renja has a handful.
const maxRevisions = 32

// certifiedRevision finds the first revision of doc whose catalog names a
// certifying signature (/Perms /DocMDP), and returns its end and DocMDP
// level and the revision as read, or 0, 0, nil. It reads the revisions themselves, not the latest
// cross-reference table: a later revision that frees or replaces the
// certifying signature's dictionary hides it from the signatures found
// there, but not from the revision it certified.
func certifiedRevision(doc []byte) (end, p int, rev *model.Context) {
	n := 0
	for i := 0; i < len(doc) && n < maxRevisions; {
		k := bytes.Index(doc[i:], []byte("%%EOF"))
		if k < 0 {
			break
		}
		e := i + k + len("%%EOF")
		for e < len(doc) && e < i+k+len("%%EOF")+2 && (doc[e] == '\r' || doc[e] == '\n') {
			e++
		}
		i = e
		n++
		if !bytes.Contains(doc[:e], []byte("/DocMDP")) {
			continue // not certified yet (or in an object stream: see VerifyContext)
		}
		ctx, err := readPDF(doc[:e])
		if err != nil {
			continue // a "%%EOF" inside a stream, or a broken revision
		}
		if p := docMDPLevel(ctx); p > 0 {
			return e, p, ctx
		}
	}
	return 0, 0, nil
}

// sameGeneration reports whether two cross-reference entries give an
// object the same generation number.
func sameGeneration(a, b *model.XRefTableEntry) bool {
	if a.Generation == nil || b.Generation == nil {
		return a.Generation == nil && b.Generation == nil
	}
	return *a.Generation == *b.Generation
}

// judgeFreed names an object of the certified revision that a later one
// frees.
func (m *mdp) judgeFreed(nr int) string {
	if page, ok := m.pageOf[nr]; ok {
		return msg.Sprintf("page %d removed (object %d)", page, nr)
	}
	if page, ok := m.contentOf[nr]; ok {
		return msg.Sprintf("content of page %d removed (object %d)", page, nr)
	}
	if d, ok := m.before.Table[nr].Object.(types.Dict); ok && isSignatureDict(d) {
		return msg.Sprintf("a signature removed (object %d)", nr)
	}
	return msg.Sprintf("object %d removed", nr)
}

// coveringWidgets names the new signature widgets that a reader sees
// outside the signature blocks of the certified revision (the spaces that
// the document left empty for signatures, see [Blocks]) or over a widget
// that was there: at P=2 a later signature may add its appearance, not
// paint over the page. A widget without area, or hidden, shows nothing. At
// P=3 annotations are permitted, and so is this.
func (m *mdp) coveringWidgets() []string {
	if m.p >= 3 {
		return nil
	}
	bs, _ := blocks(m.before)
	pgs, err := pages(m.after)
	if err != nil {
		return nil
	}
	var out []string
	for i, ref := range pgs {
		page, ok := m.pageOf[ref.ObjectNumber.Value()]
		if !ok {
			continue // a new page is a change of its own
		}
		d, err := m.after.DereferenceDict(ref)
		if err != nil || d == nil {
			continue
		}
		annots, _ := m.after.DereferenceArray(d["Annots"])
		for _, a := range annots {
			r, ok := a.(types.IndirectRef)
			if !ok || !m.isNew[r.ObjectNumber.Value()] || !m.allowed[r.ObjectNumber.Value()] {
				continue
			}
			w, err := m.after.DereferenceDict(r)
			if err != nil || !isSignatureWidget(w) {
				continue
			}
			rect, ok := rectOf(m.after, w["Rect"])
			if f := w.IntEntry("F"); ok && (rect[2]-rect[0] <= 0 || rect[3]-rect[1] <= 0 || f != nil && *f&2 != 0) {
				continue
			}
			inBlock := false
			for _, b := range bs {
				inBlock = inBlock || b.Page == i && within(rect, b.Rect)
			}
			if !ok || !inBlock {
				out = append(out, msg.Sprintf("a new signature field covers page %d outside the signature blocks (object %d)", page, r.ObjectNumber.Value()))
			} else if m.coversWidget(rect, page) {
				out = append(out, msg.Sprintf("a new signature field covers a signature of page %d (object %d)", page, r.ObjectNumber.Value()))
			}
		}
	}
	return out
}

// coversWidget reports whether rect overlaps a widget with an area that
// page (1-based) of the certified revision holds.
func (m *mdp) coversWidget(rect [4]float64, page int) bool {
	pgs, err := pages(m.before)
	if err != nil || page > len(pgs) {
		return false
	}
	d, err := m.before.DereferenceDict(pgs[page-1])
	if err != nil || d == nil {
		return false
	}
	annots, _ := m.before.DereferenceArray(d["Annots"])
	for _, a := range annots {
		w, err := m.before.DereferenceDict(a)
		if err != nil || w == nil {
			continue
		}
		if st := w.NameEntry("Subtype"); st == nil || *st != "Widget" {
			continue
		}
		if r, ok := rectOf(m.before, w["Rect"]); ok && r[2] > r[0] && r[3] > r[1] &&
			rect[0] < r[2] && r[0] < rect[2] && rect[1] < r[3] && r[1] < rect[3] {
			return true
		}
	}
	return false
}

// within reports whether rectangle a lies in b, to a quarter point.
func within(a, b [4]float64) bool {
	const e = 0.25
	return a[0] >= b[0]-e && a[1] >= b[1]-e && a[2] <= b[2]+e && a[3] <= b[3]+e
}

// rectOf reads a rectangle [x1 y1 x2 y2] as lower left and upper right.
func rectOf(ctx *model.Context, o types.Object) ([4]float64, bool) {
	var r [4]float64
	a, err := ctx.DereferenceArray(o)
	if err != nil || len(a) != 4 {
		return r, false
	}
	for k := range r {
		v, err := ctx.Dereference(a[k])
		if err != nil {
			return r, false
		}
		n, ok := number(v)
		if !ok {
			return r, false
		}
		r[k] = n
	}
	return [4]float64{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}, true
}
