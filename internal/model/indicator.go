package model

import (
	"regexp"
	"strings"

	"renja/internal/table"
)

// IndicatorCol returns a table's indicator column: its first text column
// named or titled "indikator", or nil.
func IndicatorCol(t *table.Table) *table.Column {
	for i := range t.Columns {
		c := &t.Columns[i]
		if c.Type == table.Text && (strings.HasPrefix(c.Name, "indikator") || strings.Contains(strings.ToLower(c.Title), "indikator")) {
			return c
		}
	}
	return nil
}

// percentIndicator matches indicators measured in percent: "(%)" or "Persentase …".
var percentIndicator = regexp.MustCompile(`(?i)\(%\)\s*$|^\s*persentase\b`)

// PercentIndicator reports whether an indicator is measured in percent.
func PercentIndicator(indicator string) bool { return percentIndicator.MatchString(indicator) }

// indicatorName matches names that read as an indicator, not as a program,
// kegiatan or sub kegiatan ("Persentase rata-rata capaian …").
var indicatorName = regexp.MustCompile(`(?i)^\s*(persentase|jumlah|indeks|rasio|tingkat|rata-rata|capaian)\b`)

// NamedLikeIndicator reports whether a program's, kegiatan's or sub
// kegiatan's name reads as an indicator.
func NamedLikeIndicator(name string) bool { return indicatorName.MatchString(name) }
