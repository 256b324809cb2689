// Package content embeds the bundled Renja's narrative (content/*.md), the
// example that `renja init` copies into a new project. renja reads a
// project's content/*.md from disk; this file is not part of the narrative.
package content

import "embed"

// FS holds content/*.md.
//
//go:embed *.md
var FS embed.FS
