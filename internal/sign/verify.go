package sign

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/verify"
	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"

	"renja/internal/msg"
)

// readTimeStamp reads the signature-time-stamp attribute of a signer, if
// any, into s: its time, or why it is broken (in s.Problem).
func readTimeStamp(s *Signature, token, value []byte) {
	ts, err := parseToken(token)
	if err != nil {
		s.Problem = msg.Sprintf("the time stamp cannot be read: %v", err)
		return
	}
	digest := sha256.Sum256(value)
	if err := checkToken(ts, digest[:]); err != nil {
		s.Problem = msg.Sprintf("the time stamp is broken: %v", err)
		return
	}
	s.TimeStamp = ts.Time
	for _, c := range ts.Certificates {
		if len(c.ExtKeyUsage) > 0 || s.TimeStampBy == "" {
			s.TimeStampBy = certName(c)
		}
	}
}

func parseToken(b []byte) (ts *timestamp.Timestamp, err error) {
	defer func() {
		if r := recover(); r != nil {
			ts, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return timestamp.Parse(b)
}

// Signature is one signature of a PDF, as [Verify] found it.
type Signature struct {
	Name     string // the signature's /Name, else the certificate's name
	Reason   string
	Location string
	Time     time.Time // the signature's /M (the signer's clock); zero when absent
	// SubFilter is the signature's format: ETSI.CAdES.detached (PAdES),
	// adbe.pkcs7.detached, ….
	SubFilter string
	// TimeStamp is the time of the signature's RFC 3161 time-stamp, zero
	// without one; TimeStampBy names the authority's certificate.
	TimeStamp   time.Time
	TimeStampBy string

	Subject, Issuer string // of the signer's certificate
	// CertName is the certificate's name (see [Identity.Name]); NotBefore
	// and NotAfter its validity.
	CertName            string
	NotBefore, NotAfter time.Time
	// Intact: the bytes that the signature covers are the bytes that were
	// signed, and it covers all of the file but its own value.
	Intact  bool
	Problem string // why it is not intact
	// Whole: it covers the file to its last byte, so nothing was added after it.
	Whole bool
	// Trusted: the certificate chains to a root that this system trusts.
	Trusted      bool
	TrustProblem string // why it is not trusted
}

// Report is what [Verify] found: the signatures in the order of the file's
// objects (the first made first, for signatures that renja made) and the
// information dictionary.
type Report struct {
	Signatures []Signature
	Info       Info
	Size       int // of the file, in bytes
	// Certified is the DocMDP level (1, 2 or 3) of the signature that
	// certifies the document, 0 when none does; Changes are the changes
	// made after it that the level does not permit (pages, objects).
	Certified int
	Changes   []string
}

// Intact reports whether the PDF is signed, every signature is intact, and
// the last one covers the whole file.
func (r *Report) Intact() bool {
	if len(r.Signatures) == 0 {
		return false
	}
	for _, s := range r.Signatures {
		if !s.Intact {
			return false
		}
	}
	return r.Signatures[len(r.Signatures)-1].Whole && len(r.Changes) == 0
}

// Problem says in one line why the PDF is not intact, or "".
func (r *Report) Problem() string {
	if len(r.Signatures) == 0 {
		return msg.Sprintf("this PDF is not signed")
	}
	for _, s := range r.Signatures {
		if !s.Intact {
			return s.Problem
		}
	}
	if !r.Signatures[len(r.Signatures)-1].Whole {
		return msg.Sprintf("the file was changed after it was signed: bytes were added that no signature covers")
	}
	if len(r.Changes) > 0 {
		return msg.Sprintf("the document was changed after it was certified (DocMDP P=%d permits %s): %s",
			r.Certified, msg.Text(permitted[r.Certified]), strings.Join(r.Changes, "; "))
	}
	return ""
}

// Verify checks every signature of the PDF. An error means that the file
// cannot be read as a PDF; a PDF without signatures gives a report without
// signatures.
func Verify(doc []byte) (rep *Report, err error) {
	return VerifyContext(context.Background(), doc)
}

// VerifyContext is [Verify] that stops when ctx is done. Its time grows
// linearly with the size of the file.
func VerifyContext(ctx context.Context, doc []byte) (rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, msg.Errorf("the PDF cannot be read: %v", r)
		}
	}()
	body := view(doc)
	if len(body) == 0 {
		return nil, msg.Errorf("the PDF cannot be read: it is not a PDF file (there is no %%EOF)")
	}
	if err := checkNesting(body); err != nil {
		return nil, err
	}
	rdr, err := pdf.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, msg.Errorf("the PDF cannot be read: %w", err)
	}
	rep = &Report{Info: readInfo(rdr), Size: len(doc)}

	// The signature dictionaries, found as pdfsign's verify finds them:
	// every object whose /Filter is /Adobe.PPKLite, in the order of the
	// cross-reference table. It skips those whose value is not PKCS#7; so
	// does this list, where they are reported broken.
	type found struct {
		sig  Signature
		p7ok bool
		mdp  int   // the DocMDP level it certifies with, 0 for none
		end  int64 // the end of the revision it covers
	}
	var sigs []found
	for i, x := range rdr.Xref() {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v := rdr.Resolve(x.Ptr(), x.Ptr())
		if v.Key("Filter").Name() != "Adobe.PPKLite" {
			continue
		}
		s := Signature{
			Name:     v.Key("Name").Text(),
			Reason:   v.Key("Reason").Text(),
			Location: v.Key("Location").Text(),
			Time:     pdfTime(v.Key("M").Text()),

			SubFilter: v.Key("SubFilter").Name(),
		}
		p7, err := pkcs7.Parse([]byte(v.Key("Contents").RawString()))
		if err != nil {
			s.Problem = msg.Sprintf("the signature value cannot be read: %v", err)
			sigs = append(sigs, found{sig: s})
			continue
		}
		if len(p7.Signers) == 1 {
			for _, a := range p7.Signers[0].UnauthenticatedAttributes {
				if a.Type.Equal(oidTimeStampToken) {
					readTimeStamp(&s, a.Value.Bytes, p7.Signers[0].EncryptedDigest)
				}
			}
		}
		if c := p7.GetOnlySigner(); c != nil {
			s.Subject, s.Issuer = c.Subject.String(), c.Issuer.String()
			s.CertName, s.NotBefore, s.NotAfter = certName(c), c.NotBefore, c.NotAfter
			if s.Name == "" {
				s.Name = certName(c)
			}
		}
		if msg, whole := checkByteRange(v.Key("ByteRange"), doc); msg != "" {
			s.Problem = msg
		} else {
			s.Whole = whole
		}
		fd := found{sig: s, p7ok: true, mdp: docMDP(v)}
		if br := v.Key("ByteRange"); br.Len() == 4 {
			fd.end = br.Index(2).Int64() + br.Index(3).Int64()
		}
		sigs = append(sigs, fd)
	}
	if len(sigs) == 0 {
		return rep, nil
	}

	opts := verify.DefaultVerifyOptions()
	opts.TrustSignatureTime = true // check the certificate at the signer's time, not now
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	res, err := verify.VerifyWithOptions(bytes.NewReader(body), int64(len(body)), opts)
	if err != nil {
		return nil, msg.Errorf("checking the signatures: %w", err)
	}
	i := 0
	for k := range sigs {
		s := &sigs[k].sig
		if sigs[k].p7ok {
			if i >= len(res.Signers) {
				return nil, msg.Errorf("checking the signatures: pdfsign finds fewer signatures than renja")
			}
			v := res.Signers[i]
			i++
			switch {
			case s.Problem != "":
			case !v.ValidSignature:
				s.Problem = msg.Sprintf("the signed bytes were changed: the signature no longer matches")
			default:
				s.Intact = true
			}
			s.Trusted = v.TrustedIssuer
			if !s.Trusted {
				s.TrustProblem = msg.Sprintf("its issuer is not a certificate authority this system trusts")
				for _, c := range v.Certificates {
					if c.VerifyError != "" && c.Certificate != nil && c.Certificate.Subject.String() == s.Subject {
						s.TrustProblem = c.VerifyError
					}
				}
			}
			if v.RevokedCertificate {
				s.Trusted, s.TrustProblem = false, msg.Sprintf("the certificate was revoked")
			}
		}
		rep.Signatures = append(rep.Signatures, *s)
	}

	// DocMDP: what changed after the certifying signature, found in the
	// revisions themselves (see certifiedRevision) or, for a certification
	// without /Perms, by the signature.
	end, p, before := certifiedRevision(body)
	for _, fd := range sigs {
		if fd.mdp > 0 && fd.sig.Intact && fd.end > 0 && (p == 0 || int(fd.end) < end) {
			end, p, before = int(fd.end), fd.mdp, nil
		}
		if fd.mdp > 0 {
			break
		}
	}
	rep.Certified = p
	if p > 0 && end < len(body) {
		if before == nil {
			rep.Changes, err = mdpChanges(ctx, doc, end, p)
		} else {
			rep.Changes, err = mdpChangesSince(ctx, before, doc, p)
		}
		if err != nil {
			return nil, msg.Errorf("checking the changes after the certification: %w", err)
		}
	}
	return rep, nil
}

