package serve

import (
	"net/http"
	"strings"

	"renja/internal/render"
)

// sameSite reports whether a request comes from the preview's own pages, or
// from no page at all (an address typed in, a command line client): a page
// of another site, even on this machine (another port), may neither read the
// preview nor start a build. Browsers say where a request comes from in
// Sec-Fetch-Site and, for most requests, Origin.
func sameSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	origin := r.Header.Get("Origin")
	return origin == "" || origin == "http://"+r.Host
}

// setPolicy sends the website's Content-Security-Policy, and no framing
// (which a meta tag cannot say), with every answer but a PDF: that goes to
// the browser's viewer, which a policy would block.
func setPolicy(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/__renja/pdf" && !strings.HasSuffix(r.URL.Path, ".pdf") {
		w.Header().Set("Content-Security-Policy", render.ContentSecurityPolicy+"; frame-ancestors 'none'")
	}
}
