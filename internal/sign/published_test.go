package sign

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
	"renja/internal/testenv"
)

// TestPublish reads a project's signed/ folder as the website lists it:
// the PDFs only, sorted; each with the hash of its file and of the document
// as it was before its first signature (the id of its row on the
// verification page, which the QR code names), its signer, reason and time.
func TestPublish(t *testing.T) {
	in, final := signed(t, map[string]string{"RenjaContentHash": hash})
	_, draft := signed(t, map[string]string{"RenjaContentHash": hash, "RenjaDraft": "true"})
	dir := testenv.Files(t, map[string]string{"signed/catatan.txt": "bukan PDF"})
	os.WriteFile(filepath.Join(dir, "signed", "b-final.pdf"), final, 0o644)
	os.WriteFile(filepath.Join(dir, "signed", "a-draft.pdf"), draft, 0o644)

	list, err := Publish(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].File != "a-draft.pdf" || list[1].File != "b-final.pdf" {
		t.Fatalf("published %d: %+v", len(list), list)
	}
	p := list[1]
	if p.SHA256 != sha256.Sum256(final) || p.Document != sha256.Sum256(in) || string(p.Bytes) != string(final) {
		t.Errorf("hashes: file %x, document %x; want %x, %x (the PDF before it was signed)", p.SHA256, p.Document, sha256.Sum256(final), sha256.Sum256(in))
	}
	if want := fmt.Sprintf("sha256-%x", sha256.Sum256(in)); p.Anchor() != want {
		t.Errorf("Anchor = %q, want %q", p.Anchor(), want)
	}
	if p.Signer() != signtest.Name || p.Reason() != Reason {
		t.Errorf("Signer %q, Reason %q", p.Signer(), p.Reason())
	}
	if tm, stamped := p.Time(); stamped || tm.IsZero() || tm != p.Report.Signatures[0].Time {
		t.Errorf("Time = %v, stamped %v: want the signer's clock, not stamped", tm, stamped)
	}
	var none Published
	if none.Signer() != "" || none.Reason() != "" {
		t.Error("a PDF without a report names a signer")
	}

	// Stale: only the final PDF of the current sources, signed by the signatory, is current.
	for _, tt := range []struct {
		p                   Published
		contentHash, signer string
		want                string
	}{
		{list[1], hash, signtest.Name, ""},
		{list[1], hash, strings.ToUpper(signtest.Name), ""},
		{list[0], hash, signtest.Name, "signed DRAFT"},
		{list[1], "sha256:ff", signtest.Name, "other sources than the current ones (source digest " + hash + ", now sha256:ff)"},
		{list[1], hash, "CAMAT LAIN", "not by the signatory CAMAT LAIN"},
	} {
		if got := tt.p.Stale(tt.contentHash, tt.signer); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("Stale(%s, %s) of %s = %q, want %q", tt.contentHash, tt.signer, tt.p.File, got, tt.want)
		}
	}

	// A PDF that is not signed (or no longer intact) stops the listing.
	os.WriteFile(filepath.Join(dir, "signed", "c.pdf"), in, 0o644)
	if _, err := Publish(dir); err == nil || !strings.Contains(err.Error(), "c.pdf") {
		t.Errorf("an unsigned PDF in signed/: err = %v", err)
	}
}

// TestBeforeSigning cuts a signed PDF back to the revision before its first
// signature, the line end after %%EOF kept (CRLF too); a PDF without a
// signature, or whose /ByteRange points nowhere, is returned whole.
func TestBeforeSigning(t *testing.T) {
	in, out := signed(t, nil)
	if got := unsigned(out); string(got) != string(in) {
		t.Errorf("unsigned(signed) is %d bytes, want the %d of the PDF signed", len(got), len(in))
	}
	twice, _, err := Sign(out, identity(t), Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if got := unsigned(twice); string(got) != string(in) {
		t.Errorf("unsigned(countersigned) is %d bytes, want the %d before the first signature", len(got), len(in))
	}
	for _, tt := range []struct{ name, doc, want string }{
		{"no signature", "%PDF-1.7\n%%EOF\n", "%PDF-1.7\n%%EOF\n"},
		{"CRLF", "%PDF-1.7\n%%EOF\r\n/ByteRange [0 16 30 2]", "%PDF-1.7\n%%EOF\r\n"},
		{"one line end only", "%PDF-1.7\n%%EOF\n\n\n/ByteRange [0 17 30 2]", "%PDF-1.7\n%%EOF\n\n"},
		{"not past the signed range", "%PDF-1.7\n%%EOF\n\n/ByteRange [0 15 30 2]", "%PDF-1.7\n%%EOF\n"},
		{"past the end", "%PDF-1.7\n%%EOF\n/ByteRange [0 999 30 2]", "%PDF-1.7\n%%EOF\n/ByteRange [0 999 30 2]"},
		{"zero", "%PDF-1.7\n%%EOF\n/ByteRange [0 0 30 2]", "%PDF-1.7\n%%EOF\n/ByteRange [0 0 30 2]"},
		{"no %%EOF before", "%PDF-1.7\n/ByteRange [0 5 30 2]", "%PDF-1.7\n/ByteRange [0 5 30 2]"},
	} {
		if got := string(unsigned([]byte(tt.doc))); got != tt.want {
			t.Errorf("%s: unsigned = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestReadList reads the file hashes a verification page lists, in either
// case, and nothing else of the page.
func TestReadList(t *testing.T) {
	a, b := strings.Repeat("ab", 32), strings.Repeat("0F", 32)
	page := `<tr id="sha256-x"><td class="sha256">` + a + `</td></tr><tr><td class="sha256">` + b + `</td><td class="sha256">123</td><td>` + strings.Repeat("cd", 32) + `</td></tr>`
	got := ReadList([]byte(page))
	if len(got) != 2 || !got[a] || !got[strings.ToLower(b)] {
		t.Errorf("ReadList = %v", got)
	}
}
