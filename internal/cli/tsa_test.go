package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
)

// TestSignTimeStamped: renja sign --tsa asks the authority, renja verify
// reports its time; an authority that answers wrongly fails the signing
// and writes nothing.
func TestSignTimeStamped(t *testing.T) {
	dir := signProject(t)
	p12 := signP12(t)
	in, _ := finalPDF(t, dir, "in.pdf", nil)
	at := time.Now().Add(-time.Hour).Truncate(time.Second).UTC() // within the certificate's validity

	bad := signtest.TSA(t, at, signtest.TSAOtherDigest)
	code, out, errs := signRun("sign", "--p12", p12, "--tsa", bad, "--blok", "-", "-C", dir, "--out", filepath.Join(dir, "bad.pdf"), in)
	if code != exitFail || !strings.Contains(errs, "a time stamp of other data") {
		t.Errorf("a wrong time-stamp: exit %d, want %d\n%s%s", code, exitFail, out, errs)
	}
	if fileExists(filepath.Join(dir, "bad.pdf")) {
		t.Error("a PDF was written although the time-stamp was wrong")
	}

	good := signtest.TSA(t, at, signtest.TSAGood)
	signed := filepath.Join(dir, "signed.pdf")
	if code, out, errs := signRun("sign", "--p12", p12, "--tsa", good, "--blok", "-", "-C", dir, "--out", signed, in); code != exitOK {
		t.Fatalf("sign --tsa: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = signRun("verify", "-C", dir, signed)
	if code != exitOK {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	wantIn(t, "verify's output", out, at.Format("2006-01-02 15:04:05 UTC")+" by "+signtest.TSAName, "ETSI.CAdES.detached (PAdES B-T)")
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
