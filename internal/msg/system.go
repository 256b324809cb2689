package msg

import (
	"regexp"
	"strings"
)

// sysRe finds, anywhere in a message, the error that Go's os package writes
// for a file ("open x.pdf: no such file or directory"): the operation, the
// path and the system's reason, in English on Linux and macOS and in
// Windows' English.
var sysRe = regexp.MustCompile(`\b(open|stat|lstat|read|write|mkdir|remove|readdirent) ([^\n]+?): ` +
	`(no such file or directory|permission denied|is a directory|not a directory|file exists|` +
	`directory not empty|no space left on device|read-only file system|` +
	`The system cannot find the file specified\.|The system cannot find the path specified\.|Access is denied\.)`)

// windowsReason gives Windows' reasons the key of the same reason elsewhere.
var windowsReason = map[string]string{
	"The system cannot find the file specified.": "no such file or directory",
	"The system cannot find the path specified.": "no such file or directory",
	"Access is denied.":                          "permission denied",
}

// System writes the operating system's file errors inside s in the current
// language ("membuka x.pdf: tidak ada"); the rest of s stays as it is. The
// command line passes every message it prints through it.
func System(s string) string {
	if Current() == EN || !strings.Contains(s, ": ") {
		return s
	}
	return sysRe.ReplaceAllStringFunc(s, func(m string) string {
		p := sysRe.FindStringSubmatch(m)
		reason := p[3]
		if r, ok := windowsReason[reason]; ok {
			reason = r
		}
		return Sprintf("os: "+p[1]+" %s", p[2]) + ": " + Sprintf("os: "+reason)
	})
}

// The keys start with "os: ": English prints the system's own text.
var _ = add(
	text("os: open %s", "membuka %s"),
	text("os: stat %s", "memeriksa %s"),
	text("os: lstat %s", "memeriksa %s"),
	text("os: read %s", "membaca %s"),
	text("os: write %s", "menulis %s"),
	text("os: mkdir %s", "membuat folder %s"),
	text("os: remove %s", "menghapus %s"),
	text("os: readdirent %s", "membaca folder %s"),
	text("os: no such file or directory", "tidak ada"),
	text("os: permission denied", "izin ditolak"),
	text("os: is a directory", "itu folder, bukan berkas"),
	text("os: not a directory", "bukan folder"),
	text("os: file exists", "sudah ada"),
	text("os: directory not empty", "folder tidak kosong"),
	text("os: no space left on device", "ruang disk habis"),
	text("os: read-only file system", "sistem berkas hanya-baca"),
)
