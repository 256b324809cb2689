package msg

import "testing"

func TestSystem(t *testing.T) {
	defer SetLang(Current())
	SetLang(ID)
	for _, c := range []struct{ in, want string }{
		{"open x.pdf: no such file or directory", "membuka x.pdf: tidak ada"},
		{"membaca a: open /b/c d.csv: permission denied", "membaca a: membuka /b/c d.csv: izin ditolak"},
		{`open C:\Users\camat\renja.pdf: The system cannot find the file specified.`, `membuka C:\Users\camat\renja.pdf: tidak ada`},
		{"read output: is a directory", "membaca output: itu folder, bukan berkas"},
		{"mkdir /ro/out: read-only file system", "membuat folder /ro/out: sistem berkas hanya-baca"},
		{"open x: a reason renja does not know", "open x: a reason renja does not know"},
		{"no file error here", "no file error here"},
	} {
		if got := System(c.in); got != c.want {
			t.Errorf("System(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	SetLang(EN)
	if in := "open x.pdf: no such file or directory"; System(in) != in {
		t.Errorf("English: System(%q) = %q", in, System(in))
	}
}
