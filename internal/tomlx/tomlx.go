// Package tomlx decodes the project's TOML (renja.toml, table schemas, front
// matter) strictly: a syntax error or an unknown key is a *diag.Error naming
// the file, line and column (in characters), with a hint. It owns where a
// key is written (Keys), so that later checks of a value point at its key.
package tomlx

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/msg"
	"renja/internal/near"
)

// typeErrRe matches the decoder's errors for a value of the wrong type, which
// carry their line in the text only.
var typeErrRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// Decode decodes src into v. firstLine is the line of src's first line in
// file (1 for a whole file; more for front matter inside a Markdown file).
func Decode(file string, src []byte, firstLine int, v any) error {
	if err := limits.CheckTOML(file, firstLine, src); err != nil {
		return err
	}
	source := diag.NewSource(file, src, firstLine)
	md, err := toml.Decode(string(src), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The byte offset is exact; the decoder's Line is one too far
			// when the lexer has already passed the newline it complains
			// about ("[office" with no closing bracket).
			at := pe.Position.Start
			if at < 0 || at > len(src) {
				at = 0
			}
			if off, text, hint, ok := fixed(src, at, pe.Message); ok {
				return source.Errorf(off, hint, "%s", text)
			}
			// Not pe.Usage: it is the library's English.
			hint := msg.Sprintf("see the TOML syntax at toml.io; strings need quotes, dates are written 2023-05-01")
			return source.Errorf(at, hint, "%s", syntaxMessage(pe.Message))
		}
		if m := typeErrRe.FindStringSubmatch(err.Error()); m != nil {
			// "toml: line 2 (last key "plan.year"): incompatible types: …"
			line, _ := strconv.Atoi(m[1])
			p, ok := Index(source).Find(strings.Split(m[2], ".")...)
			if !ok || p.Line != line+firstLine-1 {
				p = diag.Position{File: file, Line: line + firstLine - 1}
			}
			return &diag.Error{File: file, Line: p.Line, Column: p.Column,
				Msg: typeMessage(m[2], m[3]), Hint: msg.Sprintf("check the value's type"), Source: source.Line(p.Line)}
		}
		return &diag.Error{File: file, Line: firstLine, Msg: err.Error(), Hint: msg.Sprintf("check the value's type")}
	}
	undecoded := md.Undecoded()
	if len(undecoded) == 0 {
		return nil
	}
	keys := Index(source)
	var errs diag.List
	for _, k := range undecoded {
		known := fieldNames(reflect.TypeOf(v), k[:len(k)-1])
		hint := msg.Sprintf("remove it")
		if s := Closest(k[len(k)-1], known); s != "" {
			hint = msg.Sprintf("did you mean %q?", s)
		} else if len(known) > 0 {
			hint = msg.Sprintf("known keys here: %s", quoteAll(known))
		}
		where := ""
		if len(k) > 1 {
			where = msg.Sprintf(" in [%s]", strings.Join(k[:len(k)-1], "."))
		}
		errs = append(errs, keys.Errorf(k, hint, "unknown key %q%s", k[len(k)-1], where))
	}
	return errs.Err()
}

// fieldNames lists the TOML keys the Go type accepts at path.
func fieldNames(t reflect.Type, path toml.Key) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t != nil && t.Kind() == reflect.Map && len(path) > 0 {
		return fieldNames(t.Elem(), path[1:]) // [check.derived]: the map's key, then its value's fields
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	if len(path) > 0 {
		for i := 0; i < t.NumField(); i++ {
			if name(t.Field(i)) == path[0] {
				return fieldNames(t.Field(i).Type, path[1:])
			}
		}
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if n := name(t.Field(i)); n != "" && n != "-" {
			out = append(out, n)
		}
	}
	return out
}

func name(f reflect.StructField) string {
	if tag := f.Tag.Get("toml"); tag != "" {
		return strings.Split(tag, ",")[0]
	}
	return f.Name
}

// Closest returns the known key nearest to s (edit distance at most 2), or "".
func Closest(s string, known []string) string {
	return near.Closest(s, known)
}

// syntaxMessages are BurntSushi/toml's most frequent syntax errors in the
// officer's language; others keep the decoder's words after a translated lead.
var syntaxMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^strings cannot contain newlines$`), "strings cannot contain newlines"},
	{regexp.MustCompile(`^expected value but found "(.*)" instead$`), "a value is expected here, not %s: text needs quotes"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got '(.*)' instead$`), "the line goes on after its value with %q: one key = value per line"},
	{regexp.MustCompile(`^unexpected EOF; expected '(.*)'$`), "the file ends where %q is still expected"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`), "key %q is written twice"},
	{regexp.MustCompile(`^invalid datetime: "(.*)"$`), "%q is not a date: dates are written 2023-05-01"},
	{regexp.MustCompile(`^(?i:invalid (?:integer|float)(?: value)?):? ['"]?([^'"]*)['"]?(?::.*)?$`), "%q cannot be read as a number"},
	{regexp.MustCompile(`^expected a digit but got '(.*)'$`), "a digit is expected here, not %q"},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), "a value is expected after ="},
	{regexp.MustCompile(`^expected '\.' or '=', but got '(.*)' instead$`), "a key is followed by =, not %q: text needs quotes"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)$`), "a list [ … ] separates its values with commas and ends with ]"},
	{regexp.MustCompile(`^unexpected '='.*$`), "a key is missing before ="},
}

func syntaxMessage(m string) string {
	for _, s := range syntaxMessages {
		if g := s.re.FindStringSubmatch(m); g != nil {
			args := make([]any, len(g)-1)
			for i := range args {
				args[i] = g[i+1]
			}
			return msg.Sprintf(s.key, args...)
		}
	}
	return msg.Sprintf("the TOML cannot be read: %s", m)
}

var incompatibleRe = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// typeMessage writes "plan.year: incompatible types: …" in plain words.
func typeMessage(key, detail string) string {
	m := incompatibleRe.FindStringSubmatch(detail)
	if m == nil {
		return key + ": " + detail
	}
	return msg.Sprintf("%s: the value is %s, but it should be %s", key, tomlType(m[1]), tomlType(m[2]))
}

func tomlType(t string) string {
	switch {
	case t == "string":
		return msg.Sprintf("text in quotes")
	case t == "integer" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return msg.Sprintf("a whole number")
	case t == "float" || strings.HasPrefix(t, "float"):
		return msg.Sprintf("a decimal number")
	case t == "bool":
		return msg.Sprintf("true or false")
	case t == "array" || t == "slice" || strings.HasPrefix(t, "[]"):
		return msg.Sprintf("a list [ … ]")
	case t == "table" || t == "map" || t == "struct" || strings.HasPrefix(t, "map["):
		return msg.Sprintf("a section [ … ]")
	case t == "datetime" || t == "time.Time":
		return msg.Sprintf("a date")
	}
	return t
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
