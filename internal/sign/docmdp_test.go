package sign

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/sign/signtest"
)

// drawOnPage1 appends an incremental update that draws a box and a word on
// the first page: a new content stream, and the page pointing at it too.
func drawOnPage1(t *testing.T, doc []byte) []byte {
	t.Helper()
	ctx, err := readPDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	u, err := newUpdate(doc, ctx)
	if err != nil {
		t.Fatal(err)
	}
	pgs, err := pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := ctx.DereferenceDict(pgs[0])
	page = page.Clone().(types.Dict)
	draw := "q 1 0 0 rg 100 100 200 50 re f Q BT /F1 30 Tf 110 115 Td (PALSU) Tj ET"
	nr := u.add(fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(draw), draw))
	page["Contents"] = types.Array{page["Contents"], *types.NewIndirectRef(nr, 0)}
	u.objs[pgs[0].ObjectNumber.Value()] = []byte(page.PDFString())
	out, err := u.bytes()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDocMDP: after the certifying signature only further signatures are
// permitted. A drawing on page 1 followed by a countersignature with another
// self-signed certificate makes verify fail and name the page; a plain
// countersignature does not.
func TestDocMDP(t *testing.T) {
	_, certified := signed(t, nil)
	other, err := LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}

	countersigned, _, err := Sign(certified, other, Options{Block: NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := Verify(countersigned); err != nil || !rep.Intact() || rep.Certified != 2 || len(rep.Changes) > 0 {
		t.Fatalf("a countersignature is permitted: %v %+v", err, rep)
	}

	tampered := drawOnPage1(t, certified)
	if rep, err := Verify(tampered); err != nil || rep.Intact() {
		t.Errorf("a drawing after the certification, not signed: %v intact %v", err, rep != nil && rep.Intact())
	}
	resigned, warnings, err := Sign(tampered, other, Options{Block: NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) == 0 {
		t.Error("countersigning a tampered PDF gives no warning")
	}
	rep, err := Verify(resigned)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range rep.Signatures {
		if !s.Intact {
			t.Errorf("signature %d is broken: %s; its bytes are as signed", i+1, s.Problem)
		}
	}
	if rep.Intact() {
		t.Fatal("verify finds the PDF intact after a drawing on page 1 and a countersignature")
	}
	p := rep.Problem()
	for _, want := range []string{"certified", "P=2", "page 1 changed: /Contents", "new content on page 1"} {
		if !strings.Contains(p, want) {
			t.Errorf("the problem %q does not say %q", p, want)
		}
	}
	t.Log(p)

	// pdfsig checks each signature's bytes, not DocMDP: both are valid.
	signtest.NeedPdfsig(t)
	file := filepath.Join(t.TempDir(), "resigned.pdf")
	os.WriteFile(file, resigned, 0o644)
	t.Logf("pdfsig:\n%s", signtest.Pdfsig(t, file))
}

// TestVerifyCancelled: a cancelled context stops verify.
func TestVerifyCancelled(t *testing.T) {
	_, doc := signed(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := VerifyContext(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("verify with a cancelled context: %v", err)
	}
}

// formPDF is a one-page PDF with a text field (object 7) holding "a", and
// text on its page (content stream 4, information dictionary 6).
func formPDF() []byte {
	content := "BT /F1 24 Tf 72 720 Td (Rencana Kerja) Tj ET"
	return signtest.Classic([]string{
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [7 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [7 0 R] >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Producer (signtest) /Title (Renja) >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (nama) /V (a) /Rect [72 600 300 620] /P 3 0 R >>",
	}, 6)
}

// TestDocMDPLevels: each kind of change made after a certification, with
// the changes that each DocMDP level finds in it, exactly. The certified
// revision holds objects 1-9 (8 the signature, 9 its widget); the first
// object that a later revision adds is 10.
func TestDocMDPLevels(t *testing.T) {
	certified, _, err := Sign(formPDF(), identity(t), Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := readPDF(certified)
	if err != nil {
		t.Fatal(err)
	}
	if *ctx.Size != 10 || docMDPLevel(ctx) != 2 {
		t.Fatalf("the certified revision has %d objects, DocMDP %d", *ctx.Size-1, docMDPLevel(ctx))
	}
	page := func(annots string) string {
		return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [" + annots + "] >>"
	}
	catalog := func(fields string) string {
		return "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + fields + "] /SigFlags 3 >> /Perms << /DocMDP 8 0 R >> >>"
	}
	note := "<< /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (catatan) >>"
	cover := "BT /F1 80 Tf 20 400 Td (DIBATALKAN) Tj ET"
	coverAP := fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(cover), cover)
	countersigned, _, err := Sign(certified, identity(t), Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	contentChanged := "content of page 1 changed (object 4)"
	for _, c := range []struct {
		kind string
		doc  []byte
		p    [4][]string // the changes at P=1, 2, 3 (index 0 unused)
	}{
		{"nothing", certified, [4][]string{}},
		{"content drawn", drawOnPage1(t, certified), [4][]string{1: {"page 1 changed: /Contents (object 3)", "new content on page 1 (object 10)"},
			2: {"page 1 changed: /Contents (object 3)", "new content on page 1 (object 10)"},
			3: {"page 1 changed: /Contents (object 3)", "new content on page 1 (object 10)"}}},
		{"content replaced", revision(t, certified, map[int]string{4: "<< /Length 2 >>\nstream\nq \nendstream"}),
			[4][]string{1: {contentChanged}, 2: {contentChanged}, 3: {contentChanged}}},
		{"annotation", revision(t, certified, map[int]string{3: page("7 0 R 9 0 R 10 0 R"), 10: note}),
			[4][]string{1: {"page 1 changed: /Annots (object 3)", "new objects 10"}, 2: {"page 1 changed: /Annots (object 3)", "new objects 10"}}},
		{"form filled in", revision(t, certified, map[int]string{7: "<< /Type /Annot /Subtype /Widget /FT /Tx /T (nama) /V (b) /Rect [72 600 300 620] /P 3 0 R >>"}),
			[4][]string{1: {"object 7 changed"}}},
		{"form field renamed", revision(t, certified, map[int]string{7: "<< /Type /Annot /Subtype /Widget /FT /Tx /T (lain) /V (a) /Rect [72 600 300 620] /P 3 0 R >>"}),
			[4][]string{1: {"object 7 changed"}, 2: {"object 7 changed"}, 3: {"object 7 changed"}}},
		{"/Info changed", revision(t, certified, map[int]string{6: "<< /Producer (signtest) /Title (Palsu) >>"}),
			[4][]string{1: {"object 6 changed"}, 2: {"object 6 changed"}, 3: {"object 6 changed"}}},
		{"signature", countersigned, [4][]string{1: {
			"document catalog changed: /AcroForm (object 1)", "page 1 changed: /Annots (object 3)", "new objects 10, 11"}}},
		{"signature field over the page", revision(t, certified, map[int]string{
			1: catalog("7 0 R 9 0 R 11 0 R"), 3: page("7 0 R 9 0 R 11 0 R"), 10: coverAP,
			11: "<< /Type /Annot /Subtype /Widget /FT /Sig /T (x) /F 4 /Rect [0 0 595 842] /P 3 0 R /AP << /N 10 0 R >> >>",
		}), [4][]string{1: {"document catalog changed: /AcroForm (object 1)", "page 1 changed: /Annots (object 3)", "new objects 10, 11"},
			2: {"a new signature field covers page 1 outside the signature blocks (object 11)"}}},
		{"content freed", revision(t, certified, nil, 4), [4][]string{1: {"content of page 1 removed (object 4)"},
			2: {"content of page 1 removed (object 4)"}, 3: {"content of page 1 removed (object 4)"}}},
		{"signature freed", revision(t, certified, nil, 8), [4][]string{1: {"a signature removed (object 8)"},
			2: {"a signature removed (object 8)"}, 3: {"a signature removed (object 8)"}}},
		{"font freed", revision(t, certified, nil, 5), [4][]string{1: {"object 5 removed"},
			2: {"object 5 removed"}, 3: {"object 5 removed"}}},
	} {
		for p := 1; p <= 3; p++ {
			got, err := mdpChanges(context.Background(), c.doc, len(certified), p)
			if err != nil {
				t.Fatal(err)
			}
			if want := c.p[p]; !slices.Equal(got, want) {
				t.Errorf("%s, P=%d: changes\n%q, want\n%q", c.kind, p, got, want)
			}
		}
	}
}
