package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"renja/internal/config"
	"renja/internal/sign"
	"renja/internal/sign/provenance"
)

// PasswordEnv names the environment variable that holds the PKCS#12 password.
const PasswordEnv = "RENJA_P12_PASSWORD"

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

func runSign(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sign", "sign --p12 FILE [--out SIGNED.pdf] [--tsa URL] [--blok ID] [--location PLACE] [-C PROJECT] IN.pdf", stderr)
	p12 := fs.String("p12", "", "the PKCS#12 file (.p12, .pfx) with the signer's key and certificate; its password from $"+PasswordEnv+" or asked on the terminal")
	out := fs.String("out", "", "the signed PDF (default: IN-signed.pdf beside IN.pdf)")
	location := fs.String("location", "", "the place of signing (default: signatory.place of the project's renja.toml)")
	dir := fs.String("C", ".", "the project folder, for the place of signing and to check that the PDF was built from its sources")
	tsa := fs.String("tsa", "", "the address of an RFC 3161 time-stamp authority: the signature gets its trusted time (PAdES B-T)")
	block := fs.String("blok", "", "the signature block that shows the signature: ttd-keputusan, ttd, ttd-2, … (default: the document's last, the closing's, for the first signature; none for a countersignature); - for none")
	pos, err := parseAll(fs, args)
	if err != nil {
		return flagError(err)
	}
	switch {
	case len(pos) != 1:
		fs.Usage()
		return usagef("sign needs one PDF, got %d", len(pos))
	case *p12 == "":
		return usagef("sign needs --p12 FILE, the signer's key and certificate")
	}
	in := pos[0]
	if *out == "" {
		*out = sign.SignedName(in)
	}
	if same, err := sameFile(in, *out); err != nil || same {
		if err == nil {
			err = errors.New("it is the input, which renja sign never changes")
		}
		return usagef("cannot write the signed PDF to %s: %v", *out, err)
	}
	doc, err := os.ReadFile(in)
	if err != nil {
		return usagef("%v", err)
	}
	info, err := sign.ReadInfo(doc)
	if err != nil {
		return usagef("%s: %v", in, err)
	}

	// What the PDF says of its sources, and what the project here says.
	if info.Draft {
		fmt.Fprintf(stderr, "renja: warning: %s is a DRAFT: it was built while `renja check` reported errors; a final PDF comes from `renja build --final`\n", in)
	}
	if info.ContentHash == "" {
		fmt.Fprintf(stderr, "renja: warning: %s records no content hash (it was not made by renja build): nobody will be able to tell which sources made it\n", in)
	}
	isProject := provenance.IsProject(*dir)
	if !isProject && flagSet(fs, "C") {
		return usagef("no renja.toml in %s", *dir)
	}
	if isProject && info.ContentHash != "" {
		h, err := provenance.ContentHash(*dir)
		if err != nil {
			return usagef("%v", err)
		}
		if h != info.ContentHash {
			fmt.Fprintf(stderr, "renja: warning: %s was not built from the sources in %s as they are now (content hash %s, here %s)\n", in, *dir, info.ContentHash, h)
		}
	}
	var nip, address string
	if isProject {
		c, err := config.Load(*dir)
		if err != nil {
			return unreadable(err, "the place of signing, the NIP and the verification address come from renja.toml")
		}
		if !flagSet(fs, "location") {
			*location = c.Signatory.Place
		}
		nip = c.Signatory.NIP
		address = sign.VerificationAddress(c.Office.Website)
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
	signed, warnings, err := sign.Sign(doc, id, sign.Options{Location: *location, Time: when, TSA: *tsa, Block: *block,
		NIP: nip, Address: address, Context: ctx})
	for _, w := range warnings {
		fmt.Fprintf(stderr, "renja: warning: %s\n", w)
	}
	if err != nil {
		return failf("%s: %v", in, err)
	}
	if err := sign.WriteFileAtomic(*out, signed, 0o644); err != nil {
		return failf("writing the signed PDF: %v", err)
	}
	place := ""
	if *location != "" {
		place = " in " + *location
	}
	fmt.Fprintf(stdout, "renja: signed %s as %s%s on %s (%s): wrote %s\n", in, id.Name(), place, when.Format("2006-01-02 15:04:05 -07:00"), sign.Reason, *out)
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
// types at a prompt on the terminal. It is never a flag: a flag's value is
// seen by every user of the machine and kept in the shell's history.
func p12Password(ctx context.Context, file string, stderr io.Writer) (string, error) {
	if p, ok := os.LookupEnv(PasswordEnv); ok {
		return p, nil
	}
	if !stdinIsTerminal() {
		return "", fmt.Errorf("no password for %s: set %s, or run renja sign on a terminal to be asked", file, PasswordEnv)
	}
	fmt.Fprintf(stderr, "Password for %s: ", file)
	p, err := readPassword(ctx)
	fmt.Fprintln(stderr)
	if err != nil {
		return "", fmt.Errorf("reading the password: %w", err)
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

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", "verify [-C PROJECT] FILE.pdf", stderr)
	dir := fs.String("C", ".", "the project whose sources the PDF should have been built from")
	pos, err := parseAll(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("verify needs one PDF, got %d", len(pos))
	}
	file := pos[0]
	isProject := provenance.IsProject(*dir)
	if !isProject && flagSet(fs, "C") {
		return usagef("no renja.toml in %s", *dir)
	}
	// Reading and verifying run aside, so that Ctrl-C or SIGTERM (which
	// cancel ctx) end verify at once, even while it waits for a slow file.
	type result struct {
		rep     *sign.Report
		err     error
		readErr error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := os.ReadFile(file)
		if err != nil {
			done <- result{readErr: err}
			return
		}
		rep, err := sign.VerifyContext(ctx, doc)
		done <- result{rep: rep, err: err}
	}()
	var r result
	select {
	case <-ctx.Done():
		return failf("interrupted")
	case r = <-done:
	}
	if r.readErr != nil {
		return usagef("%v", r.readErr)
	}
	rep, err := r.rep, r.err
	if err != nil && ctx.Err() != nil {
		return failf("interrupted")
	}
	if err != nil {
		fmt.Fprintf(stdout, "%s: NOT INTACT: %v\n", file, err)
		return errReported
	}
	ok := rep.Intact()
	if ok {
		fmt.Fprintf(stdout, "%s: the signature is intact\n", file)
	} else {
		fmt.Fprintf(stdout, "%s: NOT INTACT: %s\n", file, rep.Problem())
	}
	for i, s := range rep.Signatures {
		if len(rep.Signatures) > 1 {
			fmt.Fprintf(stdout, "signature %d of %d:\n", i+1, len(rep.Signatures))
		}
		printSignature(stdout, s, i == len(rep.Signatures)-1)
	}

	if rep.Info.Draft {
		fmt.Fprintf(stdout, "draft:        yes: built while `renja check` reported errors\n")
	}
	if !ok && len(rep.Signatures) > 0 {
		fmt.Fprintf(stdout, "content hash: not to be trusted: no intact signature covers it\n")
		return errReported
	}
	switch h := rep.Info.ContentHash; {
	case !isProject:
		if h == "" {
			h = "none recorded"
		}
		fmt.Fprintf(stdout, "content hash: %s (not compared: no renja.toml in %s; name the project with -C DIR)\n", h, *dir)
	case h == "":
		fmt.Fprintf(stdout, "content hash: NONE recorded, so it cannot be matched to the sources in %s\n", *dir)
		ok = false
	default:
		here, err := provenance.ContentHash(*dir)
		if err != nil {
			return usagef("%v", err)
		}
		if here == h {
			fmt.Fprintf(stdout, "content hash: %s matches the sources in %s\n", h, *dir)
		} else {
			fmt.Fprintf(stdout, "content hash: %s DOES NOT MATCH the sources in %s (%s): it was built from other sources\n", h, *dir, here)
			ok = false
		}
	}
	if !ok {
		return errReported
	}
	return nil
}

func printSignature(w io.Writer, s sign.Signature, last bool) {
	state := "intact"
	if !s.Intact {
		state = "BROKEN: " + s.Problem
	}
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-13s %s\n", k+":", v)
		}
	}
	row("signature", state)
	row("signed by", s.Name)
	cert := s.Subject
	if s.Issuer != "" && s.Issuer != s.Subject {
		cert += ", issued by " + s.Issuer
	} else if s.Issuer != "" {
		cert += " (self-signed)"
	}
	if s.Trusted {
		cert += "; trusted here"
	} else if s.TrustProblem != "" && s.Intact {
		cert += "; not trusted here: " + s.TrustProblem
	}
	row("certificate", cert)
	if !s.Time.IsZero() {
		row("time", s.Time.Format("2006-01-02 15:04:05 -07:00")+" (the signer's clock)")
	}
	if !s.TimeStamp.IsZero() {
		row("time-stamp", s.TimeStamp.UTC().Format("2006-01-02 15:04:05 UTC")+" by "+s.TimeStampBy+" (RFC 3161)")
	}
	format := s.SubFilter
	if format == "ETSI.CAdES.detached" {
		format += " (PAdES B-B)"
		if !s.TimeStamp.IsZero() {
			format = "ETSI.CAdES.detached (PAdES B-T)"
		}
	}
	row("format", format)
	row("reason", s.Reason)
	row("location", s.Location)
	switch {
	case !s.Intact:
	case s.Whole:
		row("covers", "the whole file")
	case !last:
		row("covers", "an earlier revision of the file")
	default:
		row("covers", "NOT the whole file: bytes were added after it was signed")
	}
}
