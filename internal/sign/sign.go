// Package sign signs a PDF with a key and certificate from a PKCS#12 file,
// and verifies the signatures of a PDF: whether the signed bytes are intact,
// who signed, when and why, and what the PDF records of the sources that made
// it (see package provenance).
//
// The signature is a CMS (PKCS#7) detached signature in the PDF's own
// signature dictionary (SubFilter adbe.pkcs7.detached) with the ESS
// signing-certificate-v2 attribute, made by github.com/digitorus/pdfsign as
// an incremental update: every byte of the input stays as it was, and the
// signature covers all of them. It is invisible: the printed signature block
// of the document is the visible one.
package sign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
	pdfsign "github.com/digitorus/pdfsign/sign"
	"software.sslmate.com/src/go-pkcs12"

	"renja/internal/sign/provenance"
)

// Reason is the reason that renja gives for a signature: the plan is adopted.
const Reason = "Penetapan Rencana Kerja"

// Identity is a signer: a private key and its certificate.
type Identity struct {
	Key   crypto.Signer
	Cert  *x509.Certificate
	Chain []*x509.Certificate // the issuers that came with it, nearest first
}

// ErrPassword says that the PKCS#12 file did not open with the password.
var ErrPassword = errors.New("wrong password for the PKCS#12 file")

// LoadPKCS12 reads a PKCS#12 (.p12, .pfx) file's key and certificate.
func LoadPKCS12(data []byte, password string) (*Identity, error) {
	key, cert, chain, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, ErrPassword
	}
	if err != nil {
		return nil, fmt.Errorf("reading the PKCS#12 file: %w", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("reading the PKCS#12 file: a %T key cannot sign", key)
	}
	return &Identity{Key: signer, Cert: cert, Chain: chain}, nil
}

// Name is the signer's name from the certificate: its common name, else the
// whole subject.
func (id *Identity) Name() string { return certName(id.Cert) }

func certName(c *x509.Certificate) string {
	if c == nil {
		return ""
	}
	if c.Subject.CommonName != "" {
		return c.Subject.CommonName
	}
	return c.Subject.String()
}

// Options of a signature.
type Options struct {
	Name     string    // written as /Name; default: the certificate's name
	Reason   string    // default: Reason
	Location string    // the place of signing; empty: none
	Time     time.Time // the time of signing; zero: now
}

// Sign returns doc with a signature by id appended. The first signature of
// a document certifies it (DocMDP, permitting only further signatures, such
// as a countersignature or a time-stamp); a later one approves it. Sign
// verifies what it made before returning it.
//
// A name or location whose characters pdfsign cannot write faithfully (some
// non-Latin characters, and brackets or a backslash in a non-ASCII text) is
// left out, and said so in the returned warnings; the certificate still
// names the signer.
func Sign(doc []byte, id *Identity, o Options) (signed []byte, warnings []string, err error) {
	if id == nil || id.Key == nil || id.Cert == nil {
		return nil, nil, errors.New("signing: no key or certificate")
	}
	if o.Name == "" {
		o.Name = id.Name()
	}
	if o.Reason == "" {
		o.Reason = Reason
	}
	if o.Time.IsZero() {
		o.Time = time.Now()
	}
	for _, f := range []struct {
		what string
		v    *string
	}{{"signer's name", &o.Name}, {"location", &o.Location}, {"reason", &o.Reason}} {
		if !writable(*f.v) {
			warnings = append(warnings, fmt.Sprintf("the %s %q cannot be written into the signature dictionary; it is left out", f.what, *f.v))
			*f.v = ""
		}
	}
	if t := o.Time; t.Before(id.Cert.NotBefore) || t.After(id.Cert.NotAfter) {
		warnings = append(warnings, fmt.Sprintf("the certificate is valid from %s to %s, not at the time of signing",
			id.Cert.NotBefore.Format(time.DateOnly), id.Cert.NotAfter.Format(time.DateOnly)))
	}

	defer func() {
		if r := recover(); r != nil {
			signed, err = nil, fmt.Errorf("signing: the PDF cannot be read: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, warnings, fmt.Errorf("signing: the PDF cannot be read: %w", err)
	}
	if rdr.Trailer().Key("Encrypt").Kind() != pdf.Null {
		return nil, warnings, errors.New("signing: the PDF is encrypted")
	}
	certType := pdfsign.CertificationSignature
	if !rdr.Trailer().Key("Root").Key("AcroForm").Key("SigFlags").IsNull() {
		certType = pdfsign.ApprovalSignature
	}
	var out bytes.Buffer
	err = pdfsign.Sign(bytes.NewReader(doc), &out, rdr, int64(len(doc)), pdfsign.SignData{
		Signature: pdfsign.SignDataSignature{
			Info: pdfsign.SignDataSignatureInfo{
				Name:     o.Name,
				Location: o.Location,
				Reason:   o.Reason,
				Date:     o.Time,
			},
			CertType:   certType,
			DocMDPPerm: pdfsign.AllowFillingExistingFormFieldsAndSignaturesPerms,
		},
		Signer:            id.Key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       id.Cert,
		CertificateChains: [][]*x509.Certificate{append([]*x509.Certificate{id.Cert}, id.Chain...)},
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("signing: %w", err)
	}
	signed = out.Bytes()
	rep, err := Verify(signed)
	if err != nil {
		return nil, warnings, fmt.Errorf("signing: the signed PDF does not verify: %w", err)
	}
	if !rep.Intact() {
		return nil, warnings, fmt.Errorf("signing: the signed PDF does not verify: %s", rep.Problem())
	}
	return signed, warnings, nil
}

// writable reports whether pdfsign writes s so that a reader reads s back:
// it writes a non-ASCII text as UTF-16 in a literal string without escaping
// it, so no UTF-16 byte may be a bracket, a backslash or a carriage return.
func writable(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return true
	}
	for _, u := range utf16.Encode([]rune(s)) {
		for _, b := range []byte{byte(u >> 8), byte(u)} {
			switch b {
			case '(', ')', '\\', '\r':
				return false
			}
		}
	}
	return true
}

// Info is what a PDF's information dictionary records of its sources.
type Info struct {
	ContentHash string // provenance.HashKey; "" when the PDF records none
	Draft       bool   // provenance.DraftKey is "true"
	Title       string
}

// ReadInfo reads the information dictionary of the PDF (of its latest
// revision).
func ReadInfo(doc []byte) (info Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			info, err = Info{}, fmt.Errorf("reading the PDF: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return Info{}, fmt.Errorf("reading the PDF: %w", err)
	}
	return readInfo(rdr), nil
}

func readInfo(rdr *pdf.Reader) Info {
	d := rdr.Trailer().Key("Info")
	return Info{
		ContentHash: strings.TrimSpace(d.Key(provenance.HashKey).Text()),
		Draft:       d.Key(provenance.DraftKey).Text() == "true",
		Title:       d.Key("Title").Text(),
	}
}

// SignedName is the default name of the signed copy of a PDF: IN-signed.pdf
// beside IN.pdf.
func SignedName(in string) string {
	ext := filepath.Ext(in)
	if !strings.EqualFold(ext, ".pdf") {
		ext = ""
	}
	return strings.TrimSuffix(in, ext) + "-signed.pdf"
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, renamed into place when it is complete: a reader sees the old file
// or the new one, never a part.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".renja-sign-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
