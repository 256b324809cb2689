package render

// Images: office.logo on the cover and in the letterhead, and Markdown
// images (![Peta wilayah](images/peta.png)) that name a file in the project.
// Each image is read from the project, checked to be a PNG, JPEG, GIF or SVG,
// and written beside index.html under the same path, so the website and the
// printed page find it; a missing or unreadable image, one outside the
// project and a remote one (https://…) are errors at their place.

import (
	"bytes"
	"errors"
	"html"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"renja/internal/config"
	"renja/internal/content"
	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/projfs"
	"renja/internal/tomlx"

	"renja/internal/msg"
)

var imgRe = regexp.MustCompile(`<img src="([^"]*)"`)

const imageHint = "name a PNG, JPEG, GIF or SVG file inside the project, relative to its folder: images/peta.png"

// partImages reads the images a part's HTML shows and adds them to files.
func (r *renderer) partImages(part *content.Part, page []byte, files map[string][]byte) error {
	var errs diag.List
	for _, m := range imgRe.FindAllSubmatch(page, -1) {
		dest := html.UnescapeString(string(m[1]))
		b, name, err := r.readImage(dest)
		if err != nil {
			// The image's place in the Markdown file.
			off := bytes.Index(part.Body, []byte("("+dest))
			if off >= 0 {
				off++
			} else {
				off = bytes.Index(part.Body, []byte(dest))
			}
			e := part.Source().Errorf(off, msg.Sprintf(imageHint), "image %q: %v", dest, err)
			if off < 0 {
				e.Line, e.Source = part.BodyLine, part.Source().Line(part.BodyLine)
			}
			errs = append(errs, e)
			continue
		}
		files[name] = b
	}
	return errs.Err()
}

// codesIn writes the codes of an error's messages as the project writes
// them (7.01.01.2.01.0001 in a four-digit project).
func (r *renderer) codesIn(err error) error {
	l, ok := diag.ListOf(err)
	if !ok || r.p.Codes != kode.FourDigit {
		return err
	}
	for _, e := range l {
		e.Msg, e.Hint = r.p.Codes.Text(e.Msg), r.p.Codes.Text(e.Hint)
	}
	return l
}

// logo reads office.logo, or returns "" when there is none.
func (r *renderer) logo(files map[string][]byte) error {
	c := r.p.Config
	if c.Office.Logo == "" {
		return nil
	}
	b, name, err := r.readImage(c.Office.Logo)
	if err != nil {
		keys := tomlx.Index(diag.NewSource(config.FileName, c.Src, 1))
		return keys.Errorf([]string{"office", "logo"}, "write logo = \"images/logo.png\" under [office]: a PNG, JPEG or SVG file inside the project",
			"office.logo %q: %v", c.Office.Logo, err)
	}
	files[name] = b
	return nil
}

// readImage reads an image named relative to the project folder.
func (r *renderer) readImage(dest string) ([]byte, string, error) {
	u, err := url.Parse(strings.TrimSpace(dest))
	switch {
	case err != nil:
		return nil, "", msg.Errorf("cannot be read as a file name")
	case u.Scheme != "" || u.Host != "":
		return nil, "", msg.Errorf("is on another site: a remote image is refused, the Renja loads nothing from elsewhere; save it into the project")
	}
	name := path.Clean(strings.ReplaceAll(u.Path, `\`, "/"))
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.HasPrefix(name, "output/") {
		return nil, "", msg.Errorf("is outside the project")
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg":
	default:
		return nil, "", msg.Errorf("is not a PNG, JPEG, GIF or SVG file")
	}
	b, err := readProjectFile(r.p.Dir, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, "", msg.Errorf("no such file in the project")
		}
		return nil, "", msg.Errorf("cannot be read: %v", err)
	}
	if !isImage(name, b) {
		return nil, "", msg.Errorf("is not a %s image (its bytes say otherwise)", strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")))
	}
	return b, name, nil
}

// readProjectFile reads a regular file inside the project (projfs: a link
// is followed only while it stays inside).
func readProjectFile(dir, name string) ([]byte, error) {
	b, err := projfs.ReadFile(dir, name)
	var e *diag.Error
	if errors.As(err, &e) {
		return nil, errors.New(e.Msg)
	}
	return b, err
}

func isImage(name string, b []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	case ".jpg", ".jpeg":
		return bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff})
	case ".gif":
		return bytes.HasPrefix(b, []byte("GIF8"))
	case ".svg":
		head := b[:min(len(b), 1024)]
		return bytes.Contains(head, []byte("<svg"))
	}
	return false
}
