// Package renja holds the settings of the Renja bundled in the renja binary
// (renja.toml at the repository's root), for renja init and for the
// checker's other-office rule, which knows the bundled office's name.
package renja

import _ "embed"

// Config is the bundled project's renja.toml.
//
//go:embed renja.toml
var Config []byte
