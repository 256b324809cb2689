package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"renja/internal/build"
	"renja/internal/pdf/pdftest"
	"renja/internal/sign"
	"renja/internal/sign/bsretest"
	"renja/internal/sign/signtest"
)

// Secrets of the BSrE tests: each must appear in no output and no file.
const (
	testNIK        = "7324012345678901"
	testPassphrase = "frasa-rahasia-camat-77"
)

// bsreSetup starts the stand-in BSrE with the signatory's NIK, and puts
// the client credentials and the passphrase in the environment.
func bsreSetup(t *testing.T) *bsretest.Server {
	t.Helper()
	srv := bsretest.New(t)
	now := time.Now()
	srv.Add(testNIK, &bsretest.User{Status: "ISSUE", Passphrase: testPassphrase, Chain: signtest.NewChain(t, signtest.Name, now.Add(-time.Hour), now.AddDate(1, 0, 0))})
	t.Setenv(bsreUserEnv, bsretest.ClientUser)
	t.Setenv(bsrePasswordEnv, bsretest.ClientPassword)
	t.Setenv(bsrePassphraseEnv, testPassphrase)
	t.Setenv(bsreNIKEnv, testNIK)
	return srv
}

// noSecrets fails when a secret appears in texts or in a file under dir.
func noSecrets(t *testing.T, dir string, texts ...string) {
	t.Helper()
	secrets := []string{testNIK, testPassphrase, bsretest.ClientPassword}
	for _, text := range texts {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("a secret (%.4s…) appears in the output:\n%s", s, text)
			}
		}
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) || bytes.Contains(b, []byte(base64.StdEncoding.EncodeToString([]byte(s)))) {
				t.Errorf("a secret (%.4s…) is written in %s", s, path)
			}
		}
		return nil
	})
}

