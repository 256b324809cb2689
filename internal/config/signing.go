package config

import (
	"renja/internal/diag"
	"renja/internal/tomlx"
)

// Signing is how renja sign reaches BSrE's eSign Client. The signer's NIK
// and passphrase never go here: renja.toml is published with the sources.
type Signing struct {
	BSrE string `toml:"bsre"` // the address of the district's eSign Client
	// Origin is the corner of the page that BSrE's originX and originY
	// count from: "top-left" (default, as public clients use it) or
	// "bottom-left" (the PDF's own).
	Origin string `toml:"origin"`
	NIK    string `toml:"nik"` // refused with a hint: the NIK is not published
}

// validateSigning refuses a NIK in renja.toml and an origin that is not
// a corner of the page.
func (c *Config) validateSigning(keys *tomlx.Keys) (errs diag.List) {
	if c.Signing.NIK != "" {
		errs = append(errs, keys.Errorf([]string{"signing", "nik"}, "remove nik from [signing]; renja sign asks for it, or reads $RENJA_BSRE_NIK",
			"the signer's NIK does not belong in renja.toml, which is published with the sources"))
	}
	if o := c.Signing.Origin; o != "" && o != "top-left" && o != "bottom-left" {
		errs = append(errs, keys.Errorf([]string{"signing", "origin"}, `write origin = "top-left" (the default) or origin = "bottom-left" under [signing]`,
			"signing.origin %q is not a corner of the page", o))
	}
	return errs
}
