package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"renja/internal/build"
	"renja/internal/pdf/pdftest"
	"renja/internal/sign"
	"renja/internal/sign/provenance"
	"renja/internal/sign/signtest"
)

// signRun runs one command line.
func signRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

// signProject writes testdata/sign_project.txtar, a tiny project without
// mistakes, into a new folder.
func signProject(t *testing.T) string {
	t.Helper()
	a, err := txtar.ParseFile("testdata/sign_project.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// signP12 writes a new test certificate and key as PKCS#12 and puts its
// password in the environment.
func signP12(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "camat.p12")
	if err := os.WriteFile(file, signtest.P12(t), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(passwordEnv, signtest.Password)
	return file
}

// finalPDF writes a PDF made by hand that records the project's current
// content hash, as renja build --final would, plus info, to dir/name.
func finalPDF(t *testing.T, dir, name string, info map[string]string) (file string, doc []byte) {
	t.Helper()
	h, err := provenance.ContentHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]string{provenance.HashKey: h}
	for k, v := range info {
		all[k] = v
	}
	file = filepath.Join(dir, name)
	doc = signtest.PDF("Renja", all)
	writeFile(t, file, doc)
	return file, doc
}

func writeFile(t *testing.T, file string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func wantIn(t *testing.T, what, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("%s lacks %q:\n%s", what, s, text)
		}
	}
}

