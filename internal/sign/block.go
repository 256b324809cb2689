package sign

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
	"renja/internal/sign/blockid"
)

// A Block is the space of a signature block on a page, found in the PDF.
type Block struct {
	ID   string
	Page int        // 0-based
	Rect [4]float64 // lower left x, y, upper right x, y, in points
	// PageHeight is the height of its page's MediaBox, in points.
	PageHeight float64
	ref        types.IndirectRef
}

// Blocks returns the signature spaces that the PDF marks, in the order of
// its pages, top to bottom. renja build prints each space of a
// {{ signature }} block as a link to itself (ids from package blockid), so the
// page holds a link annotation whose rectangle is the space.
func Blocks(doc []byte) ([]Block, error) {
	ctx, err := readPDF(view(doc))
	if err != nil {
		return nil, err
	}
	return blocks(ctx)
}

func blocks(ctx *model.Context) ([]Block, error) {
	pgs, err := pages(ctx)
	if err != nil {
		return nil, err
	}
	var out []Block
	seen := map[string]bool{}
	for i, ref := range pgs {
		page, err := ctx.DereferenceDict(ref)
		if err != nil || page == nil {
			continue
		}
		annots, err := ctx.DereferenceArray(page["Annots"])
		if err != nil {
			continue
		}
		for _, a := range annots {
			d, err := ctx.DereferenceDict(a)
			if err != nil || d == nil {
				continue
			}
			if st := d.NameEntry("Subtype"); st == nil || *st != "Link" {
				continue
			}
			name := linkTarget(ctx, d)
			if !blockid.Valid(name) || seen[name] {
				continue
			}
			r, ok := rectOf(ctx, d["Rect"])
			if !ok || r[2]-r[0] < 10 || r[3]-r[1] < 10 {
				continue
			}
			seen[name] = true
			out = append(out, Block{ID: name, Page: i, Rect: r, ref: ref, PageHeight: mediaHeight(ctx, page)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Rect[3] > out[j].Rect[3]
	})
	return out, nil
}

// linkTarget is the named destination of a link annotation: its /Dest, or
// the /D of its GoTo action, when that is a name or a string.
func linkTarget(ctx *model.Context, link types.Dict) string {
	o, ok := link["Dest"]
	if !ok {
		a, err := ctx.DereferenceDict(link["A"])
		if err != nil || a == nil {
			return ""
		}
		o = a["D"]
	}
	o, err := ctx.Dereference(o)
	if err != nil {
		return ""
	}
	switch v := o.(type) {
	case types.Name:
		return string(v)
	case types.StringLiteral:
		s, err := types.StringLiteralToString(v)
		if err == nil {
			return s
		}
	case types.HexLiteral:
		s, err := types.HexLiteralToString(v)
		if err == nil {
			return s
		}
	}
	return ""
}

// mediaHeight is the height of a page's MediaBox, which it may inherit
// from its parents; 0 when it has none.
func mediaHeight(ctx *model.Context, page types.Dict) float64 {
	for depth := 0; page != nil && depth < 32; depth++ {
		if box, err := ctx.DereferenceArray(page["MediaBox"]); err == nil && len(box) == 4 {
			y0, ok0 := number(box[1])
			y1, ok1 := number(box[3])
			if ok0 && ok1 {
				return math.Abs(y1 - y0)
			}
		}
		parent, err := ctx.DereferenceDict(page["Parent"])
		if err != nil {
			return 0
		}
		page = parent
	}
	return 0
}

func number(o types.Object) (float64, bool) {
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// ChooseBlock picks the block named id, or the last one of the document
// (the closing's) when id is "".
func ChooseBlock(bs []Block, id string) (*Block, error) {
	if id == "" {
		if len(bs) == 0 {
			return nil, nil
		}
		return &bs[len(bs)-1], nil
	}
	for i := range bs {
		if bs[i].ID == id {
			return &bs[i], nil
		}
	}
	var ids []string
	for _, b := range bs {
		ids = append(ids, b.ID)
	}
	slices.Sort(ids)
	if len(ids) == 0 {
		return nil, msg.Errorf("there is no signature block %q: this PDF marks no signature blocks (not made by renja build?)", id)
	}
	return nil, msg.Errorf("there is no signature block %q; there are: %s", id, strings.Join(ids, ", "))
}
