package kode

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Style is how a project prints its sub kegiatan codes: with the two-digit
// last part of the canonical form (7.01.01.2.01.01) or with the four digits
// of the newer nomenclature (7.01.01.2.01.0001). Every spelling still reads
// to the same Code; the style only changes what is printed.
type Style int

const (
	TwoDigit  Style = 2 // 7.01.01.2.01.01, the canonical form
	FourDigit Style = 4 // 7.01.01.2.01.0001
)

// Format writes c in the style.
func (s Style) Format(c Code) string {
	if s != FourDigit || c.Level() != SubKegiatan {
		return c.s
	}
	i := strings.LastIndexByte(c.s, '.')
	last := c.s[i+1:]
	if len(last) >= 4 {
		return c.s
	}
	return c.s[:i+1] + strings.Repeat("0", 4-len(last)) + last
}

// subCodeRe is a canonical sub kegiatan code in a text: six parts, the
// fourth of one digit, not inside a longer run of digits and dots.
var subCodeRe = regexp.MustCompile(`(^|[^\d.])(\d{1,2}\.\d{2}\.\d{2}\.\d\.\d{2})\.(\d{2})($|[^\d]|\.[^\d]|\.$)`)

// Text writes every canonical sub kegiatan code in s in the style: the
// checker's messages, the generated text and the pages say what the data
// say.
func (s Style) Text(t string) string {
	if s != FourDigit || !strings.Contains(t, ".") {
		return t
	}
	// Matches may touch ("a 7.01.01.2.01.01 7.01.01.2.01.02"): repeat until none is left.
	for {
		u := subCodeRe.ReplaceAllString(t, "${1}${2}.00${3}${4}")
		if u == t {
			return t
		}
		t = u
	}
}

// StyleOf returns the style most of the spellings of sub kegiatan codes
// use: four digits when more are written 7.01.01.2.01.0001 than not.
func StyleOf(spellings []string) Style {
	four, two := 0, 0
	var parts []string // split's buffer, reused: a plan has a code in each of 100,000 rows
	sep := func(r rune) bool { return r == '.' || r == ' ' || r == '\t' || r == '\u00a0' }
	for _, s := range spellings {
		p, err := split(s, parts)
		if p == nil || err != nil {
			continue
		}
		parts = p[:0:cap(p)]
		c, err := build(s, p)
		if err != nil || c.Level() != SubKegiatan {
			continue
		}
		// The last group of digits as written (s's, not the trimmed one's).
		last := strings.TrimRightFunc(s, sep)
		if i := strings.LastIndexFunc(last, sep); i >= 0 {
			_, size := utf8.DecodeRuneInString(last[i:])
			last = last[i+size:]
		}
		if len(last) == 4 {
			four++
		} else {
			two++
		}
	}
	if four > two {
		return FourDigit
	}
	return TwoDigit
}