// TestSignVerifyCommands signs a PDF made by hand that records the project's
// content hash, and verifies it against the project, a changed project and
// no project.
func TestSignVerifyCommands(t *testing.T) {
	dir := signProject(t)
	p12 := signP12(t)
	h, err := provenance.ContentHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "output", "renja.pdf")
	orig := signtest.PDF("Renja", map[string]string{provenance.HashKey: h})
	writeFile(t, in, orig)

	code, out, errs := signRun("sign", "--p12", p12, "--blok", "-", "-C", dir, in)
	if code != exitOK || errs != "" {
		t.Fatalf("sign: exit %d\n%s%s", code, out, errs)
	}
	signed := filepath.Join(dir, "signed", "renja-signed.pdf")
	wantIn(t, "sign's output", out, in+" signed by "+signtest.Name+" in Contoh", "wrote "+signed, "verifikasi.html")
	if b, _ := os.ReadFile(in); !bytes.Equal(b, orig) {
		t.Error("sign changed its input")
	}
	if ents, _ := os.ReadDir(filepath.Dir(signed)); len(ents) != 1 {
		t.Errorf("signed/ holds %v; want the signed PDF, no temporary file", ents)
	}

	code, out, errs = signRun("verify", "-C", dir, signed)
	if code != exitOK {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	wantIn(t, "verify's output", out, signed+": signature intact", "signer:         "+signtest.Name,
		"reason:         Penetapan Rencana Kerja", "place:          Contoh", "(the signer's clock)",
		"covers:         the whole file", "source digest:  "+h+" matches the sources in "+dir, "(self-signed); not trusted here",
		"format:         ETSI.CAdES.detached (PAdES B-B)", "certified:      yes, DocMDP P=2")

	// Flags after the file; no project (the package folder has no renja.toml).
	code, out, _ = signRun("verify", signed)
	if code != exitOK || !strings.Contains(out, "not compared: no renja.toml in .") {
		t.Errorf("verify without a project: exit %d\n%s", code, out)
	}
	if code, _, errs = signRun("verify", signed, "-C", filepath.Dir(dir)); code != exitUsage || !strings.Contains(errs, "no renja.toml") {
		t.Errorf("verify -C a folder without renja.toml: exit %d, %s", code, errs)
	}

	// The sources change: the PDF no longer matches them.
	csv := filepath.Join(dir, "data", "t41.csv")
	text, _ := os.ReadFile(csv)
	writeFile(t, csv, bytes.Replace(text, []byte("Koordinasi RKA"), []byte("Koordinasi RKA "), 1))
	code, out, _ = signRun("verify", "-C", dir, signed)
	if code != exitFail || !strings.Contains(out, "DOES NOT MATCH the sources in "+dir) {
		t.Errorf("verify after a source changed: exit %d\n%s", code, out)
	}
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, "--out", filepath.Join(dir, "stale.pdf"), in)
	if code != exitFail || !strings.Contains(errs, "was not made from the sources now in "+dir) || fileExists(filepath.Join(dir, "stale.pdf")) {
		t.Errorf("signing a PDF of other sources: exit %d, want 1, a refusal and no file:\n%s", code, errs)
	}
	writeFile(t, csv, text)

	// One byte changed in the signed PDF.
	b, _ := os.ReadFile(signed)
	i := bytes.Index(b, []byte("(Renja)"))
	b[i+1] = 'r'
	changed := filepath.Join(dir, "changed.pdf")
	writeFile(t, changed, b)
	code, out, _ = signRun("verify", "-C", dir, changed)
	if code != exitFail || !strings.Contains(out, "NOT INTACT: the signed bytes were changed") || strings.Contains(out, "matches the sources") {
		t.Errorf("verify of a changed PDF: exit %d\n%s", code, out)
	}

	// The unsigned input.
	code, out, _ = signRun("verify", "-C", dir, in)
	if code != exitFail || !strings.Contains(out, "NOT INTACT: this PDF is not signed") {
		t.Errorf("verify of an unsigned PDF: exit %d\n%s", code, out)
	}

	// A draft and a PDF without a content hash are refused; signed all the
	// same (by the library), verify fails them.
	draft, draftDoc := finalPDF(t, dir, "draft.pdf", map[string]string{provenance.DraftKey: "true"})
	code, _, errs = signRun("sign", "--p12", p12, "--location", "Malili", "--out", filepath.Join(dir, "draft-ttd.pdf"), "-C", dir, draft)
	if code != exitFail || !strings.Contains(errs, draft+" is a DRAFT") || fileExists(filepath.Join(dir, "draft-ttd.pdf")) {
		t.Errorf("signing a draft: exit %d, want 1 and a refusal:\n%s", code, errs)
	}
	id, err := sign.LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	signedDraft, _, err := sign.Sign(draftDoc, id, sign.Options{Location: "Malili", Block: sign.NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "draft-ttd.pdf"), signedDraft)
	code, out, _ = signRun("verify", "-C", dir, filepath.Join(dir, "draft-ttd.pdf"))
	if code != exitFail {
		t.Errorf("verify of a signed draft: exit %d, want 1\n%s", code, out)
	}
	wantIn(t, "verify's output for a draft", out, "place:          Malili", "draft:          YES")

	nohash := filepath.Join(dir, "other.pdf")
	writeFile(t, nohash, signtest.PDF("Renja", nil))
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, nohash)
	if code != exitFail || !strings.Contains(errs, "records no source digest") {
		t.Errorf("signing a PDF without a content hash: exit %d\n%s", code, errs)
	}
	signedNoHash, _, err := sign.Sign(signtest.PDF("Renja", nil), id, sign.Options{Block: sign.NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "other-signed.pdf"), signedNoHash)
	code, out, _ = signRun("verify", "-C", dir, filepath.Join(dir, "other-signed.pdf"))
	if code != exitFail || !strings.Contains(out, "source digest:  NOT RECORDED") {
		t.Errorf("verify of a PDF without a content hash in a project: exit %d\n%s", code, out)
	}
}

