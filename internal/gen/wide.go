package gen

import (
	"fmt"
	"strings"

	"renja/internal/num"
)

// WriteWide writes a project of n sub kegiatan whose only table is the plan,
// Tabel 3.1 in 13 columns (a province's consolidated plan: location, target
// group, executing unit and notes beside the targets and amounts of the plan
// year and the next), all consistent, so that `renja check` reports nothing.
// At n = 100,000 its CSV is about 12 MB.
func WriteWide(dir string, n int) error {
	ps := plan(n)
	sum, err := sums(ps)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.Grow(n * 130)
	b.WriteString("kode;uraian;indikator;lokasi;target;pagu;sumber_dana;sasaran;pelaksana;catatan;target_n_plus1;pagu_n_plus1;keterangan\n")
	row := func(code, name, ind, target string, pagu, pagu25 num.Money, i int) {
		fmt.Fprintf(&b, "%s;%s;%s;Kec. %d;%s;%s;%s;%s;Seksi %d;%s;%s;%s;%s\n",
			code, name, ind, 1+i%23, target, num.FormatMoney(pagu), funds[i%len(funds)], groups[i%len(groups)],
			1+i%5, notes[i%len(notes)], target, num.FormatMoney(pagu25), remarks[i%len(remarks)])
	}
	for pi, p := range ps {
		row(p.code, p.name, "Persentase capaian program", "100%", sum(p.code, 1), sum(p.code, 2), pi)
		for ki, k := range p.kegiatan {
			row(k.code, k.name, "Persentase capaian kegiatan", "100%", sum(k.code, 1), sum(k.code, 2), ki)
			for i, s := range k.subs {
				row(s.code, s.name, "Dokumen", fmt.Sprintf("%d Dok", s.target), s.pagu, s.pagu25, i)
			}
		}
	}
	files := map[string]string{
		"renja.toml":                   strings.Replace(config, `parts = ["sampul", "kata-pengantar", "daftar-isi", "bab-1", "bab-2", "bab-3"]`, `parts = ["sampul", "kata-pengantar", "daftar-isi", "bab-1", "bab-2"]`, 1),
		"content/00-sampul.md":         front("sampul", "Sampul", "cover"),
		"content/02-kata-pengantar.md": front("kata-pengantar", "KATA PENGANTAR", "foreword") + "# KATA PENGANTAR\n\n" + lorem(3) + "\n{{ signature }}\n",
		"content/03-daftar-isi.md":     front("daftar-isi", "DAFTAR ISI", "toc"),
		"content/10-bab-1.md":          front("bab-1", "BAB I PENDAHULUAN", "chapter") + "# BAB I PENDAHULUAN\n\n## 1.1 Latar Belakang\n\n" + lorem(6),
		"content/20-bab-2.md":          front("bab-2", "BAB II RENCANA", "chapter") + "# BAB II RENCANA\n\n## 2.1 Rencana\n\n" + lorem(2) + "\n{{ table \"t31\" }}\n\n" + lorem(2) + "\n{{ signature }}\n",
		"data/t31.toml":                schema("t31", "Tabel 3.1", true, colsWide),
		"data/t31.csv":                 b.String(),
	}
	return writeAll(dir, files)
}

var (
	funds   = []string{"PAD", "DAU", "DAK", "DBH"}
	groups  = []string{"Warga", "ASN", "Desa", "UMKM"}
	notes   = []string{"-", "Baru", "Lanjut"}
	remarks = []string{"", "", "Musrenbang", "Pokir"}

	colsWide = []col{{"kode", "code", "Kode", "", "", ""}, {"uraian", "text", "Program/ Kegiatan/ Sub Kegiatan", "", "", ""},
		{"indikator", "text", "Indikator Kinerja", "", "", ""}, {"lokasi", "text", "Lokasi", "", "", "Rencana Tahun {N}"},
		{"target", "target", "Target Capaian", "target:N", "", "Rencana Tahun {N}"}, {"pagu", "money", "Pagu Indikatif", "pagu:N", "", "Rencana Tahun {N}"},
		{"sumber_dana", "text", "Sumber Dana", "", "", "Rencana Tahun {N}"}, {"sasaran", "text", "Kelompok Sasaran", "", "", "Rencana Tahun {N}"},
		{"pelaksana", "text", "Pelaksana", "", "", ""}, {"catatan", "text", "Catatan Penting", "", "", ""},
		{"target_n_plus1", "target", "Target", "target:N+1", "", "Prakiraan Maju {N+1}"}, {"pagu_n_plus1", "money", "Pagu Indikatif", "pagu:N+1", "", "Prakiraan Maju {N+1}"},
		{"keterangan", "text", "Keterangan", "", "", ""}}
)
