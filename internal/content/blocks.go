// Blocks and ids of a rendered part: the HTML that template calls place in
// the Markdown, and the stable heading ids.

package content

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Blocks holds HTML that template calls place in the Markdown (tables,
// signature blocks): the call leaves a marker paragraph that is swapped for
// the HTML after goldmark has run, so that raw HTML never passes through
// Markdown and content itself cannot inject any.
type Blocks struct{ html []template.HTML }

// Add registers html and returns the Markdown marker that stands for it.
func (b *Blocks) Add(html template.HTML) string {
	b.html = append(b.html, html)
	return fmt.Sprintf("\n\n%s%04dX\n\n", marker, len(b.html)-1)
}

const marker = "RENJABLOCK"

// expand replaces each marker (as goldmark left it: a paragraph of its own,
// or inline) with its HTML, in one pass over the page.
func (b *Blocks) expand(s string) template.HTML {
	if len(b.html) == 0 {
		return template.HTML(s)
	}
	n := len(s)
	for _, h := range b.html {
		n += len(h)
	}
	var out strings.Builder
	out.Grow(n)
	for {
		i := strings.Index(s, marker)
		if i < 0 || i+len(marker)+5 > len(s) || s[i+len(marker)+4] != 'X' {
			out.WriteString(s)
			return template.HTML(out.String())
		}
		k, err := strconv.Atoi(s[i+len(marker) : i+len(marker)+4])
		if err != nil || k >= len(b.html) {
			out.WriteString(s[:i+len(marker)])
			s = s[i+len(marker):]
			continue
		}
		start, end := i, i+len(marker)+5
		if strings.HasSuffix(s[:start], "<p>") && strings.HasPrefix(s[end:], "</p>") {
			start, end = start-3, end+4
		}
		out.WriteString(s[:start])
		out.WriteString(string(b.html[k]))
		s = s[end:]
	}
}

// IDs gives headings stable ids from their text, unique across a document.
type IDs struct{ used map[string]int }

// NewIDs starts a document's set of ids.
func NewIDs() *IDs { return &IDs{used: map[string]int{}} }

// Generate implements goldmark's parser.IDs.
func (ids *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	s := Slug(string(value))
	if s == "" {
		s = "bagian"
	}
	base := s
	if n := ids.used[base]; n > 0 {
		s = base + "-" + strconv.Itoa(n+1)
	}
	ids.used[base]++
	ids.used[s]++
	return []byte(s)
}

// Put implements goldmark's parser.IDs.
func (ids *IDs) Put(value []byte) { ids.used[string(value)]++ }

// Reserve marks an id as taken (part ids, table ids).
func (ids *IDs) Reserve(id string) { ids.used[id]++ }

// Slug turns a title into an id: lower-case ascii words joined by dashes.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
