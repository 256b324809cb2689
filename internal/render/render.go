// Package render turns the model of a project into HTML through html/template:
// the website edition (index.html) and the paged edition that Chrome prints.
// It owns formatting and templates, and computes nothing: every figure comes
// from package model. Layouts, partials, Markdown templates (evaluasi.md)
// and stylesheets come from templates/ (embedded defaults, overridable file
// by file by the project's own templates/ folder). The functions Markdown
// may call are one registry, Funcs (funcs.go); the lookups among them are a
// thin layer over the model (lookup.go), their figures written the
// Indonesian way (figure.go).
package render

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	ttemplate "text/template"
	"text/template/parse"

	"renja/internal/check"
	"renja/internal/config"
	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/idn"
	"renja/internal/limits"
	"renja/internal/model"
	"renja/internal/projfs"
	deftpl "renja/templates"

	"renja/internal/msg"
)

// Options choose the edition.
type Options struct {
	Print       bool              // the paged edition for the PDF
	Pages       map[string]string // destination id → printed page label, for the table of contents
	Diagnostics []diag.Diagnostic // shown in a draft: failing cells are marked
	PDF         string            // the PDF's file name, linked from the website
	Signed      *SignedPDF        // the signed PDF of these sources: the website's download in place of PDF
}

// Output is a rendered edition.
type Output struct {
	HTML   []byte
	Assets map[string][]byte // stylesheets, by file name
	Dests  []string          // ids the table of contents points to, for reading page numbers back
	Shown  []string          // ids whose page number the document prints (contents, list of tables)
	Front  []string          // ids of the parts numbered i, ii, …
	First  string            // id of the first chapter (page 1)
	TOC    []Entry
	Titles []string // the text of every heading of the parts, for the PDF's bookmarks
}

// Entry is a line of the table of contents or the list of tables.
type Entry struct {
	Level int
	ID    string
	Text  string
	Page  string
}

// Templates are a project's parsed layouts (*.html), its Markdown
// templates (*.md, such as evaluasi.md) and its stylesheets (*.css).
type Templates struct {
	html   *template.Template
	text   *ttemplate.Template
	assets map[string][]byte
	where  map[string]string // file of each template: "templates/table.html", "(default) table.html"
	guard  *limits.Guard     // of both sets (see limits.Guard)
}

// file names the file that defines the template name.
func (t *Templates) file(name string) string {
	if tt := t.html.Lookup(name); tt != nil && tt.Tree != nil {
		if f, ok := t.where[tt.Tree.ParseName]; ok {
			return f
		}
	}
	if f, ok := t.where[name]; ok {
		return f
	}
	return "templates/" + name
}

// LoadTemplates reads the embedded defaults, then the project's templates/
// files of the same kind, which replace defaults of the same name.
func LoadTemplates(projectDir string) (*Templates, error) {
	files := map[string][]byte{}
	where := map[string]string{}
	defaults, _ := fs.Glob(deftpl.FS, "*")
	for _, n := range defaults {
		if strings.HasSuffix(n, ".go") {
			continue
		}
		b, _ := deftpl.FS.ReadFile(n)
		files[n], where[n] = b, "(default) "+n
	}
	own, err := projfs.List(projectDir, "templates", "")
	if err != nil {
		return nil, err
	}
	for _, f := range own {
		n := path.Base(f)
		if !strings.HasSuffix(n, ".html") && !strings.HasSuffix(n, ".css") && !strings.HasSuffix(n, ".md") {
			continue
		}
		b, err := projfs.ReadFile(projectDir, f)
		if _, ok := diag.ListOf(err); ok {
			return nil, err
		}
		if err != nil {
			return nil, &diag.Error{File: f, Msg: err.Error()}
		}
		files[n], where[n] = b, "templates/"+n
	}
	g := &limits.Guard{}
	t := &Templates{html: template.New("renja").Funcs(template.FuncMap(limits.Bound(ttemplate.FuncMap(layoutFuncs)))).Funcs(template.FuncMap(g.Funcs())),
		text: ttemplate.New("renja").Funcs(limits.Bound(markdownFuncs)).Funcs(g.Funcs()), assets: map[string][]byte{}, where: where, guard: g}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.HasSuffix(n, ".css") {
			t.assets[n] = files[n]
			continue
		}
		if strings.HasSuffix(n, ".md") {
			if _, err := t.text.New(n).Parse(string(files[n])); err != nil {
				return nil, templateError(where[n], files[n], err)
			}
			continue
		}
		if _, err := t.html.New(n).Parse(string(files[n])); err != nil {
			return nil, templateError(where[n], files[n], err)
		}
	}
	var trees []*parse.Tree
	for _, tt := range t.html.Templates() {
		trees = append(trees, tt.Tree)
	}
	for _, tt := range t.text.Templates() {
		trees = append(trees, tt.Tree)
	}
	for _, tree := range trees {
		if rerr := limits.CheckRanges(tree); rerr != nil {
			file := "templates/" + tree.ParseName
			if f, ok := where[tree.ParseName]; ok {
				file = f
			}
			return nil, &diag.Error{File: file, Line: rerr.Line, Column: rerr.Column, Msg: rerr.Message(), Hint: rerr.Hint()}
		}
		limits.Instrument(tree)
	}
	if t.html.Lookup("document.html") == nil {
		return nil, &diag.Error{File: "templates/document.html", Msg: msg.Sprintf("no document.html layout"), Hint: msg.Sprintf("restore it from the defaults: renja init --templates")}
	}
	return t, nil
}

