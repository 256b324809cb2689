package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
)

// Meta is the document information that [Finish] writes. An empty string
// leaves the field out, except Title, whose empty value keeps the title that
// Chrome took from <title>, and Lang, whose empty value keeps the language that
// Chrome took from <html lang>. A zero Date writes no dates.
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
	Lang                                      string // BCP 47, such as "id"
	Date                                      time.Time
	// Outline maps bookmark titles as Chrome writes them, with every space
	// removed, to the titles they should have: Chrome drops the space where
	// a heading wraps ("KANTORKECAMATAN"). Matching bookmarks are rewritten.
	Outline map[string]string
	// Custom are more entries of the information dictionary, written as
	// text strings, by key without the slash (such as "RenjaContentHash").
	// A key must be letters and digits and not one of the standard keys.
	Custom map[string]string
}

// A Label starts a range of page labels, the page numbers that a PDF viewer
// shows, at the 0-based page index From. Style is "D" (1, 2, 3), "r" (i, ii,
// iii), "R" (I, II), "a" (a, b), "A" (A, B), or "" for no number; Start is the
// number of the first page of the range, 0 meaning 1.
type Label struct {
	From  int
	Style string
	Start int
}

// producer is the /producer that [Finish] writes.
const producer = "renja"

// Finish returns the PDF with its document information, its catalog /Lang and
// its /PageLabels set. The information dictionary gets Title, Author, Subject,
// Keywords, Creator, Producer "renja", and CreationDate and ModDate from
// meta.Date; Chrome's Creator (its user agent) and Producer go. nil labels keep
// the page labels as they are; otherwise the first label must start at page 0
// and each one after the one before.
//
// Finish appends an incremental update (a new catalog, a new information
// dictionary, an xref section and a trailer with /Prev and a /ID made from the
// content), so the outline, links, named destinations and structure tags that
// Chrome wrote stay as they are. It also overwrites Chrome's own creation and
// modification dates in place with meta.Date (1970-01-01 when it is zero), so
// that two prints of the same page usually give the same file. The output
// depends only on pdf, meta and labels.
//
// The PDF must have a classic cross-reference table, as Chrome writes.
func Finish(pdf []byte, meta Meta, labels []Label) ([]byte, error) {
	d, err := readLazy(pdf)
	switch {
	case errors.Is(err, errNotClassic):
		return nil, msg.Errorf("finishing the PDF: it has no classic cross-reference table, as Chrome writes")
	case err != nil:
		return nil, err
	case d.trailer["Encrypt"] != nil:
		return nil, msg.Errorf("finishing the PDF: it is encrypted")
	}
	root, rootNr, err := d.root()
	if err != nil {
		return nil, msg.Errorf("finishing the PDF: %w", err)
	}
	prev, err := LastStartXref(pdf)
	if err != nil {
		return nil, msg.Errorf("finishing the PDF: %w", err)
	}
	pages, err := pageIndexes(d, root)
	if err != nil {
		return nil, err
	}

	// The catalog, changed.
	catalog := root.Clone().(types.Dict)
	if meta.Lang != "" {
		catalog["Lang"] = textString(meta.Lang)
	}
	if labels != nil {
		pl, err := pageLabels(labels, len(pages))
		if err != nil {
			return nil, err
		}
		catalog["PageLabels"] = pl
	}

	// The information dictionary: Chrome's title unless meta has one.
	info := types.Dict{}
	infoNr := 0
	var oldInfo types.Dict
	if ir, ok := d.trailer["Info"].(types.IndirectRef); ok {
		infoNr = ir.ObjectNumber.Value()
		if o, err := d.dict(ir); err == nil {
			oldInfo = o
		}
	}
	if t, ok := oldInfo["Title"]; ok && meta.Title == "" {
		info["Title"] = t
	}
	for _, f := range []struct{ key, value string }{
		{"Title", meta.Title},
		{"Author", meta.Author},
		{"Subject", meta.Subject},
		{"Keywords", meta.Keywords},
		{"Creator", meta.Creator},
		{"Producer", producer},
	} {
		if f.value != "" {
			info[f.key] = textString(f.value)
		}
	}
	for k, v := range meta.Custom {
		if !customKey.MatchString(k) || standardKeys[k] {
			return nil, msg.Errorf("finishing the PDF: %q cannot be a custom key of the information dictionary", k)
		}
		info[k] = textString(v)
	}
	if !meta.Date.IsZero() {
		d := types.StringLiteral(pdfDate(meta.Date))
		info["CreationDate"] = d
		info["ModDate"] = d
	}

	// Chrome's dates, overwritten in place in a copy of the input.
	out := make([]byte, len(pdf), len(pdf)+4096)
	copy(out, pdf)
	if infoNr != 0 {
		if off, ok := d.offsets[infoNr]; ok {
			blankDates(out, off, meta.Date)
		}
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}

	size := d.size
	if infoNr == 0 {
		infoNr = size
		size++
	}
	objects := map[int]string{
		rootNr: catalog.PDFString(),
		infoNr: info.PDFString(),
	}
	if err := fixOutline(d, root, meta.Outline, objects); err != nil {
		return nil, err
	}
	nrs := make([]int, 0, len(objects))
	for nr := range objects {
		nrs = append(nrs, nr)
	}
	slices.Sort(nrs)
	offsets := map[int]int{}
	for _, nr := range nrs {
		offsets[nr] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", nr, objects[nr])
	}

	// The xref section: one subsection for each run of numbers.
	xref := len(out)
	out = AppendXref(out, nrs, offsets)

	// The file identifier: the first element stays when there is one.
	sum := sha256.Sum256(out)
	id := types.HexLiteral(fmt.Sprintf("%X", sum[:16]))
	first := types.Object(id)
	if ids, ok := d.trailer["ID"].(types.Array); ok && len(ids) == 2 {
		first = ids[0]
	}
	trailer := types.Dict{
		"Size": types.Integer(size),
		"Root": *types.NewIndirectRef(rootNr, 0),
		"Info": *types.NewIndirectRef(infoNr, 0),
		"Prev": types.Integer(prev),
		"ID":   types.Array{first, id},
	}
	out = fmt.Appendf(out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return out, nil
}

// customKey is a name that needs no escaping; standardKeys are the keys of
// the information dictionary that PDF defines.
var (
	customKey    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)
	standardKeys = map[string]bool{"Title": true, "Author": true, "Subject": true, "Keywords": true, "Creator": true,
		"Producer": true, "CreationDate": true, "ModDate": true, "Trapped": true}
)

