package sign

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
	"renja/internal/pdf"
)

var pdfcpuOnce sync.Once

// readPDF parses a PDF with pdfcpu, without validation. A file that pdfcpu
// cannot read, even by panicking, gives an error.
func readPDF(doc []byte) (ctx *model.Context, err error) {
	pdfcpuOnce.Do(func() {
		// Without this, pdfcpu writes a config.yml in the user's
		// configuration folder on first use.
		if model.ConfigPath == "default" {
			model.ConfigPath = "disable"
		}
	})
	defer func() {
		if r := recover(); r != nil {
			ctx, err = nil, msg.Errorf("the PDF cannot be read: %v", r)
		}
	}()
	if err := checkNesting(doc); err != nil {
		return nil, err
	}
	ctx, err = api.ReadContext(bytes.NewReader(doc), model.NewDefaultConfiguration())
	if err != nil {
		return nil, msg.Errorf("the PDF cannot be read: %w", err)
	}
	if ctx.RootDict == nil {
		return nil, msg.Errorf("the PDF cannot be read: it has no catalog")
	}
	return ctx, nil
}

// An update is an incremental update of a PDF being made: the objects it
// adds or replaces, by number.
type update struct {
	ctx  *model.Context
	doc  []byte
	next int            // the next free object number
	objs map[int][]byte // object number → the object's text (between "obj" and "endobj")
}

func newUpdate(doc []byte, ctx *model.Context) (*update, error) {
	switch {
	case ctx.Read.UsingXRefStreams:
		return nil, msg.Errorf("the PDF uses a cross-reference stream; renja sign signs PDFs with a classic xref table, as Chrome and renja build make them")
	case ctx.Encrypt != nil:
		return nil, msg.Errorf("the PDF is encrypted")
	case ctx.Root == nil || ctx.Size == nil:
		return nil, msg.Errorf("the PDF cannot be read: a trailer without /Root or /Size")
	}
	return &update{ctx: ctx, doc: doc, next: *ctx.Size, objs: map[int][]byte{}}, nil
}

// add adds a new object and returns its number.
func (u *update) add(body []byte) int {
	nr := u.next
	u.next++
	u.objs[nr] = body
	return nr
}