// templateError places an error of a layout (file, its text src) at its
// line and column.
func templateError(file string, src []byte, err error) error {
	return diag.TemplateError(diag.NewSource(file, src, 1), err, msg.Sprintf("see html/template's syntax; every {{ needs its }}"))
}

var layoutFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"csp":   func() template.HTMLAttr { return template.HTMLAttr(`content="` + ContentSecurityPolicy + `"`) },
	"date":  idn.Date,
	"spaced": func(s string) string {
		return strings.Join(strings.Split(s, ""), " ")
	},
}

// Render makes one edition of the project.
func Render(p *model.Project, t *Templates, opts Options) (*Output, error) {
	return RenderContext(context.Background(), p, t, opts)
}

// RenderContext is Render that stops, with ctx's cause as its error, when ctx
// ends. Each template may write at most limits.PageOutput bytes (a part's
// Markdown: limits.PartOutput) and run for limits.TemplateTime.
func RenderContext(ctx context.Context, p *model.Project, t *Templates, opts Options) (*Output, error) {
	r := &renderer{ctx: ctx, p: p, t: t, opts: opts}
	r.findingMarks()
	return r.render()
}

type renderer struct {
	ctx  context.Context
	p    *model.Project
	t    *Templates
	opts Options
	// a draft's findings (check.Findings), the numbers marked at each cell,
	// and the findings whose mark has been printed with its id
	findings  []check.Finding
	marks     map[cellPos][]int
	marked    map[int]bool
	tables    []Entry
	charts    int      // charts placed so far, to number them
	chartList []Entry  // the Daftar Grafik
	sigs      []string // ids of the signature blocks placed so far
	sizes     *sizes   // in a check (CheckContext): the lengths of the tables' bodies, which nothing holds
}

// context is the context the renderer stops with; a renderer made without
// one (in tests) never stops.
func (r *renderer) context() context.Context {
	if r.ctx == nil {
		return context.Background()
	}
	return r.ctx
}

type partView struct {
	*content.Part
	HTML     template.HTML
	Sections []Entry
}

type docView struct {
	Config     *config.Config
	Sheet      config.PaperSize
	Print      bool
	Draft      bool
	ErrorCount int
	TodoCount  int // placeholders and cells still to fill
	PDF        string
	Signed     *SignedPDF
	Parts      []*partView
	TOC        []Entry
	TableList  []Entry
	ChartList  []Entry
	Dests      []string
	Findings   *findingsView // a draft's Daftar Temuan Pemeriksaan
}

