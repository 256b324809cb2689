package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"renja/internal/build"
)

// apply does to a page's bytes what reload.js does to the page in the
// browser: it finds each op's element by its path, checks the tags and
// counts on the way, and replaces the children's bytes. It returns the
// body's content, or ok false where the browser would fetch the whole page.
func apply(t *testing.T, a *page, pt patch) (body []byte, ok bool) {
	t.Helper()
	if pt.Full {
		return nil, false
	}
	type cut struct {
		from, to int
		html     string
	}
	var cuts []cut
	for _, op := range pt.Ops {
		e := a.body
		for _, s := range op.Path {
			if len(e.kids) != s.Kids || s.I >= len(e.kids) || e.kids[s.I].tag != s.Tag {
				t.Errorf("op %+v: the path does not lead through the old page", op)
				return nil, false
			}
			e = e.kids[s.I]
		}
		if len(e.kids) != op.Kids || op.At+len(op.Old) > len(e.kids) {
			t.Errorf("op %+v: %d children where the op expects %d", op, len(e.kids), op.Kids)
			return nil, false
		}
		for i, tag := range op.Old {
			if e.kids[op.At+i].tag != tag {
				t.Errorf("op %+v: child %d is a %s", op, op.At+i, e.kids[op.At+i].tag)
				return nil, false
			}
		}
		from, to := e.open, e.close
		if op.At > 0 {
			from = e.kids[op.At-1].end
		}
		if n := op.At + len(op.Old); n < len(e.kids) {
			to = e.kids[n].start
		}
		cuts = append(cuts, cut{from, to, op.HTML})
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].from > cuts[j].from })
	out := append([]byte(nil), a.src[a.body.open:a.body.close]...)
	last := len(a.src)
	for _, c := range cuts {
		if c.to > last {
			t.Errorf("ops overlap at byte %d", c.to)
			return nil, false
		}
		last = c.from
		f, to := c.from-a.body.open, c.to-a.body.open
		out = append(out[:f:f], append([]byte(c.html), out[to:]...)...)
	}
	return out, true
}

func TestDiffPages(t *testing.T) {
	row := func(n int, v string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString("<tr><td>baris panjang untuk mengisi tabel ini</td><td>" + v + "</td></tr>\n")
		}
		return b.String()
	}
	big := "<figure id=\"t1\" class=\"table\"><div class=\"scroll\"><table>\n<thead><tr><th>a</th></tr></thead>\n<tbody>\n" +
		row(20, "1") + "<tr><td>x</td><td>CELL</td></tr>\n" + row(20, "2") + "</tbody>\n</table></div></figure>"
	other := "<figure id=\"t2\" class=\"table\"><div class=\"scroll\"><table><tbody>\n" + row(30, "3") + "</tbody></table></div></figure>"
	doc := func(class, title, main string) string {
		return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body class=\"" +
			class + "\">\n<a class=\"skip\" href=\"#isi\">isi</a>\n<main id=\"isi\">\n" + main + "\n</main>\n</body>\n</html>\n"
	}
	sec := func(id, inner string) string {
		return "<section id=\"" + id + "\" class=\"part\">\n" + inner + "\n</section>"
	}
	base := doc("web draft", "Renja", sec("bab-1", "<h1>BAB I</h1>\n<p>Satu.</p>\n<p>Dua.</p>")+"\n"+sec("bab-2", "<h1>BAB II</h1>\n"+big+"\n<p>Tiga.</p>\n"+other))
	for _, tc := range []struct {
		name, new string
		ops       int    // how many ops; -1: the whole page
		html      string // the ops' HTML holds it
		notHTML   string // and not this
	}{
		{"nothing changed", base, 0, "", ""},
		{"one cell of a large table", strings.Replace(base, "CELL", "SEL", 1), 1, "<td>SEL</td>", "baris"},
		{"a paragraph added", strings.Replace(base, "<p>Satu.</p>", "<p>Satu.</p>\n<p>Satu setengah.</p>", 1), 1, "Satu setengah", "BAB II"},
		{"a paragraph removed", strings.Replace(base, "<p>Satu.</p>\n", "", 1), 1, "", "Satu"},
		{"two neighbours changed", strings.Replace(strings.Replace(base, "Satu.", "Eins.", 1), "Dua.", "Zwei.", 1), 1, "Eins.</p>\n<p>Zwei.", ""},
		{"two places", strings.Replace(strings.Replace(base, "Satu.", "Eins.", 1), "Tiga.", "Drei.", 1), 2, "Drei", "baris"},
		{"the body's class and the title", doc("web", "Renja 2", strings.SplitN(strings.SplitN(base, "<main id=\"isi\">\n", 2)[1], "\n</main>", 2)[0]), 0, "", ""},
		{"a section's attributes", strings.Replace(base, `id="bab-1" class="part"`, `id="bab-1" class="part new"`, 1), 1, `class="part new"`, "BAB II"},
		{"an end tag left out", strings.Replace(base, "<p>Satu.</p>", "<p>Satu.", 1), -1, "", ""},
		{"rows outside a tbody", strings.Replace(strings.Replace(base, "<table>\n<thead><tr><th>a</th></tr></thead>\n<tbody>\n", "<table>\n", 1), "</tbody>\n</table></div></figure>\n<p>Tiga", "</table></div></figure>\n<p>Tiga", 1), 1, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := parsePage([]byte(base)), parsePage([]byte(tc.new))
			if a == nil {
				t.Fatal("the base page was not read")
			}
			pt := diffPages(a, b)
			if tc.ops < 0 {
				if !pt.Full {
					t.Errorf("got %d ops, want the whole page", len(pt.Ops))
				}
				return
			}
			if pt.Full || len(pt.Ops) != tc.ops {
				t.Fatalf("got %d ops (full %v), want %d: %+v", len(pt.Ops), pt.Full, tc.ops, pt.Ops)
			}
			var all strings.Builder
			for _, op := range pt.Ops {
				all.WriteString(op.HTML)
			}
			if !strings.Contains(all.String(), tc.html) || (tc.notHTML != "" && strings.Contains(all.String(), tc.notHTML)) {
				t.Errorf("the ops' HTML %q should hold %q and not %q", all.String(), tc.html, tc.notHTML)
			}
			got, ok := apply(t, a, pt)
			if want := b.src[b.body.open:b.body.close]; !ok || !bytes.Equal(got, want) {
				t.Errorf("the patched body is\n%s\nwant\n%s", got, want)
			}
			if pt.Class != b.class || pt.Title != b.title {
				t.Errorf("class %q title %q, want %q %q", pt.Class, pt.Title, b.class, b.title)
			}
		})
	}
}

