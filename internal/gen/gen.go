// Package gen writes a valid Renja project of any size: n sub kegiatan spread
// over programs and kegiatan, with chapters and the tables of a real Renja
// (T-C.29, Tabel 2.4, 3.1 and 4.1), all consistent, so that `renja check`
// reports nothing. It exists to measure how the cost of a build grows.
package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"
)

// Shape returns how n sub kegiatan are grouped: programs, kegiatan per
// program, sub kegiatan per kegiatan (the last kegiatan takes the rest).
func shape(n int) (programs, kegiatan int) {
	programs = max(1, min(99, n/40+1))
	kegiatan = max(1, min(99, n/programs/3+1))
	return
}

type sub struct {
	code, name string
	pagu       num.Money
	pagu25     num.Money
	target     int
}

type node struct {
	code, name string
	subs       []sub
}

type program struct {
	code, name string
	kegiatan   []node
}

// config is renja.toml of a generated project.
const config = `parts = ["sampul", "kata-pengantar", "daftar-isi", "bab-1", "bab-2", "bab-3"]

[office]
name = "Kantor Kecamatan Contoh"
kecamatan = "Contoh"
kabupaten = "Luwu Timur"
province = "Sulawesi Selatan"
address = "Jl. Contoh No. 1"
website = "contoh.go.id"

[plan]
year = 2024
table = "t31"

[signatory]
name = "NAMA CAMAT, S.E."
rank = "Pembina, IV/a"
nip = "19770329 200801 1 008"
place = "Contoh"
date = 2023-05-01
`

func plan(n int) []program {
	np, nk := shape(n)
	var ps []program
	i := 0
	for p := 0; p < np && i < n; p++ {
		pr := program{code: fmt.Sprintf("7.01.%02d", p+1), name: fmt.Sprintf("PROGRAM CONTOH %d", p+1)}
		for k := 0; k < nk && i < n; k++ {
			kg := node{code: fmt.Sprintf("%s.2.%02d", pr.code, k+1), name: fmt.Sprintf("Kegiatan Contoh %d.%d", p+1, k+1)}
			per := (n - i) / ((np-p-1)*nk + (nk - k))
			per = max(1, min(per, 9999))
			for s := 0; s < per && i < n; s++ {
				code := fmt.Sprintf("%s.%02d", kg.code, s+1)
				if s+1 > 99 {
					code = fmt.Sprintf("%s.%04d", kg.code, s+1)
				}
				kg.subs = append(kg.subs, sub{
					code: code, name: fmt.Sprintf("Sub Kegiatan Contoh %d", i+1),
					pagu: num.Money(1_000_000 + 12_345*int64(i%97)), pagu25: num.Money(1_100_000 + 5_000*int64(i%89)),
					target: 1 + i%24,
				})
				i++
			}
			pr.kegiatan = append(pr.kegiatan, kg)
		}
		ps = append(ps, pr)
	}
	return ps
}