// TestSignOnlyTheSignatory: a certificate of another person, an expired
// one and one not yet valid are refused before signing, and nothing is
// written; verify fails a PDF signed by another person or with a
// certificate that was not valid when it signed.
func TestSignOnlyTheSignatory(t *testing.T) {
	dir := signProject(t)
	in, doc := finalPDF(t, dir, "renja.pdf", nil)
	now := time.Now()
	for _, c := range []struct {
		name        string
		from, until time.Time
		want        string
	}{
		{"ANDI BASO", now.Add(-time.Hour), now.AddDate(1, 0, 0), `the certificate is "ANDI BASO"'s, but renja.toml names "Drs. Nama Camat, M.Si."`},
		{signtest.Name, now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), "the certificate of " + signtest.Name + " expired on"},
		{signtest.Name, now.AddDate(0, 0, 1), now.AddDate(1, 0, 0), "the certificate of " + signtest.Name + " is not yet valid"},
	} {
		p12 := filepath.Join(t.TempDir(), "key.p12")
		writeFile(t, p12, signtest.P12For(t, c.name, c.from, c.until))
		t.Setenv(passwordEnv, signtest.Password)
		code, out, errs := signRun("sign", "--p12", p12, "-C", dir, in)
		if code != exitFail || !strings.Contains(errs, c.want) {
			t.Errorf("sign with %s's certificate valid %v–%v: exit %d, want 1 and %q\n%s%s", c.name, c.from, c.until, code, c.want, out, errs)
		}
		if ents, _ := os.ReadDir(filepath.Join(dir, sign.SignedFolder)); len(ents) > 0 {
			t.Errorf("a refused signing wrote %v", ents)
		}
	}

	// Signed anyway by the library: verify names what is wrong.
	other, err := sign.LoadPKCS12(signtest.P12For(t, "ANDI BASO", now.Add(-time.Hour), now.AddDate(1, 0, 0)), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := sign.Sign(doc, other, sign.Options{Block: sign.NoBlock})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "andi.pdf"), b)
	code, out, _ := signRun("verify", "-C", dir, filepath.Join(dir, "andi.pdf"))
	if code != exitFail || !strings.Contains(out, "NOT THE SIGNATORY: ANDI BASO signed") {
		t.Errorf("verify of another person's signature: exit %d, want 1\n%s", code, out)
	}

	// A certificate of 2020 whose signature was time-stamped now.
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	expired, err := sign.LoadPKCS12(signtest.P12For(t, signtest.Name, old, old.AddDate(1, 0, 0)), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err = sign.Sign(doc, expired, sign.Options{Block: sign.NoBlock, Time: old.AddDate(0, 6, 0), TSA: signtest.TSA(t, now, signtest.TSAGood)})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "expired.pdf"), b)
	code, out, _ = signRun("verify", "-C", dir, filepath.Join(dir, "expired.pdf"))
	if code != exitFail || !strings.Contains(out, "the certificate of "+signtest.Name+" was not valid when it signed") {
		t.Errorf("verify of a signature by an expired certificate: exit %d, want 1\n%s", code, out)
	}
}

func TestSignUsage(t *testing.T) {
	dir := signProject(t)
	p12 := signP12(t)
	in, _ := finalPDF(t, dir, "a.pdf", nil)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"sign", "-C", dir, in}, exitUsage, "needs --bsre URL (or [signing] bsre in renja.toml)"},
		{[]string{"sign", "--bsre", "https://x", "--nik", "7324012345678901", "-C", dir, in}, exitUsage, "there is no flag -nik"},
		{[]string{"sign", "--p12", p12, "--bsre", "https://x", "-C", dir, in}, exitUsage, "either --bsre or --p12"},
		{[]string{"sign", "--p12", p12, "-C", dir}, exitUsage, "needs one PDF, got 0"},
		{[]string{"sign", "--p12", p12, in, in}, exitUsage, "needs one PDF, got 2"},
		{[]string{"sign", "--p12", p12, in}, exitUsage, "no renja.toml in .: renja sign signs a project's final PDF"},
		{[]string{"sign", "--p12", p12, "--out", in, "-C", dir, in}, exitUsage, "renja sign never changes"},
		{[]string{"sign", "--p12", p12, "-C", dir, filepath.Join(dir, "none.pdf")}, exitUsage, "no such file"},
		{[]string{"sign", "--p12", filepath.Join(dir, "none.p12"), "--location", "X", "-C", dir, in}, exitUsage, "no such file"},
		{[]string{"sign", "--p12", p12, "--location", "X", "-C", dir, filepath.Join(dir, "renja.toml")}, exitUsage, "the PDF cannot be read"},
		{[]string{"sign", "--password", "x", "--p12", p12, in}, exitUsage, "there is no flag -password"},
		{[]string{"verify"}, exitUsage, "needs one PDF, got 0"},
		{[]string{"verify", filepath.Join(dir, "none.pdf")}, exitUsage, "no such file"},
	} {
		code, out, errs := signRun(c.args...)
		if code != c.code || !strings.Contains(out+errs, c.msg) {
			t.Errorf("renja %s: exit %d, want %d and %q:\n%s%s", strings.Join(c.args, " "), code, c.code, c.msg, out, errs)
		}
	}
	code, out, _ := signRun("verify", filepath.Join(dir, "renja.toml"))
	if code != exitFail || !strings.Contains(out, "NOT INTACT") {
		t.Errorf("verify of a file that is not a PDF: exit %d\n%s", code, out)
	}
}

