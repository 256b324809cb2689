package sign

import (
	"bytes"
	"encoding/hex"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"renja/internal/sign/signtest"
	"renja/internal/testenv"
)

// stampTime is the test authority's clock: an hour before now, so that a
// report of it cannot be the signer's clock.
var stampTime = time.Now().Add(-time.Hour).Truncate(time.Second).UTC()

// TestTimeStamped signs with a time-stamp from an authority running in the
// test (PAdES B-T) and reads the time back with renja and with pdfsig.
func TestTimeStamped(t *testing.T) {
	url := signtest.TSA(t, stampTime, signtest.TSAGood)
	in := signtest.PDF("Rencana Kerja", nil)
	out, _, err := Sign(in, identity(t), Options{TSA: url, Block: NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Intact() {
		t.Fatalf("not intact: %s", rep.Problem())
	}
	s := rep.Signatures[0]
	if s.SubFilter != "ETSI.CAdES.detached" {
		t.Errorf("SubFilter %q, want ETSI.CAdES.detached", s.SubFilter)
	}
	if !s.TimeStamp.Equal(stampTime) || s.TimeStampBy != signtest.TSAName {
		t.Errorf("time-stamp %v by %q, want %v by %q", s.TimeStamp, s.TimeStampBy, stampTime, signtest.TSAName)
	}

	signtest.NeedPdfsig(t)
	file := filepath.Join(t.TempDir(), "stamped.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	r := signtest.Pdfsig(t, file)
	for _, want := range []string{"Signature Type: ETSI.CAdES.detached", signtest.Valid, "Total document signed"} {
		if !strings.Contains(r, want) {
			t.Errorf("pdfsig does not say %q:\n%s", want, r)
		}
	}
	// poppler's pdfsig (22.12) prints the signer's clock (/M) as the
	// signing time and nothing of a time-stamp; openssl reads the token and
	// checks it against the signature value.
	opensslTimeStamp(t, out, stampTime)
}

// opensslTimeStamp takes the time-stamp token out of the signature of doc,
// and has openssl print its time and verify it against the signature value
// and the authority's certificate.
func opensslTimeStamp(t *testing.T, doc []byte, at time.Time) {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		testenv.Missing(t, "openssl checks the time-stamp independently: apt-get install openssl")
	}
	i := bytes.LastIndex(doc, []byte("/Contents <"))
	j := bytes.IndexByte(doc[i:], '>')
	der, err := hex.DecodeString(string(doc[i+len("/Contents <") : i+j]))
	if err != nil {
		t.Fatal(err)
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		t.Fatal(err)
	}
	var token []byte
	for _, a := range p7.Signers[0].UnauthenticatedAttributes {
		if a.Type.Equal(oidTimeStampToken) {
			token = a.Value.Bytes
		}
	}
	if token == nil {
		t.Fatal("no time-stamp token in the signature")
	}
	tp7, err := pkcs7.Parse(token)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"token.der": token,
		"value.bin": p7.Signers[0].EncryptedDigest,
		"tsa.pem":   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: tp7.Certificates[0].Raw}),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text, err := exec.Command("openssl", "ts", "-reply", "-token_in", "-in", filepath.Join(dir, "token.der"), "-token_out", "-text").CombinedOutput()
	if err != nil {
		t.Fatalf("openssl ts -reply: %v\n%s", err, text)
	}
	if want := "Time stamp: " + at.Format("Jan _2 15:04:05 2006") + " GMT"; !strings.Contains(string(text), want) {
		t.Errorf("openssl does not say %q:\n%s", want, text)
	}
	v, err := exec.Command("openssl", "ts", "-verify", "-token_in", "-in", filepath.Join(dir, "token.der"),
		"-data", filepath.Join(dir, "value.bin"), "-CAfile", filepath.Join(dir, "tsa.pem")).CombinedOutput()
	if err != nil || !strings.Contains(string(v), "Verification: OK") {
		t.Errorf("openssl ts -verify: %v\n%s", err, v)
	}
}

// TestTSAFaults: an authority that answers wrongly is an error, never a
// signature without the time-stamp.
func TestTSAFaults(t *testing.T) {
	in := signtest.PDF("Rencana Kerja", nil)
	for _, c := range []struct {
		fault signtest.TSAFault
		want  string
	}{
		{signtest.TSAOtherDigest, "other data"},
		{signtest.TSAOtherNonce, "nonce"},
		{signtest.TSARejected, "not a valid time stamp"},
		{signtest.TSAGarbage, "not a valid time stamp"},
		{signtest.TSAServerError, "500"},
	} {
		url := signtest.TSA(t, stampTime, c.fault)
		out, _, err := Sign(in, identity(t), Options{TSA: url, Block: NoBlock})
		if err == nil || out != nil {
			t.Errorf("fault %d: signed without a good time-stamp", c.fault)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("fault %d: error %q does not say %q", c.fault, err, c.want)
		}
	}
	if _, _, err := Sign(in, identity(t), Options{TSA: "http://127.0.0.1:1/", Block: NoBlock}); err == nil || !strings.Contains(err.Error(), "cannot be reached") {
		t.Errorf("no authority there: %v", err)
	}
}
