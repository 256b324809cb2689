// Package scaffold starts a new project from the Renja bundled in the renja
// binary: renja.toml made for the new office, and the bundled content/ and
// data/ (and, on request, templates/) as a complete example to edit.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"unicode"

	bcontent "renja/content"
	bdata "renja/data"
	"renja/internal/config"
	"renja/internal/content"
	deftpl "renja/templates"

	"renja/internal/msg"
)

// Options of a new project.
type Options struct {
	Dir       string // the new project's folder; made when missing
	Office    string // "Kantor Kecamatan Malili"; default "Kantor Kecamatan " + Kecamatan
	Kecamatan string // "Malili"
	Kabupaten string // "Luwu Timur"
	Year      int    // the plan year
	Templates bool   // also copy the default templates/ for editing
	Blank     bool   // the standard outline and empty tables instead of the bundled example
}

// ErrExists refuses to write over a project.
var ErrExists error = msg.Const("a project is already there")

// Init writes the project and returns the files it wrote, relative to Dir.
func Init(o Options) ([]string, error) {
	if o.Office == "" && o.Kecamatan != "" {
		o.Office = "Kantor Kecamatan " + o.Kecamatan
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	if err := refuseProject(o.Dir); err != nil {
		return nil, err
	}
	toml, err := configTOML(o)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{config.FileName: toml}
	add := func(fsys fs.FS, dir string, keep func(string) bool) error {
		names, err := fs.Glob(fsys, "*")
		if err != nil {
			return err
		}
		for _, n := range names {
			if !keep(n) {
				continue
			}
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				return err
			}
			files[dir+"/"+n] = b
		}
		return nil
	}
	notGo := func(n string) bool { return !strings.HasSuffix(n, ".go") }
	if o.Blank {
		blank, err := blankFiles()
		if err != nil {
			return nil, err
		}
		for n, b := range blank {
			files[n] = b
		}
	} else {
		if err := add(bcontent.FS, "content", notGo); err != nil {
			return nil, err
		}
		if err := add(bdata.FS, "data", notGo); err != nil {
			return nil, err
		}
		markExample(files)
	}
	if o.Templates {
		if err := add(deftpl.FS, "templates", notGo); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(o.Dir, ".gitignore")); err != nil {
		files[".gitignore"] = []byte("output/\n.output.renja-*\n")
	}
	return writeFiles(o.Dir, files)
}

// refuseProject refuses a folder that already holds a project.
func refuseProject(dir string) error {
	for _, name := range []string{config.FileName, "content"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return msg.Errorf("%w: %s exists; renja init writes only into a folder without renja.toml and content/", ErrExists, filepath.Join(dir, name))
		}
	}
	return nil
}

// writeFiles writes files (paths relative to dir, slash-separated) and
// returns their names, sorted. It writes all or nothing: every target is
// checked first, so a folder that already holds one of the files (or a
// file where a folder goes) is refused before anything is written, and a
// write that fails later removes what this call wrote, the folders it made
// included. The folder is left as it was, and a retry can succeed.
func writeFiles(dir string, files map[string][]byte) (names []string, err error) {
	names = make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := checkTarget(dir, n); err != nil {
			return nil, err
		}
	}
	var made []string // files and folders made, in order
	defer func() {
		if err != nil {
			for i := len(made) - 1; i >= 0; i-- {
				os.Remove(made[i])
			}
		}
	}()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if made, err = mkdirs(filepath.Dir(p), made); err != nil {
			return nil, err
		}
		// O_EXCL: a file that appeared meanwhile is not overwritten either.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		made = append(made, p)
		_, err = f.Write(files[n])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}

// checkTarget refuses a file name n of dir that exists, or whose folders
// exist as something other than folders.
func checkTarget(dir, n string) error {
	p := dir
	parts := strings.Split(n, "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case i == len(parts)-1 || !fi.IsDir():
			return msg.Errorf("%w: %s exists; renja init writes over nothing, and wrote nothing", ErrExists, p)
		}
	}
	return nil
}

