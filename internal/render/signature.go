package render

import (
	"slices"
	"strconv"
)

// In the print edition the space left for the signature in a signature
// block ({{ signature }}) is an empty link to itself with an id, so that
// Chrome writes a link annotation whose rectangle is the space, pointing at
// a named destination of that id: renja sign finds the space by it and
// places the visible signature there.
//
// SignatureIDs are the ids of the spaces by the block's form: the
// closing's ("ttd-penutup"), the decree's ("ttd-keputusan") and the plain
// block's, as in the foreword ("ttd"). A form placed again gets "-2", "-3", ….
var SignatureIDs = map[string]string{"": "ttd", "decree": "ttd-keputusan", "closing": "ttd-penutup"}

// signatureID returns the id of the next signature space of form.
func (r *renderer) signatureID(form string) string {
	base := SignatureIDs[form]
	id := base
	for n := 2; slices.Contains(r.sigs, id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	r.sigs = append(r.sigs, id)
	return id
}