// TestDiffBuiltPage builds the bundled Renja, edits it as an officer does
// (a cell of a CSV, a paragraph) and patches the first build's page into the
// second's: the renderer's HTML is read (its tags balanced), and the patch
// is small.
func TestDiffBuiltPage(t *testing.T) {
	dir := project(t)
	pageOf := func() *page {
		t.Helper()
		if _, err := build.Build(context.Background(), build.Options{Dir: dir, NoPDF: true}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "output", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		p := parsePage(b)
		if p == nil {
			t.Fatal("the built page could not be read as a tree of balanced tags")
		}
		return p
	}
	a := pageOf()
	for _, tc := range []struct {
		file, old, new string
		most           int // bytes of HTML in the patch, at most
	}{
		{"data/t22.csv", "Sangat Tinggi;", "Amat Sangat Tinggi;", 1500},
		{"content/50-bab-5.md", "terima kasih.\n\n", "terima kasih.\n\nSatu kalimat baru.\n\n", 300},
	} {
		edit(t, filepath.Join(dir, tc.file), tc.old, tc.new)
		b := pageOf()
		pt := diffPages(a, b)
		got, ok := apply(t, a, pt)
		if !ok || !bytes.Equal(got, b.src[b.body.open:b.body.close]) {
			t.Fatalf("%s: the patched page is not the new one", tc.file)
		}
		n := 0
		for _, op := range pt.Ops {
			n += len(op.HTML)
		}
		t.Logf("%s: %d ops, %d bytes of HTML of a %d-byte page", tc.file, len(pt.Ops), n, len(b.src))
		if n == 0 || n > tc.most {
			t.Errorf("%s: the patch holds %d bytes of HTML, want 1 to %d: %+v", tc.file, n, tc.most, pt.Ops)
		}
		a = b
	}
}

// FuzzDiffPages: for any two pages the patch, applied, gives the second
// page's body, or asks for the whole page.
func FuzzDiffPages(f *testing.F) {
	defer func(n int) { smallest = n }(smallest)
	smallest = 0 // every container is looked into
	f.Add("<main><section><p>a</p><p>b</p></section></main>", "<main><section><p>a</p><p>c</p><p>d</p></section></main>")
	f.Add("<div><ul><li>x</li></ul></div><table><tr><td>1</td></tr></table>", "<div><ul><li>y</li><li>z</li></ul></div><table><tr><td>2</td></tr></table>")
	f.Add("<div>\n<svg><rect/><title>t</title></svg>\n</div>", "<div>\n<svg><rect/></svg>\n<p>x</p></div>")
	f.Add("<div>\n<p>a</p> <p>b</p></div>", "<div>\n<p>a</p>\n\n<p>b</p></div>")
	f.Fuzz(func(t *testing.T, x, y string) {
		wrap := func(s string) []byte {
			return []byte("<!DOCTYPE html><html><head><title>t</title></head><body class=\"web\">" + s + "</body></html>")
		}
		a, b := parsePage(wrap(x)), parsePage(wrap(y))
		pt := diffPages(a, b)
		if a == nil || b == nil || a.body.text || b.body.text {
			if !pt.Full {
				t.Fatal("a page that could not be read, or with text right in the body, got a patch")
			}
			return
		}
		got, ok := apply(t, a, pt)
		if !ok || !bytes.Equal(got, b.src[b.body.open:b.body.close]) {
			t.Fatalf("patched:\n%q\nwant\n%q", got, b.src[b.body.open:b.body.close])
		}
	})
}