// Write writes a project of n sub kegiatan into dir.
func Write(dir string, n int) error {
	ps := plan(n)
	files := map[string]string{
		"renja.toml":                   config,
		"content/00-sampul.md":         front("sampul", "Sampul", "cover"),
		"content/02-kata-pengantar.md": front("kata-pengantar", "KATA PENGANTAR", "foreword") + "# KATA PENGANTAR\n\n" + lorem(3) + "\n{{ signature }}\n",
		"content/03-daftar-isi.md":     front("daftar-isi", "DAFTAR ISI", "toc"),
		"content/10-bab-1.md":          front("bab-1", "BAB I PENDAHULUAN", "chapter") + "# BAB I PENDAHULUAN\n\n## 1.1 Latar Belakang\n\n" + lorem(6) + "\n## 1.2 Evaluasi\n\n{{ table \"tc29\" }}\n",
		"content/20-bab-2.md":          front("bab-2", "BAB II RENCANA", "chapter") + "# BAB II RENCANA\n\n## 2.1 Review\n\n" + lorem(2) + "\n{{ table \"t24\" }}\n\n## 2.2 Rencana\n\n{{ table \"t31\" }}\n",
		"content/30-bab-3.md":          front("bab-3", "BAB III PENDANAAN", "chapter") + "# BAB III PENDANAAN\n\n{{ table \"t41\" }}\n\n" + lorem(2) + "\n{{ signature }}\n",
		"data/t31.toml":                schema("t31", "Tabel 3.1", true, cols31),
		"data/t41.toml":                schema("t41", "Tabel 4.1", true, cols41),
		"data/t24.toml":                schema("t24", "Tabel 2.4", true, cols24),
		"data/tc29.toml":               schema("tc29", "Tabel T-C.29", true, colsTC29),
	}
	var t31, t41, t24, tc29 strings.Builder
	t31.WriteString("kode;uraian;indikator;target;pagu;sumber_dana;target_n_plus1;pagu_n_plus1\n")
	t41.WriteString("kode;uraian;target;pagu;sumber_dana\n")
	t24.WriteString("kode;uraian_awal;target_awal;pagu_awal;uraian;target;pagu\n")
	tc29.WriteString("kode;uraian;indikator;target_n_min2;realisasi_n_min2;tingkat_n_min2\n")
	sum, err := sums(ps)
	if err != nil {
		return err
	}
	total := sum("", 1)
	fmt.Fprintf(&t24, ";JUMLAH;;%s;JUMLAH;;%s\n", num.FormatMoney(total), num.FormatMoney(total))
	for _, p := range ps {
		pp, pp25 := sum(p.code, 1), sum(p.code, 2)
		row31(&t31, p.code, p.name, "100%", pp, pp25)
		row41(&t41, p.code, p.name, "100%", pp)
		row24(&t24, p.code, p.name, "100%", pp)
		rowTC(&tc29, p.code, p.name, 100, 100)
		for _, k := range p.kegiatan {
			kp, kp25 := sum(k.code, 1), sum(k.code, 2)
			row31(&t31, k.code, k.name, "100%", kp, kp25)
			row41(&t41, k.code, k.name, "100%", kp)
			row24(&t24, k.code, k.name, "100%", kp)
			rowTC(&tc29, k.code, k.name, 100, 100)
			for _, s := range k.subs {
				target := fmt.Sprintf("%d Dok", s.target)
				row31(&t31, s.code, s.name, target, s.pagu, s.pagu25)
				row41(&t41, s.code, s.name, target, s.pagu)
				row24(&t24, s.code, s.name, target, s.pagu)
				rowTC(&tc29, s.code, s.name, s.target, s.target)
			}
		}
	}
	files["data/t31.csv"] = t31.String()
	files["data/t41.csv"] = t41.String()
	files["data/t24.csv"] = t24.String()
	files["data/tc29.csv"] = tc29.String()
	return writeAll(dir, files)
}

// sums reads the plan's codes and the sub kegiatan's amounts of the plan
// year and the next into a tree of package model, which computes every
// program's and kegiatan's amounts (columns 1 and 2): renja has one place
// that adds up a hierarchy.
// sums computes the parents' amounts the model's way and returns them:
// sum(code, col) for column col (1 pagu, 2 pagu_n_plus1) of a program or
// kegiatan, sum("", col) for the whole plan.
func sums(ps []program) (sum func(code string, col int) num.Money, err error) {
	s, err := table.ParseSchema("data/sums.toml", "sums", []byte(
		"hierarchy = true\n[[columns]]\nname = \"kode\"\ntype = \"code\"\n"+
			"[[columns]]\nname = \"pagu\"\ntype = \"money\"\n[[columns]]\nname = \"pagu_n_plus1\"\ntype = \"money\"\n"))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("kode;pagu;pagu_n_plus1\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "%s;;\n", p.code)
		for _, k := range p.kegiatan {
			fmt.Fprintf(&b, "%s;;\n", k.code)
			for _, s := range k.subs {
				fmt.Fprintf(&b, "%s;%d;%d\n", s.code, s.pagu, s.pagu25)
			}
		}
	}
	t, err := table.Parse(s, "data/sums.csv", []byte(b.String()))
	if err != nil {
		return nil, err
	}
	tr := model.Build(t)
	return func(code string, col int) num.Money {
		nd := tr.Root
		if code != "" {
			nd = tr.Node(kode.MustParse(code))
		}
		m, _ := tr.Sum(nd, col)
		return m
	}, nil
}

func row31(b *strings.Builder, code, name, target string, pagu, pagu25 num.Money) {
	fmt.Fprintf(b, "%s;%s;Persentase capaian %s;%s;%s;Pendapatan Asli Daerah (PAD);%s;%s\n", code, name, strings.ToLower(name), target, num.FormatMoney(pagu), target, num.FormatMoney(pagu25))
}

func row41(b *strings.Builder, code, name, target string, pagu num.Money) {
	fmt.Fprintf(b, "%s;%s;%s;%s;Pendapatan Asli Daerah (PAD)\n", code, name, target, num.FormatMoney(pagu))
}

