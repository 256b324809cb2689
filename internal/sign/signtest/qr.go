package signtest

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// ReadQR decodes the QR code that a visible signature shows on page (1-based)
// of file, inside rect (lower left x, y, upper right x, y in points, on a
// page pageHeight points high), from an image made by poppler's pdftoppm,
// kept in dir. gozxing's sampling misreads a valid code at some scales (one
// print's code failed at 300 dpi and read at 200, 400 and 600), as a phone
// does at some distances: the code must read at one of a few resolutions.
func ReadQR(t testing.TB, file string, page int, rect [4]float64, pageHeight float64, dir string) string {
	t.Helper()
	var errs []string
	for _, dpi := range []int{300, 400, 600} {
		q := float64(dpi) / 72
		prefix := filepath.Join(dir, "block")
		crop := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile",
			"-x", fmt.Sprint(int(rect[0]*q)-20), "-y", fmt.Sprint(int((pageHeight-rect[3])*q)-20),
			"-W", fmt.Sprint(int((rect[2]-rect[0])*q)+40), "-H", fmt.Sprint(int((rect[3]-rect[1])*q)+40),
			file, prefix)
		if b, err := crop.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, b)
		}
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		text, err := decodeQR(b)
		if err == nil {
			if len(errs) > 0 {
				t.Logf("the QR code decoded after %s", strings.Join(errs, "; "))
			}
			return text
		}
		errs = append(errs, fmt.Sprintf("%d dpi: %v", dpi, err))
	}
	t.Fatalf("the QR code does not decode: %s", strings.Join(errs, "; "))
	return ""
}

// DecodeQR decodes the QR code of a PNG image.
func DecodeQR(t testing.TB, b []byte) string {
	t.Helper()
	text, err := decodeQR(b)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return text
}

func decodeQR(b []byte) (string, error) {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}
