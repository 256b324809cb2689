package sign

import (
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
)

// TestBSrEBox: the one place that turns a block's PDF rectangle into the
// box BSrE is sent, with (0,0) at the top left or at the bottom left.
func TestBSrEBox(t *testing.T) {
	rect := [4]float64{350, 100, 550, 170} // 200 × 70 points, 100 above the bottom
	for _, c := range []struct {
		topLeft    bool
		height     float64
		x, y, w, h float64
	}{
		{true, 842, 350, 672, 200, 70},  // A4: 842 − 170 from the top
		{false, 842, 350, 100, 200, 70}, // the PDF's own origin
		{true, 935.43, 350, 765.43, 200, 70},
	} {
		x, y, w, h := BSrEBox(rect, c.height, c.topLeft)
		if x != c.x || abs(y-c.y) > 1e-9 || w != c.w || h != c.h {
			t.Errorf("BSrEBox(%v, %v, topLeft %v) = %v %v %v %v, want %v %v %v %v", rect, c.height, c.topLeft, x, y, w, h, c.x, c.y, c.w, c.h)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// TestAppearancePNG: the image sent to BSrE is the block's size at 4
// pixels a point, and its QR code reads as the verification page's row.
func TestAppearancePNG(t *testing.T) {
	var digest [32]byte
	digest[0] = 0xab
	qr := QRText("https://kec-contoh.go.id/verifikasi.html", digest)
	b, err := AppearancePNG(qr, "NAMA CAMAT", "19770329 200801 1 008", time.Now(), 200, 70)
	if err != nil {
		t.Fatal(err)
	}
	if got := signtest.DecodeQR(t, b); got != "https://kec-contoh.go.id/verifikasi.html#sha256-ab"+strings.Repeat("0", 62) {
		t.Errorf("QR code %q", got)
	}
	if _, err := AppearancePNG(qr, "X", "", time.Now(), 8, 4); err == nil {
		t.Error("a block of 8 × 4 points takes the signature")
	}
}

// TestNewBSrE: plain HTTP only to this machine, or with --insecure-http
// and a warning.
func TestNewBSrE(t *testing.T) {
	for _, c := range []struct {
		url      string
		insecure bool
		err      string
		warn     bool
	}{
		{"https://esign.luwutimurkab.go.id", false, "", false},
		{"http://127.0.0.1:8080", false, "", false},
		{"http://localhost", false, "", false},
		{"http://[::1]:9", false, "", false},
		{"http://esign.luwutimurkab.go.id", false, "plain HTTP to esign.luwutimurkab.go.id is refused", false},
		{"http://10.1.2.3", true, "", true},
		{"ftp://x", false, "is not the address", false},
		{"esign.go.id", false, "is not the address", false},
	} {
		_, warning, err := NewBSrE(c.url, "u", "p", time.Second, c.insecure)
		if (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) || (warning != "") != c.warn {
			t.Errorf("NewBSrE(%q, insecure %v): %v, warning %q", c.url, c.insecure, err, warning)
		}
	}
}
