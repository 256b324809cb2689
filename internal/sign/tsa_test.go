package sign

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
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
	t.Logf("pdfsig:\n%s", r)
}

// TestTSAFaults: an authority that answers wrongly is an error, never a
// signature without the time-stamp.
func TestTSAFaults(t *testing.T) {
	in := signtest.PDF("Rencana Kerja", nil)
	for _, c := range []struct {
		fault signtest.TSAFault
		want  string
	}{
		{signtest.TSAOtherDigest, "data lain"},
		{signtest.TSAOtherNonce, "nonce"},
		{signtest.TSARejected, "bukan cap waktu yang sah"},
		{signtest.TSAGarbage, "bukan cap waktu yang sah"},
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
	if _, _, err := Sign(in, identity(t), Options{TSA: "http://127.0.0.1:1/", Block: NoBlock}); err == nil || !strings.Contains(err.Error(), "tidak bisa dihubungi") {
		t.Errorf("no authority there: %v", err)
	}
}
