package table

import (
	"regexp"
	"strings"

	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/projfs"
	"renja/internal/tomlx"

	"renja/internal/msg"
)

// Type is a column's type; it drives parsing, checking and formatting.
type Type string

const (
	Code    Type = "code"    // the row's budget code
	Text    Type = "text"    // free text
	Money   Type = "money"   // Rupiah, a whole number
	Number  Type = "number"  // a quantity, may have decimals
	Percent Type = "percent" // a percentage
	Target  Type = "target"  // a number with its unit: "12 Dok", "100%"
)

// Column is one declared column.
type Column struct {
	Name    string `toml:"name"`    // CSV header
	Type    Type   `toml:"type"`    // see Type
	Title   string `toml:"title"`   // header text in the document
	Number  string `toml:"number"`  // the column-number row: "8 = (7/6)"
	Group   string `toml:"group"`   // grouped header above the column
	Measure string `toml:"measure"` // what the column measures, e.g. "pagu:2024"; equal measures are compared across tables
	Formula string `toml:"formula"` // derived column: "ratio(a, b)" or "sum(a, b, c)"
	Hidden  bool   `toml:"hidden"`  // kept as data, not printed

	Index int      `toml:"-"` // position in Schema.Columns
	Expr  *Formula `toml:"-"`
}

// Schema describes a table.
type Schema struct {
	ID        string   `toml:"id"`
	Caption   string   `toml:"caption"`   // "Tabel 2.4"
	Title     []string `toml:"title"`     // further caption lines
	Landscape bool     `toml:"landscape"` // prints on landscape pages
	Hierarchy bool     `toml:"hierarchy"` // rows nest by code
	Group     string   `toml:"group"`     // a column whose value groups rows under a header row
	// Yearly says the rows are the plan year's own (Tabel 2.5: the
	// stakeholders' proposals of this year's Musrenbang): renja init --from
	// keeps them marked as last year's, to be replaced.
	Yearly    bool     `toml:"yearly"`
	Delimiter string   `toml:"delimiter"` // "," or ";"; empty: detected from the header line
	Columns   []Column `toml:"columns"`

	File    string `toml:"-"` // the schema file, relative to the project
	Src     []byte `toml:"-"` // the schema file's text, for positions
	Written *Texts `toml:"-"` // the words as written, when Resolve replaced placeholders
}

// Op is what a derived column's formula does with its arguments.
type Op string

const (
	Ratio Op = "ratio" // ratio(a, b): a ÷ b × 100
	Sum   Op = "sum"   // sum(a, b, …)
)

// Formula is a derived column's rule, as read from its schema; package
// model evaluates it.
type Formula struct {
	Op   Op
	Args []int // column indexes
	Text string
}

// Col returns the column named name, or nil.
func (s *Schema) Col(name string) *Column {
	for i := range s.Columns {
		if s.Columns[i].Name == name {
			return &s.Columns[i]
		}
	}
	return nil
}

// CodeCol returns the index of the code column, or -1.
func (s *Schema) CodeCol() int {
	for i, c := range s.Columns {
		if c.Type == Code {
			return i
		}
	}
	return -1
}

// NameCol returns the index of the first text column after the code (the row's name), or -1.
func (s *Schema) NameCol() int {
	for i, c := range s.Columns {
		if c.Type == Text && c.Name != s.Group {
			return i
		}
	}
	return -1
}

var (
	idRe      = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	formulaRe = regexp.MustCompile(`^\s*(ratio|sum)\s*\(([^()]*)\)\s*$`)
)

// LoadSchema reads data/<id>.toml.
func LoadSchema(projectDir, id string) (*Schema, error) {
	file := "data/" + id + ".toml"
	src, err := projfs.ReadFile(projectDir, file)
	if _, ok := diag.ListOf(err); ok {
		return nil, err
	}
	if err != nil {
		return nil, &diag.Error{File: file, Msg: msg.FileError(err)}
	}
	return ParseSchema(file, id, src)
}

