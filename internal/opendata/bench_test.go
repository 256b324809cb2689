package opendata

import (
	"context"
	"testing"

	"renja/internal/model"
)

// BenchmarkXLSX makes the spreadsheet of the bundled Renja's plan table
// (t24): what a build whose one table changed makes on top of the website.
func BenchmarkXLSX(b *testing.B) {
	p, err := model.Load("../..")
	if err != nil {
		b.Fatal(err)
	}
	t := p.Table("t24")
	if t == nil {
		b.Fatal("no table t24")
	}
	rows := Rows(p, t)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := XLSX(context.Background(), t, rows); err != nil {
			b.Fatal(err)
		}
	}
}
