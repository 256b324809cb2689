package check

// The plan-year rule: a year in a Markdown part that names this plan, its
// Renja, RKPD, RKA or APBD ("perlu menetapkan Rencana Kerja Kecamatan …
// Tahun 2023", "Rancangan Awal RKPD Tahun 2023") but is not the plan year.
// The year may be typed (the seed's own slip in its decree) or a call
// ({{ tahun -1 }}, which a copy for another year keeps one year behind).
//
// Another year's plan may be meant, and then nothing is reported: in a
// clause that evaluates or reports (evaluasi, pelaksanaan, realisasi,
// capaian, hasil …), one that looks ahead (prakiraan maju, proyeksi), and in
// the title of a numbered regulation ("Nomor 17 Tahun 2021 tentang Pedoman
// Penyusunan Rencana Kerja Pemerintah Daerah Tahun 2022"). Periods
// (2021-2026) are never one plan's year.

import (
	"regexp"
	"strconv"
	"strings"

	"renja/internal/diag"
	"renja/internal/msg"
)

// PlanYear is the rule's id.
const PlanYear = diag.RulePlanYear

var (
	// a year after the word Tahun: typed, or the tahun call.
	planYearRe = regexp.MustCompile(`(?i)\btahun(?:\s+anggaran)?\s+(?:((?:19|20)\d\d)\b|(\{\{-?\s*tahun\s*(?:([+-]?\d{1,2})\s*)?-?\}\}))`)
	// what names the plan or its budget documents.
	planDocRe = regexp.MustCompile(`(?i)\b(?:rencana\s+kerja|renja|rkpd|rka|r?apbd|anggaran\s+pendapatan\s+dan\s+belanja\s+daerah|tahun\s+anggaran|alokasi\s+anggaran)\b`)
	// a clause about another year's plan.
	otherPlanRe = regexp.MustCompile(`(?i)\b(?:evaluasi|pelaksanaan|realisasi|capaian|pencapaian|hasil|sampai\s+dengan|s\.?d\.?|s/d|lalu|sebelumnya|prakiraan|perkiraan|proyeksi|maju|mendatang|berikutnya)\b`)
	// a numbered regulation's title: "Nomor 17 Tahun 2021 tentang …".
	regulationRe = regexp.MustCompile(`(?i)\bnomor\s+\d+\s+tahun\s+(?:19|20)\d\d\b`)
	// a regulation's number just before its year: "Nomor 25 Tahun 2004".
	numberedRe = regexp.MustCompile(`(?i)\b(?:nomor|no\.?)\s*\d+\s*$`)
	// a period: "2021-2026", "2021 – 2026", "2021/2022".
	periodRe = regexp.MustCompile(`^\s*[-–/]\s*(?:19|20)\d\d`)
	// where a clause ends.
	clauseEndRe = regexp.MustCompile(`[.;:!?](?:\s|$)`)
)

// planYear reports the plan's or its documents' years that are not the
// plan year.
func (c *checker) planYear() {
	n := c.cfg.Plan.Year
	for _, p := range c.p.Parts {
		src := p.Source()
		raw := strings.Split(string(p.Body), "\n")
		for i, text := range narrative(p) {
			if i >= len(raw) {
				break
			}
			line := raw[i]
			last := 0 // the end of the previous year: a clause looks back no further
			for _, m := range planYearRe.FindAllStringSubmatchIndex(line, -1) {
				start := last
				last = m[1]
				year, found := 0, ""
				switch {
				case m[2] >= 0: // typed: it must stand in the text, not in a call
					if strings.TrimSpace(text[m[2]:m[3]]) == "" || periodRe.MatchString(line[m[3]:]) {
						continue
					}
					year, _ = strconv.Atoi(line[m[2]:m[3]])
					found = line[m[0]:m[1]]
				default:
					k := 0
					if m[6] >= 0 {
						k, _ = strconv.Atoi(line[m[6]:m[7]])
					}
					year, found = n+k, line[m[4]:m[5]]
				}
				if year == n || numberedRe.MatchString(text[:m[0]]) {
					continue
				}
				// The clause the year ends, in the typed text; what names
				// the plan stands after the previous year.
				clause := text[:m[0]]
				if e := clauseEndRe.FindAllStringIndex(clause, -1); e != nil {
					clause = clause[e[len(e)-1][1]:]
				}
				before := clause
				if k := len(text[:m[0]]) - len(clause); start > k {
					before = text[start:m[0]]
				}
				docs := planDocRe.FindAllStringIndex(before, -1)
				if docs == nil || len(before)-docs[len(docs)-1][1] > 160 {
					continue
				}
				if otherPlanRe.MatchString(before) || regulationRe.MatchString(clause) {
					continue
				}
				doc := strings.Join(strings.Fields(before[docs[len(docs)-1][0]:docs[len(docs)-1][1]]), " ")
				at := m[4] // the call, or the typed year
				if m[2] >= 0 {
					at = m[2]
				}
				col := src.Column(p.BodyLine+i, at+1)
				c.add(diag.Diagnostic{Severity: diag.SevError, Rule: PlanYear, File: p.File, Line: p.BodyLine + i, Column: col,
					Message:  msg.Sprintf("the text names %s of %d, but this plan is for %d", doc, year, n),
					Found:    quote(found),
					Expected: "{{ tahun }}",
					Hint:     msg.Sprintf("write {{ tahun }} for the plan year, so the text follows plan.year; if another year's %s is meant, say so (evaluasi, realisasi, prakiraan maju …)", doc)})
			}
		}
	}
}
