// Package config reads renja.toml, the document's settings: the office, the
// plan year, the signatory, the paper, the order of the parts and the
// checker's rule settings (validated against diag.Rules), each mistake at
// its key's line and column.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"time"

	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/projfs"
	"renja/internal/tomlx"

	"renja/internal/msg"
)

// pdfNameRe is a PDF's file name: no folder, no leading dot, ending in .pdf.
var pdfNameRe = regexp.MustCompile(`^[^./\\:*?"<>|\x00-\x1f][^/\\:*?"<>|\x00-\x1f]*\.[pP][dD][fF]$`)

// FileName is the settings file at the root of a project.
const FileName = "renja.toml"

// Config is renja.toml.
type Config struct {
	Office    Office                `toml:"office"`
	Plan      Plan                  `toml:"plan"`
	Signatory Signatory             `toml:"signatory"`
	Decree    Decree                `toml:"decree"`
	Paper     Paper                 `toml:"paper"`
	Parts     []string              `toml:"parts"` // content ids in document order; empty: file name order
	Units     map[string]string     `toml:"units"` // unit spellings that mean the same: Dok = "Dokumen"
	Check     map[string]RuleConfig `toml:"check"`
	Codes     Codes                 `toml:"codes"`
	Previous  Source                `toml:"previous"` // last year's Renja, which the carry rule compares with
	Renstra   Source                `toml:"renstra"`  // the Renstra table the carry rule compares with
	Signing   Signing               `toml:"signing"`

	Src []byte `toml:"-"` // renja.toml's text, for the positions of the checker's findings
}

// Office is the kecamatan office that writes the Renja.
type Office struct {
	Name      string `toml:"name"`      // "Kantor Kecamatan Kalaena"
	Kecamatan string `toml:"kecamatan"` // "Kalaena"
	Kabupaten string `toml:"kabupaten"` // "Luwu Timur"
	Province  string `toml:"province"`  // "Sulawesi Selatan"
	Address   string `toml:"address"`
	Website   string `toml:"website"`
	Logo      string `toml:"logo"` // the Pemda's logo, a PNG, JPEG or SVG in the project: on the cover and in the letterhead
}

// Plan is the document itself.
type Plan struct {
	Year          int      `toml:"year"`
	Title         string   `toml:"title"`          // "Rencana Kerja Tahun 2024"
	RunningHeader string   `toml:"running_header"` // printed at the top of every body page
	Table         string   `toml:"table"`          // the table that is the plan (program > kegiatan > sub kegiatan)
	Budget        []string `toml:"budget"`         // the tables that must hold sub kegiatan for a final build; default: plan.table and the tables measuring the plan year's pagu
	PDF           string   `toml:"pdf"`            // output file name of the PDF
}

// Signatory signs the decree, the foreword and the closing.
type Signatory struct {
	Title string    `toml:"title"` // "Camat"
	Name  string    `toml:"name"`
	Rank  string    `toml:"rank"` // pangkat/golongan
	NIP   string    `toml:"nip"`
	Place string    `toml:"place"`
	Date  time.Time `toml:"date"`
}

// Decree is the Camat's decree adopting the Renja: its number line
// ({{ nomor }}) and the date the decree's signature shows.
type Decree struct {
	Number string    `toml:"number"` // blank until it is numbered
	Year   int       `toml:"year"`   // default: the year of date, else of signatory.date
	Date   time.Time `toml:"date"`   // default: signatory.date
}

// DecreeLine is the decree's number line: "NOMOR : 12 TAHUN 2023", with
// room to write the number by hand while it is blank.
func (c *Config) DecreeLine() string {
	n := strings.TrimSpace(c.Decree.Number)
	if n == "" {
		return fmt.Sprintf("NOMOR : %sTAHUN %d", strings.Repeat("\u00a0", 6), c.Decree.Year)
	}
	return fmt.Sprintf("NOMOR : %s TAHUN %d", n, c.Decree.Year)
}

// Codes is how codes are printed.
type Codes struct {
	// SubKegiatanDigits is 2 (7.01.01.2.01.01) or 4 (7.01.01.2.01.0001);
	// 0: as most of data/'s sub kegiatan codes are written.
	SubKegiatanDigits int `toml:"sub_kegiatan_digits"`
}

// Paper is the print format.
type Paper struct {
	Size string `toml:"size"` // "A4" (default) or "F4" (215 × 330 mm)
}

// RuleConfig sets a check rule's severity and tolerance.
type RuleConfig struct {
	Severity  string  `toml:"severity"`  // "error", "warning", "todo" or "off"
	Tolerance float64 `toml:"tolerance"` // allowed difference, in the column's unit (percentage points for percentages)
	Reference string  `toml:"reference"` // the nomenclature rule's list of codes and names, a CSV file (kode, nama)
}

// PaperSize is a sheet in millimetres.
type PaperSize struct {
	Name          string
	Width, Height float64
}

// Sheet returns the paper's size.
func (p Paper) Sheet() PaperSize {
	if strings.EqualFold(p.Size, "F4") || strings.EqualFold(p.Size, "folio") {
		return PaperSize{"F4", 215, 330}
	}
	return PaperSize{"A4", 210, 297}
}

