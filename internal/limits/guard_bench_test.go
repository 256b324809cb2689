package limits

import (
	"context"
	"html/template"
	"io"
	"testing"
)

// BenchmarkGuard runs a table-like layout (20,000 rows of 8 cells) with and
// without the guard's calls: their cost per range iteration.
func BenchmarkGuard(b *testing.B) {
	rows := make([][]string, 20_000)
	for i := range rows {
		rows[i] = []string{"7.01.01", "Penyediaan", "Dokumen", "12 Dok", "14.255.600", "APBD", "Seksi 1", "-"}
	}
	const src = `<table>{{ range . }}<tr>{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}</table>`
	for _, guarded := range []bool{false, true} {
		name := "plain"
		if guarded {
			name = "guarded"
		}
		b.Run(name, func(b *testing.B) {
			g := &Guard{}
			t := template.Must(template.New("t").Funcs(template.FuncMap(g.Funcs())).Parse(src))
			if guarded {
				for _, tt := range t.Templates() {
					Instrument(tt.Tree)
				}
			}
			for b.Loop() {
				if err := Execute(context.Background(), g, io.Discard, 1<<30, func(w io.Writer) error { return t.Execute(w, rows) }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