// bytes returns the PDF with the update appended: the objects, an xref
// section of one subsection per run of numbers, and a trailer whose /Prev is
// the last cross-reference section of the input.
func (u *update) bytes() ([]byte, error) {
	prev, err := pdf.LastStartXref(u.doc)
	if err != nil {
		return nil, msg.Errorf("the PDF cannot be read: %w", err)
	}
	out := make([]byte, len(u.doc), len(u.doc)+64<<10)
	copy(out, u.doc)
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	nrs := make([]int, 0, len(u.objs))
	for nr := range u.objs {
		nrs = append(nrs, nr)
	}
	slices.Sort(nrs)
	offsets := map[int]int{}
	for _, nr := range nrs {
		offsets[nr] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n", nr)
		out = append(out, u.objs[nr]...)
		out = append(out, "\nendobj\n"...)
	}
	xref := len(out)
	out = pdf.AppendXref(out, nrs, offsets)
	trailer := types.Dict{
		"Size": types.Integer(u.next),
		"Root": *u.ctx.Root,
		"Prev": types.Integer(prev),
	}
	if u.ctx.Info != nil {
		trailer["Info"] = *u.ctx.Info
	}
	if len(u.ctx.ID) == 2 {
		trailer["ID"] = u.ctx.ID
	}
	out = fmt.Appendf(out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return out, nil
}

// pages returns the references of the pages in order.
func pages(ctx *model.Context) ([]types.IndirectRef, error) {
	root, ok := ctx.RootDict.Find("Pages")
	if !ok {
		return nil, msg.Errorf("the PDF cannot be read: a catalog without /Pages")
	}
	var out []types.IndirectRef
	seen := map[int]bool{}
	var walk func(o types.Object, depth int) error
	walk = func(o types.Object, depth int) error {
		ref, ok := o.(types.IndirectRef)
		if !ok || depth > 64 || seen[ref.ObjectNumber.Value()] {
			return msg.Errorf("the PDF cannot be read: a broken page tree")
		}
		seen[ref.ObjectNumber.Value()] = true
		d, err := ctx.DereferenceDict(ref)
		if err != nil || d == nil {
			return msg.Errorf("the PDF cannot be read: a broken page tree")
		}
		if t := d.NameEntry("Type"); t != nil && *t == "Page" {
			out = append(out, ref)
			return nil
		}
		kids, err := ctx.DereferenceArray(d["Kids"])
		if err != nil {
			return msg.Errorf("the PDF cannot be read: a broken page tree")
		}
		for _, k := range kids {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root, 0)
}

// text is a PDF text string: a literal for printable ASCII, else UTF-16BE
// with a byte order mark, written in hexadecimal so that no byte needs
// escaping.
func text(s string) types.Object {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return types.StringLiteral(escapeLiteral(s))
	}
	var b bytes.Buffer
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return types.HexLiteral(b.String())
}

func escapeLiteral(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// view is the part of doc that a reader needs: up to the end of its last
// %%EOF marker and its end of line. Readers look for it backwards from the end of the file, and
// the one renja uses does so in time that grows with the square of the bytes
// after it; without a marker there is nothing to read.
func view(doc []byte) []byte {
	i := bytes.LastIndex(doc, []byte("%%EOF"))
	if i < 0 {
		return doc[:0]
	}
	end := i + len("%%EOF")
	for end < len(doc) && end < i+len("%%EOF")+2 && (doc[end] == '\r' || doc[end] == '\n') {
		end++
	}
	return doc[:end]
}

// maxNesting bounds how deeply arrays and dictionaries of a PDF may nest.
// The PDF readers renja uses recurse once per level, and a file of a few
// megabytes of "[" would keep them busy for seconds; real PDFs nest a few
// levels.
const maxNesting = 256

// checkNesting scans doc once and refuses arrays and dictionaries nested
// deeper than maxNesting. It skips comments, strings and the bytes of
// streams (from "stream" to "endstream").
func checkNesting(doc []byte) error {
	depth := 0
	for i := 0; i < len(doc); i++ {
		switch c := doc[i]; c {
		case '%':
			for i < len(doc) && doc[i] != '\n' && doc[i] != '\r' {
				i++
			}
		case '(':
			n := 1
			for i++; i < len(doc) && n > 0; i++ {
				switch doc[i] {
				case '\\':
					i++
				case '(':
					n++
				case ')':
					n--
				}
			}
			i--
		case '[':
			depth++
		case ']', '>':
			if c == '>' && (i+1 >= len(doc) || doc[i+1] != '>') {
				continue
			}
			if c == '>' {
				i++
			}
			if depth > 0 {
				depth--
			}
		case '<':
			if i+1 < len(doc) && doc[i+1] == '<' {
				depth++
				i++
				continue
			}
			for i < len(doc) && doc[i] != '>' { // a hex string
				i++
			}
		case 's':
			if bytes.HasPrefix(doc[i:], []byte("stream")) && (i == 0 || !isRegular(doc[i-1])) {
				end := bytes.Index(doc[i:], []byte("endstream"))
				if end < 0 {
					return nil
				}
				i += end + len("endstream") - 1
			}
		}
		if depth > maxNesting {
			return msg.Errorf("the PDF cannot be read: arrays or dictionaries nested more than %d deep (at byte %d)", maxNesting, i)
		}
	}
	return nil
}

// isRegular reports whether c is a regular character of PDF syntax, one that
// continues a keyword.
func isRegular(c byte) bool {
	return !strings.ContainsRune(" \t\r\n\f\x00()<>[]{}/%", rune(c))
}