// TestBSrEFailures: every answer of BSrE in the officer's words, with no
// file written; what renja refuses itself (another person's certificate,
// a draft, plain HTTP elsewhere) sends no signing request; a server that
// never answers gets one request and a clear end within the time limit.
func TestBSrEFailures(t *testing.T) {
	dir := signProject(t)
	in, _ := finalPDF(t, dir, "renja.pdf", nil)
	draft, _ := finalPDF(t, dir, "draft.pdf", map[string]string{"RenjaDraft": "true"})
	var outputs []string
	for _, c := range []struct {
		name  string
		setup func(*bsretest.Server)
		args  []string
		code  int
		want  string
		signs int // signing requests that reach the server
	}{
		{"wrong client password", func(*bsretest.Server) { t.Setenv(bsrePasswordEnv, "salah") }, nil, exitFail, "refused the client application's user and password (HTTP 401)", 0},
		{"no client credentials", func(*bsretest.Server) { t.Setenv(bsreUserEnv, "") }, nil, exitUsage, "set RENJA_BSRE_USER and RENJA_BSRE_PASSWORD", 0},
		{"not registered", func(s *bsretest.Server) { s.Add(testNIK, &bsretest.User{Status: "NOT_REGISTERED"}) }, nil, exitFail, "this NIK is not registered with BSrE (NOT_REGISTERED)", 0},
		{"no certificate", func(s *bsretest.Server) { s.Add(testNIK, &bsretest.User{Status: "NO_CERTIFICATE"}) }, nil, exitFail, "registered with BSrE but has no certificate (NO_CERTIFICATE)", 0},
		{"another person's certificate", func(s *bsretest.Server) {
			s.Add(testNIK, &bsretest.User{Status: "ISSUE", Passphrase: testPassphrase, Chain: signtest.NewChain(t, "ANDI BASO", time.Now().Add(-time.Hour), time.Now().AddDate(1, 0, 0))})
		}, nil, exitFail, `the certificate is "ANDI BASO"'s, but renja.toml names "Drs. Nama Camat, M.Si."`, 0},
		{"expired certificate", func(s *bsretest.Server) {
			s.Add(testNIK, &bsretest.User{Status: "ISSUE", Passphrase: testPassphrase, Chain: signtest.NewChain(t, signtest.Name, time.Now().AddDate(-2, 0, 0), time.Now().AddDate(-1, 0, 0))})
		}, nil, exitFail, "the certificate of " + signtest.Name + " expired on", 0},
		{"wrong passphrase", func(*bsretest.Server) { t.Setenv(bsrePassphraseEnv, "bukan-frasa") }, nil, exitFail, "BSrE refused the passphrase or the one-time code (Passphrase anda salah): nothing was signed", 1},
		{"broken PDF", func(s *bsretest.Server) { s.Broken = true }, nil, exitFail, "could not process the PDF (HTTP 500", 1},
		{"a draft", nil, []string{draft}, exitFail, "draft.pdf is a DRAFT", 0},
		{"no answer", func(s *bsretest.Server) { s.Hang = true }, []string{"--timeout", "1s", in}, exitFail, "whether the PDF was signed is UNKNOWN, and renja does not send it again", 1},
		{"plain HTTP elsewhere", nil, []string{"--bsre", "http://esign.example.invalid", in}, exitUsage, "plain HTTP to esign.example.invalid is refused", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := bsreSetup(t)
			if c.setup != nil {
				c.setup(srv)
			}
			args := []string{"sign", "--bsre", srv.URL, "--blok", "-", "-C", dir}
			if c.args == nil {
				c.args = []string{in}
			}
			start := time.Now()
			code, out, errs := signRun(append(args, c.args...)...)
			took := time.Since(start)
			outputs = append(outputs, out, errs)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, want %d and %q:\n%s%s", code, c.code, c.want, out, errs)
			}
			if n := srv.Requests("sign/pdf"); n != c.signs {
				t.Errorf("%d signing requests, want %d", n, c.signs)
			}
			if c.name == "no answer" && took > 20*time.Second {
				t.Errorf("a server that never answers held renja sign for %v with --timeout 1s", took)
			}
			if ents, _ := os.ReadDir(filepath.Join(dir, sign.SignedFolder)); len(ents) > 0 {
				t.Errorf("a failed signing wrote %v", ents)
			}
			for _, b := range srv.Bodies() {
				if c.signs == 0 && bytes.Contains(b, []byte(testPassphrase)) {
					t.Error("the passphrase was sent although no signing request should be")
				}
			}
		})
	}
	noSecrets(t, dir, outputs...)
}

