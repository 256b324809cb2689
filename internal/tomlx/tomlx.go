// Package tomlx decodes the project's TOML (renja.toml, table schemas, front
// matter) strictly: a syntax error or an unknown key is a *diag.Error naming
// the file, line and column (in characters), with a hint. It owns where a
// key is written (Keys), so that later checks of a value point at its key.
package tomlx

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"renja/internal/diag"
	"renja/internal/limits"
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
			hint := strings.TrimSpace(pe.Usage)
			if hint == "" {
				hint = "see the TOML syntax at toml.io; strings need quotes, dates are written 2023-05-01"
			}
			if i := strings.Index(hint, "\n"); i > 0 {
				hint = hint[:i]
			}
			return source.Errorf(at, hint, "%s", pe.Message)
		}
		if m := typeErrRe.FindStringSubmatch(err.Error()); m != nil {
			// "toml: line 2 (last key "plan.year"): incompatible types: …"
			line, _ := strconv.Atoi(m[1])
			p, ok := Index(source).Find(strings.Split(m[2], ".")...)
			if !ok || p.Line != line+firstLine-1 {
				p = diag.Position{File: file, Line: line + firstLine - 1}
			}
			return &diag.Error{File: file, Line: p.Line, Column: p.Column,
				Msg: m[2] + ": " + m[3], Hint: "check the value's type", Source: source.Line(p.Line)}
		}
		return &diag.Error{File: file, Line: firstLine, Msg: err.Error(), Hint: "check the value's type"}
	}
	undecoded := md.Undecoded()
	if len(undecoded) == 0 {
		return nil
	}
	keys := Index(source)
	var errs diag.List
	for _, k := range undecoded {
		known := fieldNames(reflect.TypeOf(v), k[:len(k)-1])
		hint := "remove it"
		if s := Closest(k[len(k)-1], known); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		} else if len(known) > 0 {
			hint = "known keys here: " + strings.Join(known, ", ")
		}
		where := ""
		if len(k) > 1 {
			where = " in [" + strings.Join(k[:len(k)-1], ".") + "]"
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
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
