package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"renja/internal/config"
	"renja/internal/diag"
	"renja/internal/gitrev"
	"renja/internal/msg"
	"renja/internal/outdir"
)

// The build record lets a `renja build --no-pdf` that would write exactly
// what the folder already holds skip the work. A website-only build is a
// function of the project's files, of renja itself and of the output folder
// (whether it holds a PDF to link to); so when all of these are as they were
// after the last such build, that build's result (its findings, counts and
// files) is this build's, and nothing is loaded, checked, rendered or
// written. It is used only when every one of these holds:
//
//   - the key is the same: a SHA-256 over renja's Go build ID (any other
//     renja binary, any change to its code, is another key), the language of
//     the messages, the project folder's absolute path, and the path, size
//     and bytes of every file under the project folder (not only those a
//     build reads: images, signed/, anything), the output folder and .git
//     left out. A project holding a symbolic link or anything but regular
//     files and folders, more than maxInputFiles files or more than
//     maxInputBytes bytes, and a renja without a build ID, get no key and
//     always build;
//   - the output folder, locked as a build locks it, holds exactly what that
//     build left (outdir.Intact: every file renja wrote, the manifest and its
//     bookkeeping, by SHA-256), and a PDF to link to as it did then.
//
// The record is part of the build it describes, swapped in with it, and a
// build that prints a PDF leaves none (its PDF carries the date).
const (
	buildRecord  = ".renja-build.json"
	recordFormat = "renja-build-1"

	maxInputFiles = 10000
	maxInputBytes = 64 << 20
)

// record is what buildRecord holds.
type record struct {
	Key         string            `json:"key"`
	PDF         string            `json:"pdf"`        // plan.pdf
	PDFLinked   bool              `json:"pdf_linked"` // output/ had it, so the website links it
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
	Errors      int               `json:"errors"`
	Todos       int               `json:"todos"`
	Files       []string          `json:"files"`
	ContentHash string            `json:"content_hash"`
	Unpublished []string          `json:"unpublished"` // Result.Unpublished, in the language of the key
	Outputs     map[string]string `json:"outputs"`     // outdir.Record's digests
}

// selfID identifies the running renja: its Go build ID, which changes with
// any change to its code or to how it was built. Tests replace it.
var selfID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := f.ReadAt(head, 0)
	return goBuildID(head[:n])
})

// goBuildID finds the build ID the Go linker writes near the start of the
// program: in an ELF note named "Go" of type 4 (Linux), or after
// \xff Go build ID: " at the start of the text (Windows, macOS).
func goBuildID(b []byte) string {
	const prefix = "\xff Go build ID: \""
	if i := bytes.Index(b, []byte(prefix)); i >= 0 {
		rest := b[i+len(prefix):]
		if j := bytes.Index(rest, []byte("\"\n \xff")); j > 0 {
			if id, err := strconv.Unquote(`"` + string(rest[:j]) + `"`); err == nil {
				return id
			}
		}
	}
	// namesz 4, descsz n, type 4, "Go\0\0", then n bytes of the ID.
	note := []byte("\x04\x00\x00\x00Go\x00\x00")
	for off := 0; ; {
		i := bytes.Index(b[off:], note)
		if i < 0 {
			return ""
		}
		i += off
		off = i + 1
		if i < 8 || !bytes.Equal(b[i-8:i-4], []byte{4, 0, 0, 0}) {
			continue
		}
		n := int(binary.LittleEndian.Uint32(b[i-4 : i]))
		if start := i + len(note); n > 0 && n < 1024 && start+n <= len(b) {
			return string(b[start : start+n])
		}
	}
}

