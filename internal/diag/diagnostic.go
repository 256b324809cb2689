package diag

import (
	"fmt"
	"renja/internal/msg"
	"sort"
	"strings"
)

// Severity of a checker diagnostic.
type Severity string

const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevTodo    Severity = "todo" // something to fill in: not a mistake, but a final build waits for it
	SevOff     Severity = "off"
)

// The checker's rules: each has a stable id that diagnostics carry and that
// renja.toml's [check.<rule>] names.
const (
	RuleCodes      = "codes"        // a code cannot be read, is duplicated, lacks its parent, or its name disagrees with its level
	RuleValues     = "values"       // a cell cannot be read, or its value is impossible
	RuleHierarchy  = "hierarchy"    // a stated parent amount differs from the sum of its children
	RuleDerived    = "derived"      // a derived column differs from its formula
	RuleCrossTable = "cross-table"  // the same code and measure differ between tables, or a sub kegiatan is missing from one
	RuleCarry      = "carry"        // a figure differs from the one last year's Renja or the Renstra gives it
	RuleProse      = "prose"        // a Rupiah amount or a computed percentage typed in a Markdown part
	RuleYears      = "years"        // a year in a table's title, header or measure that does not fit plan.year
	RuleOther      = "other-office" // the bundled example's kecamatan named in a part or a table's title
	RulePlacehold  = "placeholder"  // [bracketed] text to fill in renja.toml or a part (a to-do)
	RuleTodo       = "todo"         // a table cell to fill, [isi] (a to-do)
	RulePlanYear   = "plan-year"    // a year in a part that names this plan or its RKPD, RKA or APBD but is not the plan year
	RuleExample    = "example"      // rows of the example a new office's tables started from (a to-do)
	RulePlanRows   = "plan-rows"    // a budget table of the plan without any sub kegiatan (a to-do)
	// a level digit that is no level of government, one name under two codes,
	// one code named differently, a code or name not in the reference list
	RuleNomenclature = "nomenclature"
)

// Rules lists the rule ids in the order the checker runs them: the one list
// that renja.toml is validated against and the checker runs.
var Rules = []string{RuleCodes, RuleNomenclature, RuleValues, RuleHierarchy, RuleDerived, RuleCrossTable, RuleCarry, RuleProse, RulePlanYear, RuleYears, RuleOther, RulePlacehold, RuleTodo, RuleExample, RulePlanRows}

// Diagnostic is one finding of `renja check`: a cell whose value is wrong or
// disagrees with another. It does not stop a draft build.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"` // in characters
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Found    string   `json:"found"`
	Expected string   `json:"expected"`
	Hint     string   `json:"hint,omitempty"`
	// Field and Formula are the column's id and its formula as the schema
	// writes them, for tools: the message names the column by its title
	// and the formula in words.
	Field   string `json:"field,omitempty"`
	Formula string `json:"formula,omitempty"`
	// Cause is where the finding this one follows from is (file:line:col),
	// when it is a consequence of another: renja check folds it under that.
	Cause string `json:"cause,omitempty"`
}

// Text is the severity in the officer's language (JSON keeps the id).
func (s Severity) Text() string {
	switch s {
	case SevError:
		return msg.Sprintf("error")
	case SevWarning:
		return msg.Sprintf("warning")
	case SevTodo:
		return msg.Sprintf("todo")
	}
	return string(s)
}

// Position returns where the diagnostic points.
func (d Diagnostic) Position() Position { return Position{d.File, d.Line, d.Column} }

// String prints the diagnostic like a compiler's message.
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s [%s]", d.Position(), d.Severity.Text(), d.Rule)
	if d.Code != "" {
		fmt.Fprintf(&b, " %s:", d.Code)
	}
	b.WriteString(" ")
	b.WriteString(d.Message)
	// The figures are said once: a message that already names both needs no
	// "(found …, expected …)" after it.
	if (d.Found != "" || d.Expected != "") && !(strings.Contains(d.Message, d.Found) && strings.Contains(d.Message, d.Expected)) {
		b.WriteString(msg.Sprintf(" (found %s, expected %s)", d.Found, d.Expected))
	}
	if d.Hint != "" {
		b.WriteString("\n\t" + msg.Sprintf("hint:") + " ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// SortDiagnostics orders diagnostics by file, line, column, then rule.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Position() != b.Position() {
			return a.Position().less(b.Position())
		}
		return a.Rule < b.Rule
	})
}