// TestBSrESignedFinal prints a final Renja with the real Chromium, signs it
// through the stand-in BSrE, and checks what was sent and what came back:
// one visible signature inside the closing's signature block with a QR
// code to the verification page's row, a PDF that poppler's pdfsig
// accepts, renja verify --bsre reporting BSrE's conclusion, and no secret
// anywhere.
func TestBSrESignedFinal(t *testing.T) {
	browser := pdftest.Browser(t)
	signtest.NeedPdfsig(t)
	dir := signProject(t)
	res, err := build.Build(context.Background(), build.Options{Dir: dir, Final: true, Browser: browser})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := os.ReadFile(res.PDF)
	srv := bsreSetup(t)
	code, out, errs := signRun("sign", "--bsre", srv.URL, "-C", dir, res.PDF)
	if code != exitOK {
		t.Fatalf("sign --bsre: exit %d\n%s%s", code, out, errs)
	}
	outputs := []string{out, errs}
	signed := filepath.Join(dir, sign.SignedFolder, filepath.Base(sign.SignedName(res.PDF)))
	wantIn(t, "sign's output", out, "signed by "+signtest.Name, "wrote "+signed)
	if r := signtest.Pdfsig(t, signed); !strings.Contains(r, signtest.Valid) || !strings.Contains(r, "Total document signed") {
		t.Errorf("pdfsig on the PDF signed through BSrE:\n%s", r)
	}
	if n := srv.Requests("sign/pdf"); n != 1 {
		t.Errorf("%d signing requests, want 1", n)
	}

	// The request: a visible signature inside the closing's block.
	props := srv.Signed()
	blocks, err := sign.Blocks(doc)
	if err != nil || len(props) != 1 || len(blocks) == 0 {
		t.Fatalf("sent %+v; blocks %v %v", props, blocks, err)
	}
	p, b := props[0], blocks[len(blocks)-1]
	if p.Tampilan != "VISIBLE" || p.Page != b.Page+1 || p.Reason != sign.Reason || p.Location != "Contoh" {
		t.Errorf("sent %s on page %d (%q, %q); want VISIBLE on page %d", p.Tampilan, p.Page, p.Reason, p.Location, b.Page+1)
	}
	// (0,0) at the top left: the box's top is the block's top counted from
	// the page's top edge.
	wantY := b.PageHeight - b.Rect[3]
	if abs(p.OriginX-b.Rect[0]) > 0.01 || abs(p.OriginY-wantY) > 0.01 || abs(p.Width-(b.Rect[2]-b.Rect[0])) > 0.01 || abs(p.Height-(b.Rect[3]-b.Rect[1])) > 0.01 {
		t.Errorf("sent the box %v,%v %v×%v; the block is %v on a page %v high", p.OriginX, p.OriginY, p.Width, p.Height, b.Rect, b.PageHeight)
	}
	if p.OriginX < 0 || p.OriginY < 0 || p.OriginX+p.Width > 612 || p.OriginY+p.Height > b.PageHeight {
		t.Errorf("the box %v,%v %v×%v is not inside the page", p.OriginX, p.OriginY, p.Width, p.Height)
	}
	png, err := base64.StdEncoding.DecodeString(p.ImageBase64)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("https://kec-contoh.go.id/verifikasi.html#sha256-%x", sha256.Sum256(doc))
	if got := signtest.DecodeQR(t, png); got != want {
		t.Errorf("the appearance's QR code reads %q, want %q", got, want)
	}
	if d := os.Getenv("RENJA_SIGN_IMAGES"); d != "" { // to look at the page, as TestVisibleSignature
		b, _ := os.ReadFile(signed)
		os.WriteFile(filepath.Join(d, "bsre-signed.pdf"), b, 0o644)
	}
	// The stand-in drew it in the block: the signed page shows the code.
	if got := signtest.ReadQR(t, signed, b.Page+1, b.Rect, b.PageHeight, t.TempDir()); got != want {
		t.Errorf("the signed page's QR code reads %q, want %q", got, want)
	}

	// renja verify --bsre adds BSrE's conclusion to renja's own checks.
	code, out, errs = signRun("verify", "--bsre", srv.URL, "-C", dir, signed)
	outputs = append(outputs, out, errs)
	if code != exitOK {
		t.Errorf("verify --bsre: exit %d\n%s%s", code, out, errs)
	}
	wantIn(t, "verify --bsre", out, "BSrE:           VALID", "BSrE signer:    "+signtest.Name+": intact, certificate trusted by BSrE, PAdES-BASELINE-T", "timestampName")

	// The next build publishes the signed PDF as the website's download,
	// says who signed it and links the verification page, which lists it.
	if res, err = build.Build(context.Background(), build.Options{Dir: dir, Final: true, Browser: browser}); err != nil {
		t.Fatal(err)
	}
	if len(res.Unpublished) > 0 {
		t.Errorf("unpublished: %q", res.Unpublished)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "output", "index.html"))
	name := filepath.Base(signed)
	wantIn(t, "index.html", string(index), `<a href="`+name+`" type="application/pdf">Unduh PDF bertanda tangan elektronik</a>`,
		"Ditandatangani secara elektronik oleh "+signtest.Name, `<a href="verifikasi.html#sha256-`, `<a href="verifikasi.html">Verifikasi dokumen`)
	if strings.Contains(string(index), `<a href="`+filepath.Base(res.PDF)+`" type="application/pdf">`) {
		t.Error("index.html still offers the unsigned PDF as its download")
	}
	page, _ := os.ReadFile(filepath.Join(dir, "output", sign.VerificationPage))
	published, _ := os.ReadFile(filepath.Join(dir, "output", name))
	if signedBytes, _ := os.ReadFile(signed); !bytes.Equal(published, signedBytes) || !strings.Contains(string(page), `<a href="`+name+`">`) {
		t.Errorf("the signed PDF is not published and listed")
	}
	// The row's id is the QR code's fragment.
	if row := fmt.Sprintf(`<tr id="sha256-%x">`, sha256.Sum256(doc)); !strings.Contains(string(page), row) {
		t.Errorf("%s has no row %s, where the QR code leads", sign.VerificationPage, row)
	}

	// The sources change: the signed PDF is of older sources. It is not
	// published, the build says so, and the download is the new PDF.
	toml := filepath.Join(dir, "renja.toml")
	text, _ := os.ReadFile(toml)
	writeFile(t, toml, bytes.Replace(text, []byte(`place = "Contoh"`), []byte(`place = "Contoh Kiri"`), 1))
	if res, err = build.Build(context.Background(), build.Options{Dir: dir, NoPDF: true}); err != nil {
		t.Fatal(err)
	}
	if len(res.Unpublished) != 1 || !strings.Contains(res.Unpublished[0], "signed/"+name+" is not published with the website: it was made from other sources") {
		t.Errorf("unpublished after a source changed: %q", res.Unpublished)
	}
	index, _ = os.ReadFile(filepath.Join(dir, "output", "index.html"))
	page, _ = os.ReadFile(filepath.Join(dir, "output", sign.VerificationPage))
	if strings.Contains(string(index), "Unduh PDF bertanda tangan") || strings.Contains(string(page), name) || fileExists(filepath.Join(dir, "output", name)) {
		t.Error("a signed PDF of older sources is still published")
	}
	noSecrets(t, dir, outputs...)
}