// TestSignPassword: the password comes from the environment, else from the
// terminal, never from a flag.
func TestSignPassword(t *testing.T) {
	dir := signProject(t)
	p12 := signP12(t)
	os.Unsetenv(passwordEnv) // t.Setenv in signP12 restores it
	in, _ := finalPDF(t, dir, "a.pdf", nil)
	defer func(isTerm func() bool, read func(context.Context) ([]byte, error)) {
		stdinIsTerminal, readPassword = isTerm, read
	}(stdinIsTerminal, readPassword)

	stdinIsTerminal = func() bool { return false }
	code, _, errs := signRun("sign", "--p12", p12, "-C", dir, in)
	if code != exitUsage || !strings.Contains(errs, "set "+passwordEnv) {
		t.Errorf("no password and no terminal: exit %d\n%s", code, errs)
	}

	stdinIsTerminal = func() bool { return true }
	typed := signtest.Password
	readPassword = func(context.Context) ([]byte, error) { return []byte(typed), nil }
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, in)
	if code != exitOK || !strings.Contains(errs, "Password for "+p12+": ") {
		t.Errorf("password typed at the prompt: exit %d\n%s", code, errs)
	}
	typed = "salah"
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, "--out", filepath.Join(dir, "b.pdf"), in)
	if code != exitFail || !strings.Contains(errs, "wrong password for the PKCS#12 file") {
		t.Errorf("a wrong password: exit %d\n%s", code, errs)
	}
	readPassword = func(context.Context) ([]byte, error) { return nil, context.Canceled }
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, "--out", filepath.Join(dir, "b.pdf"), in)
	if code != exitUsage || !strings.Contains(errs, "reading the password") {
		t.Errorf("Ctrl-C at the prompt: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed signing wrote its output")
	}
}

