// Package kode reads the budget codes of Permendagri 90/2019 into one canonical form.
//
// Codes nest: urusan 7 > bidang 7.01 > program 7.01.01 > kegiatan 7.01.01.2.01 >
// sub kegiatan 7.01.01.2.01.01. Documents spell them in many ways: "07.01.01",
// "7.01.01. 2.01.04", "7.01.01 2.01.02", trailing dots, and the four-digit sub
// kegiatan of newer nomenclature lists ("7.01.01.2.01.0001"). Every spelling
// reads to the same Code, whose String is the canonical form.
package kode

import (
	"fmt"
	"strconv"
	"strings"

	"renja/internal/msg"
)

// Level is a code's place in the hierarchy.
type Level int

const (
	None Level = iota
	Urusan
	Bidang
	Program
	Kegiatan
	SubKegiatan
)

var levelNames = [...]string{"none", "urusan", "bidang", "program", "kegiatan", "sub kegiatan"}

func (l Level) String() string { return levelNames[l] }

// Code is a canonical budget code. The zero Code is "no code" (a total row).
type Code struct{ s string }

// String returns the canonical form, e.g. "7.01.01.2.01.01".
func (c Code) String() string { return c.s }

// IsZero reports whether c is the empty code.
func (c Code) IsZero() bool { return c.s == "" }

// Level returns the code's level in the hierarchy.
func (c Code) Level() Level {
	if c.s == "" {
		return None
	}
	switch n := strings.Count(c.s, ".") + 1; n {
	case 1, 2, 3:
		return Level(n)
	case 5:
		return Kegiatan
	default:
		return SubKegiatan
	}
}

// Parent returns the code one level up, or the zero Code for an urusan: a
// beginning of c's canonical form (no copy; a tree asks for every node's).
func (c Code) Parent() Code {
	parts := 0
	switch c.Level() {
	case SubKegiatan:
		parts = 5
	case Kegiatan:
		parts = 3
	case Program, Bidang:
		return Code{c.s[:strings.LastIndexByte(c.s, '.')]}
	default:
		return Code{}
	}
	dots := 0
	for i := range len(c.s) {
		if c.s[i] == '.' {
			if dots++; dots == parts {
				return Code{c.s[:i]}
			}
		}
	}
	return Code{} // cannot happen: a kegiatan has five parts
}

// Contains reports whether d lies below c in the hierarchy (or is c).
func (c Code) Contains(d Code) bool {
	return c.s == "" || d.s == c.s || strings.HasPrefix(d.s, c.s+".")
}

// Error says why a code cannot be read.
type Error struct {
	Found, Expected, Hint string
	Fix                   string // the code as most likely meant (a letter O, l or I typed for a digit); "" when unknown
}

func (e *Error) Error() string {
	s := fmt.Sprintf("code %q cannot be read: expected %s", e.Found, e.Expected)
	if e.Hint != "" {
		s += " (hint: " + e.Hint + ")"
	}
	return s
}

const shape = "a code such as 7.01.01 (program), 7.01.01.2.01 (kegiatan) or 7.01.01.2.01.01 (sub kegiatan)"

// split cuts a spelling into its digit groups; dots and blanks both separate.
// The groups are appended to parts[:0] (a buffer the caller reuses).
func split(s string, parts []string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	parts = parts[:0]
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '.' || r == ' ' || r == '\t' || r == '\u00a0' }) {
		for _, r := range f {
			if r < '0' || r > '9' {
				return nil, letterFix(&Error{Found: s, Expected: msg.Sprintf(shape), Hint: msg.Sprintf("remove %q; a code has only digits and dots", r)})
			}
		}
		parts = append(parts, f)
	}
	if len(parts) == 0 {
		return nil, nil // only dots and blanks: no code, as an empty one
	}
	return parts, nil
}

