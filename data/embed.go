// Package data embeds the bundled Renja's tables (data/*.csv and their
// schemas data/*.toml), the example that `renja init` copies into a new
// project. renja reads a project's data/ from disk; this file is no table.
package data

import "embed"

// FS holds data/*.csv and data/*.toml.
//
//go:embed *.csv *.toml
var FS embed.FS
