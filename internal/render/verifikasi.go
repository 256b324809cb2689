package render

import (
	"bytes"
	"time"

	"renja/internal/config"
	"renja/internal/idn"
	"renja/internal/msg"
)

// VerificationPage is the file name of the website's verification page, and
// of its layout.
const VerificationPage = "verifikasi.html"

// A SignedPDF is a signed PDF published with the website.
type SignedPDF struct {
	File     string    // its name, beside index.html
	Anchor   string    // the id of its row: what the QR code's address ends in
	Signer   string    // who signed it, the first first
	Time     time.Time // when: the time-stamp's time, else the signer's clock
	Stamped  bool      // Time is a time-stamp's
	Reason   string
	FileHash string // SHA-256 of the file, hexadecimal
	DocHash  string // SHA-256 of the document before it was signed
}

// signedView is a row of the verification page.
type signedView struct {
	SignedPDF
	When string
}

// Verification renders the website's verification page (the layout
// verifikasi.html) listing the signed PDFs published with the website.
func Verification(t *Templates, c *config.Config, signed []SignedPDF) ([]byte, error) {
	var rows []signedView
	seen := map[string]bool{}
	for _, p := range signed {
		if seen[p.Anchor] {
			p.Anchor = "" // the same document signed again: the QR code leads to its first row
		}
		seen[p.Anchor] = true
		when := idn.Date(p.Time) + ", " + p.Time.Format("15.04") + " " + p.Time.Format("MST")
		if p.Stamped {
			when += " (cap waktu TSA)"
		} else {
			when += " (jam penanda tangan)"
		}
		rows = append(rows, signedView{SignedPDF: p, When: when})
	}
	var buf bytes.Buffer
	if err := t.html.ExecuteTemplate(&buf, VerificationPage, map[string]any{"Config": c, "Signed": rows}); err != nil {
		return nil, msg.Errorf("templates/%s: %w", VerificationPage, err)
	}
	return buf.Bytes(), nil
}