// ParseSchema decodes a schema's text and checks it.
func ParseSchema(file, id string, src []byte) (*Schema, error) {
	var s Schema
	if err := tomlx.Decode(file, src, 1, &s); err != nil {
		return nil, err
	}
	s.File, s.Src = file, src
	keys := tomlx.Index(diag.NewSource(file, src, 1))
	var errs diag.List
	bad := func(path []string, hint, format string, args ...any) {
		errs = append(errs, keys.Errorf(path, hint, format, args...))
	}
	column := func(i int, key string) []string { return []string{tomlx.Elem("columns", i), key} }
	if s.ID == "" {
		s.ID = id
	}
	if s.ID != id {
		bad([]string{"id"}, msg.Sprintf(`write id = %q or rename the files`, id), "schema id %q differs from its file name %q", s.ID, id)
	}
	if !idRe.MatchString(s.ID) {
		bad([]string{"id"}, "use lower-case letters, digits, - and _", "table id %q is not a plain name", s.ID)
	}
	if len(s.Columns) == 0 {
		bad(nil, "declare each column in a [[columns]] section", "the table declares no columns")
	}
	if len(s.Columns) > limits.TableColumns {
		bad(nil, "a table of the Renja has tens of columns; split it into several tables", "the table declares %d columns, the limit is %d", len(s.Columns), limits.TableColumns)
		return nil, errs.Err()
	}
	if s.Delimiter != "" && s.Delimiter != "," && s.Delimiter != ";" && s.Delimiter != "\t" {
		bad([]string{"delimiter"}, `write delimiter = ";" or ","`, "delimiter %q is not a CSV delimiter", s.Delimiter)
	}
	seen := map[string]bool{}
	codes, second := 0, 0
	for i := range s.Columns {
		c := &s.Columns[i]
		c.Index = i
		switch c.Type {
		case Code:
			if codes++; codes == 2 {
				second = i
			}
		case Text, Money, Number, Percent, Target:
		case "":
			c.Type = Text
		default:
			bad(column(i, "type"), "types are code, text, money, number, percent and target", "column %q has unknown type %q", c.Name, c.Type)
		}
		if !idRe.MatchString(c.Name) {
			bad(column(i, "name"), "use lower-case letters, digits and _", "column name %q is not a plain name", c.Name)
		}
		if seen[c.Name] {
			bad(column(i, "name"), "give each column its own name", "column %q is declared twice", c.Name)
		}
		seen[c.Name] = true
	}
	if codes > 1 {
		bad(column(second, "type"), "a table has one code column", "%d columns have type code", codes)
	}
	if s.Hierarchy && codes == 0 {
		bad([]string{"hierarchy"}, "add a column of type code, or write hierarchy = false", "hierarchy = true but no column has type code")
	}
	if s.Group != "" && s.Col(s.Group) == nil {
		bad([]string{"group"}, "name one of the declared columns", "group column %q is not declared", s.Group)
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		if c.Formula == "" {
			continue
		}
		m := formulaRe.FindStringSubmatch(c.Formula)
		if m == nil {
			bad(column(i, "formula"), `write ratio(a, b) for a ÷ b × 100, or sum(a, b, …)`, "formula %q of column %q cannot be read", c.Formula, c.Name)
			continue
		}
		f := &Formula{Op: Op(m[1]), Text: c.Formula}
		for _, a := range strings.Split(m[2], ",") {
			a = strings.TrimSpace(a)
			col := s.Col(a)
			if col == nil {
				bad(column(i, "formula"), "formulas name columns by their name", "formula of column %q names unknown column %q", c.Name, a)
				continue
			}
			f.Args = append(f.Args, col.Index)
		}
		if f.Op == Ratio && len(f.Args) != 2 {
			bad(column(i, "formula"), "ratio(a, b) takes two columns", "formula %q needs two columns", c.Formula)
			continue
		}
		c.Expr = f
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &s, nil
}

// unitRe is a title's trailing unit: "Capaian (%)", "Target (Rp)".
var unitRe = regexp.MustCompile(`^(.*\S)\s*(\([^()]*\))$`)

// Label is the column as an officer knows it: its title, with its group
// when it has one ("Capaian kinerja (%)", "Prakiraan Maju … — Target");
// the name when it has no title.
func (c *Column) Label() string {
	title, group := strings.Join(strings.Fields(c.Title), " "), strings.Join(strings.Fields(c.Group), " ")
	switch {
	case title == "":
		return c.Name
	case group == "" || strings.Contains(strings.ToLower(title), strings.ToLower(group)):
		return title
	case strings.Contains(group, " "):
		return group + " — " + title
	}
	base, unit := title, ""
	if m := unitRe.FindStringSubmatch(title); m != nil {
		base, unit = m[1], " "+m[2]
	}
	return base + " " + strings.ToLower(group) + unit
}

// Words is the formula in the officer's words, with the columns' labels:
// "Realisasi kinerja ÷ Target kinerja", "A + B + C".
func (f *Formula) Words(cols []Column) string {
	sep := " + "
	if f.Op == Ratio {
		sep = " ÷ "
	}
	labels := make([]string, len(f.Args))
	for i, a := range f.Args {
		labels[i] = cols[a].Label()
	}
	return strings.Join(labels, sep)
}
