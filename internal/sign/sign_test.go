package sign

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"renja/internal/pdf"
	"renja/internal/sign/provenance"
	"renja/internal/sign/signtest"
	"renja/internal/testenv"
)

var (
	idOnce sync.Once
	testID *Identity
	idErr  error
)

// identity is one test certificate for the whole package: an RSA key takes
// a moment to make.
func identity(t *testing.T) *Identity {
	t.Helper()
	idOnce.Do(func() { testID, idErr = LoadPKCS12(signtest.P12(t), signtest.Password) })
	if idErr != nil {
		t.Fatal(idErr)
	}
	return testID
}

const hash = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func signed(t *testing.T, info map[string]string) (in, out []byte) {
	t.Helper()
	in = signtest.PDF("Rencana Kerja", info)
	out, warnings, err := Sign(in, identity(t), Options{Location: "Kalaena Kiri", Time: time.Now(), Block: NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	return in, out
}

func TestSignVerify(t *testing.T) {
	before := time.Now().Add(-time.Second)
	in, out := signed(t, map[string]string{"RenjaContentHash": hash})
	if !bytes.HasPrefix(out, in) {
		t.Error("the signed PDF does not start with the input's bytes: signing must only append")
	}
	rep, err := Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Intact() || rep.Problem() != "" {
		t.Fatalf("not intact: %s", rep.Problem())
	}
	if len(rep.Signatures) != 1 {
		t.Fatalf("%d signatures, want 1", len(rep.Signatures))
	}
	s := rep.Signatures[0]
	if s.Name != signtest.Name || s.Reason != Reason || s.Location != "Kalaena Kiri" || !s.Whole {
		t.Errorf("signature %+v", s)
	}
	if s.Time.Before(before) || s.Time.After(time.Now().Add(time.Second)) {
		t.Errorf("signing time %v is not now", s.Time)
	}
	if !strings.Contains(s.Subject, "CN="+signtest.Name) {
		t.Errorf("subject %q", s.Subject)
	}
	if s.Trusted {
		t.Error("a throw-away self-signed certificate is trusted")
	}
	if rep.Info.ContentHash != hash || rep.Info.Draft {
		t.Errorf("info %+v: the content hash must survive signing", rep.Info)
	}
}

func TestUnsigned(t *testing.T) {
	rep, err := Verify(signtest.PDF("x", nil))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Intact() || !strings.Contains(rep.Problem(), "is not signed") {
		t.Errorf("an unsigned PDF: intact %v, %q", rep.Intact(), rep.Problem())
	}
	info, err := ReadInfo(signtest.PDF("x", map[string]string{"RenjaDraft": "true", "RenjaContentHash": hash}))
	if err != nil {
		t.Fatal(err)
	}
	if !info.Draft || info.ContentHash != hash {
		t.Errorf("ReadInfo = %+v", info)
	}
}

// TestTamper changes one byte that the signature covers, and appends bytes
// after it.
func TestTamper(t *testing.T) {
	_, out := signed(t, map[string]string{"RenjaContentHash": hash})
	i := bytes.Index(out, []byte("(Rencana Kerja)"))
	if i < 0 {
		t.Fatal("the page's text is not in the PDF")
	}
	changed := bytes.Clone(out)
	changed[i+1] = 'r' // "rencana"
	rep, err := Verify(changed)
	if err == nil && rep.Intact() {
		t.Error("a PDF changed by one byte verifies as intact")
	} else if err == nil {
		t.Logf("changed: %s", rep.Problem())
	}

	// The content hash, changed: it is covered like every other byte.
	j := bytes.Index(out, []byte(hash))
	changed = bytes.Clone(out)
	changed[j+len(hash)-1] = 'e'
	if rep, err := Verify(changed); err == nil && rep.Intact() {
		t.Error("a PDF whose content hash was changed verifies as intact")
	}

	appended := append(bytes.Clone(out), "% after\n"...)
	rep, err = Verify(appended)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Intact() || !strings.Contains(rep.Problem(), "changed after it was signed") {
		t.Errorf("bytes appended: intact %v, %q", rep.Intact(), rep.Problem())
	}
	if !rep.Signatures[0].Intact || rep.Signatures[0].Whole {
		t.Errorf("bytes appended: the signature itself is intact but does not cover the file: %+v", rep.Signatures[0])
	}
}

// TestPdfsig asks poppler, an independent verifier.
func TestPdfsig(t *testing.T) {
	signtest.NeedPdfsig(t)
	_, out := signed(t, map[string]string{"RenjaContentHash": hash})
	dir := t.TempDir()
	good := filepath.Join(dir, "signed.pdf")
	if err := os.WriteFile(good, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := signtest.Pdfsig(t, good); !strings.Contains(r, signtest.Valid) || !strings.Contains(r, "Total document signed") {
		t.Errorf("pdfsig on the signed PDF:\n%s", r)
	}
	i := bytes.Index(out, []byte("(Rencana Kerja)"))
	bad := filepath.Join(dir, "changed.pdf")
	changed := bytes.Clone(out)
	changed[i+1] = 'r'
	if err := os.WriteFile(bad, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := signtest.Pdfsig(t, bad); strings.Contains(r, signtest.Valid) {
		t.Errorf("pdfsig finds the changed PDF valid:\n%s", r)
	}
}

// TestCountersign signs twice: the second signature approves, the first
// (certifying) one stays intact and covers the first revision.
func TestCountersign(t *testing.T) {
	_, once := signed(t, map[string]string{"RenjaContentHash": hash})
	twice, _, err := Sign(once, identity(t), Options{Location: "Malili"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Verify(twice)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Intact() || len(rep.Signatures) != 2 {
		t.Fatalf("intact %v (%s), %d signatures", rep.Intact(), rep.Problem(), len(rep.Signatures))
	}
	if rep.Signatures[0].Whole || !rep.Signatures[1].Whole {
		t.Errorf("the first signature covers the first revision, the second all: %+v", rep.Signatures)
	}
	t.Run("pdfsig", func(t *testing.T) {
		testenv.Tool(t, "pdfsig", "poppler-utils")
		file := filepath.Join(t.TempDir(), "twice.pdf")
		os.WriteFile(file, twice, 0o644)
		if r := signtest.Pdfsig(t, file); strings.Count(r, signtest.Valid) != 2 {
			t.Errorf("pdfsig on a PDF signed twice:\n%s", r)
		}
	})
}

func TestLoadPKCS12(t *testing.T) {
	p12 := signtest.P12(t)
	if _, err := LoadPKCS12(p12, "salah"); !errors.Is(err, errPassword) {
		t.Errorf("wrong password: %v, want ErrPassword", err)
	}
	if _, err := LoadPKCS12([]byte("not a p12"), ""); err == nil || errors.Is(err, errPassword) {
		t.Errorf("not a PKCS#12 file: %v", err)
	}
	id, err := LoadPKCS12(p12, signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	if id.Name() != signtest.Name {
		t.Errorf("Name = %q", id.Name())
	}
}

func TestNotPDF(t *testing.T) {
	if _, _, err := Sign([]byte("%PDF-1.7\nnothing else"), identity(t), Options{}); err == nil {
		t.Error("signed a broken PDF")
	}
	if _, err := Verify([]byte("hello")); err == nil {
		t.Error("verified a text file")
	}
	if _, err := ReadInfo(nil); err == nil {
		t.Error("read the information of an empty file")
	}
}

func TestSignedName(t *testing.T) {
	for in, want := range map[string]string{
		"output/renja-kalaena-2024.pdf": "output/renja-kalaena-2024-signed.pdf",
		"A.PDF":                         "A-signed.pdf",
		"renja":                         "renja-signed.pdf",
	} {
		if got := SignedName(in); got != want {
			t.Errorf("SignedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.pdf")
	for _, text := range []string{"first", "second"} {
		if err := WriteFileAtomic(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(file)
		if err != nil || string(b) != text {
			t.Errorf("read %q, %v; want %q", b, err, text)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such", "dir.pdf"), nil, 0o644); err == nil {
		t.Error("wrote into a folder that does not exist")
	}
}

// TestFinishCustomKeys: pdf.Finish writes the keys that renja build records
// and ReadInfo reads them back, also after signing.
func TestFinishCustomKeys(t *testing.T) {
	doc, err := pdf.Finish(signtest.PDF("x", nil), pdf.Meta{Title: "Renja", Custom: map[string]string{
		provenance.HashKey: hash, provenance.DraftKey: "true"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	info, err := ReadInfo(doc)
	if err != nil {
		t.Fatal(err)
	}
	if info.ContentHash != hash || !info.Draft || info.Title != "Renja" {
		t.Errorf("ReadInfo = %+v", info)
	}
	out, _, err := Sign(doc, identity(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := ReadInfo(out); info.ContentHash != hash || !info.Draft {
		t.Errorf("after signing, ReadInfo = %+v", info)
	}
	for _, key := range []string{"Title", "Renja Hash", "1x", ""} {
		if _, err := pdf.Finish(signtest.PDF("x", nil), pdf.Meta{Custom: map[string]string{key: "v"}}, nil); err == nil {
			t.Errorf("Finish took the custom key %q", key)
		}
	}
}
