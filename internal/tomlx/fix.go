package tomlx

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"renja/internal/diag"
	"renja/internal/msg"
)

// escapeRe matches BurntSushi/toml's errors for a backslash in a "…" string
// that starts no escape it knows: a Windows path, mostly.
var escapeRe = regexp.MustCompile(`^(?:invalid escape in string '(\\.)'|invalid escape: '(\\.)'|expected \w+ hexadecimal digits after '(\\.)'.*)$`)

// foundRe matches "expected value but found '“' instead".
var foundRe = regexp.MustCompile(`^expected value but found '(.+)' instead$`)

// fixed explains the syntax errors renja can mend, at the offending
// character, and quotes the line as it should be written: a backslash in a
// "…" string (a Windows path) and a word processor's curly quotes. ok is
// false for other errors.
func fixed(src []byte, at int, message string) (off int, text, hint string, ok bool) {
	start := bytes.LastIndexByte(src[:at], '\n') + 1
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	line := strings.TrimRight(string(src[start:start+end]), "\r")
	if m := escapeRe.FindStringSubmatch(message); m != nil {
		esc := m[1] + m[2] + m[3]
		open := strings.IndexByte(line, '"')
		closing := strings.LastIndexByte(line, '"')
		i := strings.Index(line[open+1:], esc)
		if open < 0 || closing <= open || i < 0 {
			return 0, "", "", false
		}
		key, value := line[:open], line[open+1:closing]
		text = msg.Sprintf(`in a "…" text a backslash \ starts an escape, and %s is none: the text cannot be read`, esc)
		hint = msg.Sprintf("write %s'%s' or %s\"%s\"", key, value, key, strings.ReplaceAll(value, `\`, "/"))
		if strings.Contains(value, "'") {
			hint = msg.Sprintf("write %s", key+`"`+strings.ReplaceAll(value, `\`, "/")+`"`)
		}
		return start + open + 1 + i, text, hint, true
	}
	if m := foundRe.FindStringSubmatch(message); m != nil {
		r, _ := utf8.DecodeRuneInString(m[1])
		i := strings.IndexRune(line, r)
		if !diag.IsCurly(r) || i < 0 {
			return 0, "", "", false
		}
		straight := diag.StraightQuotes(line)
		text = msg.Sprintf("the quote %s is a word processor's curly quote; TOML reads only straight quotes \"", m[1])
		return start + i, text, msg.Sprintf("write %s", strings.TrimSpace(straight)), true
	}
	return 0, "", "", false
}
