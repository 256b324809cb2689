package sign

import (
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"strings"
	"time"
	"unicode"

	"renja/internal/msg"
)

// What is signed is what was approved: only a final PDF of the project's
// current sources, only by the person renja.toml names. renja sign checks
// both before any signing request, whatever signs (a PKCS#12 key or BSrE).

// Approval is what a PDF must match to be signed: the project's signatory
// and the content hash of its sources now.
type Approval struct {
	Signatory   string // renja.toml's [signatory] name
	ContentHash string // provenance.ContentHash of the project
	Dir         string // the project folder, for messages
}

// CheckDocument refuses a draft, a PDF that records no source digest, and
// one made from other sources than the project's current ones. file names
// the PDF in messages.
func (a Approval) CheckDocument(file string, info Info) error {
	switch {
	case info.Draft:
		return msg.Errorf("%s is a DRAFT: it was made while `renja check` reported errors, and a draft is never signed; correct them and make the final PDF with `renja build --final`", file)
	case info.ContentHash == "":
		return msg.Errorf("%s records no source digest (it was not made by renja build), so no one could tell which sources were signed; sign the PDF that `renja build --final` makes", file)
	case info.ContentHash != a.ContentHash:
		return msg.Errorf("%s was not made from the sources now in %s (source digest %s, here %s): build it again with `renja build --final` and sign that", file, a.Dir, info.ContentHash, a.ContentHash)
	}
	return nil
}

// CheckSigner refuses a certificate that is not the signatory's (see
// [SameName]) or that is not valid at the time of signing.
func (a Approval) CheckSigner(cert *x509.Certificate, at time.Time) error {
	if name := certName(cert); !SameName(name, a.Signatory) {
		return msg.Errorf("the certificate is %q's, but renja.toml names %q as the signatory: only the signatory signs this Renja (change [signatory] name in renja.toml if the signatory changed, and build again)", name, a.Signatory)
	}
	return checkValidity(cert, at)
}

// checkValidity refuses a certificate that is expired or not yet valid at.
func checkValidity(cert *x509.Certificate, at time.Time) error {
	switch {
	case at.Before(cert.NotBefore):
		return msg.Errorf("the certificate of %s is not yet valid: it is valid from %s to %s", certName(cert), day(cert.NotBefore), day(cert.NotAfter))
	case at.After(cert.NotAfter):
		return msg.Errorf("the certificate of %s expired on %s (valid from %s): ask for a new one", certName(cert), day(cert.NotAfter), day(cert.NotBefore))
	}
	return nil
}

func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// SameName reports whether two spellings name the same person: compared
// without academic and religious titles (Drs., Dr., Ir., H., Hj., Prof.
// before the name; everything after its first comma: S.Sos., M.Si., …),
// case, punctuation and spacing. "Drs. ANDI BASO, M.Si." is "Andi Baso".
func SameName(a, b string) bool {
	x, y := bareName(a), bareName(b)
	return x != "" && x == y
}

// prefixTitles are the titles written before a name, without their dots.
var prefixTitles = map[string]bool{"DR": true, "DRS": true, "DRA": true, "IR": true, "H": true, "HJ": true,
	"PROF": true, "DRG": true, "DRH": true, "KH": true}

// bareName is a name without titles, in capitals, its words separated by
// one space and without punctuation.
func bareName(s string) string {
	s, _, _ = strings.Cut(s, ",")
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToUpper(s), unicode.IsSpace) {
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, w)
		if w != "" {
			words = append(words, w)
		}
	}
	for len(words) > 1 && prefixTitles[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// checkKeyPair refuses a key that is not the key of the certificate: what
// it signed would not verify.
func checkKeyPair(key crypto.Signer, cert *x509.Certificate) error {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if k, ok := key.Public().(equaler); ok && k.Equal(cert.PublicKey) {
		return nil
	}
	return msg.Errorf("the private key (public key %s) is not the key of the certificate of %s (serial %s, public key %s): they do not belong together",
		keyID(key.Public()), certName(cert), cert.SerialNumber, keyID(cert.PublicKey))
}

// keyID is a short fingerprint of a public key: the first bytes of the
// SHA-256 of its DER form.
func keyID(pub crypto.PublicKey) string {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return fmt.Sprintf("%T", pub)
	}
	h := sha256.Sum256(der)
	return fmt.Sprintf("%x…", h[:6])
}
