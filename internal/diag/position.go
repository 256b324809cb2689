package diag

import (
	"bytes"
	"fmt"
	"renja/internal/msg"
	"sort"
	"unicode/utf8"
)

// Position is a place in one of the project's files. Line and column count
// from 1; the column counts characters (runes), not bytes, as an editor
// shows it on a line with "≥" or "é" before the place. 0 means unknown.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// String formats file:line:col, leaving out what is unknown.
func (p Position) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Column <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

func (p Position) less(q Position) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Column < q.Column
}

// Pos formats file:line:col, leaving out what is unknown.
func Pos(file string, line, col int) string { return Position{file, line, col}.String() }

// Source is the text of a file, or of a piece of one (the front matter of a
// Markdown file starts on its line 2): the one place that turns byte offsets
// and byte columns into lines and columns in characters, for TOML, CSV and
// Markdown alike.
type Source struct {
	File      string
	Text      []byte
	FirstLine int   // the line of Text's first line in File (1 for a whole file)
	starts    []int // byte offset of each line's start, made on first use
	ascii     bool  // no byte above 0x7f: byte columns are character columns
}

// NewSource returns the source of file; firstLine is the line in file of
// text's first line (1 for a whole file).
func NewSource(file string, text []byte, firstLine int) *Source {
	if firstLine < 1 {
		firstLine = 1
	}
	return &Source{File: file, Text: text, FirstLine: firstLine}
}

func (s *Source) index() {
	if s.starts != nil {
		return
	}
	s.starts = append(make([]int, 0, 1+bytes.Count(s.Text, []byte("\n"))), 0)
	s.ascii = true
	for i, b := range s.Text {
		switch {
		case b == '\n':
			s.starts = append(s.starts, i+1)
		case b >= utf8.RuneSelf:
			s.ascii = false
		}
	}
}

// At returns the position of byte offset off of the text.
func (s *Source) At(off int) Position {
	s.index()
	off = max(0, min(off, len(s.Text)))
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	return Position{s.File, s.FirstLine + i, 1 + utf8.RuneCount(s.Text[s.starts[i]:off])}
}

// Column turns a 1-based byte column of a line (numbered as in File) into
// a column in characters.
func (s *Source) Column(line, byteCol int) int {
	if byteCol <= 1 {
		return byteCol
	}
	if s.index(); s.ascii {
		return byteCol
	}
	i := line - s.FirstLine
	if i < 0 || i >= len(s.starts) {
		return byteCol
	}
	start := s.starts[i]
	end := min(start+byteCol-1, len(s.Text))
	return 1 + utf8.RuneCount(s.Text[start:end])
}

// Offset turns a 1-based byte column of a line (numbered as in File) into a
// byte offset of the text (At turns it back), within the text.
func (s *Source) Offset(line, byteCol int) int {
	s.index()
	i := max(0, min(line-s.FirstLine, len(s.starts)-1))
	return max(0, min(s.starts[i]+byteCol-1, len(s.Text)))
}

// Line returns the text of line n (numbered as in File), without its line
// break; "" for a line that is not there.
func (s *Source) Line(n int) string {
	s.index()
	i := n - s.FirstLine
	if i < 0 || i >= len(s.starts) {
		return ""
	}
	end := len(s.Text)
	if i+1 < len(s.starts) {
		end = s.starts[i+1] - 1
	}
	return string(bytes.TrimRight(s.Text[s.starts[i]:end], "\r"))
}

// Errorf makes an Error at byte offset off, with the offending line; off < 0
// makes it an error of the whole file.
func (s *Source) Errorf(off int, hint, format string, args ...any) *Error {
	e := &Error{File: s.File, Msg: msg.Sprintf(format, args...), Hint: msg.Text(hint)}
	if off >= 0 {
		p := s.At(off)
		e.Line, e.Column, e.Source = p.Line, p.Column, s.Line(p.Line)
	}
	return e
}

// ErrorAt makes an Error at a line (numbered as in File) and a byte column
// of it (0: the whole line), with the offending line.
func (s *Source) ErrorAt(line, byteCol int, hint, format string, args ...any) *Error {
	return &Error{File: s.File, Line: line, Column: s.Column(line, byteCol), Msg: msg.Sprintf(format, args...),
		Hint: msg.Text(hint), Source: s.Line(line)}
}
