package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"strconv"

	"renja/internal/limits"
	"renja/internal/model"
)

// CheckContext renders the edition of opts for its errors alone, as `renja
// check` does: it reports every error RenderContext would, and keeps none of
// the HTML. The document is written to nothing, and each table's rows are
// formatted one at a time and dropped: the placed table holds a token for
// its body, and every layout's output is weighed with the token counted as
// the body's length, so the output limits fail exactly where they fail in a
// build. So what a check holds grows with the project's data, not with its
// HTML (a plan of 100,000 sub kegiatan makes about 45 MB of it).
func CheckContext(ctx context.Context, p *model.Project, t *Templates, opts Options) error {
	r := &renderer{ctx: ctx, p: p, t: t, opts: opts, sizes: &sizes{}}
	r.findingMarks()
	_, err := r.render()
	return err
}

// pageOutput is limits.PageOutput; the tests lower it.
var pageOutput int64 = limits.PageOutput

// sizes are the lengths of the table bodies of a check, each standing in
// the HTML as a token: bodyToken, its index in eight digits, and "Z". The
// token is letters and digits, which no escaping changes.
type sizes struct{ n []int64 }

const (
	bodyToken = "RENJABODY"
	tokenLen  = len(bodyToken) + 8 + 1
)

func (s *sizes) token(n int64) template.HTML {
	s.n = append(s.n, n)
	return template.HTML(fmt.Sprintf("%s%08dZ", bodyToken, len(s.n)-1))
}

// weigher passes what is written to w (nil: nowhere) and weighs it, a
// token as its body's length; past max bytes it fails with
// limits.ErrOutput, as limits.Execute does with what a build writes.
type weigher struct {
	s    *sizes
	w    io.Writer
	n    int64
	max  int64
	tail []byte // the last bytes written, shorter than a token: a token may be split between writes
}

func (w *weigher) Write(b []byte) (int, error) {
	n := int64(len(b))
	if len(w.tail) > 0 { // tokens that start in the tail
		edge := append(w.tail, b[:min(len(b), tokenLen-1)]...)
		n += w.tokens(edge, len(w.tail))
	}
	n += w.tokens(b, len(b))
	if w.n+n > w.max {
		return 0, limits.ErrOutput
	}
	w.n += n
	if len(b) >= tokenLen-1 {
		w.tail = append(w.tail[:0], b[len(b)-(tokenLen-1):]...)
	} else {
		w.tail = append(w.tail, b...)
		w.tail = w.tail[len(w.tail)-min(len(w.tail), tokenLen-1):]
	}
	if w.w == nil {
		return len(b), nil
	}
	return w.w.Write(b)
}

// tokens returns what the tokens in b that start before end add to its
// length: each one's body length less the token's.
func (w *weigher) tokens(b []byte, end int) (add int64) {
	for i := 0; i < end; {
		j := bytes.Index(b[i:], []byte(bodyToken))
		if j < 0 || i+j >= end || i+j+tokenLen > len(b) {
			break
		}
		i += j
		t := b[i : i+tokenLen]
		if k, err := strconv.Atoi(string(t[len(bodyToken) : tokenLen-1])); err == nil && t[tokenLen-1] == 'Z' && k >= 0 && k < len(w.s.n) {
			add += w.s.n[k] - int64(tokenLen)
			i += tokenLen
			continue
		}
		i++
	}
	return add
}
