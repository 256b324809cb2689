package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/asn1"
	"slices"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"renja/internal/msg"
)

// Object identifiers of CMS (RFC 5652), ESS (RFC 5035) and RFC 3161.
var (
	oidData             = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidSigningCertV2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidTimeStampToken   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidSHA256           = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidRSAEncryption    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidECDSAWithSHA256  = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	tagSignedAttributes = cbasn1.Tag(0).Constructed().ContextSpecific()
	tagUnsignedAttrs    = cbasn1.Tag(1).Constructed().ContextSpecific()
	tagCertificates     = cbasn1.Tag(0).Constructed().ContextSpecific()
	tagExplicit0        = cbasn1.Tag(0).Constructed().ContextSpecific()
	tagDirectoryName    = cbasn1.Tag(4).Constructed().ContextSpecific()
)

// stamper time-stamps a signature value: it returns an RFC 3161
// TimeStampToken over it, or an error.
type stamper func(signature []byte) ([]byte, error)

// cades returns a CMS SignedData of the signed bytes' SHA-256 digest, as
// PAdES baseline B-B asks (ETSI EN 319 142-1): detached, with the signed
// attributes content-type, message-digest and signing-certificate-v2, and
// no signing-time attribute (the time is the signature dictionary's /M).
// With stamp, the signature value is time-stamped and the token is added as
// the unsigned signature-time-stamp attribute (B-T).
func cades(digest []byte, id *Identity, stamp stamper) ([]byte, error) {
	sigAlg, err := signatureAlgorithm(id.Key.Public())
	if err != nil {
		return nil, err
	}
	certHash := sha256.Sum256(id.Cert.Raw)
	attrs := [][]byte{
		attribute(oidContentType, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) }),
		attribute(oidMessageDigest, func(b *cryptobyte.Builder) { b.AddASN1OctetString(digest) }),
		attribute(oidSigningCertV2, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SigningCertificateV2
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // certs
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ESSCertIDv2, SHA-256 by default
						b.AddASN1OctetString(certHash[:])
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // IssuerSerial
							b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // GeneralNames
								b.AddASN1(tagDirectoryName, func(b *cryptobyte.Builder) { b.AddBytes(id.Cert.RawIssuer) })
							})
							b.AddASN1BigInt(id.Cert.SerialNumber)
						})
					})
				})
			})
		}),
	}
	for _, a := range attrs {
		if a == nil {
			return nil, msg.Errorf("encoding the signed attributes")
		}
	}
	slices.SortFunc(attrs, bytes.Compare) // DER orders a SET OF by encoding

	// The signature is over the DER encoding of the attributes as a SET.
	var set cryptobyte.Builder
	set.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
		for _, a := range attrs {
			b.AddBytes(a)
		}
	})
	setDER, err := set.Bytes()
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(setDER)
	signature, err := id.Key.Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		return nil, msg.Errorf("the key does not sign: %w", err)
	}
	var token []byte
	if stamp != nil {
		if token, err = stamp(signature); err != nil {
			return nil, err
		}
	}

	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ContentInfo
		b.AddASN1ObjectIdentifier(oidSignedData)
		b.AddASN1(tagExplicit0, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SignedData
				b.AddASN1Int64(1)
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { algorithm(b, oidSHA256, false) })
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) })
				b.AddASN1(tagCertificates, func(b *cryptobyte.Builder) {
					b.AddBytes(id.Cert.Raw)
					for _, c := range id.Chain {
						b.AddBytes(c.Raw)
					}
				})
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SignerInfo
						b.AddASN1Int64(1)
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // IssuerAndSerialNumber
							b.AddBytes(id.Cert.RawIssuer)
							b.AddASN1BigInt(id.Cert.SerialNumber)
						})
						algorithm(b, oidSHA256, false)
						b.AddASN1(tagSignedAttributes, func(b *cryptobyte.Builder) {
							for _, a := range attrs {
								b.AddBytes(a)
							}
						})
						algorithm(b, sigAlg, sigAlg.Equal(oidRSAEncryption))
						b.AddASN1OctetString(signature)
						if token != nil {
							b.AddASN1(tagUnsignedAttrs, func(b *cryptobyte.Builder) {
								b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
									b.AddASN1ObjectIdentifier(oidTimeStampToken)
									b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(token) })
								})
							})
						}
					})
				})
			})
		})
	})
	return b.Bytes()
}

// attribute encodes an Attribute with one value.
func attribute(oid asn1.ObjectIdentifier, value func(*cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		b.AddASN1(cbasn1.SET, value)
	})
	out, err := b.Bytes()
	if err != nil {
		return nil
	}
	return out
}

func algorithm(b *cryptobyte.Builder, oid asn1.ObjectIdentifier, null bool) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		if null {
			b.AddASN1NULL()
		}
	})
}

// signatureAlgorithm is the CMS signature algorithm of a key with SHA-256.
func signatureAlgorithm(pub crypto.PublicKey) (asn1.ObjectIdentifier, error) {
	switch pub.(type) {
	case *rsa.PublicKey:
		return oidRSAEncryption, nil
	case *ecdsa.PublicKey:
		return oidECDSAWithSHA256, nil
	}
	return nil, msg.Errorf("a key of type %T is not supported: use an RSA or ECDSA key", pub)
}
