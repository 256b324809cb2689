// Package content loads the narrative parts (content/*.md): TOML front matter
// between +++ lines, then Markdown in which Go template calls place tables,
// signature blocks and figures. Rendering runs the template, then goldmark,
// and reports every error at the Markdown file's line and column.
package content

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"html/template"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	ttemplate "text/template"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/projfs"
	"renja/internal/tomlx"

	"renja/internal/msg"
)

// Kinds of part.
const (
	Cover    = "cover"
	Decree   = "decree"
	Foreword = "foreword"
	TOC      = "toc"
	Chapter  = "chapter"
)

// Part is one file of content/.
type Part struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Kind  string `toml:"kind"`

	File     string `toml:"-"` // content/10-bab-1.md
	Body     []byte `toml:"-"` // the Markdown after the front matter
	BodyLine int    `toml:"-"` // line of Body's first line in File
	Matter   []byte `toml:"-"` // the front matter's TOML, which starts on line 2
}

// Front reports whether the part belongs to the front matter (numbered i, ii, …).
func (p *Part) Front() bool { return p.Kind != Chapter }

// LoadDir reads content/*.md. order lists part ids in document order; parts
// it does not name are an error, and so are names without a part.
func LoadDir(projectDir string, order []string) ([]*Part, error) {
	files, err := projfs.List(projectDir, "content", ".md")
	if err != nil {
		return nil, asList(err)
	}
	var parts []*Part
	var errs diag.List
	byID := map[string]*Part{}
	for _, rel := range files {
		src, err := projfs.ReadFile(projectDir, rel)
		if err != nil {
			if l, ok := diag.ListOf(err); ok {
				errs = append(errs, l...)
			} else {
				errs = append(errs, &diag.Error{File: rel, Msg: err.Error()})
			}
			continue
		}
		p, err := Parse(rel, src)
		if err != nil {
			errs = append(errs, asList(err)...)
			continue
		}
		if q := byID[p.ID]; q != nil {
			errs = append(errs, &diag.Error{File: rel, Line: 2, Msg: msg.Sprintf("part id %q is used by %s too", p.ID, q.File),
				Hint: msg.Sprintf("give every part its own id")})
			continue
		}
		byID[p.ID] = p
		parts = append(parts, p)
	}
	if len(order) > 0 && len(errs) == 0 {
		var ordered []*Part
		for _, id := range order {
			p := byID[id]
			if p == nil {
				errs = append(errs, &diag.Error{File: "renja.toml", Msg: msg.Sprintf("parts names %q but no content/*.md has id = %q", id, id),
					Hint: msg.Sprintf("fix the name in parts, or add the part")})
				continue
			}
			ordered = append(ordered, p)
			delete(byID, id)
		}
		for _, p := range parts {
			if byID[p.ID] != nil {
				errs = append(errs, &diag.Error{File: p.File, Line: 2, Msg: msg.Sprintf("part %q is not listed in renja.toml's parts", p.ID),
					Hint: msg.Sprintf("add it to parts where it belongs in the document")})
			}
		}
		parts = ordered
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return nil, &diag.Error{File: "content", Msg: msg.Sprintf("no parts: content/ has no .md files"), Hint: msg.Sprintf("start from the bundled example: renja init DIR")}
	}
	return parts, nil
}

func asList(err error) diag.List {
	if l, ok := diag.ListOf(err); ok {
		return l
	}
	return diag.List{{Msg: err.Error()}}
}

var kinds = map[string]bool{Cover: true, Decree: true, Foreword: true, TOC: true, Chapter: true}

