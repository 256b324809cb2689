package table

import (
	"regexp"
	"strings"
)

// plainNumber is a cell Excel reads as a number, not as a formula, even
// though it starts with + or -: -5, +1.000,50, 12%.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9][0-9.,]*%?$`)

// FormulaSafe returns a cell's text as a CSV cell that a spreadsheet shows as
// text and never runs: one that starts like a formula (=, +, -, @, a tab or a
// carriage return; "CSV injection") gets a leading apostrophe, '=SUM(A1:A9)
// (Excel shows the apostrophe, and runs nothing). A lone "-" and a plain
// number (-5) are left as they are: Excel reads them as text and a number.
// Parse reads such a cell back to the text it came from (see unFormula).
//
// A text that already starts with such an apostrophe ('=x) gets a second
// one, so that it too reads back as it was.
func FormulaSafe(s string) string {
	if formulaLike(s) || unFormula(s) != s {
		return "'" + s
	}
	return s
}

func formulaLike(s string) bool {
	return s != "" && s != "-" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !plainNumber.MatchString(s)
}

// unFormula undoes FormulaSafe: an apostrophe that FormulaSafe would have
// put before the rest of the cell is dropped.
func unFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && FormulaSafe(s[1:]) == s {
		return s[1:]
	}
	return s
}
