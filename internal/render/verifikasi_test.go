package render

import (
	"strings"
	"testing"
	"time"

	"renja/internal/config"
)

// TestVerification: the verification page lists each signed PDF with its
// hashes, signer, time and reason, gives each document's first row the id
// its QR code points at, and needs no script.
func TestVerification(t *testing.T) {
	tpl, err := LoadTemplates(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c := &config.Config{}
	c.Office.Name = "Kantor Kecamatan Contoh"
	at := time.Date(2026, 12, 1, 23, 5, 0, 0, time.UTC)
	doc := strings.Repeat("d", 64)
	page, err := Verification(tpl, c, []SignedPDF{
		{File: "renja-signed.pdf", Anchor: "sha256-" + doc, Signer: "CAMAT", Time: at, Stamped: true, Reason: "Penetapan Rencana Kerja", FileHash: strings.Repeat("a", 64), DocHash: doc},
		{File: "renja-ttd2.pdf", Anchor: "sha256-" + doc, Signer: "CAMAT; SEKCAM", Time: at, Reason: "Penetapan Rencana Kerja", FileHash: strings.Repeat("b", 64), DocHash: doc},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{`<tr id="sha256-` + doc + `">`, `<a href="renja-signed.pdf">`, `<td class="sha256">` + strings.Repeat("a", 64),
		`<td class="sha256">` + strings.Repeat("b", 64), "CAMAT; SEKCAM", "1 Desember 2026, 23.05 UTC (cap waktu TSA)", "(jam penanda tangan)", "Penetapan Rencana Kerja"} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(s, `id="sha256-`); n != 1 {
		t.Errorf("%d rows with the document's id, want 1", n)
	}
	if strings.Contains(s, "<script") {
		t.Error("the page has a script")
	}
	empty, err := Verification(tpl, c, nil)
	if err != nil || !strings.Contains(string(empty), "Belum ada dokumen") {
		t.Errorf("no signed PDF: %v\n%s", err, empty)
	}
}
