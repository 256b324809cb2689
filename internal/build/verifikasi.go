package build

import (
	"renja/internal/config"
	"renja/internal/outdir"
	"renja/internal/render"
	"renja/internal/sign"
)

// stageSigned publishes the project's signed PDFs (its signed/ folder)
// beside the website and writes the verification page that lists them,
// which the QR code of a visible signature leads to. A signed PDF that does
// not verify stops the build.
func stageSigned(st *outdir.Dir, dir string, c *config.Config, tpl *render.Templates) error {
	published, err := sign.Publish(dir)
	if err != nil {
		return err
	}
	var rows []render.SignedPDF
	for _, p := range published {
		if err := st.Write(p.File, p.Bytes); err != nil {
			return err
		}
		at, stamped := p.Time()
		rows = append(rows, render.SignedPDF{File: p.File, Anchor: p.Anchor(), Signer: p.Signer(), Time: at, Stamped: stamped,
			Reason: p.Reason(), FileHash: sign.Hex(p.SHA256), DocHash: sign.Hex(p.Document)})
	}
	page, err := render.Verification(tpl, c, rows)
	if err != nil {
		return err
	}
	return st.Write(render.VerificationPage, page)
}
