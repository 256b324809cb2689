package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"renja/internal/config"
	"renja/internal/msg"
	"renja/internal/sign"
	"renja/internal/sign/provenance"
)

// passwordEnv names the environment variable that holds the PKCS#12 password.
const passwordEnv = "RENJA_P12_PASSWORD"

// The terminal, replaceable in tests.
var (
	stdinIsTerminal = func() bool { return term.IsTerminal(int(os.Stdin.Fd())) }
	readPassword    = readTerminalPassword
)

// parseAll parses flags that may stand before or after the positional
// arguments (renja sign IN.pdf --p12 FILE) and returns the positional ones.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil // "--" ends the flags
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// signJob is what renja sign has checked before any signing request: the
// final PDF of the project's current sources, and the project's signatory.
type signJob struct {
	in, out  string
	doc      []byte
	location string
	approval sign.Approval
	nip      string
	address  string // of the verification page, in the QR code
	signing  config.Signing
}

func runSign(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sign", "sign (--bsre URL | --p12 FILE) [--out SIGNED.pdf] [--tsa URL] [--blok ID] [--location PLACE] [-C PROJECT] IN.pdf", stderr)
	p12 := fs.String("p12", "", msg.Sprintf("PKCS#12 file (.p12, .pfx) holding the signer's key and certificate, to sign without BSrE (tests, trials); its password from $%s or asked at the terminal", passwordEnv))
	out := fs.String("out", "", msg.Sprintf("the signed PDF (default: signed/IN-signed.pdf in the project, which renja build publishes with the website)"))
	location := fs.String("location", "", msg.Sprintf("place of signing (default: signatory.place in the project's renja.toml)"))
	dir := fs.String("C", ".", msg.Sprintf("project folder: the signatory, place, NIP and verification address from its renja.toml, and the check that the PDF is the final one of its current sources"))
	tsa := fs.String("tsa", "", msg.Sprintf("address of an RFC 3161 time-stamp authority (TSA): the signature gets a trusted time (PAdES B-T)"))
	var b bsreFlags
	b.register(fs, true)
	block := fs.String("blok", "", msg.Sprintf("the signature block that shows the signature: ttd-keputusan, ttd, ttd-2, … (default: the document's last block, the closing, for the first signature; none for further signatures); - for no appearance"))
	pos, err := parseAll(fs, args)
	if err != nil {
		return flagError(err)
	}
	switch {
	case len(pos) != 1:
		fs.Usage()
		return usagef("sign needs one PDF, got %d", len(pos))
	case *p12 != "" && flagSet(fs, "bsre"):
		return usagef("sign takes either --bsre or --p12, not both")
	}
	job, err := prepareSign(fs, pos[0], *out, *dir, *location)
	if err != nil {
		return err
	}
	if *p12 == "" {
		return signBSrE(ctx, job, &b, *block, stdout, stderr)
	}

	key, err := os.ReadFile(*p12)
	if err != nil {
		return usagef("%v", err)
	}
	password, err := p12Password(ctx, *p12, stderr)
	if err != nil {
		return usagef("%v", err)
	}
	id, err := sign.LoadPKCS12(key, password)
	if err != nil {
		return failf("%s: %v", *p12, err)
	}
	when := time.Now()
	if err := job.approval.CheckSigner(id.Cert, when); err != nil {
		return failf("%s: %v", *p12, err)
	}
	signed, warnings, err := sign.Sign(job.doc, id, sign.Options{Location: job.location, Time: when, TSA: *tsa, Block: *block,
		NIP: job.nip, Address: job.address, Context: ctx})
	for _, w := range warnings {
		msg.Fprintf(stderr, "renja: warning: %s\n", w)
	}
	if err != nil {
		return failf("%s: %v", job.in, err)
	}
	return job.write(stdout, signed, id.Name(), when)
}