// mkdirs makes folder d and its missing parents, and appends those it
// made to made, parents first.
func mkdirs(d string, made []string) ([]string, error) {
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return made, nil
	}
	if parent := filepath.Dir(d); parent != d {
		var err error
		if made, err = mkdirs(parent, made); err != nil {
			return made, err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil {
		return made, err
	}
	return append(made, d), nil
}

func (o Options) validate() error {
	var errs []string
	need := func(flag, v string) {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, msg.Sprintf("--%s is missing", flag))
			return
		}
		if strings.IndexFunc(v, unicode.IsControl) >= 0 {
			errs = append(errs, msg.Sprintf("--%s holds a control character or a line break", flag))
		}
	}
	if o.Dir == "" {
		errs = append(errs, msg.Sprintf("the folder of the new project is missing"))
	}
	need("kecamatan", o.Kecamatan)
	need("kabupaten", o.Kabupaten)
	need("office", o.Office)
	if o.Year < 2000 || o.Year > 2100 {
		errs = append(errs, msg.Sprintf("--year %d is not a plan year", o.Year))
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// The new project's renja.toml: the keys of the bundled one, with the new
// office and year; what renja cannot know is a placeholder to fill in.
var configTemplate = template.Must(template.New("renja.toml").Funcs(template.FuncMap{
	"q":     quote,
	"upper": strings.ToUpper,
	"minus": func(a, b int) int { return a - b },
}).Parse(`# Pengaturan Renja ini. Tanggal ditulis {{ minus .Year 1 }}-05-01; teks di dalam tanda kutip lurus "…".
# Ditulis oleh renja init. Isi yang masih di dalam [kurung siku] (renja check
# mendaftarnya, dan renja build --final menunggunya). content/ berisi teks contoh
# bawaan, yang menyebut kantor dan tahun ini dari berkas ini (fungsi kantor,
# kecamatan, tahun); data/ berisi angka contoh: ganti dengan angka kantor ini.

parts = [{{ range $i, $p := .Parts }}{{ if $i }}, {{ end }}{{ q $p }}{{ end }}]

[office]
name = {{ q .Office }}
kecamatan = {{ q .Kecamatan }}
kabupaten = {{ q .Kabupaten }}
province = "[Provinsi]"
address = "[alamat kantor, kode pos]"
website = "[alamat situs web]"

[plan]
year = {{ .Year }}
title = {{ q (printf "Rencana Kerja Tahun %d" .Year) }}
running_header = {{ q (upper (printf "Rencana Kerja %s" .Office)) }}
table = "t31"

[signatory]
title = "Camat"
name = "[NAMA CAMAT]"
rank = "[Pangkat, Golongan]"
nip = "[NIP]"
place = {{ q .Kecamatan }}
date = {{ minus .Year 1 }}-05-01

[decree]
number = "[nomor keputusan]"
date = {{ minus .Year 1 }}-05-01

[paper]
size = "A4"

# Ejaan satuan yang berarti satuan yang sama (dipakai saat target dibandingkan antartabel).
[units]
Dok = "Dokumen"
Lap = "Laporan"
Org = "Orang"
`))

// configTOML returns the renja.toml of a new project.
func configTOML(o Options) ([]byte, error) {
	parts, err := bundledParts()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = configTemplate.Execute(&b, struct {
		Options
		Parts []string
	}{o, parts})
	return b.Bytes(), err
}

// bundledParts lists the ids of the bundled content, in file name order.
func bundledParts() ([]string, error) {
	names, err := fs.Glob(bcontent.FS, "*.md")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ids []string
	for _, n := range names {
		src, _ := fs.ReadFile(bcontent.FS, n)
		p, err := content.Parse("content/"+n, src)
		if err != nil {
			return nil, err
		}
		ids = append(ids, p.ID)
	}
	return ids, nil
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
