package sign

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image/png"

	"renja/internal/msg"
)

// imageAppearance adds to u a PNG image as an image XObject (its alpha as
// a soft mask) and returns the content and resources of an appearance that
// draws it over w × h points, as BSrE's eSign Client draws the image that
// it is sent (Options.Image).
func imageAppearance(u *update, b []byte, w, h float64) (stream []byte, resources string, err error) {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, "", msg.Errorf("the signature's image: %w", err)
	}
	bounds := img.Bounds()
	rgb := make([]byte, 0, 3*bounds.Dx()*bounds.Dy())
	alpha := make([]byte, 0, bounds.Dx()*bounds.Dy())
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a > 0 { // un-premultiply
				r, g, bl = r*0xffff/a, g*0xffff/a, bl*0xffff/a
			}
			rgb = append(rgb, byte(r>>8), byte(g>>8), byte(bl>>8))
			alpha = append(alpha, byte(a>>8))
		}
	}
	object := func(extra string, data []byte) int {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		head := fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 %s /Filter /FlateDecode /Length %d >>\nstream\n",
			bounds.Dx(), bounds.Dy(), extra, z.Len())
		return u.add(append(append([]byte(head), z.Bytes()...), "\nendstream"...))
	}
	mask := object("/ColorSpace /DeviceGray", alpha)
	im := object(fmt.Sprintf("/ColorSpace /DeviceRGB /SMask %d 0 R", mask), rgb)
	return fmt.Appendf(nil, "q %s 0 0 %s 0 0 cm /Im0 Do Q", f(w), f(h)), fmt.Sprintf("<< /XObject << /Im0 %d 0 R >> >>", im), nil
}
