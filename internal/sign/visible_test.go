package sign_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"renja/internal/build"
	"renja/internal/pdf"
	"renja/internal/sign"
	"renja/internal/sign/signtest"
	"renja/internal/testenv"
)

var (
	bundledOnce sync.Once
	bundledPDF  []byte
	bundledErr  error
)

// bundled prints the bundled Renja once for the tests of this file.
func bundled(t *testing.T) []byte {
	t.Helper()
	if _, err := pdf.FindChrome(""); err != nil {
		testenv.Missing(t, "this test signs the bundled Renja printed by Chrome: "+err.Error())
	}
	for _, tool := range []string{"pdftoppm", "pdftotext", "pdfsig"} {
		testenv.Tool(t, tool, "poppler-utils")
	}
	bundledOnce.Do(func() {
		out, err := os.MkdirTemp("", "renja-sign-test-*")
		if err != nil {
			bundledErr = err
			return
		}
		defer os.RemoveAll(out)
		res, err := build.Build(context.Background(), build.Options{Dir: "../..", Out: filepath.Join(out, "output"),
			Date: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			bundledErr = err
			return
		}
		bundledPDF, bundledErr = os.ReadFile(res.PDF)
	})
	if bundledErr != nil {
		t.Fatal(bundledErr)
	}
	return bundledPDF
}

const address = "https://kec-kalaena.luwutimurkab.go.id/verifikasi.html"

// TestVisibleSignature signs the bundled Renja with a throw-away
// certificate and a time-stamp from a local authority, in its closing's
// signature block, and looks at the page: the QR code decodes to the
// verification address and the document's hash, the page's text is as it
// was, and outside the block not one pixel changed.
func TestVisibleSignature(t *testing.T) {
	doc := bundled(t)
	id, err := sign.LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := sign.Blocks(doc)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range blocks {
		ids = append(ids, fmt.Sprintf("%s p.%d", b.ID, b.Page+1))
	}
	if len(blocks) != 3 {
		t.Fatalf("signature blocks %v, want the decree's, the foreword's and the closing's", ids)
	}
	block := blocks[len(blocks)-1]
	t.Logf("blocks %v; signing in %s on page %d at %v", ids, block.ID, block.Page+1, block.Rect)

	at := time.Now().Add(-time.Hour).Truncate(time.Second).UTC()
	tsa := signtest.TSA(t, at, signtest.TSAGood)
	signed, warnings, err := sign.Sign(doc, id, sign.Options{TSA: tsa, NIP: "19770329 200801 1 008", Address: address, Location: "Kalaena Kiri"})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings %q", warnings)
	}
	dir := t.TempDir()
	if d := os.Getenv("RENJA_SIGN_IMAGES"); d != "" {
		dir = d
	}
	in, out := filepath.Join(dir, "unsigned.pdf"), filepath.Join(dir, "signed.pdf")
	os.WriteFile(in, doc, 0o644)
	os.WriteFile(out, signed, 0o644)

	// Independent verifiers.
	r := signtest.Pdfsig(t, out)
	for _, want := range []string{"Signature Type: ETSI.CAdES.detached", signtest.Valid, "Total document signed"} {
		if !strings.Contains(r, want) {
			t.Errorf("pdfsig does not say %q:\n%s", want, r)
		}
	}
	rep, err := sign.Verify(signed)
	if err != nil || !rep.Intact() {
		t.Fatalf("verify: %v %v", err, rep)
	}
	// A countersignature, invisible, is permitted by the certification;
	// verifying the whole takes well under a second.
	other, err := sign.LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	twice, _, err := sign.Sign(signed, other, sign.Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep2, err := sign.Verify(twice)
	if err != nil || !rep2.Intact() || len(rep2.Signatures) != 2 {
		t.Fatalf("countersigned: %v %+v", err, rep2)
	}
	t.Logf("verifying the countersigned Renja (%d bytes, DocMDP checked) took %v", len(twice), time.Since(start))

	// A visible countersignature in another block is permitted; one in the
	// block that the certifying signature fills paints over it.
	for _, c := range []struct {
		block, problem string
	}{{blocks[0].ID, ""}, {block.ID, "a new signature field covers a signature of page"}} {
		again, _, err := sign.Sign(signed, other, sign.Options{Block: c.block})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := sign.Verify(again)
		if err != nil || rep.Intact() != (c.problem == "") || !strings.Contains(rep.Problem(), c.problem) {
			t.Errorf("countersigned in the block %s: %v %q", c.block, err, rep.Problem())
		}
	}

	changed := bytes.Clone(signed)
	changed[len(doc)/2] ^= 0x20
	broken := filepath.Join(dir, "changed.pdf")
	os.WriteFile(broken, changed, 0o644)
	if r := signtest.Pdfsig(t, broken); strings.Contains(r, signtest.Valid) {
		t.Errorf("pdfsig finds the PDF valid after one byte changed:\n%s", r)
	}
	if rep, err := sign.Verify(changed); err == nil && rep.Intact() {
		t.Error("renja verify finds the PDF intact after one byte changed")
	}
	if got := rep.Signatures[0].TimeStamp; !got.Equal(at) {
		t.Errorf("time-stamp %v, want %v", got, at)
	}

	// The text of the page is as it was, and the signature's text is
	// there too (pdftotext reads the appearance of annotations).
	page := block.Page + 1
	before, after := pageText(t, in, page), pageText(t, out, page)
	if !strings.Contains(before, "MUHAMMAD YUSRI") {
		t.Errorf("page %d is not the closing's signature page:\n%s", page, before)
	}
	words := map[string]int{}
	for _, w := range strings.Fields(after) {
		words[w]++
	}
	for _, w := range strings.Fields(before) {
		words[w]--
	}
	for _, w := range strings.Fields(sign.Electronically + " " + signtest.Name + " NIP 19770329 200801 1 008") {
		words[w]--
	}
	for w, n := range words {
		if n < 0 {
			t.Errorf("page %d lost the word %q after signing", page, w)
		}
		if n > 0 && !strings.Contains(w, "2026") && !strings.Contains(w, "Desember") && w != "pada" && !strings.Contains(w, ".") && w != "UTC" {
			t.Logf("after signing, page %d has %d more of %q", page, n, w)
		}
	}

	// Outside the block, the page image is as it was; inside, something
	// was drawn.
	const dpi = 100
	imgBefore, imgAfter := render(t, in, page, dpi, filepath.Join(dir, "unsigned")), render(t, out, page, dpi, filepath.Join(dir, "signed"))
	if imgBefore.Bounds() != imgAfter.Bounds() {
		t.Fatalf("page sizes %v and %v", imgBefore.Bounds(), imgAfter.Bounds())
	}
	h := imgBefore.Bounds().Dy()
	scale := float64(dpi) / 72
	x0, x1 := int(block.Rect[0]*scale)-1, int(block.Rect[2]*scale)+2
	y0, y1 := h-int(block.Rect[3]*scale)-2, h-int(block.Rect[1]*scale)+1
	outside, inside := 0, 0
	for y := 0; y < h; y++ {
		for x := 0; x < imgBefore.Bounds().Dx(); x++ {
			if imgBefore.At(x, y) == imgAfter.At(x, y) {
				continue
			}
			if x >= x0 && x < x1 && y >= y0 && y < y1 {
				inside++
			} else {
				outside++
			}
		}
	}
	if outside > 0 || inside < 500 {
		t.Errorf("pixels changed: %d outside the block, %d inside (want 0 and many)", outside, inside)
	}

	// The QR code, read from a 300 dpi image of the block: the address of
	// the verification page, and the id of the document's row there,
	// written here independently of the code under test.
	got := signtest.ReadQR(t, out, page, block.Rect, 841.92, dir)
	if want := fmt.Sprintf("%s#sha256-%x", address, sha256.Sum256(doc)); got != want {
		t.Errorf("QR code %q, want %q", got, want)
	}
}

func pageText(t *testing.T, file string, page int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// render makes a PNG of one page and reads it.
func render(t *testing.T, file string, page, dpi int, prefix string) image.Image {
	t.Helper()
	cmd := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", file, prefix)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, b)
	}
	return readPNG(t, prefix+".png")
}

func readPNG(t *testing.T, file string) image.Image {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}
