package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExcerptEscapes: an escape sequence, a carriage return, a direction
// override or a byte that is not UTF-8 in a source line reaches the terminal
// as text, and the caret still stands under the column.
func TestExcerptEscapes(t *testing.T) {
	e := &Error{File: "data/t41.csv", Line: 3, Column: 16, Msg: "bad \x1b]0;pwned\x07 cell",
		Source: "\x1b[2J\x1b[31m;\rab\u202e\xe9X;1"}
	got := e.ErrorWithPosition()
	for _, bad := range []string{"\x1b", "\r", "\u202e", "\x07", "\xe9"} {
		if strings.Contains(got, bad) {
			t.Errorf("the message holds %q raw:\n%s", bad, got)
		}
	}
	lines := strings.Split(got, "\n")
	if len(lines) < 3 {
		t.Fatalf("%q", got)
	}
	src, caret := lines[1], lines[2]
	if want := "\t\\x1b[2J\\x1b[31m;\\x0dab\\u202e\\xe9X;1"; src != want {
		t.Errorf("source line %q, want %q", src, want)
	}
	// Column 16 is the X: under it stands the caret.
	if i := strings.Index(caret, "^"); i < 0 || src[i] != 'X' {
		t.Errorf("caret at %d of %q under %q", i, caret, src)
	}
}

// TestExcerptLongLine: a 10 MB line is cut around its column.
func TestExcerptLongLine(t *testing.T) {
	line := strings.Repeat("a", 5_000_000) + "BAD" + strings.Repeat("b", 5_000_000)
	e := &Error{File: "data/t41.csv", Line: 2, Column: 5_000_001, Msg: "bad", Source: line}
	got := e.ErrorWithPosition()
	if len(got) > 1000 {
		t.Fatalf("the message is %d bytes long", len(got))
	}
	lines := strings.Split(got, "\n")
	src, caret := lines[1], lines[2]
	if !strings.HasPrefix(src, "\t…") || !strings.HasSuffix(src, "…") || !strings.Contains(src, "BAD") {
		t.Errorf("excerpt %q", src)
	}
	if i := strings.Index(caret, "^"); utf8.RuneCountInString(caret[:i]) != utf8.RuneCountInString(src[:strings.Index(src, "BAD")]) {
		t.Errorf("caret %q not under BAD in %q", caret, src)
	}
	// Near the start and the end of the line.
	for _, col := range []int{1, 10_000_003} {
		e.Column = col
		if got := e.ErrorWithPosition(); len(got) > 1000 || !strings.Contains(got, "^") {
			t.Errorf("column %d: %d bytes", col, len(got))
		}
	}
}
