package limits

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"renja/internal/diag"
	"renja/internal/msg"
)

// CheckMarkdown refuses Markdown whose blockquotes and lists nest deeper
// than MarkdownDepth: a parser's time grows steeply with the depth (a list
// nested 4,000 levels took goldmark minutes). firstLine is the line of src's
// first line in file. The depth of a line is what its start can open: each >
// and each list marker (-, *, +, 1. or 1)), and the indentation before a
// marker, at least two columns for each list it continues. That counts a
// little more than goldmark nests, never less.
//
// It also refuses more than MarkdownBrackets [ in src: goldmark's link
// parsing took 25 s for a part of 900,000 brackets, and cannot be stopped.
func CheckMarkdown(file string, firstLine int, src []byte) error {
	line, brackets := 0, 0
	for len(src) > 0 {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line++
		if n := bytes.Count(l, []byte("[")); brackets+n > markdownBrackets {
			col := 0
			for i, c := range l {
				if c == '[' {
					if brackets++; brackets > markdownBrackets {
						col = i + 1
						break
					}
				}
			}
			return &diag.Error{File: file, Line: firstLine + line - 1, Column: chars(l, col),
				Msg:    msg.Sprintf("too many [ brackets: more than %d in one part", markdownBrackets),
				Hint:   msg.Sprintf("a part needs a [ for each link; renja reads at most %d, since reading many more takes the Markdown reader minutes", markdownBrackets),
				Source: clip(l, col)}
		} else {
			brackets += n
		}
		if d, col := markdownDepth(l); d > MarkdownDepth {
			return &diag.Error{File: file, Line: firstLine + line - 1, Column: chars(l, col),
				Msg:    msg.Sprintf("quotes (>) and lists nested too deeply: more than %d levels", MarkdownDepth),
				Hint:   msg.Sprintf("renja reads at most %d levels of quotes and lists inside one another; make the structure flatter", MarkdownDepth),
				Source: clip(l, col)}
		}
	}
	return nil
}

// markdownDepth returns the nesting a line can open and, when it is over the
// limit, the byte column (1-based) of the marker that goes over.
func markdownDepth(l []byte) (depth, col int) {
	markers, indent := 0, 0
	i := 0
	for i < len(l) {
		ws := 0
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			if l[i] == '\t' {
				ws += 4
			} else {
				ws++
			}
			i++
		}
		n := marker(l[i:])
		if n == 0 {
			break
		}
		indent += ws
		markers++
		if markers+indent/2 > MarkdownDepth {
			return markers + indent/2, i + 1
		}
		i += n
		if i < len(l) && l[i] == ' ' {
			i++ // the space that belongs to the marker
		}
	}
	return markers + indent/2, 0
}

// marker returns the length of the blockquote or list marker at the start of
// b, or 0.
func marker(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '>':
		return 1
	case '-', '*', '+':
		if len(b) == 1 || b[1] == ' ' || b[1] == '\t' {
			return 1
		}
		return 0
	}
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 || n >= len(b) || b[n] != '.' && b[n] != ')' {
		return 0
	}
	if n+1 == len(b) || b[n+1] == ' ' || b[n+1] == '\t' {
		return n + 1
	}
	return 0
}

// CheckTOML refuses TOML that nests deeper than TOMLDepth: inline tables
// ({…}), arrays ([…]) and dotted keys (a.b.c) together; the decoder's time
// and memory grow steeply with the depth (121 KB of nested inline tables
// took all the memory). firstLine is the line of src's first line in file.
func CheckTOML(file string, firstLine int, src []byte) error {
	line, lineStart := 1, 0
	brackets, dots := 0, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '\n':
			line++
			lineStart = i + 1
			dots = 0
			continue
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
			continue
		case '"', '\'':
			i = skipString(src, i)
			continue
		case '[', '{':
			brackets++
		case ']', '}':
			if brackets > 0 {
				brackets--
			}
			continue
		case '.':
			// A dot between digits is a number's (1.5, 07:32:00.99).
			if i > 0 && i+1 < len(src) && isDigit(src[i-1]) && isDigit(src[i+1]) {
				continue
			}
			dots++
		default:
			continue
		}
		if brackets+dots > tomlDepth {
			l := src[lineStart:]
			if j := bytes.IndexByte(l, '\n'); j >= 0 {
				l = l[:j]
			}
			col := i - lineStart + 1
			return &diag.Error{File: file, Line: firstLine + line - 1, Column: chars(l, col),
				Msg:    msg.Sprintf("TOML tables, arrays or dotted keys nested too deeply: more than %d levels", tomlDepth),
				Hint:   msg.Sprintf("renja reads at most %d levels of {…}, […] and a.b.c inside one another; write the data flatter", tomlDepth),
				Source: clip(l, col)}
		}
	}
	return nil
}

// chars turns a 1-based byte column of line l into a column in characters.
func chars(l []byte, col int) int {
	if col < 1 || col-1 > len(l) {
		return col
	}
	return utf8.RuneCount(l[:col-1]) + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// skipString returns the index of the last byte of the string that starts
// at src[i] (", ', """ or ”'), or the end of src when it is not closed (the
// decoder reports that).
func skipString(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		end := bytes.Index(src[i+3:], []byte{q, q, q})
		if end < 0 {
			return len(src)
		}
		return i + 3 + end + 2
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j
		case '\n':
			return j - 1 // an unclosed string ends at its line
		}
	}
	return len(src)
}

// clip returns the source line to show under a message at byte column col:
// the line, or its start up to a little after col; nothing when col is too
// far in for that to be of use.
func clip(l []byte, col int) string {
	const max = 160
	switch {
	case len(l) <= max:
		return string(l)
	case col+10 <= max:
		return strings.ToValidUTF8(string(l[:col+10]), "") + "…"
	}
	return ""
}