func row24(b *strings.Builder, code, name, target string, pagu num.Money) {
	fmt.Fprintf(b, "%s;%s;%s;%s;%s;%s;%s\n", code, name, target, num.FormatMoney(pagu), name, target, num.FormatMoney(pagu))
}

func rowTC(b *strings.Builder, code, name string, target, real int) {
	fmt.Fprintf(b, "%s;%s;Jumlah dokumen %s (dokumen);%d;%d;100\n", code, name, strings.ToLower(name), target, real)
}

func front(id, title, kind string) string {
	return fmt.Sprintf("+++\nid = %q\ntitle = %q\nkind = %q\n+++\n", id, title, kind)
}

func lorem(paragraphs int) string {
	p := "Rencana Kerja merupakan dokumen perencanaan tahunan yang disusun untuk menjamin keterkaitan dan konsistensi antara perencanaan, penganggaran, pelaksanaan dan pengawasan. Program dan kegiatan dilengkapi dengan indikator kinerja dan pendanaan yang menunjukkan prakiraan maju.\n\n"
	return strings.Repeat(p, paragraphs)
}

type col struct{ name, typ, title, measure, formula, group string }

var (
	cols31 = []col{{"kode", "code", "Kode", "", "", ""}, {"uraian", "text", "Program/ Kegiatan/ Sub Kegiatan", "", "", ""},
		{"indikator", "text", "Indikator Kinerja", "", "", ""}, {"target", "target", "Target Capaian", "target:N", "", "Rencana Tahun {N}"},
		{"pagu", "money", "Pagu Indikatif", "pagu:N", "", "Rencana Tahun {N}"}, {"sumber_dana", "text", "Sumber Dana", "", "", "Rencana Tahun {N}"},
		{"target_n_plus1", "target", "Target", "target:N+1", "", "Prakiraan Maju {N+1}"}, {"pagu_n_plus1", "money", "Pagu Indikatif", "pagu:N+1", "", "Prakiraan Maju {N+1}"}}
	cols41 = []col{{"kode", "code", "Kode", "", "", ""}, {"uraian", "text", "Program/ Kegiatan/ Sub Kegiatan", "", "", ""},
		{"target", "target", "Target Capaian Kinerja", "target:N", "", ""}, {"pagu", "money", "Pagu Indikatif", "pagu:N", "", ""},
		{"sumber_dana", "text", "Sumber Dana", "", "", ""}}
	cols24 = []col{{"kode", "code", "No", "", "", ""}, {"uraian_awal", "text", "Program/ Kegiatan", "", "", "Rancangan Awal"},
		{"target_awal", "target", "Target", "target:N:awal", "", "Rancangan Awal"}, {"pagu_awal", "money", "Pagu Indikatif", "pagu:N:awal", "", "Rancangan Awal"},
		{"uraian", "text", "Program/ Kegiatan", "", "", "Hasil Analisa Kebutuhan"}, {"target", "target", "Target", "target:N", "", "Hasil Analisa Kebutuhan"},
		{"pagu", "money", "Pagu Indikatif", "pagu:N", "", "Hasil Analisa Kebutuhan"}}
	colsTC29 = []col{{"kode", "code", "Kode", "", "", ""}, {"uraian", "text", "Program/ Kegiatan", "", "", ""},
		{"indikator", "text", "Indikator Kinerja", "", "", ""}, {"target_n_min2", "number", "Target {N-2}", "", "", "Tahun {N-2}"},
		{"realisasi_n_min2", "number", "Realisasi {N-2}", "", "", "Tahun {N-2}"}, {"tingkat_n_min2", "percent", "Tingkat Realisasi (%)", "", "ratio(realisasi_n_min2, target_n_min2)", "Tahun {N-2}"}}
)

func schema(id, caption string, landscape bool, cols []col) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id = %q\ncaption = %q\ntitle = [\"Kantor Kecamatan Contoh\"]\nlandscape = %v\nhierarchy = true\n", id, caption, landscape)
	for i, c := range cols {
		fmt.Fprintf(&b, "\n[[columns]]\nname = %q\ntype = %q\ntitle = %q\nnumber = \"%d\"\n", c.name, c.typ, c.title, i+1)
		if c.measure != "" {
			fmt.Fprintf(&b, "measure = %q\n", c.measure)
		}
		if c.formula != "" {
			fmt.Fprintf(&b, "formula = %q\n", c.formula)
		}
		if c.group != "" {
			fmt.Fprintf(&b, "group = %q\n", c.group)
		}
	}
	return b.String()
}

// writeAll writes files (slash-separated names) under dir.
func writeAll(dir string, files map[string]string) error {
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}
