package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	ttemplate "text/template"

	"renja/internal/idn"
	"renja/internal/kode"
	"renja/internal/limits"
	"renja/internal/model"
)

// evaluasi writes section 2.1's evaluation: the model computes it from a
// table of sub kegiatan figures and a table that names the programs and
// kegiatan (model.Evaluate), and the Markdown template evaluasi.md words it
// (a project's templates/evaluasi.md replaces the default).
func (r *renderer) evaluasi(figuresID, namesID string) (string, error) {
	ft, err := r.tableOf(figuresID)
	if err != nil {
		return "", err
	}
	nt, err := r.tableOf(namesID)
	if err != nil {
		return "", err
	}
	ev, err := r.p.Evaluate(ft, nt)
	if err != nil {
		return "", err
	}
	v := evalView{}
	for _, g := range ev.Programs {
		v.Programs = append(v.Programs, groupOf(g))
	}
	var b bytes.Buffer
	err = limits.Execute(r.context(), r.t.guard, &b, limits.PartOutput, func(w io.Writer) error {
		return r.t.text.ExecuteTemplate(w, "evaluasi.md", v)
	})
	switch {
	case errors.Is(err, limits.ErrOutput):
		msg, _ := limits.OutputMessage(limits.PartOutput)
		return "", fmt.Errorf("%s: %s", r.t.file("evaluasi.md"), msg)
	case errors.Is(err, limits.ErrTime):
		msg, _ := limits.TimeMessage()
		return "", fmt.Errorf("%s: %s", r.t.file("evaluasi.md"), msg)
	case err != nil:
		return "", err
	}
	return "\n\n" + strings.TrimSpace(b.String()) + "\n\n", nil
}

// evalView is model.Evaluation with figures that print the Indonesian way.
type evalView struct{ Programs []*groupView }

type groupView struct {
	Level, Number, Name, Source               string
	Code                                      kode.Code
	Kegiatan                                  []*groupView
	Subs                                      []*subView
	Capaian, Pagu, Realisasi, CapaianAnggaran figure
	Left                                      []string
}

type subView struct {
	Number, Name, Indicator                    string
	Target, Realisasi, Pagu, RealisasiAnggaran figure
	Capaian, CapaianAnggaran                   figure
}

func groupOf(g *model.EvalGroup) *groupView {
	v := &groupView{Level: g.Level, Number: g.Number, Name: g.Name, Source: g.Source, Code: g.Code,
		Capaian: figure{g.Capaian}, Pagu: figure{g.Pagu}, Realisasi: figure{g.Realisasi},
		CapaianAnggaran: figure{g.CapaianAnggaran}, Left: g.Left}
	for _, k := range g.Kegiatan {
		v.Kegiatan = append(v.Kegiatan, groupOf(k))
	}
	for _, s := range g.Subs {
		v.Subs = append(v.Subs, &subView{Number: s.Number, Name: s.Name, Indicator: s.Indicator,
			Target: figure{s.Target}, Realisasi: figure{s.Realisasi}, Pagu: figure{s.Pagu},
			RealisasiAnggaran: figure{s.RealisasiAnggaran}, Capaian: figure{s.Capaian}, CapaianAnggaran: figure{s.CapaianAnggaran}})
	}
	return v
}

// markdownFuncs are the functions of the Markdown templates (evaluasi.md).
var markdownFuncs = ttemplate.FuncMap{
	"md":        func(v any) string { return mdEscape(fmt.Sprint(v)) },
	"judul":     idn.Title,
	"kecil":     idn.LowerFirst,
	"daftar":    idn.List,
	"terbilang": fmtTerbilang,
	"rupiah":    fmtRupiah,
	"persen":    fmtPersen,
	"angka":     fmtAngka,
}

// mdEscape makes data text literal in Markdown: its punctuation cannot start
// emphasis, a link, raw HTML or an entity.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~&!{}", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