func abs(f float64) float64 { return math.Abs(f) }

// TestBSrEOneTimeCode: --totp sends the BeSign app's code instead of the
// passphrase, which is then neither asked nor sent; --blok - signs
// invisibly.
func TestBSrEOneTimeCode(t *testing.T) {
	dir := signProject(t)
	in, _ := finalPDF(t, dir, "renja.pdf", nil)
	srv := bsreSetup(t)
	os.Unsetenv(bsrePassphraseEnv) // bsreSetup's t.Setenv restores it
	defer func(isTerm func() bool) { stdinIsTerminal = isTerm }(stdinIsTerminal)
	stdinIsTerminal = func() bool { t.Error("the passphrase was asked although --totp was given"); return false }
	t.Setenv(bsreNIKEnv, testNIK)
	code, out, errs := signRun("sign", "--bsre", srv.URL, "--totp", "123456", "--blok", "-", "-C", dir, in)
	if code != exitOK || !fileExists(filepath.Join(dir, sign.SignedFolder, "renja-signed.pdf")) {
		t.Fatalf("sign --totp: exit %d\n%s%s", code, out, errs)
	}
	bodies := srv.Bodies()
	last := bodies[len(bodies)-1]
	if !bytes.Contains(last, []byte(`"totp":"123456"`)) || bytes.Contains(last, []byte(`"passphrase"`)) || !bytes.Contains(last, []byte(`"tampilan":"INVISIBLE"`)) {
		t.Errorf("the signing request: %.300s", last)
	}
	noSecrets(t, dir, out, errs)
}

// TestVerifyBSrENoAnswer: verify --bsre against a server that never answers
// ends within its time limit, says so, and fails.
func TestVerifyBSrENoAnswer(t *testing.T) {
	dir := signProject(t)
	in, _ := finalPDF(t, dir, "renja.pdf", nil)
	srv := bsreSetup(t)
	srv.Hang = true
	start := time.Now()
	code, out, errs := signRun("verify", "--bsre", srv.URL, "--timeout", "1s", "-C", dir, in)
	if code != exitFail || !strings.Contains(out, "BSrE:           NOT ASKED: no answer from BSrE's eSign Client") || time.Since(start) > 20*time.Second {
		t.Errorf("verify --bsre without an answer: exit %d after %v\n%s%s", code, time.Since(start), out, errs)
	}
	if n := srv.Requests("verify/pdf"); n != 1 {
		t.Errorf("%d verification requests, want 1", n)
	}
}