// LastStartXref returns the offset written after the last startxref of the
// file: where its last cross-reference section starts, which an incremental
// update names as /Prev (Finish here, renja sign in package sign). Its
// error says what is wrong in the officer's language; callers say what they
// were doing.
func LastStartXref(pdf []byte) (int, error) {
	i := bytes.LastIndex(pdf, []byte("startxref"))
	if i < 0 {
		return 0, msg.Errorf("there is no startxref")
	}
	f := bytes.Fields(pdf[i+len("startxref"):])
	if len(f) == 0 {
		return 0, msg.Errorf("startxref without an offset")
	}
	n, err := strconv.Atoi(string(f[0]))
	if err != nil || n < 0 || n >= len(pdf) {
		return 0, msg.Errorf("a wrong startxref offset")
	}
	return n, nil
}

// dateInObject matches a date entry of an information dictionary.
var dateInObject = regexp.MustCompile(`/(?:CreationDate|ModDate)\s*\((D:[^()\\]*)\)`)

// blankDates overwrites, in the object that starts at off, the values of
// /CreationDate and /ModDate with date (or 1970-01-01 UTC when date is zero)
// where the new text has the same length, so that offsets do not move.
func blankDates(pdf []byte, off int, date time.Time) {
	if off < 0 || off >= len(pdf) {
		return
	}
	end := bytes.Index(pdf[off:], []byte("endobj"))
	if end < 0 {
		return
	}
	obj := pdf[off : off+end]
	if date.IsZero() {
		date = time.Unix(0, 0).UTC()
	}
	repl := pdfDate(date)
	for _, m := range dateInObject.FindAllSubmatchIndex(obj, -1) {
		if m[3]-m[2] == len(repl) {
			copy(obj[m[2]:m[3]], repl)
		}
	}
}

