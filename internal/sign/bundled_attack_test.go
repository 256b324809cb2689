package sign_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
	"renja/internal/pdf"
	"renja/internal/sign"
	"renja/internal/sign/signtest"
)

// TestBundledCertifiedThenFreed is the first attack of issue 28 on the
// bundled Renja: certified, then a revision that marks the last page's
// content stream free (the page loses its text in a reader that follows
// the cross-reference table), then countersigned with another self-signed
// key. Both signatures' bytes are intact; verify names the change.
func TestBundledCertifiedThenFreed(t *testing.T) {
	doc := bundled(t)
	id, err := sign.LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	certified, _, err := sign.Sign(doc, id, sign.Options{Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := pdf.ReadContext(certified)
	if err != nil {
		t.Fatal(err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	last := ctx.PageCount
	page, _, _, err := ctx.PageDict(last, false)
	if err != nil {
		t.Fatal(err)
	}
	content, ok := page["Contents"].(types.IndirectRef)
	if !ok {
		t.Fatalf("the last page's /Contents is %v, not one stream", page["Contents"])
	}
	nr := content.ObjectNumber.Value()
	freed := signtest.Free(t, certified, nr)
	other, err := sign.LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	countersigned, _, err := sign.Sign(freed, other, sign.Options{Block: sign.NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := sign.Verify(countersigned)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range rep.Signatures {
		if !s.Intact {
			t.Errorf("signature %d: %s; its bytes are as signed", i+1, s.Problem)
		}
	}
	want := msg.Sprintf("content of page %d removed (object %d)", last, nr)
	if rep.Intact() || rep.Certified != 2 || !strings.Contains(rep.Problem(), want) {
		t.Errorf("verify: intact %v, certified P=%d, %q; want a change after the certification: %q", rep.Intact(), rep.Certified, rep.Problem(), want)
	}
}
