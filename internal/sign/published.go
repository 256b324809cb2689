package sign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"renja/internal/msg"
	"renja/internal/projfs"
)

// SignedFolder is the folder of a project that holds its signed PDFs: the
// build publishes each beside the website and lists it on the
// verification page.
const SignedFolder = "signed"

// A Published PDF is a signed PDF as the verification page lists it.
type Published struct {
	File     string   // its name
	Path     string   // in the project: signed/NAME.pdf
	Bytes    []byte   // the file
	SHA256   [32]byte // of the file
	Document [32]byte // of the document before it was signed: in the QR code
	Report   *Report
}

// Signer names the signers, the first first; Reason is the first
// signature's, Time the time of the first signature: the time-stamp's when
// there is one, else the signer's clock, and stamped says which.
func (p *Published) Signer() string {
	var names []string
	if p.Report != nil {
		for _, s := range p.Report.Signatures {
			names = append(names, s.Name)
		}
	}
	return strings.Join(names, "; ")
}
func (p *Published) Reason() string { return p.first().Reason }
func (p *Published) Time() (t time.Time, stamped bool) {
	s := p.first()
	if !s.TimeStamp.IsZero() {
		return s.TimeStamp, true
	}
	return s.Time, false
}
func (p *Published) first() Signature {
	if p.Report == nil || len(p.Report.Signatures) == 0 {
		return Signature{}
	}
	return p.Report.Signatures[0]
}

// Anchor is the id of the PDF's row on the verification page (see
// [anchor]).
func (p *Published) Anchor() string { return anchor(p.Document) }

// Hex writes a hash in hexadecimal.
func Hex(h [32]byte) string { return hex.EncodeToString(h[:]) }

// Publish reads the signed PDFs of a project's signed folder (regular files
// inside the project whose names end in .pdf, sorted; package projfs),
// verifies each and returns them. A PDF
// that is not intact is an error: the website never lists it as signed.
func Publish(projectDir string) ([]Published, error) {
	names, err := projfs.List(projectDir, SignedFolder, ".pdf")
	if err != nil {
		return nil, err
	}
	var out []Published
	for _, name := range names {
		doc, err := projfs.ReadAll(projectDir, name)
		if err != nil {
			return nil, err
		}
		rep, err := Verify(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !rep.Intact() {
			return nil, msg.Errorf("%s: the signature is not intact: %s", name, rep.Problem())
		}
		out = append(out, Published{File: path.Base(name), Path: name, SHA256: sha256.Sum256(doc), Document: sha256.Sum256(unsigned(doc)), Report: rep, Bytes: doc})
	}
	return out, nil
}

// unsigned returns the document as it was before its first signature: the
// bytes up to the end of the %%EOF line that precedes the first signature's
// value. A PDF without signatures is returned whole.
func unsigned(doc []byte) []byte {
	m := firstByteRange.FindSubmatchIndex(doc)
	if m == nil {
		return doc
	}
	var a int
	fmt.Sscan(string(doc[m[2]:m[3]]), &a)
	if a <= 0 || a > len(doc) {
		return doc
	}
	i := bytes.LastIndex(doc[:a], []byte("%%EOF"))
	if i < 0 {
		return doc
	}
	end := i + len("%%EOF")
	for end < a && end < i+len("%%EOF")+2 && (doc[end] == '\r' || doc[end] == '\n') {
		end++
	}
	return doc[:end]
}

var firstByteRange = regexp.MustCompile(`/ByteRange\s*\[\s*0\s+(\d+)`)

// ReadList reads the file hashes that a verification page lists, by the
// id of each row (see Published.Anchor) and the class "sha256" of the cell
// that holds the file's hash.
func ReadList(page []byte) map[string]bool {
	out := map[string]bool{}
	for _, m := range listedHash.FindAllSubmatch(page, -1) {
		out[strings.ToLower(string(m[1]))] = true
	}
	return out
}

var listedHash = regexp.MustCompile(`<td class="sha256">([0-9a-fA-F]{64})</td>`)

// Stale says why a signed PDF is not the signed edition of the project's
// current sources, or "": it is a draft, it was made from other sources
// (contentHash is the project's now), or a signer is not the signatory.
func (p *Published) Stale(contentHash, signatory string) string {
	info := p.Report.Info
	switch {
	case info.Draft:
		return msg.Sprintf("it is a signed DRAFT")
	case info.ContentHash != contentHash:
		return msg.Sprintf("it was made from other sources than the current ones (source digest %s, now %s)", orNone(info.ContentHash), contentHash)
	}
	for _, s := range p.Report.Signatures {
		if !SameName(s.CertName, signatory) {
			return msg.Sprintf("it is signed by %s, not by the signatory %s", s.CertName, signatory)
		}
	}
	return ""
}

func orNone(h string) string {
	if h == "" {
		return msg.Sprintf("none")
	}
	return h
}