// pdfDate formats t as a PDF date, as Chrome does: D:20260102150405+07'00'.
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off/60%60)
}

// textString encodes s as a PDF text string: a literal string when s is
// printable ASCII, else UTF-16BE with a byte order mark, in hex.
func textString(s string) types.Object {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return types.StringLiteral(r.Replace(s))
	}
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return types.HexLiteral(b.String())
}

// pageLabels builds the /PageLabels number tree.
func pageLabels(labels []Label, pages int) (types.Dict, error) {
	nums := types.Array{}
	for i, l := range labels {
		switch {
		case i == 0 && l.From != 0:
			return nil, msg.Errorf("page labels: the first label must start at page 0")
		case i > 0 && l.From <= labels[i-1].From:
			return nil, msg.Errorf("page labels: label %d starts at page %d, not after page %d", i, l.From, labels[i-1].From)
		case l.From >= pages:
			return nil, msg.Errorf("page labels: label %d starts at page %d, the PDF has %d pages", i, l.From, pages)
		case l.Start < 0:
			return nil, msg.Errorf("page labels: label %d starts at number %d", i, l.Start)
		}
		d := types.Dict{}
		switch l.Style {
		case "D", "r", "R", "a", "A":
			d["S"] = types.Name(l.Style)
		case "":
		default:
			return nil, msg.Errorf("page labels: unknown style %q (want D, r, R, a, A or empty)", l.Style)
		}
		if l.Start > 1 {
			d["St"] = types.Integer(l.Start)
		}
		nums = append(nums, types.Integer(l.From), d)
	}
	return types.Dict{"Nums": nums}, nil
}

// fixOutline adds to objects a new version of every outline item whose title
// lost its spaces, with the title from titles (keyed by the title without
// any white space).
func fixOutline(r resolver, catalog types.Dict, titles map[string]string, objects map[int]string) error {
	if len(titles) == 0 {
		return nil
	}
	o, ok := catalog["Outlines"]
	if !ok {
		return nil
	}
	root, err := r.dict(o)
	if err != nil || root == nil {
		return err
	}
	seen := map[int]bool{}
	var walk func(ref types.Object, depth int) error
	walk = func(ref types.Object, depth int) error {
		for ref != nil && depth < 64 {
			ir, ok := ref.(types.IndirectRef)
			if !ok || seen[ir.ObjectNumber.Value()] {
				return nil
			}
			seen[ir.ObjectNumber.Value()] = true
			item, err := r.dict(ir)
			if err != nil || item == nil {
				return err
			}
			if t, ok := item["Title"]; ok {
				if old, err := types.StringOrHexLiteral(t); err == nil && old != nil {
					if want, ok := titles[squeeze(*old)]; ok && want != *old {
						fixed := item.Clone().(types.Dict)
						fixed["Title"] = textString(want)
						objects[ir.ObjectNumber.Value()] = fixed.PDFString()
					}
				}
			}
			if err := walk(item["First"], depth+1); err != nil {
				return err
			}
			ref = item["Next"]
		}
		return nil
	}
	return walk(root["First"], 0)
}

// squeeze removes all white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// AppendXref appends the cross-reference section of an incremental update:
// one subsection for each run of consecutive object numbers (nrs sorted),
// each object at its byte offset.
func AppendXref(out []byte, nrs []int, offsets map[int]int) []byte {
	out = append(out, "xref\n"...)
	for i := 0; i < len(nrs); {
		j := i + 1
		for j < len(nrs) && nrs[j] == nrs[j-1]+1 {
			j++
		}
		out = fmt.Appendf(out, "%d %d\n", nrs[i], j-i)
		for _, nr := range nrs[i:j] {
			out = fmt.Appendf(out, "%010d 00000 n \n", offsets[nr])
		}
		i = j
	}
	return out
}
