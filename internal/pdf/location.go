package pdf

import (
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"renja/internal/msg"
)

// Where a print's page is, and what it may load.

// pageLocation checks root and page and returns the absolute root and the
// file URL of the page.
func pageLocation(root, pagePath string) (absRoot, pageURL string, err error) {
	absRoot, err = filepath.Abs(root)
	if err != nil {
		return "", "", err
	}
	rel := filepath.FromSlash(pagePath)
	if !filepath.IsLocal(rel) {
		return "", "", msg.Errorf("page %q is not a relative path inside the root", pagePath)
	}
	full := filepath.Join(absRoot, rel)
	if fi, err := os.Stat(full); err != nil {
		return "", "", msg.Errorf("page to print: %w", err)
	} else if fi.IsDir() {
		return "", "", msg.Errorf("page to print %s is a folder", full)
	}
	p := filepath.ToSlash(full)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: /C:/...
	}
	return absRoot, (&url.URL{Scheme: "file", Path: p}).String(), nil
}

// allowedURL reports whether the page may load rawURL: a file inside root, a
// data:, about: or blob: URL.
func allowedURL(root, rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "about", "blob":
		return true
	case "file":
	default:
		return false
	}
	if u.Host != "" && u.Host != "localhost" {
		return false
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	rel, err := filepath.Rel(root, filepath.Clean(filepath.FromSlash(p)))
	return err == nil && filepath.IsLocal(rel)
}
