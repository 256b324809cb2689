package sign

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/pdf"
	"renja/internal/sign/signtest"
)

// revision appends an incremental update to doc by hand, as an attacker
// would: the objects of objs (new or replacing), and free entries for the
// numbers of free, each with its generation raised by one.
func revision(t *testing.T, doc []byte, objs map[int]string, free ...int) []byte {
	t.Helper()
	ctx, err := readPDF(view(doc))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := pdf.LastStartXref(doc)
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(doc)
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	offsets := map[int]int{}
	var nrs []int
	for nr := range objs {
		nrs = append(nrs, nr)
	}
	nrs = append(nrs, free...)
	slices.Sort(nrs)
	for _, nr := range nrs {
		if o, ok := objs[nr]; ok {
			offsets[nr] = len(out)
			out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", nr, o)
		}
	}
	size := *ctx.Size
	if n := nrs[len(nrs)-1] + 1; n > size {
		size = n
	}
	xref := len(out)
	out = append(out, "xref\n"...)
	for _, nr := range nrs {
		if off, ok := offsets[nr]; ok {
			out = fmt.Appendf(out, "%d 1\n%010d 00000 n \n", nr, off)
		} else {
			out = fmt.Appendf(out, "%d 1\n0000000000 00001 f \n", nr)
		}
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %s /Info %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, ctx.Root.PDFString(), ctx.Info.PDFString(), prev, xref)
	return out
}

// countersign signs doc with another self-signed key, as the attacker of
// the three attacks below does last.
func countersign(t *testing.T, doc []byte) []byte {
	t.Helper()
	other, err := LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := Sign(doc, other, Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// objectOf is the number of the first object of doc (after byte from)
// whose text contains s.
func objectOf(t *testing.T, doc []byte, from int, s string) int {
	t.Helper()
	i := bytes.Index(doc[from:], []byte(s))
	if i < 0 {
		t.Fatalf("%q is not in the PDF", s)
	}
	head := doc[:from+i]
	j := bytes.LastIndex(head, []byte(" 0 obj"))
	k := bytes.LastIndexAny(head[:j], "\n\r")
	var nr int
	if _, err := fmt.Sscan(string(head[k+1:j]), &nr); err != nil {
		t.Fatalf("the object of %q: %v", s, err)
	}
	return nr
}

// TestCertifiedThenAttacked builds the three attacks of issue 28 on a
// certified PDF (P=2), each followed by a countersignature with another
// self-signed key whose bytes are intact: verify must report a change after
// the certification, naming it.
func TestCertifiedThenAttacked(t *testing.T) {
	_, certified := signed(t, nil)
	content := objectOf(t, certified, 0, "(Rencana Kerja) Tj")
	sigDict := objectOf(t, certified, len(signtest.PDF("Rencana Kerja", nil)), "/Type /Sig")
	ctx, err := readPDF(certified)
	if err != nil {
		t.Fatal(err)
	}
	next, catalog := *ctx.Size, ctx.Root.ObjectNumber.Value()
	pgs, err := pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pageNr := pgs[0].ObjectNumber.Value()

	cover := "q 1 0 0 rg BT /Helv 80 Tf 20 400 Td (DIBATALKAN) Tj ET Q"
	cat := ctx.RootDict.Clone().(types.Dict)
	form := cat["AcroForm"].(types.Dict)
	form["Fields"] = append(form["Fields"].(types.Array), *types.NewIndirectRef(next+1, 0))
	withField := cat.PDFString()
	delete(cat, "Perms")
	noPerms := cat.PDFString()
	pageDict, _ := ctx.DereferenceDict(pgs[0])
	pageDict = pageDict.Clone().(types.Dict)
	pageDict["Annots"] = append(pageDict["Annots"].(types.Array), *types.NewIndirectRef(next+1, 0))
	pageText := pageDict.PDFString()

	for _, c := range []struct {
		name string
		doc  []byte
		want []string
	}{
		{"content stream freed", revision(t, certified, nil, content),
			[]string{fmt.Sprintf("content of page 1 removed (object %d)", content)}},
		{"unsigned signature field over the page", revision(t, certified, map[int]string{
			next:     fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Length %d >>\nstream\n%s\nendstream", len(cover), cover),
			next + 1: fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Pembatalan) /F 4 /Rect [0 0 595 842] /P %d 0 R /AP << /N %d 0 R >> >>", pageNr, next),
			pageNr:   pageText,
			catalog:  withField,
		}), []string{fmt.Sprintf("a new signature field covers page 1 outside the signature blocks (object %d)", next+1)}},
		{"certifying signature freed", revision(t, certified, nil, sigDict),
			[]string{fmt.Sprintf("a signature removed (object %d)", sigDict)}},
		// Replaced rather than freed, and the catalog without /Perms: the
		// latest cross-reference table shows one signature, the attacker's.
		{"certifying signature replaced", revision(t, certified, map[int]string{
			sigDict: "<< /Type /Annot >>",
			catalog: noPerms,
		}), []string{fmt.Sprintf("an existing signature changed (object %d)", sigDict), "document catalog changed: /Perms"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := countersign(t, c.doc)
			rep, err := Verify(doc)
			if err != nil {
				t.Fatal(err)
			}
			last := rep.Signatures[len(rep.Signatures)-1]
			if !last.Intact || !last.Whole {
				t.Fatalf("the countersignature is not intact: %+v", last)
			}
			if rep.Intact() {
				t.Fatalf("verify finds the PDF intact: %+v", rep)
			}
			p := rep.Problem()
			for _, w := range c.want {
				if !strings.Contains(p, w) {
					t.Errorf("the problem %q does not say %q", p, w)
				}
			}
			if rep.Certified != 2 {
				t.Errorf("certified at P=%d, want 2", rep.Certified)
			}
			t.Log(p)
		})
	}
}
