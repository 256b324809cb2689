package sign

import (
	"crypto/sha256"
	"time"

	"renja/internal/msg"
)

// Expect is what renja verify compares a PDF with: the project's signatory
// and the content hash of its sources (when it runs in a project), and the
// hashes that the website's verification page lists (when given).
type Expect struct {
	Project     bool
	Signatory   string
	ContentHash string
	Listed      map[string]bool // nil: no list given
}

// SourceState is how a PDF's recorded source digest stands against the
// project.
type SourceState int

// The states of the source digest.
const (
	SourcesNotCompared SourceState = iota // no project to compare with
	SourcesNotRecorded                    // the PDF records none
	SourcesMatch                          // made from the project's current sources
	SourcesDiffer                         // made from other sources
	SourcesUntrusted                      // no intact signature covers the digest
)

// ListState says whether the website's verification page lists the file.
type ListState int

// The states of the list check.
const (
	ListNotAsked ListState = iota
	ListYes
	ListNo
)

// Verdict is renja verify's judgement of a PDF: the report of its
// signatures and everything that makes it acceptable or not. The command
// line only prints it; [Verdict.OK] is its exit status.
type Verdict struct {
	Report  *Report
	SHA256  [32]byte // of the file
	Sources SourceState
	Here    string // the project's content hash
	// OtherSigners are the signers whose certificate is not the
	// signatory's (only in a project); Invalid says, one line each, which
	// certificates were not valid at the time they signed.
	OtherSigners []string
	Invalid      []string
	Listed       ListState
	ListedCount  int
	// Remote is the conclusion of BSrE's verification service, when asked.
	Remote *RemoteReport
}

// Judge judges a verified PDF (rep from [Verify] of doc) against e.
func Judge(doc []byte, rep *Report, e Expect) *Verdict {
	v := &Verdict{Report: rep, SHA256: sha256.Sum256(doc), Here: e.ContentHash}
	for _, s := range rep.Signatures {
		if !s.Intact {
			continue
		}
		if e.Project && !SameName(s.CertName, e.Signatory) {
			v.OtherSigners = append(v.OtherSigners, s.CertName)
		}
		at := s.TimeStamp
		if at.IsZero() {
			at = s.Time
		}
		if at.IsZero() {
			at = time.Now()
		}
		if !s.NotAfter.IsZero() && (at.Before(s.NotBefore) || at.After(s.NotAfter)) {
			v.Invalid = append(v.Invalid, msg.Sprintf("the certificate of %s was not valid when it signed (%s): it is valid from %s to %s",
				s.CertName, at.UTC().Format("2006-01-02 15:04 UTC"), day(s.NotBefore), day(s.NotAfter)))
		}
	}
	if e.Listed != nil {
		v.Listed, v.ListedCount = ListNo, len(e.Listed)
		if e.Listed[Hex(v.SHA256)] {
			v.Listed = ListYes
		}
	}
	switch h := rep.Info.ContentHash; {
	case len(rep.Signatures) > 0 && !rep.Intact():
		v.Sources = SourcesUntrusted
	case !e.Project:
		v.Sources = SourcesNotCompared
	case h == "":
		v.Sources = SourcesNotRecorded
	case h == e.ContentHash:
		v.Sources = SourcesMatch
	default:
		v.Sources = SourcesDiffer
	}
	return v
}

// OK reports whether the PDF passes: signed, intact, not a draft, by the
// signatory, with certificates valid when they signed, made from the
// project's current sources, listed when a list was given, and valid for
// BSrE when BSrE was asked.
func (v *Verdict) OK() bool {
	switch {
	case !v.Report.Intact(), v.Report.Info.Draft, len(v.OtherSigners) > 0, len(v.Invalid) > 0,
		v.Sources == SourcesNotRecorded, v.Sources == SourcesDiffer, v.Sources == SourcesUntrusted,
		v.Listed == ListNo:
		return false
	case v.Remote != nil:
		return v.Remote.Valid()
	}
	return true
}
