package render

import (
	"fmt"
	"strings"
	ttemplate "text/template"

	"renja/internal/content"
)

// markdownFunc is a function that Markdown parts may call: the one registry from
// which the template functions (FuncMap), the hint that lists the known
// functions on a misspelt call, and docs/project.md's table are made.
type markdownFunc struct {
	Name string // as called: {{ pagu … }}
	Args string // the arguments, upper case for a value, [ ] around optional ones
	Doc  string // what it gives, with an example, in Markdown (docs/project.md's table)
	// bind makes the function for one part; b places HTML (tables, signature
	// blocks, charts) in the Markdown.
	bind func(r *renderer, b *content.Blocks) any
}

// funcs lists the Markdown functions in the order docs/project.md shows them.
var funcs = []markdownFunc{
	{"table", `TABLE`, "the table from `data/TABLE.*`, with its caption, grouped headers and column numbers: `{{ table \"t24\" }}`",
		func(r *renderer, b *content.Blocks) any { return r.tableFunc(b) }},
	{"signature", `["decree" | "closing"]`, "place and date, `CAMAT,`, name, Pangkat/Gol., NIP from renja.toml; `{{ signature \"decree\" }}` the decree's form (`Ditetapkan di : …`, `pada tanggal : …`, `Camat,`), `{{ signature \"closing\" }}` the closing's, `C A M A T,`",
		func(r *renderer, b *content.Blocks) any { return r.signatureFunc(b) }},
	{"letterhead", ``, "the office letterhead: PEMERINTAH KABUPATEN …, address, website",
		func(r *renderer, b *content.Blocks) any { return r.letterheadFunc(b) }},
	{"rupiah", `AMOUNT`, "`{{ rupiah 3852935 }}` → `Rp 3.852.935`",
		func(*renderer, *content.Blocks) any { return fmtRupiah }},
	{"angka", `NUMBER [DECIMALS]`, "`{{ angka 2590643300 }}` → `2.590.643.300`; `{{ angka (nilai \"t23\" \"1\" \"realisasi_n_min2\") 2 }}` with two decimals: `89,90`",
		func(*renderer, *content.Blocks) any { return fmtAngka }},
	{"persen", `NUMBER [DECIMALS]`, "`{{ persen 97.1 }}` → `97,10%` (two decimals and a comma; `{{ persen X 0 }}` gives `97%`)",
		func(*renderer, *content.Blocks) any { return fmtPersen }},
	{"terbilang", `COUNT`, "`{{ terbilang 36 }}` → `36 (Tiga Puluh Enam)`",
		func(*renderer, *content.Blocks) any { return fmtTerbilang }},
	{"tanggal", `DATE`, "`{{ tanggal .Config.Signatory.Date }}` → `1 Mei 2023`; also `{{ tanggal \"2023-02-22\" }}` → `22 Februari 2023`",
		func(*renderer, *content.Blocks) any { return fmtTanggal }},
	{"pagu", `TABLE CODE [COLUMN]`, "`{{ pagu \"t31\" \"7.01.01.2.01.01\" }}` → `Rp 14.255.600`: the amount of a code in a table (its first money column, or name one: `{{ pagu \"t31\" \"7.01.01\" \"pagu_n_plus1\" }}`); as its row writes it, also for a parent whose sub kegiatan add up to another amount (`{{ pagu \"t41\" \"7.01.01.2.05\" }}` → `Rp 34.835.600`; the checker reports the difference); the sum of what lies below only where the row leaves it empty or the code has no row (use jumlah for the sum)",
		func(r *renderer, _ *content.Blocks) any { return r.pagu }},
	{"target", `TABLE CODE [COLUMN]`, "`{{ target \"t31\" \"7.01.01.2.01.07\" }}` → `10 Lap`: the target of a code (the first target column, or name one)",
		func(r *renderer, _ *content.Blocks) any { return r.target }},
	{"nilai", `TABLE ROW COLUMN`, "`{{ nilai \"t23\" \"2\" \"target_n_min2\" }}` → `97%`: any column of a row, written for its type. The row is a code; in a table without codes, the value of its first column (Tabel 2.3's `no`)",
		func(r *renderer, _ *content.Blocks) any { return r.nilai }},
	{"jumlah", `TABLE COLUMN [CODE]`, "the table's total of a money, number or target column (the computed total, whatever a total row writes): `{{ jumlah \"t41\" \"pagu\" }}`; `{{ jumlah \"eval21\" \"pagu\" \"7.01.03\" }}` → `Rp 92.736.655`, the total below a code (computed: `{{ jumlah \"t41\" \"pagu\" \"7.01.01.2.05\" }}` → `Rp 34.795.500`)",
		func(r *renderer, _ *content.Blocks) any { return r.jumlah }},
	{"hitung", `TABLE [LEVEL | COLUMN]`, "`{{ hitung \"eval21\" \"program\" }}` → `6`: how many programs (`kegiatan`, `sub kegiatan`) the table's rows belong to; `{{ hitung \"t23\" }}` its rows (`2`); `{{ hitung \"t25\" \"desa\" }}` the different values of a column (`7`)",
		func(r *renderer, _ *content.Blocks) any { return r.hitung }},
	{"rerata", `TABLE COLUMN`, "`{{ rerata \"eval21\" \"capaian_kinerja\" }}` → `93,52%`: the mean of a column over the table's rows; a derived column is computed from each row by its formula, never read from the figure the row states (see below)",
		func(r *renderer, _ *content.Blocks) any { return r.rerata }},
	{"kategori", `TABLE SCORE`, "`{{ kategori \"t22\" 99.65 }}` → `sangat tinggi`: the criterion of a score by Tabel 2.2 (see below)",
		func(r *renderer, _ *content.Blocks) any { return r.kategori }},
	{"evaluasi", `FIGURES NAMES`, "`{{ evaluasi \"eval21\" \"tc29\" }}`: section 2.1's evaluation, generated (see below)",
		func(r *renderer, _ *content.Blocks) any { return r.evaluasi }},
	{"chart", `NAME`, "`{{ chart \"pagu-program\" }}`: a bar chart drawn from `data/` as inline SVG, numbered *Grafik 1, 2, …* (see The website)",
		func(r *renderer, b *content.Blocks) any { return r.chartFunc(b) }},
}

// funcMap binds the registry's functions for one part.
func (r *renderer) funcMap(b *content.Blocks) ttemplate.FuncMap {
	fm := make(ttemplate.FuncMap, len(funcs))
	for _, f := range funcs {
		fm[f.Name] = f.bind(r, b)
	}
	return fm
}

// funcTable writes docs/project.md's table of the Markdown functions.
func funcTable() string {
	var b strings.Builder
	b.WriteString("| call | gives |\n| --- | --- |\n")
	for _, f := range funcs {
		call := "{{ " + f.Name + " }}"
		if f.Args != "" {
			call = "{{ " + f.Name + " " + f.Args + " }}"
		}
		cell := strings.NewReplacer("|", `\|`) // a pipe would end the cell, also inside a code span
		fmt.Fprintf(&b, "| `%s` | %s |\n", cell.Replace(call), cell.Replace(f.Doc))
	}
	return b.String()
}
