package serve

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"renja/internal/scaffold"
)

// TestServeWatchesPrevious: a project whose renja.toml names last year's
// Renja as a folder is rebuilt when a file there changes (the carry rule
// reads it), and the page then shows the finding the change causes.
func TestServeWatchesPrevious(t *testing.T) {
	prev := project(t)
	dir := filepath.Join(t.TempDir(), "k25")
	if _, err := scaffold.From(scaffold.FromOptions{Dir: dir, From: prev}); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	version := func(since int64) int64 {
		t.Helper()
		_, body := get(t, base+"__renja/status?since="+strconv.FormatInt(since, 10))
		var st status
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatalf("status %q: %v", body, err)
		}
		return st.Version
	}
	// The prior year's file as the finding names it.
	rel, _ := filepath.Rel(dir, prev)
	prevFile := filepath.ToSlash(rel) + "/data/t31.csv"
	v := version(-1)
	if _, page := get(t, base); strings.Contains(page, prevFile) {
		t.Fatalf("the first page already names %s", prevFile)
	}
	// Last year's forecast for 2025 of a sub kegiatan changed after the rollover.
	row := "Jumlah Dokumen Perencanaan Perangkat Daerah;2 Dok;14.255.600;Pendapatan Asli Daerah (PAD);;3 Dok;"
	edit(t, filepath.Join(prev, "data", "t31.csv"), row, strings.Replace(row, ";3 Dok;", ";4 Dok;", 1))
	deadline := time.Now().Add(60 * time.Second)
	for {
		if nv := version(v); nv != v {
			v = nv
			if _, page := get(t, base); strings.Contains(page, prevFile) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no rebuild showing a finding at %s within 60 s of last year's change", prevFile)
		}
	}
}