// Parse splits a file into front matter and body.
func Parse(file string, src []byte) (*Part, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !utf8.Valid(src) {
		// As for a CSV file (package table): refused where it stops being UTF-8.
		return nil, diag.NewSource(file, src, 1).Errorf(invalidUTF8(src),
			msg.Sprintf("save it again as UTF-8 (Notepad: Save As → Encoding: UTF-8; VS Code: Save with Encoding → UTF-8)"),
			"the file is not UTF-8 text (it looks like Windows-1252)")
	}
	if !bytes.HasPrefix(src, []byte("+++\n")) {
		return nil, &diag.Error{File: file, Line: 1, Column: 1, Msg: msg.Sprintf("the file does not start with front matter"),
			Hint: msg.Sprintf("begin with a line +++, then id = \"…\", title = \"…\", kind = \"chapter\", then +++"), Source: diag.NewSource(file, src, 1).Line(1)}
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n+++"))
	if end < 0 && bytes.HasPrefix(rest, []byte("+++")) {
		end = -1
		return nil, &diag.Error{File: file, Line: 2, Msg: msg.Sprintf("the front matter is empty"), Hint: msg.Sprintf(`write id, title and kind between the +++ lines`)}
	}
	if end < 0 {
		return nil, &diag.Error{File: file, Line: 1, Column: 1, Msg: msg.Sprintf("the front matter is not closed"),
			Hint: msg.Sprintf("end it with a line holding only +++"), Source: diag.NewSource(file, src, 1).Line(1)}
	}
	fm := rest[:end+1]
	body := rest[end+4:]
	body = bytes.TrimPrefix(body, []byte("\n"))
	p := &Part{File: file}
	if err := tomlx.Decode(file, fm, 2, p); err != nil {
		return nil, err
	}
	p.Body, p.Matter = body, fm
	p.BodyLine = 2 + bytes.Count(fm, []byte("\n")) + 1
	var errs diag.List
	if p.ID == "" {
		errs = append(errs, &diag.Error{File: file, Line: 2, Msg: msg.Sprintf("the front matter has no id"), Hint: msg.Sprintf(`add id = "bab-1" (a stable name for the part)`)})
	}
	if !kinds[p.Kind] {
		errs = append(errs, &diag.Error{File: file, Line: 2, Msg: msg.Sprintf("kind %q is not a kind of part", p.Kind),
			Hint: msg.Sprintf("write kind = one of cover, decree, foreword, toc, chapter")})
	}
	if p.Title == "" {
		errs = append(errs, &diag.Error{File: file, Line: 2, Msg: msg.Sprintf("the front matter has no title"), Hint: msg.Sprintf(`add title = "…" as the table of contents shows it`)})
	}
	return p, errs.Err()
}

// Heading is a heading of the rendered part, for the table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.DefinitionList, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// Render expands the part's template calls with the functions funcs makes
// (those that place HTML register it with the Blocks) and data, turns the
// Markdown into HTML and returns it with the part's headings.
func (p *Part) Render(funcs func(*Blocks) ttemplate.FuncMap, data any, ids *IDs) (template.HTML, []Heading, error) {
	return p.RenderContext(context.Background(), funcs, data, ids)
}

// RenderContext is Render that stops when ctx ends. The template calls may
// expand the part to at most limits.PartOutput bytes and run for at most
// limits.TemplateTime; the Markdown they give may nest at most
// limits.MarkdownDepth levels.
func (p *Part) RenderContext(ctx context.Context, funcs func(*Blocks) ttemplate.FuncMap, data any, ids *IDs) (template.HTML, []Heading, error) {
	if err := ctx.Err(); err != nil {
		return "", nil, context.Cause(ctx)
	}
	if err := limits.CheckMarkdown(p.File, p.BodyLine, p.Body); err != nil {
		return "", nil, err
	}
	blocks := &Blocks{}
	fm := funcs(blocks)
	g := &limits.Guard{}
	t, err := ttemplate.New(p.File).Option("missingkey=error").Funcs(limits.Bound(fm)).Funcs(g.Funcs()).Parse(string(p.Body))
	if err != nil {
		return "", nil, p.templateError(err, fm)
	}
	if rerr := limits.CheckRanges(t.Tree); rerr != nil {
		return "", nil, p.Source().ErrorAt(p.BodyLine+rerr.Line-1, rerr.Column, rerr.Hint(), "%s", rerr.Message())
	}
	for _, tt := range t.Templates() {
		limits.Instrument(tt.Tree)
	}
	var expanded bytes.Buffer
	err = limits.Execute(ctx, g, &expanded, limits.PartOutput, func(w io.Writer) error { return t.Execute(w, data) })
	switch {
	case errors.Is(err, limits.ErrOutput):
		msg, hint := limits.OutputMessage(limits.PartOutput)
		return "", nil, &diag.Error{File: p.File, Msg: msg, Hint: hint}
	case errors.Is(err, limits.ErrTime):
		msg, hint := limits.TimeMessage()
		return "", nil, &diag.Error{File: p.File, Msg: msg, Hint: hint}
	case err != nil && ctx.Err() != nil:
		return "", nil, err
	case err != nil:
		return "", nil, p.templateError(err, fm)
	}
	src := expanded.Bytes()
	// What the calls wrote may nest too; its lines are not the file's.
	if err := limits.CheckMarkdown(p.File, 0, src); err != nil {
		d := err.(*diag.Error)
		d.Line, d.Column, d.Source = 0, 0, ""
		d.Msg = msg.Sprintf("%s (in the text that template calls wrote)", d.Msg)
		return "", nil, d
	}
	pctx := parser.NewContext(parser.WithIDs(ids))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pctx))
	var heads []Heading
	var linkErr error
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			heads = append(heads, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
		case *ast.Link:
			linkErr = cmp.Or(linkErr, p.checkLink(string(n.Destination)))
		case *ast.Image:
			linkErr = cmp.Or(linkErr, p.checkLink(string(n.Destination)))
		case *ast.AutoLink:
			linkErr = cmp.Or(linkErr, p.checkLink(string(n.URL(src))))
		}
		return ast.WalkContinue, nil
	})
	if linkErr != nil {
		return "", nil, linkErr
	}
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		return "", nil, &diag.Error{File: p.File, Msg: err.Error()}
	}
	return blocks.expand(out.String()), heads, nil
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// checkLink refuses a link or image that leaves the project: a file: URL, an
// absolute path, or a relative path that climbs out of output/ (the website's
// root). Web links (https:, mailto:) are the reader's to follow and stay;
// goldmark itself drops javascript: and other dangerous URLs.
func (p *Part) checkLink(dest string) error {
	u, err := url.Parse(strings.TrimSpace(dest))
	bad := ""
	switch {
	case err != nil:
		bad = msg.Sprintf("cannot be read as a URL")
	case strings.EqualFold(u.Scheme, "file"):
		bad = msg.Sprintf("is a file: URL")
	case u.Scheme == "" && u.Host == "" && (strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "\\")):
		bad = msg.Sprintf("is an absolute path")
	case u.Scheme == "" && u.Host == "" && u.Path != "" && !filepath.IsLocal(filepath.FromSlash(u.Path)):
		bad = msg.Sprintf("leaves the project")
	}
	if bad == "" {
		return nil
	}
	src := p.Source()
	off := bytes.Index(p.Body, []byte(dest))
	e := src.Errorf(off, "link to a heading (#id), a file inside the project, or a web address (https://…)", "the link %q %s", dest, bad)
	if off < 0 {
		e.Line, e.Source = p.BodyLine, src.Line(p.BodyLine)
	}
	return e
}

