package sign

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	qrcode "github.com/yeqown/go-qrcode/v2"

	"renja/internal/idn"
	"renja/internal/msg"
)

// Electronically is what the visible signature says of itself.
const Electronically = "Ditandatangani secara elektronik oleh"

// QRText is the text of the QR code of a visible signature: the address of
// the verification page and, as its fragment, the [anchor] of the document
// as it was before it was signed (the id of its row on that page). Without
// an address it is "sha256:" and the digest.
func QRText(address string, digest [32]byte) string {
	if address == "" {
		return "sha256:" + Hex(digest)
	}
	return address + "#" + anchor(digest)
}

// anchor is the id of a document's row on the verification page, and the
// fragment of the QR code's address: "sha256-" and the SHA-256 of the
// document before it was signed.
func anchor(digest [32]byte) string { return "sha256-" + Hex(digest) }

// qrMatrix returns the modules of a QR code of s, dark true, row by row.
func qrMatrix(s string) ([][]bool, error) {
	q, err := qrcode.NewWith(s, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, msg.Errorf("QR code: %w", err)
	}
	var w matrixWriter
	if err := q.Save(&w); err != nil {
		return nil, msg.Errorf("QR code: %w", err)
	}
	return w.m, nil
}

type matrixWriter struct{ m [][]bool }

func (w *matrixWriter) Write(m qrcode.Matrix) error { w.m = m.Bitmap(); return nil }
func (w *matrixWriter) Close() error                { return nil }

// appearanceLines are the lines of text of a visible signature.
func appearanceLines(name, nip string, at time.Time) []string {
	lines := []string{Electronically, name}
	if nip != "" {
		lines = append(lines, "NIP "+nip)
	}
	zone := at.Format("MST")
	if zone == "" || zone[0] == '+' || zone[0] == '-' {
		zone = "UTC" + at.Format("-07:00")
	}
	lines = append(lines, "pada "+idn.Date(at)+", "+at.Format("15.04")+" "+zone)
	return lines
}

// appearance returns the content of the appearance stream of a visible
// signature w × h points large: the QR code, as large as the height allows,
// on the left, and the lines on its right, the second (the name) in bold.
func appearance(w, h float64, qr [][]bool, lines []string) []byte {
	var b bytes.Buffer
	n := len(qr)
	quiet := 2 // modules of white around the code
	side := min(h, w/2)
	mod := side / float64(n+2*quiet)
	b.WriteString("q 0 0 0 rg\n")
	for y, row := range qr {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&b, "%s %s %s %s re\n", f(float64(x+quiet)*mod), f(side-float64(y+quiet+1)*mod), f(mod), f(mod))
			}
		}
	}
	b.WriteString("f\n")

	left := side + 4
	avail := w - left - 2
	size := 7.5
	for _, l := range lines {
		if need := textWidth(l) * size; need > avail {
			size = min(size, avail/textWidth(l))
		}
	}
	size = max(size, 4)
	lead := size * 1.25
	top := h - (h-lead*float64(len(lines)))/2 - size
	b.WriteString("BT\n")
	fmt.Fprintf(&b, "%s %s Td\n", f(left), f(top))
	for i, l := range lines {
		font := "/Helv"
		if i == 1 {
			font = "/HelvB"
		}
		if i > 0 {
			fmt.Fprintf(&b, "0 %s Td\n", f(-lead))
		}
		fmt.Fprintf(&b, "%s %s Tf (%s) Tj\n", font, f(size), winAnsi(l))
	}
	b.WriteString("ET Q\n")
	return b.Bytes()
}

// appearanceResources are the fonts the appearance uses: the standard
// Helvetica, which every reader has.
const appearanceResources = "<< /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> " +
	"/HelvB << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >> >>"

// textWidth is the width of s in Helvetica Bold at size 1, a little
// generous: the average widths of capitals, small letters, digits and
// spaces.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.28
		case r >= 'A' && r <= 'Z', r == 'M', r == 'W':
			w += 0.72
		case r >= '0' && r <= '9':
			w += 0.56
		case r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == ':' || r == 't' || r == 'f' || r == 'r':
			w += 0.33
		default:
			w += 0.58
		}
	}
	return w
}

// winAnsi writes s as the bytes of a literal string in WinAnsiEncoding,
// escaped; a character outside Latin-1 becomes "?".
func winAnsi(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// f writes a number of points with at most three decimals.
func f(v float64) string { return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64) }

// VerificationPage is the website's page that lists the signed PDFs
// published with it (render.VerificationPage).
const VerificationPage = "verifikasi.html"

// VerificationAddress is the address of the verification page of a
// website given as renja.toml's office.website ("kec-kalaena.go.id",
// "https://…/renja/"): https is assumed, the host is written in lower case.
// An empty website gives "".
func VerificationAddress(website string) string {
	w := strings.TrimSpace(website)
	if w == "" {
		return ""
	}
	scheme := "https://"
	if i := strings.Index(w, "://"); i >= 0 {
		scheme, w = strings.ToLower(w[:i+3]), w[i+3:]
	}
	host, path, _ := strings.Cut(w, "/")
	path = strings.Trim(path, "/")
	if path != "" {
		path += "/"
	}
	return scheme + strings.ToLower(host) + "/" + path + VerificationPage
}
