package sign

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
)

// Options of a signature.
type Options struct {
	Name     string    // written as /Name; default: the certificate's name
	Reason   string    // default: Reason
	Location string    // the place of signing; empty: none
	Time     time.Time // the time of signing (the signer's clock, /M); zero: now
	// TSA is the address of an RFC 3161 time-stamp authority; when set the
	// signature carries its time-stamp (PAdES B-T), and signing fails
	// without one.
	TSA string
	// Block is the id of the signature space that shows the signature
	// (see [Blocks]). Empty: the document's last one (the closing's) for
	// the first signature, none for a later one. NoBlock: none.
	Block   string
	NIP     string // the signer's NIP, shown in the visible signature
	Address string // the verification page, in the QR code (see [QRText])
	// Image, a PNG, is drawn in the block instead of renja's own
	// appearance, as BSrE's eSign Client draws the image it is sent.
	Image   []byte
	Context context.Context // cancels the request to the TSA; nil: never
}

// NoBlock as Options.Block makes an invisible signature.
const NoBlock = "-"

// contentsSize is the room kept for the signature value (CMS), in bytes:
// certificates and a time-stamp token with the TSA's certificates fit.
const contentsSize = 24 << 10

// Sign returns doc with a signature by id appended as an incremental
// update: every byte of doc stays as it is. The signature is PAdES
// (ETSI.CAdES.detached): baseline B-B, B-T with a time-stamp (Options.TSA).
// The first signature of a document certifies it (DocMDP P=2, permitting
// only further signatures and form filling); a later one approves it. A
// visible signature goes into a signature space of the document
// (Options.Block): the signer's name from the certificate, the NIP, the
// words "Ditandatangani secara elektronik", the time, and a QR code of
// [QRText]. Sign verifies what it made before returning it.
func Sign(doc []byte, id *Identity, o Options) (signed []byte, warnings []string, err error) {
	if id == nil || id.Key == nil || id.Cert == nil {
		return nil, nil, msg.Errorf("signing: no key or certificate")
	}
	if o.Name == "" {
		o.Name = id.Name()
	}
	if o.Reason == "" {
		o.Reason = Reason
	}
	if o.Time.IsZero() {
		o.Time = time.Now()
	}
	if o.Context == nil {
		o.Context = context.Background()
	}
	if err := checkValidity(id.Cert, o.Time); err != nil {
		return nil, nil, err
	}
	if err := checkKeyPair(id.Key, id.Cert); err != nil {
		return nil, nil, err
	}
	if !bytes.HasSuffix(doc, []byte("\n")) {
		doc = append(bytes.Clone(doc), '\n') // the update starts on a line of its own
	}
	ctx, err := readPDF(view(doc))
	if err != nil {
		return nil, warnings, err
	}
	u, err := newUpdate(doc, ctx)
	if err != nil {
		return nil, warnings, err
	}
	fields := signatureFields(ctx)
	certify := len(fields) == 0
	if p := docMDPLevel(ctx); p == 1 {
		return nil, warnings, msg.Errorf("this PDF is certified with no changes permitted (DocMDP P=1): another signature would break it")
	}

	// The place of the signature.
	var block *Block
	if o.Block != NoBlock && (o.Block != "" || certify) {
		bs, err := blocks(ctx)
		if err != nil {
			return nil, warnings, err
		}
		if block, err = ChooseBlock(bs, o.Block); err != nil {
			return nil, warnings, err
		}
		if block == nil {
			warnings = append(warnings, msg.Sprintf("the PDF marks no signature block, so the signature is not visible on the page"))
		}
	}

	// The signature dictionary, with room for the byte range and the value.
	var sig bytes.Buffer
	fmt.Fprintf(&sig, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange [0 0 0 0%s]\n/Contents <%s>\n",
		strings.Repeat(" ", byteRangeRoom), strings.Repeat("0", 2*contentsSize))
	fmt.Fprintf(&sig, "/M %s /Name %s /Reason %s", types.StringLiteral(pdfDate(o.Time)).PDFString(), text(o.Name).PDFString(), text(o.Reason).PDFString())
	if o.Location != "" {
		fmt.Fprintf(&sig, " /Location %s", text(o.Location).PDFString())
	}
	if certify {
		sig.WriteString("\n/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> /DigestMethod /SHA256 >>]")
	}
	sig.WriteString(" >>")
	sigNr := u.add(sig.Bytes())

	// The field and its widget, on the page of the block or on the first.
	pgs, err := pages(ctx)
	if err != nil {
		return nil, warnings, err
	}
	if len(pgs) == 0 {
		return nil, warnings, msg.Errorf("the PDF cannot be read: it has no pages")
	}
	page := pgs[0]
	widget := types.Dict{
		"Type": types.Name("Annot"), "Subtype": types.Name("Widget"), "FT": types.Name("Sig"),
		"T":    text(fmt.Sprintf("Tanda tangan %d", len(fields)+1)),
		"V":    *types.NewIndirectRef(sigNr, 0),
		"F":    types.Integer(132), // print, locked
		"Rect": types.NewNumberArray(0, 0, 0, 0),
	}
	if block != nil {
		page = block.ref
		r := block.Rect
		w, h := r[2]-r[0], r[3]-r[1]
		stream, resources, err := []byte(nil), appearanceResources, error(nil)
		if o.Image != nil {
			stream, resources, err = imageAppearance(u, o.Image, w, h)
		} else {
			var qr [][]bool
			if qr, err = qrMatrix(QRText(o.Address, sha256.Sum256(doc))); err == nil {
				stream = appearance(w, h, qr, appearanceLines(certName(id.Cert), o.NIP, o.Time))
			}
		}
		if err != nil {
			return nil, warnings, err
		}
		ap := fmt.Appendf(nil, "<< /Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources %s /Length %d >>\nstream\n",
			f(w), f(h), resources, len(stream))
		ap = append(append(ap, stream...), "\nendstream"...)
		apNr := u.add(ap)
		widget["Rect"] = types.NewNumberArray(r[0], r[1], r[2], r[3])
		widget["AP"] = types.Dict{"N": *types.NewIndirectRef(apNr, 0)}
	}
	widget["P"] = page
	widgetRef := *types.NewIndirectRef(u.add([]byte(widget.PDFString())), 0)

	// The page, with the widget among its annotations.
	pageDict, err := ctx.DereferenceDict(page)
	if err != nil || pageDict == nil {
		return nil, warnings, msg.Errorf("the PDF cannot be read: a broken page")
	}
	pageDict = pageDict.Clone().(types.Dict)
	switch a := pageDict["Annots"].(type) {
	case types.IndirectRef:
		arr, err := ctx.DereferenceArray(a)
		if err != nil {
			return nil, warnings, msg.Errorf("the PDF cannot be read: a broken page /Annots")
		}
		u.objs[a.ObjectNumber.Value()] = []byte(append(slices.Clone(arr), widgetRef).PDFString())
	case types.Array:
		pageDict["Annots"] = append(slices.Clone(a), widgetRef)
	default:
		pageDict["Annots"] = types.Array{widgetRef}
	}
	u.objs[page.ObjectNumber.Value()] = []byte(pageDict.PDFString())

	// The catalog: the form with the new field, and the certification.
	catalog := ctx.RootDict.Clone().(types.Dict)
	form := types.Dict{}
	formNr := 0
	if o, ok := catalog["AcroForm"]; ok {
		d, err := ctx.DereferenceDict(o)
		if err != nil {
			return nil, warnings, msg.Errorf("the PDF cannot be read: a broken /AcroForm")
		}
		if d != nil {
			form = d.Clone().(types.Dict)
		}
		if ref, ok := o.(types.IndirectRef); ok {
			formNr = ref.ObjectNumber.Value()
		}
	}
	fieldList, _ := ctx.DereferenceArray(form["Fields"])
	form["Fields"] = append(slices.Clone(fieldList), widgetRef)
	form["SigFlags"] = types.Integer(3)
	if formNr != 0 {
		u.objs[formNr] = []byte(form.PDFString())
	} else {
		catalog["AcroForm"] = form
	}
	if certify {
		catalog["Perms"] = types.Dict{"DocMDP": *types.NewIndirectRef(sigNr, 0)}
	}
	u.objs[ctx.Root.ObjectNumber.Value()] = []byte(catalog.PDFString())

	out, err := u.bytes()
	if err != nil {
		return nil, warnings, err
	}
	if err := fill(out, len(doc), id, o); err != nil {
		return nil, warnings, err
	}
	rep, err := Verify(out)
	if err != nil {
		return nil, warnings, msg.Errorf("the signed PDF fails its check: %w", err)
	}
	if len(rep.Signatures) == 0 {
		return nil, warnings, msg.Errorf("the signed PDF fails its check: the signature is not found")
	}
	if last := rep.Signatures[len(rep.Signatures)-1]; !last.Intact || !last.Whole {
		problem := last.Problem
		if problem == "" {
			problem = msg.Sprintf("the signature does not cover the whole file")
		}
		return nil, warnings, msg.Errorf("the signed PDF fails its check: %s", problem)
	}
	if !rep.Intact() {
		warnings = append(warnings, msg.Sprintf("this PDF had a problem before it was signed, and the new signature does not mend it: %s", rep.Problem()))
	}
	return out, warnings, nil
}

