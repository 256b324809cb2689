package signtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"
)

// A Chain is a three-level test PKI, as BSrE's: a root certificate
// authority, an intermediate one, and a signer's certificate with its key.
type Chain struct {
	Key   *ecdsa.PrivateKey
	Certs []*x509.Certificate // the signer's, the intermediate's, the root's
}

// NewChain makes a Chain whose signer is name, valid from notBefore to
// notAfter (the authorities from a year before to a year after).
func NewChain(t testing.TB, name string, notBefore, notAfter time.Time) *Chain {
	t.Helper()
	mk := func(tmpl, parent *x509.Certificate, pub, signer any) *x509.Certificate {
		der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
		if err != nil {
			t.Fatal(err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	key := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	ca := func(cn string, serial int64) *x509.Certificate {
		return &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn, Organization: []string{"BSrE UJI"}, Country: []string{"ID"}},
			NotBefore: notBefore.AddDate(-1, 0, 0), NotAfter: notAfter.AddDate(1, 0, 0),
			KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign, BasicConstraintsValid: true, IsCA: true,
		}
	}
	rootKey, midKey, signerKey := key(), key(), key()
	rootTmpl := ca("Root CA Uji", 1)
	root := mk(rootTmpl, rootTmpl, &rootKey.PublicKey, rootKey)
	mid := mk(ca("CA Uji Tingkat 2", 2), root, &midKey.PublicKey, rootKey)
	tmpl := signerTemplate(name, notBefore, notAfter)
	tmpl.BasicConstraintsValid = false
	signer := mk(tmpl, mid, &signerKey.PublicKey, midKey)
	return &Chain{Key: signerKey, Certs: []*x509.Certificate{signer, mid, root}}
}
