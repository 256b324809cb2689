// Package blockid names the signature spaces of a document: render gives
// each {{ signature }} block's space one of these ids in the print edition,
// and renja sign finds the space by it.
package blockid

import "strings"

// Bases are the ids of the spaces by the block's form: the closing's
// ("ttd-penutup"), the decree's ("ttd-keputusan") and the plain block's, as
// in the foreword ("ttd"). A form placed again gets "-2", "-3", ….
var Bases = map[string]string{"": "ttd", "decree": "ttd-keputusan", "closing": "ttd-penutup"}

// Valid reports whether id is one that a signature space gets: a base, or
// a base with "-2", "-3", … appended.
func Valid(id string) bool {
	for _, base := range Bases {
		if id == base {
			return true
		}
		if rest, ok := strings.CutPrefix(id, base+"-"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}
