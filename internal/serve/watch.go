package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"renja/internal/config"
)

// watch adds the project's folders. Editors that save by renaming a new file
// over the old one are seen too: the folder is watched, not the file.
func (s *server) watch(w *fsnotify.Watcher) error {
	if err := w.Add(s.o.Dir); err != nil {
		return err
	}
	for _, d := range []string{"content", "data", "templates"} {
		if fi, err := os.Stat(filepath.Join(s.o.Dir, d)); err == nil && fi.IsDir() {
			if err := w.Add(filepath.Join(s.o.Dir, d)); err != nil {
				return err
			}
		}
	}
	return nil
}

// events turns the watcher's events into one rebuild per burst of changes.
func (s *server) events(ctx context.Context, w *fsnotify.Watcher, changes chan<- struct{}) {
	var timer *time.Timer
	fire := func() {
		select {
		case changes <- struct{}{}:
		default: // a rebuild is already due
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.logf("renja: watching: %v", err)
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if !s.relevant(w, ev) {
				continue
			}
			s.inputs.Add(1)
			if timer == nil {
				timer = time.AfterFunc(s.o.Debounce, fire)
			} else {
				timer.Reset(s.o.Debounce)
			}
		}
	}
}

// relevant reports whether an event changes the build's input.
func (s *server) relevant(w *fsnotify.Watcher, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	dir, name := filepath.Dir(ev.Name), filepath.Base(ev.Name)
	if filepath.Clean(dir) == filepath.Clean(s.o.Dir) {
		switch name {
		case config.FileName:
			return true
		case "content", "data", "templates":
			if ev.Has(fsnotify.Create) {
				w.Add(ev.Name)
			}
			return true
		}
		return false
	}
	if s.isOther(dir) {
		// last year's or the Renstra's folder: its renja.toml, its content/
		// and data/ (made after serve started, too).
		switch name {
		case config.FileName:
			return true
		case "content", "data":
			if ev.Has(fsnotify.Create) {
				w.Add(ev.Name)
			}
			return true
		}
		return false
	}
	// content/, data/, templates/: any file but editors' swap and backup files.
	return !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, "~") && !strings.HasSuffix(name, ".swp")
}

// watchChain watches the folders of the documents renja.toml's [previous]
// and [renstra] name as folders (project = "../kalaena-2024"), which the
// carry rule reads: a change there changes this project's findings. It runs
// after each build, so that a changed renja.toml moves the watch; a folder no
// longer named is let go. A document at a git revision (rev) is not watched:
// a commit does not change what that revision holds.
func (s *server) watchChain(w *fsnotify.Watcher) {
	abs, err := filepath.Abs(s.o.Dir)
	if err != nil {
		return
	}
	cfg, err := config.Load(abs)
	if err != nil {
		return // a renja.toml that does not load keeps the watch as it was
	}
	want := map[string]bool{}
	for _, src := range []config.Source{cfg.Previous, cfg.Renstra} {
		if src.Project != "" && src.Rev == "" {
			if d := filepath.Clean(src.Dir(abs)); d != abs {
				want[d] = true
			}
		}
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	for d := range s.others {
		if !want[d] {
			for _, sub := range []string{d, filepath.Join(d, "content"), filepath.Join(d, "data")} {
				_ = w.Remove(sub)
			}
			delete(s.others, d)
		}
	}
	for d := range want {
		if s.others[d] {
			continue
		}
		if w.Add(d) != nil {
			continue // not there (yet): the carry rule reports it
		}
		s.others[d] = true
		for _, sub := range []string{"content", "data"} {
			_ = w.Add(filepath.Join(d, sub))
		}
	}
}

// isOther reports whether dir is the folder of another project watched.
func (s *server) isOther(dir string) bool {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.others[filepath.Clean(dir)]
}
