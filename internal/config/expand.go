package config

// Years relative to the plan year, and the office named in one place.
//
// A table schema's caption, title lines, column titles, groups and column
// numbers, and a part's front-matter title, may write
//
//	{N}, {N-1}, {N-2}, {N+1}   a year relative to plan.year: {N-2} is 2022 for 2024
//	{kantor}                    office.name          ({KANTOR}: in capitals)
//	{kecamatan}                 office.kecamatan     ({KECAMATAN})
//	{kabupaten}                 office.kabupaten     ({KABUPATEN})
//	{provinsi}                  office.province      ({PROVINSI})
//
// and a measure's year may be N, N+1, N-2 (pagu:N, target:N-2, pagu:N:awal),
// so that changing plan.year alone moves every year, and renja init's new
// office is named everywhere. Absolute years stay allowed; renja check's
// years rule reports one that does not fit plan.year.

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	placeholderRe = regexp.MustCompile(`\{\s*(?:([Nn])\s*(?:([+-])\s*(\d{1,2}))?|([A-Za-z]+))\s*\}`)
	measureYearRe = regexp.MustCompile(`^([^:]*):(?:\{\s*)?[Nn]\s*(?:([+-])\s*(\d{1,2}))?(?:\s*\})?(:.*)?$`)
)

// Year returns plan.year + offset.
func (c *Config) Year(offset int) int { return c.Plan.Year + offset }

// officeField returns the value a named placeholder stands for.
func (c *Config) officeField(name string) (string, bool) {
	switch strings.ToLower(name) {
	case "kantor":
		return c.Office.Name, true
	case "kecamatan":
		return c.Office.Kecamatan, true
	case "kabupaten":
		return c.Office.Kabupaten, true
	case "provinsi":
		return c.Office.Province, true
	}
	return "", false
}

// Expand replaces the placeholders of s ({N-2}, {kecamatan}, …) by their
// values; text in braces that is no placeholder stays as it is.
func (c *Config) Expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return placeholderRe.ReplaceAllStringFunc(s, func(m string) string {
		g := placeholderRe.FindStringSubmatch(m)
		if g[1] != "" {
			return strconv.Itoa(c.Plan.Year + offset(g[2], g[3]))
		}
		v, ok := c.officeField(g[4])
		if !ok {
			return m
		}
		if g[4] == strings.ToUpper(g[4]) {
			v = strings.ToUpper(v)
		}
		return v
	})
}

// ExpandMeasure resolves a measure's relative year: pagu:N+1 → pagu:2025.
func (c *Config) ExpandMeasure(m string) string {
	g := measureYearRe.FindStringSubmatch(m)
	if g == nil {
		return c.Expand(m)
	}
	return g[1] + ":" + strconv.Itoa(c.Plan.Year+offset(g[2], g[3])) + g[4]
}

// isRelative reports whether s writes a relative year or a placeholder.
func isRelative(s string) bool { return placeholderRe.MatchString(s) || measureYearRe.MatchString(s) }

func offset(sign, digits string) int {
	if digits == "" {
		return 0
	}
	n, _ := strconv.Atoi(digits)
	if sign == "-" {
		return -n
	}
	return n
}
