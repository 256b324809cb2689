package content

// Facts of one office and one year in the text: the date of a meeting, how
// many took part, how many villages the kecamatan has — what no table
// computes. A part writes one as {{ fakta "WHAT" "VALUE" }}, which prints
// VALUE; renja init for another office and renja init --from for the next
// year make VALUE a mark to fill ("[isi; Renja 2024: 22 februari 2023]"),
// which renja check lists and a final build waits for.

import (
	"regexp"
	"strconv"
	"strings"

	"renja/internal/table"
)

// factRe is a fakta call with its two quoted arguments.
var factRe = regexp.MustCompile(`\{\{-?\s*fakta\s+("(?:[^"\\\n]|\\.)*")\s+("(?:[^"\\\n]|\\.)*")\s*-?\}\}`)

// Fact is a fakta call in a text.
type Fact struct {
	What, Value string
	Line        int // 1-based, in the text
	Offset      int // byte offset of the value's opening quote in its line
}

// Facts lists the fakta calls of a text.
func Facts(src []byte) []Fact {
	var out []Fact
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range factRe.FindAllStringSubmatchIndex(line, -1) {
			what, err1 := strconv.Unquote(line[m[2]:m[3]])
			value, err2 := strconv.Unquote(line[m[4]:m[5]])
			if err1 != nil || err2 != nil {
				continue // the template reports a literal it cannot read
			}
			out = append(out, Fact{What: what, Value: value, Line: i + 1, Offset: m[4]})
		}
	}
	return out
}

// MarkFacts makes the value of every fakta call of a text a mark to fill
// that keeps what it was, after note: "[isi; contoh Kalaena: 163]". A value
// already marked stays. It returns the text and how many it marked.
func MarkFacts(src []byte, note string) ([]byte, int) {
	n := 0
	out := factRe.ReplaceAllFunc(src, func(call []byte) []byte {
		m := factRe.FindSubmatchIndex(call)
		value, err := strconv.Unquote(string(call[m[4]:m[5]]))
		if err != nil || table.IsPlaceholder(value) {
			return call
		}
		n++
		old := strings.NewReplacer("[", "(", "]", ")").Replace(value)
		marked := strconv.Quote("[isi; " + note + ": " + old + "]")
		return []byte(string(call[:m[4]]) + marked + string(call[m[5]:]))
	})
	return out, n
}
