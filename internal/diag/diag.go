// Package diag holds what every stage reports: errors that stop a build and
// the diagnostics of the checker, each with the file, line and column it is about.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is a problem in an input that stops the build: the file cannot be
// read as what it should be. It prints as one line, like a compiler's, with
// the hint on the next.
type Error struct {
	File   string // relative to the project, slash-separated
	Line   int    // 1-based; 0 when the whole file is meant
	Column int    // 1-based; 0 when unknown
	Msg    string // what was found and what was expected
	Hint   string // how to fix it
	Source string // the offending line, shown under the message when set
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(Pos(e.File, e.Line, e.Column))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Source != "" {
		fmt.Fprintf(&b, "\n\t%s", strings.TrimRight(e.Source, "\r\n"))
		if e.Column > 0 {
			fmt.Fprintf(&b, "\n\t%s^", strings.Repeat(" ", visualColumn(e.Source, e.Column)-1))
		}
	}
	if e.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// visualColumn turns a byte column into a rune column, tabs kept as one.
func visualColumn(line string, col int) int {
	if col-1 > len(line) {
		col = len(line) + 1
	}
	return len([]rune(line[:col-1])) + 1
}

// Pos formats file:line:col, leaving out what is unknown.
func Pos(file string, line, col int) string {
	switch {
	case line <= 0:
		return file
	case col <= 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// Errorf makes an Error.
func Errorf(file string, line, col int, hint, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// List is several Errors reported together.
type List []*Error

func (l List) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Err returns nil for an empty list, the list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Sort orders the list by file, line and column.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// ListOf returns the positioned errors in err: a List, or one *Error made a
// List. ok is false for any other error (nil too).
func ListOf(err error) (l List, ok bool) {
	var e *Error
	switch {
	case errors.As(err, &l):
		return l, true
	case errors.As(err, &e):
		return List{e}, true
	}
	return nil, false
}

// Join flattens errors into a List when they all are *Error or List; other
// errors are returned as they are.
func Join(errs ...error) error {
	var l List
	for _, err := range errs {
		if err == nil {
			continue
		}
		el, ok := ListOf(err)
		if !ok {
			return err
		}
		l = append(l, el...)
	}
	return l.Err()
}

// Severity of a checker diagnostic.
type Severity string

const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevOff     Severity = "off"
)

// Diagnostic is one finding of `renja check`: a cell whose value is wrong or
// disagrees with another. It does not stop a draft build.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Found    string   `json:"found"`
	Expected string   `json:"expected"`
	Hint     string   `json:"hint,omitempty"`
}

// String prints the diagnostic like a compiler's message.
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s [%s]", Pos(d.File, d.Line, d.Column), d.Severity, d.Rule)
	if d.Code != "" {
		fmt.Fprintf(&b, " %s:", d.Code)
	}
	b.WriteString(" ")
	b.WriteString(d.Message)
	if d.Found != "" || d.Expected != "" {
		fmt.Fprintf(&b, " (found %s, expected %s)", d.Found, d.Expected)
	}
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// SortDiagnostics orders diagnostics by file, line, column, then rule.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}
