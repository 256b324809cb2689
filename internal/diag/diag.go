// Package diag owns what every stage reports and where it points: the
// Position type (file, line, column in characters), Source, the one place
// that turns a byte offset of a file into a line and a column, the Error that
// stops a build (one line from Error, the excerpt with a caret from
// ErrorWithPosition), the checker's Diagnostic, and the ids of the checker's
// rules, which renja.toml's [check.<rule>] names.
package diag

import (
	"errors"
	"fmt"
	"renja/internal/msg"
	"sort"
	"strings"
)

// Error is a problem in an input that stops the build: the file cannot be
// read as what it should be. Error() prints one line, like a compiler's;
// ErrorWithPosition adds the offending line with a caret and the hint.
type Error struct {
	File   string // relative to the project, slash-separated
	Line   int    // 1-based; 0 when the whole file is meant
	Column int    // 1-based, in characters (runes); 0 when unknown
	Msg    string // what was found and what was expected
	Hint   string // how to fix it
	Source string // the offending line, shown under the message when set
}

// Position returns where the error is.
func (e *Error) Position() Position { return Position{e.File, e.Line, e.Column} }

// Error prints "file:line:col: message" on one line.
func (e *Error) Error() string { return e.Position().String() + ": " + printable(e.Msg) }

// ErrorWithPosition prints the message, the offending line with a caret
// under the column, and the hint, as BurntSushi/toml's
// ParseError.ErrorWithPosition does:
//
//	renja.toml:9:1: unknown key "nmae" in [signatory]
//		nmae = "NAMA CAMAT"
//		^
//		hint: did you mean "name"?
func (e *Error) ErrorWithPosition() string {
	var b strings.Builder
	b.WriteString(e.Error())
	if src := strings.TrimRight(e.Source, "\r\n"); src != "" {
		shown, indent := excerpt(src, e.Column)
		fmt.Fprintf(&b, "\n\t%s", shown)
		if e.Column > 0 {
			fmt.Fprintf(&b, "\n\t%s^", indent)
		}
	}
	if e.Hint != "" {
		b.WriteString("\n\t" + msg.Sprintf("hint:") + " ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Errorf makes an Error.
func Errorf(file string, line, col int, hint, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Column: col, Msg: msg.Sprintf(format, args...), Hint: msg.Text(hint)}
}

// List is several Errors reported together.
type List []*Error

// Error prints each error's one line.
func (l List) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// ErrorWithPosition prints each error with its excerpt and hint.
func (l List) ErrorWithPosition() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.ErrorWithPosition()
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
	sort.SliceStable(l, func(i, j int) bool { return l[i].Position().less(l[j].Position()) })
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

// Detail is what a person reads about err: for positioned errors, each with
// its excerpt and hint (ErrorWithPosition); for others, err.Error().
func Detail(err error) string {
	if err == nil {
		return ""
	}
	if l, ok := ListOf(err); ok {
		return l.ErrorWithPosition()
	}
	return err.Error()
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