// Load reads dir/renja.toml and fills in defaults.
func Load(dir string) (*Config, error) {
	src, err := projfs.ReadFile(dir, FileName)
	if err != nil {
		if _, ok := diag.ListOf(err); ok {
			return nil, err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &diag.Error{File: FileName, Msg: msg.Sprintf("no renja.toml in %s", dir),
				Hint: msg.Sprintf("run renja in a project folder or name it (renja build DIR), or start one with renja init DIR")}
		}
		return nil, &diag.Error{File: FileName, Msg: msg.FileError(err)}
	}
	return Parse(src)
}

// Parse decodes renja.toml's text.
func Parse(src []byte) (*Config, error) {
	var c Config
	if err := tomlx.Decode(FileName, src, 1, &c); err != nil {
		return nil, err
	}
	if err := c.validate(src); err != nil {
		return nil, err
	}
	c.defaults()
	c.Src = src
	return &c, nil
}

func (c *Config) validate(src []byte) error {
	var errs diag.List
	keys := tomlx.Index(diag.NewSource(FileName, src, 1))
	at := func(key, text, hint string) *diag.Error {
		return keys.Errorf(strings.Split(key, "."), hint, "%s", text)
	}
	need := func(v, key, hint string) {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, at(key, msg.Sprintf("%s is missing", key), hint))
		}
	}
	need(c.Office.Name, "office.name", `add name = "Kantor Kecamatan …" under [office]`)
	need(c.Office.Kabupaten, "office.kabupaten", `add kabupaten = "…" under [office]`)
	need(c.Signatory.Name, "signatory.name", `add name = "…" under [signatory]`)
	if c.Plan.Year < 2000 || c.Plan.Year > 2100 {
		errs = append(errs, at("plan.year", msg.Sprintf("plan.year %d is not a plan year", c.Plan.Year),
			"write the year the plan is for, e.g. year = 2024 under [plan]"))
	}
	if s := c.Paper.Size; s != "" && !strings.EqualFold(s, "A4") && !strings.EqualFold(s, "F4") && !strings.EqualFold(s, "folio") {
		errs = append(errs, at("paper.size", msg.Sprintf("paper.size %q is not a paper this tool prints", s),
			`write size = "A4" or size = "F4" under [paper]`))
	}
	if n := c.Plan.PDF; n != "" && !pdfNameRe.MatchString(n) {
		errs = append(errs, at("plan.pdf", msg.Sprintf("plan.pdf %q is not the name of a PDF file", n),
			`write a file name only, without a folder, ending in .pdf, e.g. pdf = "renja-kalaena-2024.pdf"`))
	}
	if d := c.Codes.SubKegiatanDigits; d != 0 && d != 2 && d != 4 {
		errs = append(errs, at("codes.sub_kegiatan_digits", msg.Sprintf("codes.sub_kegiatan_digits %d is not 2 or 4", d),
			"write 4 to print sub kegiatan codes as 7.01.01.2.01.0001, 2 for 7.01.01.2.01.01, or remove the line to follow data/"))
	}
	errs = append(errs, c.validateSources(keys)...)
	errs = append(errs, c.validateSigning(keys)...)
	for rule, rc := range c.Check {
		if !slices.Contains(diag.Rules, rule) {
			hint := msg.Sprintf("the rules are %s", strings.Join(diag.Rules, ", "))
			if s := tomlx.Closest(rule, diag.Rules); s != "" {
				hint = msg.Sprintf("did you mean [check.%s]?", s)
			}
			errs = append(errs, keys.Errorf([]string{"check", rule}, hint, "unknown check rule %q", rule))
		}
		switch rc.Severity {
		case "", "error", "warning", "todo", "off":
		default:
			errs = append(errs, at("check."+rule+".severity", msg.Sprintf("check.%s.severity %q is not a severity", rule, rc.Severity),
				`write "error", "warning", "todo" or "off"`))
		}
	}
	return errs.Err()
}

func (c *Config) defaults() {
	if c.Plan.Title == "" {
		c.Plan.Title = fmt.Sprintf("Rencana Kerja Tahun %d", c.Plan.Year)
	}
	if c.Plan.RunningHeader == "" {
		c.Plan.RunningHeader = strings.ToUpper("Rencana Kerja " + c.Office.Name)
	}
	if c.Plan.PDF == "" {
		c.Plan.PDF = fmt.Sprintf("renja-%s-%d.pdf", content.Slug(c.Office.Kecamatan+" "+c.Office.Name), c.Plan.Year)
		if c.Office.Kecamatan != "" {
			c.Plan.PDF = fmt.Sprintf("renja-%s-%d.pdf", content.Slug(c.Office.Kecamatan), c.Plan.Year)
		}
	}
	if c.Signatory.Title == "" {
		c.Signatory.Title = "Camat"
	}
	if c.Decree.Date.IsZero() {
		c.Decree.Date = c.Signatory.Date
	}
	if c.Decree.Year == 0 {
		c.Decree.Year = c.Decree.Date.Year()
		if c.Decree.Date.IsZero() {
			c.Decree.Year = c.Plan.Year - 1
		}
	}
	if c.Units == nil {
		c.Units = map[string]string{}
	}
	for k, v := range map[string]string{"Dok": "Dokumen", "Lap": "Laporan", "Org": "Orang"} {
		if _, ok := c.Units[k]; !ok {
			c.Units[k] = v
		}
	}
}

// Rule returns the settings of a check rule.
func (c *Config) Rule(name string) RuleConfig { return c.Check[name] }