// Parse reads one spelling of a code. An empty string gives the zero Code.
func Parse(s string) (Code, error) {
	parts, err := split(s, nil)
	if err != nil || parts == nil {
		return Code{}, err
	}
	return build(s, parts)
}

func build(orig string, p []string) (Code, error) {
	if len(p) == 7 && p[4] == "01" {
		// "7.1.1.2.01.02.01": kegiatan 2.02 typed as 2.01.02; read as 7.01.01.2.02.01.
		p = append(append([]string{}, p[:4]...), p[5:]...)
	}
	if len(p) == 4 || len(p) > 6 {
		return Code{}, &Error{Found: orig, Expected: msg.Sprintf(shape), Hint: msg.Sprintf("it has %d parts; a kegiatan has five (7.01.01.2.01)", len(p))}
	}
	var buf [40]byte // the canonical form: at most 1+2+2+1+2+4 digits and 5 dots
	out := buf[:0]
	for i, f := range p {
		n, _ := strconv.Atoi(f)
		width, max := 2, 99
		switch {
		case i == 0:
			width = 1
		case i == 3:
			width, max = 1, 9
		case i == 5 && len(f) == 4:
			max = 9999
		}
		if len(f) > 2 && !(i == 5 && len(f) == 4) || n > max {
			return Code{}, &Error{Found: orig, Expected: msg.Sprintf(shape), Hint: msg.Sprintf("part %q is too long", f)}
		}
		if n > 99 {
			width = 4
		}
		if i > 0 {
			out = append(out, '.')
		}
		out = pad(out, n, width)
	}
	if t := strings.TrimSpace(orig); t == string(out) {
		return Code{t}, nil // written canonically: the spelling itself, no copy
	}
	return Code{string(out)}, nil
}

// pad appends n with leading zeros to width digits (cheaper than fmt, and
// codes are read by the thousand).
func pad(b []byte, n, width int) []byte {
	digits := 1
	for m := n; m >= 10; m /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// ParseAll reads the codes of one table. Besides what Parse reads, it knows the
// seven-part spelling some offices use ("7.1.1.2.01.02.01" for sub kegiatan
// 7.01.01.2.02.01): a six-part code that begins such seven-part codes in the
// same table is then their kegiatan (7.1.1.2.01.02 is kegiatan 7.01.01.2.02),
// not a sub kegiatan. errs[i] is set where codes[i] cannot be read.
func ParseAll(spellings []string) (codes []Code, errs []error) {
	codes = make([]Code, len(spellings))
	errs = make([]error, len(spellings))
	// Each spelling is split twice (first to find the seven-part codes),
	// into one reused buffer: a table of 100,000 rows held the parts of every
	// code at once.
	var parts []string
	long := map[string]bool{}
	for _, s := range spellings {
		p, _ := split(s, parts)
		if len(p) == 7 && p[4] == "01" {
			long[strings.Join(p[:6], ".")] = true
		}
		parts = p[:0:cap(p)]
	}
	for i, s := range spellings {
		p, err := split(s, parts)
		if err != nil || p == nil {
			errs[i] = err
			continue
		}
		parts = p[:0:cap(p)]
		if len(p) == 6 && len(long) > 0 && long[strings.Join(p, ".")] {
			p = append(append([]string{}, p[:4]...), p[5])
		}
		codes[i], errs[i] = build(s, p)
	}
	return codes, errs
}

// MustParse is Parse for codes written in Go source; it panics on a bad code.
func MustParse(s string) Code {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// lookalikes are letters typed for digits: O for 0, l and I for 1.
var lookalikes = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1")

// letterFix quotes the code with its look-alike letters read as digits, when
// that reads.
func letterFix(e *Error) *Error {
	f := lookalikes.Replace(e.Found)
	if f == e.Found {
		return e
	}
	if _, err := Parse(f); err == nil {
		e.Fix = f
		e.Hint = msg.Sprintf("write %q: a letter was typed for a digit", f)
	}
	return e
}
