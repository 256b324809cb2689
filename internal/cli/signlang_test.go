package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"renja/internal/msg"
)

// TestVerifyLanguage: renja verify speaks Indonesian by default and English
// with --lang en (issue #15), down to the reason the PDF cannot be read.
func TestVerifyLanguage(t *testing.T) {
	t.Cleanup(func() { msg.SetLang(msg.EN) })
	t.Setenv("RENJA_LANG", "")
	notPDF := filepath.Join(t.TempDir(), "bukan.pdf")
	if err := os.WriteFile(notPDF, []byte("[office]\nname = \"Kecamatan Contoh\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"verify", notPDF}, notPDF + ": TIDAK UTUH: PDF tidak terbaca: bukan berkas PDF (tidak ada %EOF)\n", "cannot be read"},
		{[]string{"verify", "--lang", "en", notPDF}, notPDF + ": NOT INTACT: the PDF cannot be read: it is not a PDF file (there is no %EOF)\n", "tidak"},
		{[]string{"--lang", "id", "verify", notPDF}, notPDF + ": TIDAK UTUH: PDF tidak terbaca: bukan berkas PDF (tidak ada %EOF)\n", "cannot be read"},
	} {
		code, out, errs := runIn(t, c.args...)
		if code != exitFail || out != c.want || strings.Contains(out+errs, c.not) {
			t.Errorf("renja %s: exit %d, want %d and\n%q\ngot\n%q\n%s", strings.Join(c.args, " "), code, exitFail, c.want, out, errs)
		}
	}
}
