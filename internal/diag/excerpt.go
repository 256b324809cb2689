package diag

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// excerptWidth is how many characters of a source line an excerpt shows at
// most: a longer line (a 10 MB CSV line) is cut around the column, with "…"
// where it was cut.
const excerptWidth = 160

// excerpt returns the source line as it is safe to print on a terminal, and
// the blank space that puts a caret under the character at col (1-based, in
// characters; 0: none). A line longer than ExcerptWidth is cut around col.
// Control characters (an escape sequence that would recolour or clear the
// terminal, a carriage return that would hide what stands before it),
// Unicode's direction overrides and bytes that are not UTF-8 are written as
// Go escapes (\x1b, \u202e, \xe9); tabs stay tabs, so that the caret lines up
// however wide a terminal draws them.
func excerpt(line string, col int) (shown, indent string) {
	n := utf8.RuneCountInString(line)
	from, to := 0, n
	if n > excerptWidth {
		c := max(col, 1) - 1
		from = max(0, min(c-excerptWidth/2, n-excerptWidth))
		to = from + excerptWidth
	}
	var b, ind strings.Builder
	if from > 0 {
		b.WriteString("…")
		ind.WriteByte(' ')
	}
	i := 0
	for off := 0; off < len(line); i++ {
		r, size := utf8.DecodeRuneInString(line[off:])
		raw := line[off : off+size]
		off += size
		if i < from {
			continue
		}
		if i >= to {
			b.WriteString("…")
			break
		}
		text := escapeRune(r, raw)
		b.WriteString(text)
		if i+1 < col {
			if text == "\t" {
				ind.WriteByte('\t')
			} else {
				ind.WriteString(strings.Repeat(" ", utf8.RuneCountInString(text)))
			}
		}
	}
	for ; i+1 < col; i++ {
		ind.WriteByte(' ')
	}
	return b.String(), ind.String()
}

// printable escapes, in a message, what excerpt escapes in a line, keeping
// its line breaks and tabs.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r != '\n' && r != '\t' && unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for off := 0; off < len(s); {
		r, size := utf8.DecodeRuneInString(s[off:])
		raw := s[off : off+size]
		off += size
		if r == '\n' {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(escapeRune(r, raw))
	}
	return b.String()
}

func escapeRune(r rune, raw string) string {
	switch {
	case r == utf8.RuneError && len(raw) == 1:
		return fmt.Sprintf(`\x%02x`, raw[0])
	case r == '\t':
		return "\t"
	case unsafeRune(r):
		if r < 0x100 {
			return fmt.Sprintf(`\x%02x`, r)
		}
		return fmt.Sprintf(`\u%04x`, r)
	}
	return raw
}

// unsafeRune: a control character, or a format character that changes how a
// terminal shows the text around it (bidirectional overrides and isolates).
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x200e && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