func (r *renderer) render() (*Output, error) {
	ids := content.NewIDs()
	for _, part := range r.p.Parts {
		ids.Reserve(part.ID)
	}
	for _, tb := range r.p.Tables {
		ids.Reserve(tb.ID)
	}
	doc := &docView{Config: r.p.Config, Sheet: r.p.Config.Paper.Sheet(), Print: r.opts.Print, PDF: r.opts.PDF, Signed: r.opts.Signed}
	for _, d := range r.opts.Diagnostics {
		switch d.Severity {
		case diag.SevError:
			doc.ErrorCount++
		case diag.SevTodo:
			doc.TodoCount++
		}
	}
	doc.Draft = isDraft(r.opts.Diagnostics)
	out := &Output{Assets: map[string][]byte{}}
	for name, b := range r.t.assets {
		out.Assets[name] = b
	}
	var errs []error
	if err := r.logo(out.Assets); err != nil {
		errs = append(errs, err)
	}
	for _, part := range r.p.Parts {
		pv := &partView{Part: part}
		if part.Kind != content.Cover && part.Kind != content.TOC {
			html, heads, err := part.RenderContext(r.context(), r.contentFuncs(part), r.data(), ids)
			if err != nil && r.context().Err() != nil {
				return nil, context.Cause(r.context())
			}
			if err != nil {
				errs = append(errs, r.codesIn(err))
				continue
			}
			pv.HTML = html
			if err := r.partImages(part, []byte(html), out.Assets); err != nil {
				errs = append(errs, err)
			}
			for _, h := range heads {
				out.Titles = append(out.Titles, h.Text)
				if part.Kind == content.Chapter && h.Level <= 2 {
					e := Entry{Level: h.Level, ID: h.ID, Text: h.Text}
					if h.Level == 1 {
						e.ID = part.ID // the chapter's entry points at its part
					}
					doc.TOC = append(doc.TOC, e)
					if h.Level == 2 {
						pv.Sections = append(pv.Sections, e)
					}
				}
			}
		}
		switch part.Kind {
		case content.Foreword, content.TOC:
			doc.TOC = append(doc.TOC, Entry{Level: 1, ID: part.ID, Text: part.Title})
		}
		if part.Front() && part.Kind != content.Cover && part.Kind != content.Decree {
			out.Front = append(out.Front, part.ID)
		}
		if part.Kind == content.Chapter && out.First == "" {
			out.First = part.ID
		}
		doc.Parts = append(doc.Parts, pv)
	}
	if err := diag.Join(errs...); err != nil {
		return nil, err
	}
	r.findingsPart(doc, out)
	doc.TableList, doc.ChartList = r.tables, r.chartList
	lists := [][]Entry{doc.TOC, doc.TableList, doc.ChartList}
	for _, l := range lists {
		for i := range l {
			l[i].Page = r.page(l[i].ID)
		}
	}
	seen := map[string]bool{}
	for _, e := range slices.Concat(lists...) {
		if !seen[e.ID] {
			seen[e.ID] = true
			doc.Dests = append(doc.Dests, e.ID)
		}
	}
	for _, part := range r.p.Parts {
		if !seen[part.ID] {
			seen[part.ID] = true
			doc.Dests = append(doc.Dests, part.ID)
		}
	}
	if r.sizes != nil { // a check: the document is written to nothing, weighed
		return out, r.execute(&weigher{s: r.sizes}, "document.html", doc)
	}
	var buf bytes.Buffer
	if err := r.execute(&buf, "document.html", doc); err != nil {
		return nil, err
	}
	out.HTML = []byte(r.p.Codes.Text(buf.String())) // codes as the project writes them, also in generated text
	for i := range out.Titles {
		out.Titles[i] = r.p.Codes.Text(out.Titles[i])
	}
	out.Dests = doc.Dests
	out.TOC = doc.TOC
	for _, e := range slices.Concat(lists...) {
		out.Shown = append(out.Shown, e.ID)
	}
	return out, nil
}

// execute runs the layout template name within the limits: its output at
// most pageOutput bytes, its time limits.TemplateTime. In a check, out is
// a weigher, which also fails past pageOutput, counting each table body's
// token as the body's length.
func (r *renderer) execute(out io.Writer, name string, data any) error {
	if w, ok := out.(*weigher); ok {
		w.max = pageOutput
	}
	err := limits.Execute(r.context(), r.t.guard, out, pageOutput, func(w io.Writer) error {
		return r.t.html.ExecuteTemplate(w, name, data)
	})
	file := r.t.file(name)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, limits.ErrOutput):
		msg, hint := limits.OutputMessage(limits.PageOutput)
		return &diag.Error{File: file, Msg: msg, Hint: hint}
	case errors.Is(err, limits.ErrTime):
		msg, hint := limits.TimeMessage()
		return &diag.Error{File: file, Msg: msg, Hint: hint}
	case r.context().Err() != nil:
		return err
	}
	if _, ok := err.(*diag.Error); ok {
		return err
	}
	return templateError(file, nil, err)
}

// page returns the printed page of a destination; a fixed-width placeholder
// before the pages are known, so that the first print lays out alike.
func (r *renderer) page(id string) string {
	if !r.opts.Print {
		return ""
	}
	if p, ok := r.opts.Pages[id]; ok {
		return p
	}
	return PagePlaceholder
}

// PagePlaceholder is the page number shown before the pages are known.
const PagePlaceholder = "00"

// data is what a Markdown part's template sees as its dot.
func (r *renderer) data() map[string]any {
	return map[string]any{"Config": r.p.Config, "Office": r.p.Config.Office, "Plan": r.p.Config.Plan}
}

// contentFuncs are the functions a Markdown part may call (see Funcs).
func (r *renderer) contentFuncs(*content.Part) func(*content.Blocks) ttemplate.FuncMap {
	return r.funcMap
}

// place runs the layout template name with data and places its HTML in the
// Markdown.
func (r *renderer) place(b *content.Blocks, name string, data any) (string, error) {
	var buf bytes.Buffer
	var out io.Writer = &buf
	if r.sizes != nil {
		out = &weigher{s: r.sizes, w: &buf}
	}
	if err := r.execute(out, name, data); err != nil {
		return "", err
	}
	return b.Add(template.HTML(buf.String())), nil
}

func (r *renderer) letterheadFunc(b *content.Blocks) func() (string, error) {
	return func() (string, error) { return r.place(b, "letterhead", map[string]any{"Config": r.p.Config}) }
}
