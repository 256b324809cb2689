package sign

import (
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
)

// FuzzVerify feeds verify's reading of a PDF (the signature dictionaries,
// byte ranges, CMS values, time-stamps and the DocMDP comparison of
// revisions) and the search for signature blocks with mutated PDFs: no
// input may crash it, and a report that calls a file intact must have
// intact signatures.
func FuzzVerify(f *testing.F) {
	id, err := LoadPKCS12(signtest.P12(f), signtest.Password)
	if err != nil {
		f.Fatal(err)
	}
	plain := signtest.PDF("Rencana Kerja", map[string]string{"RenjaContentHash": hash})
	once, _, err := Sign(plain, id, Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		f.Fatal(err)
	}
	twice, _, err := Sign(once, id, Options{Block: NoBlock, Time: time.Now()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(plain)
	f.Add(once)
	f.Add(twice)
	f.Add([]byte("%PDF-1.7\n%%EOF\n"))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /A [ [ [ ( ) ] ] >> endobj\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		rep, err := Verify(doc)
		if err == nil && rep.Intact() {
			if len(rep.Signatures) == 0 {
				t.Fatal("intact without a signature")
			}
			for _, s := range rep.Signatures {
				if !s.Intact {
					t.Fatalf("intact with a broken signature: %+v", s)
				}
			}
		}
		Blocks(doc)
	})
}

// FuzzSameName: comparing renja.toml's signatory with a certificate's name
// never panics, is symmetric, and a name is itself with titles added.
func FuzzSameName(f *testing.F) {
	for _, s := range []string{"Drs. ANDI BASO, M.Si.", "MUHAMMAD YUSRI", "Hj. Sitti", "", ",", "Dr.", "ÁNDI  bÁso"} {
		f.Add(s, "ANDI BASO")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if SameName(a, b) != SameName(b, a) {
			t.Errorf("SameName(%q, %q) is not symmetric", a, b)
		}
		if bare := bareName(a); bare != "" && !strings.Contains(bare, ",") && !SameName("Dr. "+bare+", M.Si.", a) {
			t.Errorf("%q with titles is not %q", bare, a)
		}
	})
}
