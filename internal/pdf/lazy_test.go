package pdf

import (
	"bytes"
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"renja/internal/msg"
	"renja/internal/sign/signtest"
	"renja/internal/testenv"
)

// TestLazyAgreesWithPdfcpu reads a Chrome print both ways: the lazy reader
// must find the same pages, destinations, catalog and trailer entries as
// pdfcpu's parse of the whole file.
func TestLazyAgreesWithPdfcpu(t *testing.T) {
	doc, _, _ := printFixture(t)
	for name, b := range map[string][]byte{"printed": doc, "finished": finishFixture(t, doc)} {
		t.Run(name, func(t *testing.T) {
			d, err := readLazy(b)
			if err != nil {
				t.Fatal(err)
			}
			ctx, err := ReadContext(b)
			if err != nil {
				t.Fatal(err)
			}
			catalog, rootNr, err := d.root()
			if err != nil {
				t.Fatal(err)
			}
			if rootNr != ctx.Root.ObjectNumber.Value() || catalog.PDFString() != ctx.RootDict.PDFString() {
				t.Errorf("catalog %d %s, pdfcpu %d %s", rootNr, catalog, ctx.Root.ObjectNumber.Value(), ctx.RootDict)
			}
			if d.size != *ctx.Size {
				t.Errorf("size %d, pdfcpu %d", d.size, *ctx.Size)
			}
			info := ctx.Info.ObjectNumber.Value()
			if d.offsets[info] != int(*ctx.Table[info].Offset) {
				t.Errorf("information dictionary at %d, pdfcpu %d", d.offsets[info], *ctx.Table[info].Offset)
			}
			lazy, err := destinations(d, catalog)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := destinations(pdfcpuDoc{ctx}, ctx.RootDict)
			if err != nil {
				t.Fatal(err)
			}
			if len(lazy) == 0 || !maps.Equal(lazy, whole) {
				t.Errorf("destinations %v, pdfcpu %v", lazy, whole)
			}
		})
	}
}

