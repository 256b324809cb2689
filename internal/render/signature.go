package render

import (
	"slices"
	"strconv"

	"renja/internal/content"
	"renja/internal/msg"
	"renja/internal/sign/blockid"
)

// In the print edition the space left for the signature in a signature
// block ({{ signature }}) is an empty link to itself with an id, so that
// Chrome writes a link annotation whose rectangle is the space, pointing at
// a named destination of that id: renja sign finds the space by it and
// places the visible signature there. The ids are blockid.Bases.
//
// signatureID returns the id of the next signature space of form.
func (r *renderer) signatureID(form string) string {
	base := blockid.Bases[form]
	id := base
	for n := 2; slices.Contains(r.sigs, id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	r.sigs = append(r.sigs, id)
	return id
}

func (r *renderer) signatureFunc(b *content.Blocks) func(...string) (string, error) {
	return func(form ...string) (string, error) {
		f := ""
		if len(form) > 0 {
			f = form[0]
		}
		switch f {
		case "", "decree", "closing":
		default:
			return "", msg.Errorf("signature %q: forms are signature, signature \"decree\" and signature \"closing\"", f)
		}
		id := ""
		if r.opts.Print {
			id = r.signatureID(f)
		}
		return r.place(b, "signature", map[string]any{"Config": r.p.Config, "Form": f, "ID": id})
	}
}
