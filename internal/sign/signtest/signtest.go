// Package signtest makes what the tests of signing need and the repository
// must not hold: a throw-away self-signed certificate and its key packed as
// PKCS#12, and small PDFs made by hand (also for package pdf's reader). It is
// for tests only.
package signtest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"renja/internal/testenv"
)

// Password of the PKCS#12 files that P12 makes.
const Password = "rahasia-uji"

// Name is the common name of the test certificates: the signatory that the
// test projects' renja.toml names (there with academic titles).
const Name = "NAMA CAMAT"

// oidDocumentSigning is the Document Signing extended key usage (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// P12 returns a new self-signed RSA-2048 certificate for Name, valid from a
// day ago for a year, with its key, as a PKCS#12 file locked with Password.
func P12(t testing.TB) []byte {
	t.Helper()
	now := time.Now()
	return P12For(t, Name, now.Add(-24*time.Hour), now.Add(365*24*time.Hour))
}

// P12For is [P12] for another name and validity.
func P12For(t testing.TB, name string, notBefore, notAfter time.Time) []byte {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := signerTemplate(name, notBefore, notAfter)
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	p12, err := pkcs12.Modern.Encode(key, cert, nil, Password)
	if err != nil {
		t.Fatal(err)
	}
	return p12
}

// signerTemplate is the certificate of a person who signs documents.
func signerTemplate(name string, notBefore, notAfter time.Time) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"Kantor Kecamatan Contoh"}, Country: []string{"ID"}},
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
	}
}

// PDF returns a one-page PDF with a classic cross-reference table, as Chrome
// writes, whose page shows text and whose information dictionary holds info
// (values written as literal strings: keep them to letters, digits, spaces
// and ":").
func PDF(text string, info map[string]string) []byte {
	content := fmt.Sprintf("BT /F1 24 Tf 72 720 Td (%s) Tj ET", text)
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var infoDict strings.Builder
	infoDict.WriteString("<< /Producer (signtest)")
	for _, k := range keys {
		fmt.Fprintf(&infoDict, " /%s (%s)", k, info[k])
	}
	infoDict.WriteString(" >>")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		infoDict.String(),
	}
	return Classic(objs, len(objs))
}

// Classic writes objects 1…n (1 the catalog, info the information
// dictionary) as a PDF with a classic cross-reference table, as Chrome
// writes them.
func Classic(objs []string, info int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, info, xref)
	return b.Bytes()
}

// NeedPdfsig skips the test when poppler's pdfsig is missing, except in CI
// (CI=true), which installs it, where it fails.
func NeedPdfsig(t testing.TB) {
	t.Helper()
	testenv.Tool(t, "pdfsig", "poppler-utils")
}

// Valid is what pdfsig prints for a signature whose bytes are as signed.
const Valid = "Signature Validation: Signature is Valid."

// Pdfsig runs poppler's pdfsig on file and returns what it printed. Its exit
// status is not an error: it is not 0 for a signature that does not verify.
func Pdfsig(t testing.TB, file string) string {
	t.Helper()
	out, err := exec.Command("pdfsig", file).CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return string(out)
}
