package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Record asks Commit to write, into the build, a file of renja's own
// bookkeeping (name starts with ".renja") that make writes from the SHA-256
// of every file renja puts in the output folder: the files written, reused
// and kept, renja's other bookkeeping, and the manifest. Intact compares
// them with the folder later.
// files are those Commit returns.
func (d *Dir) Record(name string, make func(files []string, digests map[string]string) ([]byte, error)) {
	d.record.name, d.record.make = name, make
}

// writeRecord hashes the staged files and writes the record into the stage.
func (d *Dir) writeRecord(files, listed []string, kept map[string]bool) error {
	digests := map[string]string{}
	names := append(append([]string{Manifest}, d.files...), listed...)
	for k := range kept {
		names = append(names, k)
	}
	for _, n := range names {
		if _, ok := digests[n]; ok || n == d.record.name {
			continue
		}
		sum, err := digest(filepath.Join(d.stage, filepath.FromSlash(n)))
		if err != nil {
			return err
		}
		digests[n] = sum
	}
	b, err := d.record.make(files, digests)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.stage, d.record.name), b, 0o644)
}

// Intact reports whether the output folder holds exactly the files of the
// build whose Record listed digests: each a regular file with those bytes,
// and no other file of renja's bookkeeping at its top besides the record
// itself (name). Files renja did not write are not looked at: a build
// carries them as they are.
func (d *Dir) Intact(digests map[string]string, name string) bool {
	if _, ok := digests[Manifest]; !ok {
		return false
	}
	ents, err := os.ReadDir(d.Path)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if n := e.Name(); internal(n) && n != name {
			if _, ok := digests[n]; !ok {
				return false
			}
		}
	}
	for n, want := range digests {
		rel := filepath.FromSlash(n)
		if !filepath.IsLocal(rel) || strings.HasPrefix(n, "../") {
			return false
		}
		if sum, err := digest(filepath.Join(d.Path, rel)); err != nil || sum != want {
			return false
		}
	}
	return true
}

// digest returns the SHA-256 of a regular file, never following a link.
func digest(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", &os.PathError{Op: "digest", Path: path, Err: os.ErrInvalid}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