// byteRangeRoom is the room for the numbers of /ByteRange [0 a b c].
const byteRangeRoom = 3 * 11

// fill writes the byte range and the signature value into the signature
// dictionary that the update (appended at offset from) holds.
func fill(out []byte, from int, id *Identity, o Options) error {
	br := bytes.Index(out[from:], []byte("/ByteRange [0 0 0 0"))
	ct := bytes.Index(out[from:], []byte("/Contents <"))
	if br < 0 || ct < 0 {
		return msg.Errorf("signing: the signature dictionary is not found")
	}
	br += from + len("/ByteRange [")
	a := from + ct + len("/Contents ")
	b := a + 2 + 2*contentsSize
	nums := fmt.Sprintf("0 %d %d %d", a, b, len(out)-b)
	room := out[br : br+len("0 0 0 0")+byteRangeRoom]
	copy(room, nums+strings.Repeat(" ", len(room)-len(nums)))

	h := sha256.New()
	h.Write(out[:a])
	h.Write(out[b:])
	var stamp stamper
	if o.TSA != "" {
		stamp = func(sig []byte) ([]byte, error) {
			token, _, err := timeStamp(o.Context, o.TSA, sig)
			return token, err
		}
	}
	value, err := cades(h.Sum(nil), id, stamp)
	if err != nil {
		return msg.Errorf("signing: %w", err)
	}
	if len(value) > contentsSize {
		return msg.Errorf("signing: the signature value has %d bytes, more than the room of %d bytes", len(value), contentsSize)
	}
	hex.Encode(out[a+1:], value)
	for i := a + 1 + 2*len(value); i < b-1; i++ {
		out[i] = '0'
	}
	return nil
}

