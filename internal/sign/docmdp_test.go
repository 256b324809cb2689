package sign

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestDocMDPNoChanges: at P=1 even a countersignature is a change that the
// certification does not permit.
func TestDocMDPNoChanges(t *testing.T) {
	_, certified := signed(t, nil)
	if !bytes.Contains(certified, []byte("/P 2 /V /1.2")) {
		t.Fatal("no /P 2 in the certifying signature")
	}
	// The level is inside the signed bytes, and renja certifies at P=2: the
	// comparison is checked at each level directly.
	twice, _, err := Sign(certified, identity(t), Options{Block: NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	end := len(certified)
	for p, want := range map[int]bool{1: true, 2: false, 3: false} {
		changes, err := mdpChanges(context.Background(), twice, end, p)
		if err != nil {
			t.Fatal(err)
		}
		if (len(changes) > 0) != want {
			t.Errorf("P=%d: a countersignature gives the changes %q", p, changes)
		}
	}
}
