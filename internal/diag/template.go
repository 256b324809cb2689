package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// templateErrRe matches the errors of text/template and html/template:
// "template: NAME:LINE:COL: msg", "template: NAME:LINE: msg" and
// "html/template:NAME:LINE:COL: msg".
var templateErrRe = regexp.MustCompile(`^(?:html/)?template: ?[^:]*:(\d+):(?:(\d+):)? ?(.*)$`)

// TemplateError turns an error of a Go template parsed from src into an
// Error at its line and column (text/template gives a 0-based byte offset in
// the line; it becomes a column in characters), its message without the
// template's name and the "error calling …" wrapping. An error that carries
// no line is an error of the whole file.
func TemplateError(src *Source, err error, hint string) *Error {
	msg := err.Error()
	m := templateErrRe.FindStringSubmatch(msg)
	if m == nil {
		return &Error{File: src.File, Msg: msg, Hint: hint}
	}
	line, _ := strconv.Atoi(m[1])
	line += src.FirstLine - 1
	byteCol := 0
	if m[2] != "" {
		c, _ := strconv.Atoi(m[2])
		byteCol = c + 1
	}
	text := m[3]
	if i := strings.Index(text, "error calling "); i >= 0 {
		text = text[i+len("error calling "):]
	}
	if i := strings.Index(text, `executing "`); i >= 0 {
		if j := strings.Index(text, ": "); j > i {
			text = text[j+2:]
		}
	}
	text, sign := templateMessage(text)
	e := src.ErrorAt(line, byteCol, hint, "%s", text)
	if sign != "" {
		placeSign(src, e, sign)
	}
	return e
}