// inputsKey hashes what a website-only build of dir into out depends on;
// "" when the project cannot be keyed (see buildRecord).
func inputsKey(dir, out string) string {
	id := selfID()
	if id == "" {
		return ""
	}
	absDir, err1 := filepath.Abs(dir)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return ""
	}
	h := sha256.New()
	rec := func(s string) { h.Write([]byte(strconv.Itoa(len(s)) + ":" + s)) }
	rec(recordFormat)
	rec(id)
	rec(string(msg.Current()))
	rec(absDir)
	files, total := 0, int64(0)
	err := hashTree(absDir, absOut, rec, &files, &total)
	if err == nil {
		err = hashChain(absDir, rec, &files, &total)
	}
	if err != nil {
		return ""
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// hashTree records the path, size and bytes of every file under absDir, the
// output folder absOut and .git left out; files and total count what was
// read, against maxInputFiles and maxInputBytes.
func hashTree(absDir, absOut string, rec func(string), files *int, total *int64) error {
	return filepath.WalkDir(absDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == absOut || e.IsDir() && e.Name() == ".git" && p != absDir ||
			strings.HasPrefix(e.Name(), "."+filepath.Base(absOut)+".renja-") && filepath.Dir(p) == filepath.Dir(absOut) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil // the output folder's lock, stage and old folders
		}
		rel, err := filepath.Rel(absDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case e.IsDir():
			rec("d " + rel)
			return nil
		case !e.Type().IsRegular():
			return fs.ErrInvalid // a link, a pipe, a device: no key
		}
		if *files++; *files > maxInputFiles {
			return fs.ErrInvalid
		}
		if fi, err := e.Info(); err != nil || *total+fi.Size() > maxInputBytes {
			return fs.ErrInvalid // too much to read before every build
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if *total += int64(len(b)); *total > maxInputBytes {
			return fs.ErrInvalid
		}
		rec("f " + rel)
		rec(string(b))
		return nil
	})
}

// hashChain records the documents renja.toml's [previous] and [renstra]
// name, which the carry rule reads: another folder's files as hashTree
// does, a git revision as the commit it resolves to (a moved branch is
// another key). A document that cannot be read is recorded as such: the
// finding that says so is the build's.
func hashChain(absDir string, rec func(string), files *int, total *int64) error {
	cfg, err := config.Load(absDir)
	if err != nil {
		return err // the build reports it
	}
	for _, s := range []config.Source{cfg.Previous, cfg.Renstra} {
		if s.Project == "" && s.Rev == "" {
			continue
		}
		at := s.Dir(absDir)
		rec("source " + s.Name())
		if s.Rev == "" {
			if err := hashTree(at, filepath.Join(at, "output"), rec, files, total); err != nil {
				rec("unreadable " + err.Error())
			}
			continue
		}
		repo, err := gitrev.Open(at)
		if err != nil {
			rec("unreadable " + err.Error())
			continue
		}
		c, err := repo.Resolve(s.Rev)
		if err != nil {
			rec("unreadable " + err.Error())
			continue
		}
		rec("commit " + c.Hash.String())
	}
	return nil
}

// reuse returns the last build's result when the build record says that this
// build would write what the output folder holds (see buildRecord).
func reuse(o Options, key string) (*Result, bool) {
	st, err := outdir.Open(o.Dir, o.Out)
	if err != nil {
		return nil, false // the build says why
	}
	defer st.Close()
	p := st.Current(buildRecord)
	if p == "" {
		return nil, false
	}
	b, err := os.ReadFile(p)
	var r record
	if err != nil || json.Unmarshal(b, &r) != nil || r.Key != key || r.PDF == "" || r.Outputs == nil {
		return nil, false
	}
	if fileExists(filepath.Join(o.Out, r.PDF)) != r.PDFLinked || !st.Intact(r.Outputs, buildRecord) {
		return nil, false
	}
	return &Result{Diagnostics: r.Diagnostics, Errors: r.Errors, Todos: r.Todos, Files: r.Files,
		Kept: len(r.Files), ContentHash: r.ContentHash, Unpublished: r.Unpublished, Reused: true}, true
}

// recordBuild has the build's commit write its record.
func recordBuild(st *outdir.Dir, key, pdf string, linked bool, res *Result) {
	st.Record(buildRecord, func(files []string, digests map[string]string) ([]byte, error) {
		return json.Marshal(record{Key: key, PDF: pdf, PDFLinked: linked, Diagnostics: res.Diagnostics,
			Errors: res.Errors, Todos: res.Todos, Files: files, ContentHash: res.ContentHash, Unpublished: res.Unpublished, Outputs: digests})
	})
}