// pdfDate writes a time as a PDF date, D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	return t.Format("D:20060102150405-07'00'")
}

// signatureFields returns the signature fields of the form that hold a
// signature.
func signatureFields(ctx *model.Context) []types.Dict {
	form, err := ctx.DereferenceDict(ctx.RootDict["AcroForm"])
	if err != nil || form == nil {
		return nil
	}
	fields, err := ctx.DereferenceArray(form["Fields"])
	if err != nil {
		return nil
	}
	var out []types.Dict
	for _, o := range fields {
		d, err := ctx.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		if ft := d.NameEntry("FT"); ft != nil && *ft == "Sig" {
			if _, ok := d["V"]; ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// docMDPLevel is the /P of the certifying signature, 2 when it has none,
// and 0 when the document is not certified.
func docMDPLevel(ctx *model.Context) int {
	perms, err := ctx.DereferenceDict(ctx.RootDict["Perms"])
	if err != nil || perms == nil {
		return 0
	}
	sig, err := ctx.DereferenceDict(perms["DocMDP"])
	if err != nil || sig == nil {
		return 0
	}
	refs, _ := ctx.DereferenceArray(sig["Reference"])
	for _, r := range refs {
		d, err := ctx.DereferenceDict(r)
		if err != nil || d == nil {
			continue
		}
		if m := d.NameEntry("TransformMethod"); m == nil || *m != "DocMDP" {
			continue
		}
		params, err := ctx.DereferenceDict(d["TransformParams"])
		if err != nil || params == nil {
			return 2
		}
		if p := params.IntEntry("P"); p != nil && *p >= 1 && *p <= 3 {
			return *p
		}
		return 2
	}
	return 2
}
