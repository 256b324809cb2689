package scaffold

// What renja init marks in the bundled example for another office: each
// fact of the text ({{ fakta … }}) becomes a mark to fill that keeps the
// example's value, and (see exampleRows) each row of the example's tables
// is marked as the example's.

import (
	"fmt"
	"strings"

	"renja"
	"renja/internal/config"
	"renja/internal/content"
)

// exampleName is the bundled example's office and year: "Kalaena 2024".
func exampleName() string {
	cfg, err := config.Parse(renja.Config)
	if err != nil {
		return "Renja contoh"
	}
	return fmt.Sprintf("%s %d", cfg.Office.Kecamatan, cfg.Plan.Year)
}

// markExample marks the example's facts and rows in the files of a new
// project (paths relative to it).
func markExample(files map[string][]byte) {
	note := "contoh " + exampleName()
	for p, b := range files {
		if strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") {
			files[p], _ = content.MarkFacts(b, note)
		}
	}
}
