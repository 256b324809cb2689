package render

// The office named in one place: functions that write renja.toml's office,
// plan year and decree into the narrative, so that a project made by renja
// init, or moved to another year, names its own office and years everywhere.

import (
	"fmt"
	"slices"
	"strings"

	"renja/internal/config"
	"renja/internal/content"

	"renja/internal/msg"
)

var officeFuncs = []markdownFunc{
	{"kantor", ``, "renja.toml's `office.name`: `Kantor Kecamatan Kalaena`",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.Office.Name } }},
	{"kecamatan", ``, "`office.kecamatan`: `Kalaena`; `{{ kapital kecamatan }}` → `KALAENA`",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.Office.Kecamatan } }},
	{"kabupaten", ``, "`office.kabupaten`: `Luwu Timur`",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.Office.Kabupaten } }},
	{"provinsi", ``, "`office.province`: `Sulawesi Selatan`",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.Office.Province } }},
	{"camat", ``, "`signatory.name`: `MUHAMMAD YUSRI, S.E., M.Si.`",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.Signatory.Name } }},
	{"tahun", `[OFFSET]`, "`plan.year`: `2024`; `{{ tahun -2 }}` → `2022` (the evaluated year), `{{ tahun 1 }}` → `2025` (the forecast year)",
		func(r *renderer, _ *content.Blocks) any {
			return func(offset ...int) (int, error) { return planYear(r.p.Config, offset) }
		}},
	{"nomor", ``, "the decree's number line from `[decree]`: `NOMOR : 12 TAHUN 2023` (while `number` is blank, room to write it)",
		func(r *renderer, _ *content.Blocks) any { return func() string { return r.p.Config.DecreeLine() } }},
	{"fakta", `WHAT VALUE`, "VALUE, a fact of this office and year that no table computes (a meeting's date, how many took part): `{{ fakta \"jumlah peserta Musrenbang Kecamatan\" \"163\" }}` → `163`. `renja init` for another office and `renja init --from` make VALUE a mark to fill (`[isi; Renja 2024: 163]`), which `renja check` lists and `--final` waits for (docs/new-project.md)",
		func(*renderer, *content.Blocks) any { return func(_, value string) string { return value } }},
	{"kapital", `TEXT`, "TEXT in capitals: `{{ kapital kantor }}` → `KANTOR KECAMATAN KALAENA`",
		func(*renderer, *content.Blocks) any {
			return func(v any) string { return strings.ToUpper(fmt.Sprint(v)) }
		}},
}

func planYear(c *config.Config, offset []int) (int, error) {
	switch {
	case len(offset) == 0:
		return c.Plan.Year, nil
	case len(offset) > 1 || offset[0] < -20 || offset[0] > 20:
		return 0, msg.Errorf("tahun takes one offset from the plan year, such as -2 or 1")
	}
	return c.Year(offset[0]), nil
}

// The office's functions follow letterhead in the registry (and docs/project.md).
func init() {
	i := slices.IndexFunc(funcs, func(f markdownFunc) bool { return f.Name == "letterhead" })
	funcs = slices.Insert(funcs, i+1, officeFuncs...)
}
