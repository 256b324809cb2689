package build

import (
	"renja/internal/config"
	"renja/internal/msg"
	"renja/internal/outdir"
	"renja/internal/render"
	"renja/internal/sign"
)

// signedSet is what the build publishes of the project's signed/ folder:
// the signed PDFs of the current sources, final and signed by the
// signatory. Others are not published, and the build says why.
type signedSet struct {
	published []sign.Published
	rows      []render.SignedPDF
	download  *render.SignedPDF // the latest: the website's PDF download
	// unpublished says why each other signed PDF is left out.
	unpublished []string
	// err: a signed PDF does not verify. It stops the build when the
	// signed PDFs are staged, after the page was rendered (serve shows it).
	err error
}

// findSigned reads the signed PDFs of the project and keeps those of the
// current sources.
func findSigned(dir string, c *config.Config, contentHash string) (set signedSet) {
	all, err := sign.Publish(dir)
	if err != nil {
		set.err = err
		return set
	}
	latest := -1
	for _, p := range all {
		if why := p.Stale(contentHash, c.Signatory.Name); why != "" {
			set.unpublished = append(set.unpublished, msg.Sprintf("%s is not published with the website: %s; sign the final PDF of the current sources", p.Path, why))
			continue
		}
		at, stamped := p.Time()
		row := render.SignedPDF{File: p.File, Anchor: p.Anchor(), Signer: p.Signer(), Time: at, Stamped: stamped,
			Reason: p.Reason(), FileHash: sign.Hex(p.SHA256), DocHash: sign.Hex(p.Document)}
		set.published = append(set.published, p)
		set.rows = append(set.rows, row)
		if latest < 0 || !at.Before(set.rows[latest].Time) {
			latest = len(set.rows) - 1
		}
	}
	if latest >= 0 {
		d := set.rows[latest]
		set.download = &d
	}
	return set
}

// stageSigned publishes the signed PDFs of the current sources beside the
// website and writes the verification page that lists them, which the QR
// code of a visible signature leads to.
func stageSigned(st *outdir.Dir, set signedSet, c *config.Config, tpl *render.Templates) error {
	if set.err != nil {
		return set.err
	}
	for _, p := range set.published {
		if err := st.Write(p.File, p.Bytes); err != nil {
			return err
		}
	}
	page, err := render.Verification(tpl, c, set.rows)
	if err != nil {
		return err
	}
	return st.Write(render.VerificationPage, page)
}