// Source is the part's Markdown body, for positions in its file.
func (p *Part) Source() *diag.Source { return diag.NewSource(p.File, p.Body, p.BodyLine) }

func (p *Part) templateError(err error, funcs ttemplate.FuncMap) error {
	hint := msg.Sprintf("template calls are written {{ name args }}; see docs/project.md for the functions")
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		hint = h.Hint() // the call's own cause: no such table, column or code
	}
	undefined := undefinedRe.FindStringSubmatch(err.Error())
	if undefined != nil {
		names := make([]string, 0, len(funcs))
		for n := range funcs {
			names = append(names, n)
		}
		sort.Strings(names)
		list := strings.Join(names, ", ")
		hint = msg.Sprintf("known functions: %s", list)
		if s := tomlx.Closest(undefined[1], names); s != "" {
			hint = msg.Sprintf("did you mean %s? known functions: %s", s, list)
		}
	}
	source := p.Source()
	e := diag.TemplateError(source, err, hint)
	switch {
	case undefined != nil:
		e.Msg = msg.Sprintf("function %q not defined", undefined[1])
	case e.Msg == "unclosed action":
		e.Msg = msg.Sprintf("unclosed action")
	}
	if e.Line == 0 {
		return e
	}
	// Point at the misspelt name, or at the call when the column is unknown.
	switch {
	case undefined != nil && strings.Contains(e.Source, undefined[1]):
		e.Column = source.Column(e.Line, strings.Index(e.Source, undefined[1])+1)
	case e.Column == 0:
		e.Column = source.Column(e.Line, strings.Index(e.Source, "{{")+1)
	}
	return e
}

var undefinedRe = regexp.MustCompile(`function "([^"]+)" not defined`)

// invalidUTF8 returns the byte offset of the first byte that is not UTF-8.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}
