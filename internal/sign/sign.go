// Package sign signs a PDF with a key and certificate from a PKCS#12 file,
// and verifies the signatures of a PDF: whether the signed bytes are intact,
// who signed, when and why, and what the PDF records of the sources that made
// it (see package provenance).
//
// The signature is PAdES (SubFilter ETSI.CAdES.detached): a CMS detached
// signature with the ESS signing-certificate-v2 attribute and no signing-time
// attribute (baseline B-B), and with an RFC 3161 time-stamp of the signature
// value from a time-stamp authority when one is named (B-T). renja writes it
// itself as an incremental update (pdfcpu reads the PDF): every byte of the
// input stays as it was, and the signature covers all of them. It is visible
// in a signature block of the document (the signer's name, NIP, the words
// "Ditandatangani secara elektronik", the time, and a QR code leading to the
// website's verification page); github.com/digitorus/pdfsign checks the
// signatures when verifying.
package sign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/digitorus/pdf"
	"software.sslmate.com/src/go-pkcs12"

	"renja/internal/msg"
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

// errPassword says that the PKCS#12 file did not open with the password.
var errPassword error = msg.Const("wrong password for the PKCS#12 file")

// LoadPKCS12 reads a PKCS#12 (.p12, .pfx) file's key and certificate.
func LoadPKCS12(data []byte, password string) (*Identity, error) {
	key, cert, chain, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, errPassword
	}
	if err != nil {
		return nil, msg.Errorf("reading the PKCS#12 file: %w", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, msg.Errorf("reading the PKCS#12 file: a %T key cannot sign", key)
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
			info, err = Info{}, msg.Errorf("the PDF cannot be read: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return Info{}, msg.Errorf("the PDF cannot be read: %w", err)
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