// prepareSign reads the PDF and the project, and refuses what may not be
// signed: a PDF outside a project, a draft, one of other sources.
func prepareSign(fs *flag.FlagSet, in, out, dir, location string) (*signJob, error) {
	if !provenance.IsProject(dir) {
		return nil, usagef("no renja.toml in %s: renja sign signs a project's final PDF for the signatory that its renja.toml names; run it in the project folder or name it with -C FOLDER", dir)
	}
	if out == "" {
		out = filepath.Join(dir, sign.SignedFolder, filepath.Base(sign.SignedName(in)))
	}
	if same, err := sameFile(in, out); err != nil || same {
		if err == nil {
			err = msg.Errorf("that is the input file, which renja sign never changes")
		}
		return nil, usagef("cannot write the signed PDF to %s: %v", out, err)
	}
	doc, err := os.ReadFile(in)
	if err != nil {
		return nil, usagef("%v", err)
	}
	info, err := sign.ReadInfo(doc)
	if err != nil {
		return nil, usagef("%s: %v", in, err)
	}
	c, err := config.Load(dir)
	if err != nil {
		return nil, unreadable(err, "penanda tangan, tempat, NIP dan alamat verifikasi diambil dari renja.toml")
	}
	h, err := provenance.ContentHash(dir)
	if err != nil {
		return nil, usagef("%v", err)
	}
	job := &signJob{in: in, out: out, doc: doc, location: location, nip: c.Signatory.NIP, signing: c.Signing,
		address:  sign.VerificationAddress(c.Office.Website),
		approval: sign.Approval{Signatory: c.Signatory.Name, ContentHash: h, Dir: dir}}
	if !flagSet(fs, "location") {
		job.location = c.Signatory.Place
	}
	if err := job.approval.CheckDocument(in, info); err != nil {
		return nil, failf("%v", err)
	}
	return job, nil
}

// write writes the signed PDF atomically and says so.
func (j *signJob) write(stdout io.Writer, signed []byte, signer string, when time.Time) error {
	if err := os.MkdirAll(filepath.Dir(j.out), 0o755); err != nil {
		return failf("writing the signed PDF: %v", err)
	}
	if err := sign.WriteFileAtomic(j.out, signed, 0o644); err != nil {
		return failf("writing the signed PDF: %v", err)
	}
	place := ""
	if j.location != "" {
		place = msg.Sprintf(" in %s", j.location)
	}
	msg.Fprintf(stdout, "renja: %s signed by %s%s on %s (%s): wrote %s\n", j.in, signer, place, when.Format("2006-01-02 15:04:05 -07:00"), sign.Reason, j.out)
	msg.Fprintf(stdout, "renja: the next renja build publishes it with the website and lists it on %s\n", sign.VerificationPage)
	return nil
}

// sameFile reports whether a and b name the same file; b need not exist.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, nil // reading a reports it
	}
	fb, err := os.Stat(b)
	if err == nil {
		return os.SameFile(fa, fb), nil
	}
	if !os.IsNotExist(err) {
		return false, err
	}
	return false, nil
}

// p12Password is $RENJA_P12_PASSWORD when it is set, else what the user
// types at a prompt on the terminal.
func p12Password(ctx context.Context, file string, stderr io.Writer) (string, error) {
	return askSecret(ctx, passwordEnv, msg.Sprintf("Password for %s: ", file),
		msg.Sprintf("no password for %s: set %s, or run renja sign in a terminal to be asked", file, passwordEnv), stderr)
}

// askSecret is $env when it is set, else what the user types at prompt on
// the terminal, without echo; missing is the error without a terminal. A
// secret is never a flag: a flag's value is seen by every user of the
// machine and kept in the shell's history.
func askSecret(ctx context.Context, env, prompt, missing string, stderr io.Writer) (string, error) {
	if p, ok := os.LookupEnv(env); ok {
		return p, nil
	}
	if !stdinIsTerminal() {
		return "", errors.New(missing)
	}
	fmt.Fprint(stderr, prompt)
	p, err := readPassword(ctx)
	fmt.Fprintln(stderr)
	if err != nil {
		return "", msg.Errorf("reading the password: %w", err)
	}
	return string(p), nil
}

// readTerminalPassword reads a line from the terminal without echo. Ctrl-C
// (which cancels ctx) stops it and turns the echo back on.
func readTerminalPassword(ctx context.Context) ([]byte, error) {
	fd := int(os.Stdin.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return nil, err
	}
	type result struct {
		b   []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		ch <- result{b, err}
	}()
	select {
	case r := <-ch:
		return r.b, r.err
	case <-ctx.Done():
		term.Restore(fd, state)
		return nil, ctx.Err()
	}
}
