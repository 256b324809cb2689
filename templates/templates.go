// Package templates holds the default layouts, partials, Markdown templates
// (evaluasi.md: the wording of section 2.1) and stylesheets of a Renja. They are embedded in the renja binary; a project overrides any of
// them by keeping a file of the same name in its own templates/ folder.
package templates

import "embed"

// FS is the default templates.
//
//go:embed *.html *.css *.md
var FS embed.FS
