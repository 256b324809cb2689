package table

import "strings"

// ExampleColumn is the column renja init adds to a new office's tables, not
// declared by their schemas: a row with anything in it is the example's
// (renja check counts such rows; a final build waits until none is left).
const ExampleColumn = "contoh"

// ExampleMark is what renja writes in an example row's column contoh.
const ExampleMark = "ya"

// exampleCol stands for ExampleColumn among a header's columns.
const exampleCol = -2

// IsPlaceholder reports whether a cell is a mark to fill in: text in square
// brackets, such as [isi] or [isi realisasi 2024].
func IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) >= 3 && s[0] == '[' && s[len(s)-1] == ']' && !strings.ContainsAny(s[1:len(s)-1], "[]")
}
