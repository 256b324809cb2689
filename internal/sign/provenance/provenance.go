// Package provenance says which sources made a PDF: the content hash of a
// project, and the names of the keys of the PDF's information dictionary in
// which renja build records it.
//
// It is apart from package sign so that the build can record the hash
// without depending on the signing libraries.
package provenance

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"renja/internal/msg"
	"renja/internal/projfs"
)

// Keys of the PDF information dictionary that renja build writes. Their
// values are text strings.
const (
	// HashKey holds the project's content hash, "sha256:" and 64 hex digits.
	HashKey = "RenjaContentHash"
	// DraftKey is "true" in a PDF built while the checker reported errors
	// (marked DRAFT on its pages); it is absent otherwise.
	DraftKey = "RenjaDraft"
)

// prefix starts every content hash: the name of the algorithm.
const prefix = "sha256:"

// inputs lists the files that make a project's content hash, as
// slash-separated paths relative to the project folder, sorted: renja.toml,
// content/*.md, data/* and templates/*. Only regular files directly in those
// folders count; names that start with a dot (.gitkeep, an editor's swap
// file) do not. output/ never does. A symbolic link counts as the file it
// leads to when that is inside the project; one leading out of it is an
// error, as it is for the build (package projfs).
func inputs(dir string) ([]string, error) {
	var files []string
	if ok, err := projfs.Regular(dir, "renja.toml"); err != nil {
		return nil, msg.Errorf("content hash: %w", err)
	} else if ok {
		files = append(files, "renja.toml")
	}
	for _, g := range []struct{ dir, suffix string }{
		{"content", ".md"},
		{"data", ""},
		{"templates", ""},
	} {
		names, err := projfs.List(dir, g.dir, g.suffix)
		if err != nil {
			return nil, msg.Errorf("content hash: %w", err)
		}
		for _, n := range names {
			ok, err := projfs.Regular(dir, n)
			if err != nil {
				return nil, msg.Errorf("content hash: %w", err)
			}
			if ok {
				files = append(files, n)
			}
		}
	}
	sort.Strings(files)
	return files, nil
}

// ContentHash returns the content hash of the project in dir: SHA-256 over
// one record for each file of [inputs], in that order, each record being
//
//	path NUL length NUL bytes
//
// where path is slash-separated and relative to dir, and length is the
// number of bytes in decimal. It is written "sha256:" and 64 lower-case hex
// digits. The same files with the same bytes give the same hash on every
// system; a file added, removed, renamed or changed by one byte gives another.
// Line endings are bytes like any other: a checkout that turns LF into CRLF
// has another hash.
func ContentHash(dir string) (string, error) {
	files, err := inputs(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		b, err := projfs.ReadAll(dir, f)
		if err != nil {
			return "", msg.Errorf("content hash: %w", err)
		}
		h.Write([]byte(f))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(b))))
		h.Write([]byte{0})
		h.Write(b)
	}
	return prefix + hex.EncodeToString(h.Sum(nil)), nil
}

// IsProject reports whether dir holds a renja.toml.
func IsProject(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "renja.toml"))
	return err == nil && fi.Mode().IsRegular()
}
