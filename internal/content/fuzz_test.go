package content

import (
	"testing"

	"renja/internal/diag"
)

// FuzzParse: the front matter of arbitrary bytes never panics Parse, and
// every error names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\nid = \"bab-1\"\ntitle = \"BAB I\"\nkind = \"chapter\"\n+++\n\n# BAB I\n",
		"\xef\xbb\xbf+++\r\nid = \"x\"\r\n+++\r\n",
		"+++\n+++",
		"+++\n\n+++",
		"+++\nid = \"x\"\n",
		"+++\n[a.b]\nc = 1\n+++\n",
		"+++\ntitel = 3\n+++\n",
		"+++\nid = [\n+++\n",
		"+++\nid = 1\nkind = {a = 1}\n+++\n",
		"# no front matter",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("content/x.md", src)
		if err == nil {
			if p == nil || p.ID == "" || p.Title == "" || !kinds[p.Kind] || p.BodyLine < 3 {
				t.Fatalf("part %+v without error", p)
			}
			return
		}
		l, ok := diag.ListOf(err)
		if !ok {
			t.Fatalf("error %T: %v", err, err)
		}
		for _, e := range l {
			if e.File != "content/x.md" {
				t.Fatalf("error without the file: %v", e)
			}
		}
		_ = err.Error()
	})
}
