package serve

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// version is a good build's page as the server sent it, numbered by the
// status version at which it was shown.
type version struct {
	v    int64
	page *page
}

// keep is how many pages are kept, the newest with the ones before it: a
// browser that shows an older one (a tab left asleep) gets the whole page.
const keep = 3

// publish makes a good build's page the one the open pages show, and wakes
// them; it returns the page's version.
func (s *server) publish(src []byte) int64 {
	p := parsePage(src)
	if p == nil {
		// A page without a tree: any browser gets it whole.
		p = &page{src: src}
	}
	return s.show(p)
}

func (s *server) show(p *page) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wake()
	s.st.Page = s.st.Version
	s.pages = append(s.pages, version{v: s.st.Version, page: p})
	if len(s.pages) > keep {
		s.pages = append(s.pages[:0], s.pages[len(s.pages)-keep:]...)
	}
	return s.st.Page
}

// unpublish shows again the page before v, when the build that showed v
// failed after all (writing output/).
func (s *server) unpublish(v int64) {
	s.mu.Lock()
	n := len(s.pages)
	if n == 0 || s.pages[n-1].v != v {
		s.mu.Unlock()
		return
	}
	if n == 1 {
		// No good build before: output/ (an earlier run's, if any) is served.
		s.pages = nil
		s.st.Page = 0
		s.wake()
		s.mu.Unlock()
		return
	}
	prev := s.pages[n-2].page
	s.mu.Unlock()
	s.show(prev)
}

// patchFrom returns the patch from the page of version from to that of
// version to; Full when either is no longer kept.
func (s *server) patchFrom(from, to int64) *patch {
	s.mu.Lock()
	defer s.mu.Unlock()
	var a, b *page
	for _, p := range s.pages {
		switch p.v {
		case from:
			a = p.page
		case to:
			b = p.page
		}
	}
	pt := diffPages(a, b)
	return &pt
}

// serveStatus answers /__renja/status. ?since=N waits (up to 25 s) until the
// status is no longer version N, so that a page changes as soon as a
// rebuild is done; ?page=V, the version of the page the browser shows, adds
// the patch from it to the newest page.
func (s *server) serveStatus(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if since := q.Get("since"); since != "" {
		s.mu.Lock()
		wait := s.changed
		cur := strconv.FormatInt(s.st.Version, 10)
		s.mu.Unlock()
		if cur == since && wait != nil {
			select {
			case <-wait:
			case <-r.Context().Done():
			case <-time.After(25 * time.Second):
			}
		}
	}
	st := s.status()
	if v, err := strconv.ParseInt(q.Get("page"), 10, 64); err == nil && v != st.Page && st.Page != 0 {
		st.Patch = s.patchFrom(v, st.Page)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(st)
}