func finishFixture(t *testing.T, doc []byte) []byte {
	t.Helper()
	out, err := Finish(doc, Meta{Title: "Renja", Lang: "id", Outline: map[string]string{"BABIPENDAHULUAN": "BAB I PENDAHULUAN"}},
		[]Label{{From: 0, Style: "r", Start: 1}, {From: 1, Style: "D", Start: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLazyFallback: a file with a cross-reference stream (as qpdf or another
// tool writes it) is still read, by pdfcpu; Finish, which appends to
// Chrome's classic table, refuses it.
func TestLazyFallback(t *testing.T) {
	qpdf := testenv.Tool(t, "qpdf", "qpdf")
	doc, _, _ := printFixture(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(qpdf, "--object-streams=generate", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	streamed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readLazy(streamed); err != errNotClassic {
		t.Fatalf("readLazy of a cross-reference stream: %v, want errNotClassic", err)
	}
	want, _ := Destinations(doc)
	got, err := Destinations(streamed)
	if err != nil || !maps.Equal(got, want) {
		t.Errorf("Destinations = %v, %v; want %v", got, err, want)
	}
	if n, err := PageCount(streamed); err != nil || n != 2 {
		t.Errorf("PageCount = %d, %v; want 2", n, err)
	}
	if _, err := Finish(streamed, Meta{}, nil); err == nil || !strings.Contains(err.Error(), msg.Text("finishing the PDF: it has no classic cross-reference table, as Chrome writes")) {
		t.Errorf("Finish of a cross-reference stream: %v", err)
	}
}

// tinyPDF is a two-page PDF with a classic table, a named destination and an
// outline item, as Chrome lays them out.
func tinyPDF() []byte { return pdfOf(tinyObjects()) }

func tinyObjects() []string {
	return []string{
		"<< /Type /Catalog /Pages 2 0 R /Dests 5 0 R /Outlines 6 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>",
		"<< /dua [4 0 R /XYZ 0 595 0] /satu [3 0 R /XYZ 0 842 0] >>",
		"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
		"<< /Title (BAB IPENDAHULUAN) /Parent 6 0 R /Dest /dua >>",
		"<< /Title (Renja) /CreationDate (D:20240105000000+00'00') /ModDate (D:20240105000000+00'00') >>",
	}
}

// pdfOf writes objects 1…n with a classic table; 1 is the catalog, 8 the
// information dictionary.
func pdfOf(objs []string) []byte { return signtest.Classic(objs, 8) }

func TestLazyTiny(t *testing.T) {
	doc := tinyPDF()
	dests, err := Destinations(doc)
	if err != nil || !maps.Equal(dests, map[string]int{"satu": 0, "dua": 1}) {
		t.Fatalf("Destinations = %v, %v", dests, err)
	}
	out, err := Finish(doc, Meta{Outline: map[string]string{"BABIPENDAHULUAN": "BAB I PENDAHULUAN"}}, []Label{{From: 0, Style: "D", Start: 1}})
	if err != nil {
		t.Fatal(err)
	}
	// Read back through the /Prev chain: the new catalog and outline item.
	d, err := readLazy(out)
	if err != nil {
		t.Fatal(err)
	}
	catalog, _, err := d.root()
	if err != nil || catalog["PageLabels"] == nil {
		t.Fatalf("catalog after Finish: %v, %v", catalog, err)
	}
	item, err := d.dict(*types.NewIndirectRef(7, 0))
	if err != nil || !strings.Contains(item.PDFString(), "BAB I PENDAHULUAN") {
		t.Errorf("outline item after Finish: %v, %v", item, err)
	}
	if n, err := PageCount(out); err != nil || n != 2 {
		t.Errorf("PageCount after Finish = %d, %v", n, err)
	}
}

// FuzzLazy: whatever the bytes, reading them back never panics, and an
// answer comes back or an error does.
func FuzzLazy(f *testing.F) {
	f.Add(tinyPDF())
	f.Add([]byte("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n"))
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev 56 >>\nstartxref\n56\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if d, err := readLazy(b); err == nil {
			if catalog, _, err := d.root(); err == nil {
				_, _ = destinations(d, catalog)
				_ = fixOutline(d, catalog, map[string]string{"x": "y"}, map[int]string{})
			}
		}
		_, _ = Finish(b, Meta{Title: "x"}, []Label{{From: 0, Style: "D", Start: 1}})
	})
}

// TestNameTreeLoop: a /Dests name tree whose node lists itself twice as a kid
// ends at once with an error (the walk was exponential).
func TestNameTreeLoop(t *testing.T) {
	objs := tinyObjects()
	objs[0] = strings.Replace(objs[0], "/Dests 5 0 R", "/Names << /Dests 5 0 R >>", 1)
	objs[4] = "<< /Kids [5 0 R 5 0 R] >>"
	doc := pdfOf(objs)
	if _, err := Destinations(doc); err == nil || !strings.Contains(err.Error(), msg.Text("reading the PDF: a node of the /Dests name tree is its own descendant or listed twice")) {
		t.Errorf("a name tree that loops: %v", err)
	}
}

// TestDraftPass: with draft, the first print (only read) has no structure
// tree and no outline; the print returned is tagged, also when next keeps
// the page as it is.
func TestDraftPass(t *testing.T) {
	b := sharedBrowser(t)
	root := writeFixture(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var first []byte
	doc, _, prints, err := b.PrintPasses(ctx, root, "index.html", true, func(pdf []byte, pass int) (string, bool, error) {
		if pass == 1 {
			first = pdf
		}
		return "", false, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if prints != 2 {
		t.Errorf("%d prints, want 2: the draft, then the tagged print", prints)
	}
	if bytes.Contains(first, []byte("/StructTreeRoot")) {
		t.Error("the draft print is tagged")
	}
	if d, err := Destinations(first); err != nil || len(d) == 0 {
		t.Errorf("the draft print's destinations: %v, %v", d, err)
	}
	if !bytes.Contains(doc, []byte("/StructTreeRoot")) || !bytes.Contains(doc, []byte("/Outlines")) {
		t.Error("the print returned after a draft has no structure tree or no outline")
	}
}
