package signtest

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// ReadQR decodes the QR code that a visible signature shows on page (1-based)
// of file, inside rect (lower left x, y, upper right x, y in points, on a
// page pageHeight points high), from a 300 dpi image made by poppler's
// pdftoppm. The image is kept in dir.
func ReadQR(t testing.TB, file string, page int, rect [4]float64, pageHeight float64, dir string) string {
	t.Helper()
	const dpi = 300
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
	return DecodeQR(t, b)
}

// DecodeQR decodes the QR code of a PNG image.
func DecodeQR(t testing.TB, b []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}