// TestFinalRefused: the bundled Renja still has the seed's mistakes, so a
// final build is refused with the list of them, and nothing is written.
func TestFinalRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "output")
	code, stdout, stderr := signRun("build", "--final", "-o", out, "../..")
	if code != exitFail {
		t.Fatalf("build --final of the bundled Renja: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	errs := regexp.MustCompile(`(?m)^data/\S+:\d+:\d+: error \[`).FindAllString(stderr, -1)
	if len(errs) < 10 || !strings.Contains(stderr, "a final PDF is refused") {
		t.Errorf("want the list of errors and the refusal, got %d errors:\n%s", len(errs), stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused build wrote %s", out)
	}
}

// TestFinalSignedPDF prints a tiny project without mistakes with the real
// Chromium as a final PDF, signs it, and has poppler's pdfsig verify it
// before and after one byte of it changes; then prints it as a draft.
func TestFinalSignedPDF(t *testing.T) {
	browser := pdftest.Browser(t)
	signtest.NeedPdfsig(t)
	dir := signProject(t)
	p12 := signP12(t)
	ctx := context.Background()

	res, err := build.Build(ctx, build.Options{Dir: dir, Final: true, Browser: browser})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(res.PDF)
	if err != nil {
		t.Fatal(err)
	}
	info, err := sign.ReadInfo(doc)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := provenance.ContentHash(dir)
	if info.ContentHash != h || info.Draft {
		t.Errorf("the final PDF records %+v; want the content hash %s and no draft", info, h)
	}

	code, out, errs := signRun("sign", "--p12", p12, "-C", dir, res.PDF)
	if code != exitOK || errs != "" {
		t.Fatalf("sign: exit %d\n%s%s", code, out, errs)
	}
	signed := filepath.Join(dir, sign.SignedFolder, filepath.Base(sign.SignedName(res.PDF)))
	if r := signtest.Pdfsig(t, signed); !strings.Contains(r, signtest.Valid) || !strings.Contains(r, "Total document signed") {
		t.Errorf("pdfsig on the signed final PDF:\n%s", r)
	} else {
		t.Logf("pdfsig:\n%s", r)
	}
	code, out, _ = signRun("verify", "-C", dir, signed)
	if code != exitOK || !strings.Contains(out, "matches the sources") {
		t.Errorf("verify: exit %d\n%s", code, out)
	}

	// The next build publishes the signed PDF and lists it on the
	// verification page, where the QR code leads; verify --list finds it
	// there, and not the unsigned PDF.
	if res, err = build.Build(ctx, build.Options{Dir: dir, Final: true, Browser: browser}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "output", sign.VerificationPage)
	list, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	signedBytes, _ := os.ReadFile(signed)
	published, _ := os.ReadFile(filepath.Join(dir, "output", filepath.Base(signed)))
	if !bytes.Equal(signedBytes, published) {
		t.Error("the signed PDF is not published beside the website")
	}
	anchor := fmt.Sprintf(`id="sha256-%x"`, sha256.Sum256(doc))
	for _, want := range []string{anchor, fmt.Sprintf("%x", sha256.Sum256(signedBytes)), signtest.Name, "Penetapan Rencana Kerja", `href="` + filepath.Base(signed) + `"`} {
		if !strings.Contains(string(list), want) {
			t.Errorf("%s lacks %q", sign.VerificationPage, want)
		}
	}
	// The QR code of the signature leads to the row of the page as it was
	// rendered: its fragment is one of the page's row ids.
	blocks, err := sign.Blocks(doc)
	if err != nil || len(blocks) == 0 {
		t.Fatalf("signature blocks %v: %v", blocks, err)
	}
	last := blocks[len(blocks)-1]
	qr := signtest.ReadQR(t, signed, last.Page+1, last.Rect, 841.92, t.TempDir())
	site, fragment, _ := strings.Cut(qr, "#")
	if site != "https://kec-contoh.go.id/verifikasi.html" {
		t.Errorf("the QR code %q leads to %s, not to the verification page of the website in renja.toml", qr, site)
	}
	ids := regexp.MustCompile(`<tr id="([^"]+)"`).FindAllStringSubmatch(string(list), -1)
	if len(ids) != 1 || ids[0][1] != fragment {
		t.Errorf("the QR code %q leads to #%s; the rows of %s have the ids %q", qr, fragment, sign.VerificationPage, ids)
	}
	code, out, _ = signRun("verify", "--list", page, "-C", dir, signed)
	if code != exitOK || !strings.Contains(out, "listed:         yes") {
		t.Errorf("verify --list of the published PDF: exit %d\n%s", code, out)
	}
	code, out, _ = signRun("verify", "--list", page, "-C", dir, res.PDF)
	if code != exitFail || !strings.Contains(out, "listed:         NO") {
		t.Errorf("verify --list of a PDF that is not listed: exit %d\n%s", code, out)
	}

	// One byte of the signed content changed: a letter of the title.
	b, _ := os.ReadFile(signed)
	i := bytes.LastIndex(b, []byte("/Title(Rencana"))
	if i < 0 {
		t.Fatal("no /Title(Rencana… in the signed PDF")
	}
	b[i+len("/Title(")] = 'r'
	changed := filepath.Join(dir, "changed.pdf")
	writeFile(t, changed, b)
	if r := signtest.Pdfsig(t, changed); strings.Contains(r, signtest.Valid) {
		t.Errorf("pdfsig finds the changed PDF valid:\n%s", r)
	}
	if code, out, _ = signRun("verify", "-C", dir, changed); code != exitFail {
		t.Errorf("verify of the changed PDF: exit %d\n%s", code, out)
	}

	// A mistake makes a draft: it says so in its information, and signing it
	// is refused; a final build of it is refused.
	csv := filepath.Join(dir, "data", "t41.csv")
	text, _ := os.ReadFile(csv)
	writeFile(t, csv, bytes.Replace(text, []byte("Koordinasi RKA;8.000.000"), []byte("Koordinasi RKA;9.000.000"), 1))
	if _, err := build.Build(ctx, build.Options{Dir: dir, Final: true, Browser: browser}); !errors.Is(err, build.ErrFinal) {
		t.Fatalf("a final build with a mistake: %v, want ErrFinal", err)
	}
	res, err = build.Build(ctx, build.Options{Dir: dir, Browser: browser})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ = os.ReadFile(res.PDF)
	info, _ = sign.ReadInfo(doc)
	h2, _ := provenance.ContentHash(dir)
	if !info.Draft || info.ContentHash != h2 || h2 == h {
		t.Errorf("the draft records %+v; want draft and the new content hash %s", info, h2)
	}
	code, _, errs = signRun("sign", "--p12", p12, "-C", dir, "--out", filepath.Join(dir, "draft-signed.pdf"), res.PDF)
	if code != exitFail || !strings.Contains(errs, "is a DRAFT") || fileExists(filepath.Join(dir, "draft-signed.pdf")) {
		t.Errorf("signing a draft: exit %d, want 1 and a refusal\n%s", code, errs)
	}
}
