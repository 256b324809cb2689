package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/msg"
	"renja/internal/sign/provenance"
	"renja/internal/sign/signtest"
)

// TestVerifyChangedAfterCertification: a certified PDF whose page's content
// stream a later revision frees (the page shows nothing), then countersigned
// with another self-signed key: every signature's bytes are intact, and
// verify's first line says that the document was changed after it was
// certified, exit 1.
func TestVerifyChangedAfterCertification(t *testing.T) {
	dir := signProject(t)
	h, err := provenance.ContentHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "output", "renja.pdf")
	writeFile(t, in, signtest.PDF("Renja", map[string]string{provenance.HashKey: h}))
	if code, out, errs := signRun("sign", "--p12", signP12(t), "--blok", "-", "-C", dir, in); code != exitOK {
		t.Fatalf("sign: exit %d\n%s%s", code, out, errs)
	}
	certified, err := os.ReadFile(filepath.Join(dir, "signed", "renja-signed.pdf"))
	if err != nil {
		t.Fatal(err)
	}

	// A revision by hand that marks object 4, the page's content stream, free.
	freed := signtest.Free(t, certified, 4)
	attacked := filepath.Join(dir, "output", "dibatalkan.pdf")
	writeFile(t, attacked, freed)
	countersigned := filepath.Join(dir, "dibatalkan-signed.pdf")
	if code, out, errs := signRun("sign", "--p12", signP12(t), "--blok", "-", "-C", dir, "--out", countersigned, attacked); code != exitOK {
		t.Fatalf("countersign: exit %d\n%s%s", code, out, errs)
	}

	code, out, _ := signRun("verify", "-C", dir, countersigned)
	first, _, _ := strings.Cut(out, "\n")
	want := countersigned + ": NOT INTACT: " + msg.Sprintf("the document was changed after it was certified (DocMDP P=%d permits %s): %s",
		2, msg.Text("only further signatures and filling in forms"), msg.Sprintf("content of page %d removed (object %d)", 1, 4))
	if code != exitFail || first != want {
		t.Errorf("verify: exit %d, first line\n%s\nwant\n%s\n%s", code, first, want, out)
	}
}
