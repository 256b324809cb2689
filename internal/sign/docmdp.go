package sign

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
)

// mdpChanges compares the revision of doc that ends at byte end (the one a
// certifying signature covers) with the whole of doc, and says what
// changed that DocMDP level p does not permit, as pdfsig or Adobe Reader
// would: nothing at P=1; further signatures (a signature field, its
// widget and appearance, the form's field list, the page's annotations, a
// document security store) and the filling of form fields at P=2; at P=3
// also annotations. Each entry names a page or an object.
func mdpChanges(ctx context.Context, doc []byte, end int, p int) ([]string, error) {
	before, err := readPDF(doc[:end])
	if err != nil {
		return nil, msg.Errorf("the certified revision cannot be read: %w", err)
	}
	return mdpChangesSince(ctx, before, doc, p)
}

// mdpChangesSince is [mdpChanges] with the certified revision read.
func mdpChangesSince(ctx context.Context, before *model.Context, doc []byte, p int) ([]string, error) {
	after, err := readPDF(view(doc))
	if err != nil {
		return nil, err
	}
	m := &mdp{before: before, after: after, p: p, pageOf: map[int]int{}, contentOf: map[int]int{}, allowed: map[int]bool{}}
	pgs, err := pages(before)
	if err != nil {
		return nil, err
	}
	for i, ref := range pgs {
		m.pageOf[ref.ObjectNumber.Value()] = i + 1
		if d, err := before.DereferenceDict(ref); err == nil && d != nil {
			if a, ok := d["Annots"].(types.IndirectRef); ok {
				m.annotsOf = append(m.annotsOf, [2]int{a.ObjectNumber.Value(), i + 1})
			}
			for _, c := range contentRefs(d["Contents"], before) {
				m.contentOf[c] = i + 1
			}
		}
	}

	// The objects that the later revisions define anew or differently.
	var changed, added, freed []int
	for nr, e := range after.Table {
		if nr == 0 || e == nil || e.Free {
			continue
		}
		old, ok := before.Table[nr]
		if !ok || old == nil || old.Free {
			added = append(added, nr)
		} else if !sameObject(old.Object, e.Object) || !sameGeneration(old, e) {
			changed = append(changed, nr)
		}
	}
	// An object that the certified revision used and a later one frees is
	// gone for a reader, as much as one replaced.
	for nr, old := range before.Table {
		if e := after.Table[nr]; nr != 0 && old != nil && !old.Free && (e == nil || e.Free) {
			freed = append(freed, nr)
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	slices.Sort(added)
	slices.Sort(changed)
	slices.Sort(freed)
	isNew := map[int]bool{}
	for _, nr := range added {
		isNew[nr] = true
	}
	m.isNew = isNew

	// New signatures and their widgets permit what hangs from them.
	for _, nr := range added {
		d, _ := after.Table[nr].Object.(types.Dict)
		switch {
		case isSignatureDict(d) && (p >= 2 || typeName(d) == "DocTimeStamp"):
			m.allowed[nr] = true
		case (p >= 2 && isSignatureWidget(d)) || (p == 3 && isAnnotation(d)):
			m.allowed[nr] = true
			m.allowTree(d["AP"], 0)
		case d != nil && (typeName(d) == "XRef" || typeName(d) == "ObjStm"):
			m.allowed[nr] = true
		}
		if sd, ok := after.Table[nr].Object.(types.StreamDict); ok && (typeName(sd.Dict) == "XRef" || typeName(sd.Dict) == "ObjStm") {
			m.allowed[nr] = true
		}
	}
	if root, err := after.DereferenceDict(*after.Root); err == nil && root != nil {
		m.allowTree(root["DSS"], 0)
	}

	var out []string
	for _, nr := range freed {
		out = append(out, m.judgeFreed(nr))
	}
	for _, nr := range changed {
		if msg := m.judgeChanged(nr); msg != "" {
			out = append(out, msg)
		}
	}
	out = append(out, m.coveringWidgets()...)
	newContent := map[int]int{} // new content stream → page number
	if pgs, err := pages(after); err == nil {
		for _, ref := range pgs {
			if page, ok := m.pageOf[ref.ObjectNumber.Value()]; ok {
				if d, err := after.DereferenceDict(ref); err == nil && d != nil {
					for _, c := range contentRefs(d["Contents"], after) {
						newContent[c] = page
					}
				}
			}
		}
	}
	var stray []string
	for _, nr := range added {
		switch {
		case m.allowed[nr]:
		case newContent[nr] > 0:
			out = append(out, msg.Sprintf("new content on page %d (object %d)", newContent[nr], nr))
		default:
			stray = append(stray, strconv.Itoa(nr))
		}
	}
	if len(stray) > 0 {
		out = append(out, msg.Sprintf("new objects %s", strings.Join(stray, ", ")))
	}
	if infoChanged(before, after) {
		out = append(out, msg.Sprintf("document information (/Info) replaced"))
	}
	return out, nil
}

type mdp struct {
	before, after *model.Context
	p             int
	pageOf        map[int]int // page object → page number
	contentOf     map[int]int // content stream object → page number
	annotsOf      [][2]int    // indirect /Annots array object, page number
	allowed       map[int]bool
	isNew         map[int]bool
}

// allowTree permits the new objects reachable from o.
func (m *mdp) allowTree(o types.Object, depth int) {
	if o == nil || depth > 16 {
		return
	}
	switch v := o.(type) {
	case types.IndirectRef:
		nr := v.ObjectNumber.Value()
		if !m.isNew[nr] || m.allowed[nr] && depth > 0 {
			return
		}
		m.allowed[nr] = true
		if e, ok := m.after.Table[nr]; ok && e != nil {
			m.allowTree(e.Object, depth+1)
		}
	case types.Dict:
		for _, x := range v {
			m.allowTree(x, depth+1)
		}
	case types.StreamDict:
		m.allowTree(v.Dict, depth+1)
	case types.Array:
		for _, x := range v {
			m.allowTree(x, depth+1)
		}
	}
}

// judgeChanged says why a change of an existing object is not permitted,
// or "".
func (m *mdp) judgeChanged(nr int) string {
	oldObj, newObj := m.before.Table[nr].Object, m.after.Table[nr].Object
	od, oldIsDict := oldObj.(types.Dict)
	nd, newIsDict := newObj.(types.Dict)
	if page, ok := m.pageOf[nr]; ok {
		if !oldIsDict || !newIsDict {
			return msg.Sprintf("page %d replaced (object %d)", page, nr)
		}
		keys := diffKeys(od, nd)
		if i := slices.Index(keys, "Annots"); i >= 0 && m.arrayGrows(od["Annots"], nd["Annots"]) {
			keys = slices.Delete(keys, i, i+1)
		}
		if len(keys) == 0 {
			return ""
		}
		return msg.Sprintf("page %d changed: %s (object %d)", page, names(keys), nr)
	}
	for _, a := range m.annotsOf {
		if a[0] == nr {
			if m.arrayGrows(oldObj, newObj) {
				return ""
			}
			return msg.Sprintf("annotations of page %d changed (object %d)", a[1], nr)
		}
	}
	if page, ok := m.contentOf[nr]; ok {
		return msg.Sprintf("content of page %d changed (object %d)", page, nr)
	}
	if m.before.Root != nil && nr == m.before.Root.ObjectNumber.Value() && oldIsDict && newIsDict {
		var bad []string
		for _, k := range diffKeys(od, nd) {
			if (k != "AcroForm" || m.p < 2) && k != "DSS" {
				bad = append(bad, k)
			}
		}
		if len(bad) == 0 {
			return ""
		}
		return msg.Sprintf("document catalog changed: %s (object %d)", names(bad), nr)
	}
	if oldIsDict && newIsDict && m.isForm(nr, od) {
		var bad []string
		for _, k := range diffKeys(od, nd) {
			if k != "Fields" && k != "SigFlags" {
				bad = append(bad, k)
			}
		}
		if len(bad) == 0 && m.arrayGrows(od["Fields"], nd["Fields"]) {
			return ""
		}
		return msg.Sprintf("form (/AcroForm) changed (object %d)", nr)
	}
	if oldIsDict && newIsDict && m.p >= 2 && isField(od) && !isSignatureDict(od) {
		fill := true
		for _, k := range diffKeys(od, nd) {
			if k != "V" && k != "AS" && k != "AP" {
				fill = false
			}
		}
		if ft := od.NameEntry("FT"); fill && (ft == nil || *ft != "Sig" || od["V"] == nil) {
			m.allowTree(nd["AP"], 0)
			m.allowTree(nd["V"], 0)
			return ""
		}
	}
	if isSignatureDict(od) {
		return msg.Sprintf("an existing signature changed (object %d)", nr)
	}
	return msg.Sprintf("object %d changed", nr)
}

// isForm reports whether nr is the form dictionary of the certified
// revision's catalog.
func (m *mdp) isForm(nr int, d types.Dict) bool {
	if ref, ok := m.before.RootDict["AcroForm"].(types.IndirectRef); ok {
		return ref.ObjectNumber.Value() == nr
	}
	return false
}

// arrayGrows reports whether a list (a page's annotations, the form's
// fields) only gained objects that are permitted (new and allowed).
func (m *mdp) arrayGrows(oldObj, newObj types.Object) bool {
	oa, _ := m.before.DereferenceArray(oldObj)
	na, err := m.after.DereferenceArray(newObj)
	if err != nil {
		return false
	}
	return m.grows(oa, na)
}

// grows reports whether na is oa with permitted new objects appended.
func (m *mdp) grows(oa, na types.Array) bool {
	if len(na) < len(oa) {
		return false
	}
	for i := range oa {
		if !sameObject(oa[i], na[i]) {
			return false
		}
	}
	for _, o := range na[len(oa):] {
		ref, ok := o.(types.IndirectRef)
		if !ok || !m.allowed[ref.ObjectNumber.Value()] {
			return false
		}
	}
	return true
}

// sameObject compares two objects as written, streams with their bytes.
func sameObject(a, b types.Object) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	sa, okA := a.(types.StreamDict)
	sb, okB := b.(types.StreamDict)
	if okA || okB {
		return okA && okB && sa.Dict.PDFString() == sb.Dict.PDFString() && bytes.Equal(sa.Raw, sb.Raw) && sa.Raw != nil
	}
	return a.PDFString() == b.PDFString()
}

// diffKeys lists the keys whose values differ between two dictionaries.
func diffKeys(a, b types.Dict) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok || !sameObject(v, w) {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func names(keys []string) string {
	for i, k := range keys {
		keys[i] = "/" + k
	}
	return strings.Join(keys, ", ")
}

func contentRefs(o types.Object, ctx *model.Context) []int {
	switch v := o.(type) {
	case types.IndirectRef:
		if a, err := ctx.DereferenceArray(v); err == nil && a != nil {
			if _, isArray := ctx.Table[v.ObjectNumber.Value()].Object.(types.Array); isArray {
				return append(contentRefs(a, ctx), v.ObjectNumber.Value())
			}
		}
		return []int{v.ObjectNumber.Value()}
	case types.Array:
		var out []int
		for _, x := range v {
			if r, ok := x.(types.IndirectRef); ok {
				out = append(out, r.ObjectNumber.Value())
			}
		}
		return out
	}
	return nil
}

func typeName(d types.Dict) string {
	if d == nil {
		return ""
	}
	if t := d.NameEntry("Type"); t != nil {
		return *t
	}
	return ""
}

func isSignatureDict(d types.Dict) bool {
	t := typeName(d)
	_, hasFilter := d["Filter"]
	_, hasContents := d["Contents"]
	return (t == "Sig" || t == "DocTimeStamp") && hasFilter && hasContents
}

func isSignatureWidget(d types.Dict) bool {
	ft := d.NameEntry("FT")
	return d != nil && ft != nil && *ft == "Sig" && !isSignatureDict(d)
}

func isAnnotation(d types.Dict) bool {
	st := d.NameEntry("Subtype")
	return d != nil && (typeName(d) == "Annot" || st != nil) && d["Rect"] != nil
}

func isField(d types.Dict) bool { return d != nil && d.NameEntry("FT") != nil }

// infoChanged reports whether the trailer names another information
// dictionary, or changed it.
func infoChanged(before, after *model.Context) bool {
	if (before.Info == nil) != (after.Info == nil) {
		return true
	}
	if before.Info == nil {
		return false
	}
	nr := before.Info.ObjectNumber.Value()
	if nr != after.Info.ObjectNumber.Value() {
		return true
	}
	return false // a changed object nr is reported as such
}
