package main

import (
	"strings"
	"testing"
)

// TestMutate makes the mutant gremlins names by line, column and type: the
// token there replaced, nothing else; a position without a token the type
// changes is an error, not a silent non-mutant.
func TestMutate(t *testing.T) {
	src := "package p\n\nfunc f(a, b int) bool {\n\tfor i := 0; i < a; i++ {\n\t\tb = b + a*2\n\t}\n\treturn a >= b && -a != b\n}\n"
	for _, tt := range []struct {
		typ          string
		line, column int
		want         string // the changed line
		err          string
	}{
		{"CONDITIONALS_BOUNDARY", 4, 16, "\tfor i := 0; i <= a; i++ {", ""},
		{"CONDITIONALS_NEGATION", 4, 16, "\tfor i := 0; i >= a; i++ {", ""},
		{"INCREMENT_DECREMENT", 4, 22, "\tfor i := 0; i < a; i-- {", ""},
		{"ARITHMETIC_BASE", 5, 9, "\t\tb = b - a*2", ""},
		{"ARITHMETIC_BASE", 5, 12, "\t\tb = b + a/2", ""},
		{"CONDITIONALS_NEGATION", 7, 11, "\treturn a < b && -a != b", ""},
		{"INVERT_NEGATIVES", 7, 19, "\treturn a >= b && +a != b", ""},
		{"CONDITIONALS_NEGATION", 7, 22, "\treturn a >= b && -a == b", ""},
		{"ARITHMETIC_BASE", 7, 11, "", `does not change ">="`},
		{"CONDITIONALS_NEGATION", 9, 1, "", "no token at this position"},
		{"REMOVE_SELF_ASSIGNMENTS", 5, 9, "", "not known"},
	} {
		got, err := mutate([]byte(src), mutation{Type: tt.typ, Line: tt.line, Column: tt.column})
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s at %d:%d: err = %v, want %q", tt.typ, tt.line, tt.column, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s at %d:%d: %v", tt.typ, tt.line, tt.column, err)
			continue
		}
		lines, orig := strings.Split(string(got), "\n"), strings.Split(src, "\n")
		for i := range orig {
			want := orig[i]
			if i == tt.line-1 {
				want = tt.want
			}
			if lines[i] != want {
				t.Errorf("%s at %d:%d: line %d = %q, want %q", tt.typ, tt.line, tt.column, i+1, lines[i], want)
			}
		}
	}
}