// permitted says what each DocMDP level permits after the certification.
var permitted = map[int]string{
	1: "no changes",
	2: "only further signatures and filling in forms",
	3: "only further signatures, filling in forms and annotations",
}

// docMDP is the DocMDP level of a signature dictionary that certifies,
// else 0.
func docMDP(v pdf.Value) int {
	refs := v.Key("Reference")
	for i := 0; i < refs.Len(); i++ {
		r := refs.Index(i)
		if r.Key("TransformMethod").Name() != "DocMDP" {
			continue
		}
		if p := r.Key("TransformParams").Key("P").Int64(); p >= 1 && p <= 3 {
			return int(p)
		}
		return 2
	}
	return 0
}

// checkByteRange checks a signature's /ByteRange [0 a b c]: it starts at the
// file's first byte, and leaves out exactly the signature's value, a hex
// string between < and >. whole says that it ends at the file's last byte.
func checkByteRange(br pdf.Value, doc []byte) (problem string, whole bool) {
	if br.Len() != 4 {
		return msg.Sprintf("the byte range of the signature is not two ranges"), false
	}
	var n [4]int64
	for i := range n {
		n[i] = br.Index(i).Int64()
	}
	start, len1, start2, len2 := n[0], n[1], n[2], n[3]
	size := int64(len(doc))
	switch {
	case start != 0:
		return msg.Sprintf("the signature does not cover the start of the file"), false
	case len1 < 1 || start2 <= len1 || len2 < 0 || start2+len2 > size:
		return msg.Sprintf("the byte range of the signature does not fit the file"), false
	case doc[len1] != '<' || doc[start2-1] != '>':
		return msg.Sprintf("the byte range of the signature skips more than its signature value"), false
	}
	for _, c := range doc[len1+1 : start2-1] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return msg.Sprintf("the byte range of the signature skips more than its signature value"), false
		}
	}
	return "", start2+len2 == size
}

// pdfTime reads a PDF date, D:YYYYMMDDHHmmSS+HH'mm', as far as it goes.
func pdfTime(s string) time.Time {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	s = strings.ReplaceAll(s, "'", "")
	for _, layout := range []string{"20060102150405-0700", "20060102150405Z0700", "20060102150405Z", "20060102150405", "200601021504", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
