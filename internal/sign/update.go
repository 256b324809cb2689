package sign

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
	"renja/internal/pdf"
)

// readPDF parses a PDF with pdfcpu, as package pdf configures it.
func readPDF(doc []byte) (*model.Context, error) { return pdf.ReadContext(doc) }

// checkNesting is pdf.CheckNesting, for the files that Verify reads with
// another PDF library (github.com/digitorus/pdf, named pdf in verify.go).
var checkNesting = pdf.CheckNesting

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
