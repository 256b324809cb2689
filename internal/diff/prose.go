package diff

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"

	"renja/internal/content"
	"renja/internal/model"
	"renja/internal/render"
)

// dataFuncs are the functions whose figures come from data/; a call that
// uses one of them is a generated figure (a chart's too: its description
// lists every value). table is left out: the tables' own changes are listed
// above the prose.
var dataFuncs = regexp.MustCompile(`(^|[(|])\s*(pagu|target|nilai|jumlah|hitung|rerata|kategori|evaluasi|chart)\b`)

var action = regexp.MustCompile(`(?s)\{\{-?\s*(.*?)\s*-?\}\}`)

// section is a stretch of a part's Markdown source from one heading to the next.
type section struct {
	heading string // "## 2.1 Evaluasi …" without the #s; "" before the first heading
	text    string
	line    int // the heading's line in the file
}

// sections splits a part's body at its headings (not inside fenced code).
func sections(p *content.Part) []section {
	var out []section
	cur := section{line: p.BodyLine}
	var b strings.Builder
	fence := false
	for i, l := range strings.SplitAfter(string(p.Body), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
		}
		if !fence && strings.HasPrefix(l, "#") {
			if h := strings.TrimSpace(strings.TrimLeft(t, "#")); h != "" && (len(t) == len(strings.TrimLeft(t, "#")) || strings.HasPrefix(strings.TrimLeft(t, "#"), " ")) {
				cur.text = b.String()
				if cur.heading != "" || strings.TrimSpace(cur.text) != "" {
					out = append(out, cur)
				}
				cur, b = section{heading: h, line: p.BodyLine + i}, strings.Builder{}
			}
		}
		b.WriteString(l)
	}
	cur.text = b.String()
	if cur.heading != "" || strings.TrimSpace(cur.text) != "" {
		out = append(out, cur)
	}
	return out
}

func (s section) name() string {
	if s.heading == "" {
		return "(awal bagian)"
	}
	return s.heading
}

// compareProse lists the sections whose text changed, then the figures the
// text computes from data whose value changed.
func compareProse(old, nu *model.Project) []Change {
	var out []Change
	oldParts := map[string]*content.Part{}
	for _, p := range old.Parts {
		oldParts[p.ID] = p
	}
	seen := map[string]bool{}
	type call struct {
		file, heading, text string
		line                int
	}
	var calls []call
	for _, np := range nu.Parts {
		seen[np.ID] = true
		op := oldParts[np.ID]
		ns := sections(np)
		if op == nil {
			out = append(out, Change{Table: np.File, Code: np.Title, Kind: Added, New: np.Title})
		} else {
			os := map[string]section{}
			for _, s := range sections(op) {
				os[s.heading] = s
			}
			for _, s := range ns {
				o, ok := os[s.heading]
				switch {
				case !ok:
					out = append(out, Change{Table: np.File, Code: s.name(), Kind: Added, New: s.name(), Line: s.line})
				case strings.TrimSpace(o.text) != strings.TrimSpace(s.text):
					out = append(out, Change{Table: np.File, Code: s.name(), Kind: kindSection, Line: s.line})
				}
				delete(os, s.heading)
			}
			for _, s := range sections(op) {
				if _, gone := os[s.heading]; gone {
					out = append(out, Change{Table: np.File, Code: s.name(), Kind: Removed, Old: s.name()}) // no line: it was in the old file
				}
			}
		}
		for _, s := range ns {
			for _, m := range action.FindAllStringSubmatchIndex(s.text, -1) {
				a := s.text[m[2]:m[3]]
				if !dataFuncs.MatchString(a) || strings.Contains(a, "$") || isControl(a) {
					continue
				}
				line := s.line + strings.Count(s.text[:m[0]], "\n")
				calls = append(calls, call{np.File, s.name(), a, line})
			}
		}
	}
	for _, op := range old.Parts {
		if !seen[op.ID] {
			out = append(out, Change{Table: op.File, Code: op.Title, Kind: Removed, Old: op.Title})
		}
	}
	texts := make([]string, len(calls))
	for i, c := range calls {
		texts[i] = c.text
	}
	ov, ook := evaluate(old, texts)
	nv, nok := evaluate(nu, texts)
	if !ook || !nok {
		return out // a version whose layouts cannot be read computes no figure: nothing to compare
	}
	for i, c := range calls {
		if ov[i] == nv[i] {
			continue
		}
		out = append(out, Change{Table: c.file, Code: c.heading, Column: "{{ " + c.text + " }}", Old: ov[i], New: nv[i], Kind: kindFigure, Line: c.line})
	}
	return out
}

func isControl(a string) bool {
	f := strings.Fields(a)
	if len(f) == 0 {
		return true
	}
	switch f[0] {
	case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue":
		return true
	}
	return strings.HasPrefix(a, "/*")
}

const marker = "RENJADIFFMARK"

// evaluate computes each call against a project, as the renderer does when
// it builds, and returns its text ("" where the call fails: in the other
// version the code may not exist). The calls are rendered together in one
// part made for the purpose; if one fails, each is rendered on its own.
// ok is false when the project's layouts cannot be read.
func evaluate(p *model.Project, calls []string) (_ []string, ok bool) {
	out := make([]string, len(calls))
	if len(calls) == 0 {
		return out, true
	}
	tpl, err := render.LoadTemplates(p.Dir)
	if err != nil {
		return out, false
	}
	run := func(idx []int) (map[int]string, bool) {
		var b strings.Builder
		for _, i := range idx {
			fmt.Fprintf(&b, "%s%d\n\n{{ %s }}\n\n", marker, i, calls[i])
		}
		fmt.Fprintf(&b, "%sEND\n", marker)
		q := *p
		q.Parts = []*content.Part{{ID: "renja-diff", Title: "renja diff", Kind: content.Chapter, File: "content/renja-diff.md", Body: []byte(b.String()), BodyLine: 1}}
		o, err := render.Render(&q, tpl, render.Options{})
		if err != nil {
			return nil, false
		}
		res := map[int]string{}
		h := o.HTML
		for k, i := range idx {
			start := bytes.Index(h, fmt.Appendf(nil, "%s%d<", marker, i))
			next := fmt.Appendf(nil, "%sEND", marker)
			if k+1 < len(idx) {
				next = fmt.Appendf(nil, "%s%d<", marker, idx[k+1])
			}
			if start < 0 {
				continue
			}
			end := bytes.Index(h[start:], next)
			if end < 0 {
				continue
			}
			seg := string(h[start : start+end])
			seg = seg[len(fmt.Sprintf("%s%d", marker, i)):]
			res[i] = plain(seg)
		}
		return res, true
	}
	all := make([]int, len(calls))
	for i := range calls {
		all[i] = i
	}
	if res, ok := run(all); ok {
		for i, v := range res {
			out[i] = v
		}
		return out, true
	}
	for i := range calls {
		if res, ok := run([]int{i}); ok {
			out[i] = res[i]
		}
	}
	return out, true
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plain is the text of an HTML fragment on one line.
func plain(s string) string {
	s = tag.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// clip shortens two long texts (the generated evaluation of 2.1) to the
// stretch around their first difference, for the text and Markdown forms;
// JSON has them whole.
func clip(a, b string) (string, string) {
	const room = 60
	if len(a) <= 2*room && len(b) <= 2*room {
		return a, b
	}
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	cut := func(r []rune) string {
		s, e := max(0, i-room/2), min(len(r), i+room)
		t := string(r[s:e])
		if s > 0 {
			t = "…" + t
		}
		if e < len(r) {
			t += "…"
		}
		return t
	}
	return cut(ra), cut(rb)
}
