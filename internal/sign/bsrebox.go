package sign

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"renja/internal/msg"
)

// A Box is where BSrE's eSign Client draws a visible signature: the page
// (1-based) and originX, originY, width and height in points, (0,0) at
// the corner that renja.toml's [signing] origin names.
type Box struct {
	Page       int
	X, Y, W, H float64
}

// BSrEBox turns a signature block's rectangle, in the PDF's own
// coordinates (lower left x, y, upper right x, y; (0,0) at the page's
// lower left corner, y up), on a page pageHeight points high, into the box
// that BSrE is sent. With topLeft, (0,0) is the page's top left corner and
// y grows downwards, so originY is the distance from the top edge to the
// top of the block; otherwise it is the PDF's own lower left origin. The
// API does not document which one it takes: this is the one place that
// decides.
func BSrEBox(rect [4]float64, pageHeight float64, topLeft bool) (x, y, w, h float64) {
	x, w, h = rect[0], rect[2]-rect[0], rect[3]-rect[1]
	y = rect[1]
	if topLeft {
		y = pageHeight - rect[3]
	}
	return x, y, w, h
}

// pxPerPoint is the resolution of the appearance image: 4 pixels a point,
// 288 dots per inch, sharp in print.
const pxPerPoint = 4

// AppearancePNG draws renja's visible signature as a PNG image of w × h
// points: the QR code of qr on the left, as large as the height allows, and
// the lines (see appearanceLines: "Ditandatangani secara elektronik oleh",
// the name in bold, the NIP, the time) on its right. BSrE's eSign Client
// places it in the signature block; a .p12 signature draws the same in PDF
// operators (see appearance).
func AppearancePNG(qr string, name, nip string, at time.Time, w, h float64) ([]byte, error) {
	modules, err := qrMatrix(qr)
	if err != nil {
		return nil, err
	}
	W, H := int(math.Round(w*pxPerPoint)), int(math.Round(h*pxPerPoint))
	if W < 40 || H < 20 {
		return nil, msg.Errorf("the signature block is too small for the signature (%.0f × %.0f points)", w, h)
	}
	img := image.NewNRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.Transparent, image.Point{}, draw.Src)

	const quiet = 2
	side := min(H, W/2)
	n := len(modules) + 2*quiet
	mod := side / n
	off := (side - mod*n) / 2
	draw.Draw(img, image.Rect(0, (H-side)/2, side, (H-side)/2+side), image.White, image.Point{}, draw.Src)
	for y, row := range modules {
		for x, dark := range row {
			if dark {
				r := image.Rect(off+(x+quiet)*mod, (H-side)/2+off+(y+quiet)*mod, off+(x+quiet+1)*mod, (H-side)/2+off+(y+quiet+1)*mod)
				draw.Draw(img, r, image.Black, image.Point{}, draw.Src)
			}
		}
	}

	lines := appearanceLines(name, nip, at)
	left := side + 4*pxPerPoint
	avail := float64(W - left - 2*pxPerPoint)
	size := 7.5 * pxPerPoint
	for _, l := range lines {
		size = min(size, avail/textWidth(l))
	}
	size = max(size, 4*pxPerPoint)
	regular, err := face(goregular.TTF, size)
	if err != nil {
		return nil, err
	}
	bold, err := face(gobold.TTF, size)
	if err != nil {
		return nil, err
	}
	lead := size * 1.25
	top := (float64(H)-lead*float64(len(lines)))/2 + size
	for i, l := range lines {
		f := regular
		if i == 1 {
			f = bold
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: f,
			Dot: fixed.P(left, int(math.Round(top+lead*float64(i))))}
		d.DrawString(l)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}
