package tomlx

import (
	"strconv"
	"strings"

	"renja/internal/diag"
)

// Keys records where every key of a TOML text is written. BurntSushi/toml
// v1.6 keeps each key's position in its MetaData but does not export it, so
// Keys reads the keys of a text the decoder has accepted with the same
// grammar: table headers, arrays of tables, dotted and quoted keys, inline
// tables, and values (multi-line strings and arrays) skipped over. A key
// inside the n-th [[columns]] has the path "columns[n]", "name"; the n-th
// value of an array, title = ["…", "…"], has the path "title[n]" (where its
// value starts).
type Keys struct {
	src  *diag.Source
	at   map[string]int // indexed path → byte offset of its last part ('[' of a header)
	flat map[string]int // the same path without indexes, first occurrence
}

// Elem names the i-th table (0-based) of an array of tables in a path.
func Elem(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// Index reads the keys of src, a TOML text.
func Index(src *diag.Source) *Keys {
	k := &Keys{src: src, at: map[string]int{}, flat: map[string]int{}}
	s := &keyScanner{k: k, b: src.Text, counts: map[string]int{}}
	s.document()
	return k
}

// Find returns where the key at path is written.
func (k *Keys) Find(path ...string) (diag.Position, bool) {
	off, ok := k.Offset(path...)
	if !ok {
		return diag.Position{File: k.src.File}, false
	}
	return k.src.At(off), true
}

// Offset returns the byte offset in the text where the key at path is
// written (where its value starts, for an element of an array).
func (k *Keys) Offset(path ...string) (int, bool) {
	p := strings.Join(path, ".")
	off, ok := k.at[p]
	if !ok {
		off, ok = k.flat[stripIndexes(p)]
	}
	return off, ok
}

// Pos returns where the key at path is written or, when it is absent, where
// the nearest table that holds it is; the file alone when none is written.
func (k *Keys) Pos(path ...string) diag.Position {
	for n := len(path); n > 0; n-- {
		if p, ok := k.Find(path[:n]...); ok {
			return p
		}
	}
	return diag.Position{File: k.src.File}
}

// Errorf makes an error at the key at path (see Pos), with its line.
func (k *Keys) Errorf(path []string, hint, format string, args ...any) *diag.Error {
	p := k.Pos(path...)
	e := diag.Errorf(p.File, p.Line, p.Column, hint, format, args...)
	e.Source = k.src.Line(p.Line)
	return e
}

func stripIndexes(p string) string {
	var b strings.Builder
	skip := false
	for _, r := range p {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type keyScanner struct {
	k      *Keys
	b      []byte
	i      int
	counts map[string]int // [[name]] seen so far
}

func (s *keyScanner) record(path []string, off int) {
	p := strings.Join(path, ".")
	if _, ok := s.k.at[p]; !ok {
		s.k.at[p] = off
	}
	if f := stripIndexes(p); f != "" {
		if _, ok := s.k.flat[f]; !ok {
			s.k.flat[f] = off
		}
	}
}

func (s *keyScanner) peek(n int) byte {
	if s.i+n < len(s.b) {
		return s.b[s.i+n]
	}
	return 0
}

// space skips blanks, and line breaks and comments when lines is set.
func (s *keyScanner) space(lines bool) {
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case lines && c == '\n':
			s.i++
		case lines && c == '#':
			for s.i < len(s.b) && s.b[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *keyScanner) document() {
	var table []string
	for s.i < len(s.b) {
		s.space(true)
		if s.i >= len(s.b) {
			return
		}
		start := s.i
		if s.b[s.i] == '[' {
			array := s.peek(1) == '['
			s.i++
			if array {
				s.i++
			}
			name, _ := s.key()
			table = name
			if array && len(name) > 0 {
				h := strings.Join(name, ".")
				table = append(append([]string{}, name[:len(name)-1]...), Elem(name[len(name)-1], s.counts[h]))
				s.counts[h]++
				s.record(name, start)
			}
			s.record(table, start)
			s.skipLine()
			continue
		}
		s.pair(table)
		s.skipLine()
	}
}

// pair reads key = value under prefix, recording the key and the keys of an
// inline table value.
func (s *keyScanner) pair(prefix []string) {
	name, offs := s.key()
	if len(name) == 0 {
		s.i++
		return
	}
	full := append(append([]string{}, prefix...), name...)
	for n := range name {
		s.record(full[:len(prefix)+n+1], offs[n])
	}
	s.space(false)
	if s.peek(0) == '=' {
		s.i++
	}
	s.space(false)
	s.value(full)
}

// key reads a dotted key and returns its parts and each part's offset.
func (s *keyScanner) key() (parts []string, offs []int) {
	for {
		s.space(false)
		start := s.i
		var part string
		switch c := s.peek(0); {
		case c == '"' || c == '\'':
			part = s.quoted(c)
		case isBare(c):
			for s.i < len(s.b) && isBare(s.b[s.i]) {
				s.i++
			}
			part = string(s.b[start:s.i])
		default:
			return parts, offs
		}
		parts, offs = append(parts, part), append(offs, start)
		s.space(false)
		if s.peek(0) != '.' {
			return parts, offs
		}
		s.i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line quoted string (a key, or a value) and returns its text.
func (s *keyScanner) quoted(q byte) string {
	s.i++
	var b strings.Builder
	for s.i < len(s.b) && s.b[s.i] != q && s.b[s.i] != '\n' {
		if q == '"' && s.b[s.i] == '\\' && s.i+1 < len(s.b) {
			s.i++
			if e, ok := map[byte]byte{'n': '\n', 't': '\t', '"': '"', '\\': '\\'}[s.b[s.i]]; ok {
				b.WriteByte(e)
				s.i++
				continue
			}
		}
		b.WriteByte(s.b[s.i])
		s.i++
	}
	if s.i < len(s.b) && s.b[s.i] == q {
		s.i++
	}
	return b.String()
}

// value skips a value; an inline table's keys are recorded under path.
func (s *keyScanner) value(path []string) {
	switch c := s.peek(0); {
	case (c == '"' || c == '\'') && s.peek(1) == c && s.peek(2) == c:
		s.i += 3
		for s.i < len(s.b) && !(s.b[s.i] == c && s.peek(1) == c && s.peek(2) == c) {
			if c == '"' && s.b[s.i] == '\\' {
				s.i++
			}
			s.i++
		}
		s.i += 3
		for s.i < len(s.b) && s.b[s.i] == c { // up to two quotes may end the string's text
			s.i++
		}
	case c == '"' || c == '\'':
		s.quoted(c)
	case c == '[':
		s.i++
		for n := 0; s.i < len(s.b); n++ {
			s.space(true)
			if s.peek(0) == ']' {
				s.i++
				return
			}
			elem := append(append([]string{}, path[:len(path)-1]...), Elem(path[len(path)-1], n))
			s.record(elem, s.i)
			s.value(elem)
			s.space(true)
			if s.peek(0) == ',' {
				s.i++
			} else if s.peek(0) != ']' {
				s.i++
			}
		}
	case c == '{':
		s.i++
		for s.i < len(s.b) {
			s.space(true)
			if s.peek(0) == '}' {
				s.i++
				return
			}
			before := s.i
			s.pair(path)
			s.space(true)
			if s.peek(0) == ',' {
				s.i++
			} else if s.i == before {
				s.i++
			}
		}
	default:
		for s.i < len(s.b) && !strings.ContainsRune(" \t\r\n,]}#", rune(s.b[s.i])) {
			s.i++
		}
	}
}

// skipLine goes past the rest of the line (a comment).
func (s *keyScanner) skipLine() {
	for s.i < len(s.b) && s.b[s.i] != '\n' {
		s.i++
	}
}
