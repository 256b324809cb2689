package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"renja/internal/config"

	"renja/internal/msg"
	"renja/internal/sign"
	"renja/internal/sign/provenance"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", "verify [-C PROJECT] [--list verifikasi.html] [--bsre URL] FILE.pdf", stderr)
	dir := fs.String("C", ".", msg.Sprintf("the project whose sources should have made this PDF"))
	list := fs.String("list", "", msg.Sprintf("the website's verification page (%s, saved as a file): the PDF must be listed there", sign.VerificationPage))
	var b bsreFlags
	b.register(fs, false)
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
	var listed map[string]bool
	if *list != "" {
		page, err := os.ReadFile(*list)
		if err != nil {
			return usagef("%v", err)
		}
		listed = sign.ReadList(page)
	}

	// Reading and verifying run aside, so that Ctrl-C or SIGTERM (which
	// cancel ctx) end verify at once, even while it waits for a slow file.
	type result struct {
		doc     []byte
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
		done <- result{doc: doc, rep: rep, err: err}
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
	if r.err != nil && ctx.Err() != nil {
		return failf("interrupted")
	}
	if r.err != nil {
		msg.Fprintf(stdout, "%s: NOT INTACT: %v\n", file, r.err)
		return errReported
	}
	expect, err := verifyExpect(*dir, isProject, listed)
	if err != nil {
		return err
	}
	v := sign.Judge(r.doc, r.rep, expect)
	var remoteErr error
	if *b.url != "" {
		c, err := b.client(*b.url, stderr)
		if err != nil {
			return err
		}
		v.Remote, remoteErr = c.Verify(ctx, r.doc)
	}
	printVerdict(stdout, file, *list, *dir, v)
	if remoteErr != nil {
		row(stdout, msg.Text("BSrE"), msg.Sprintf("NOT ASKED: %v", remoteErr))
	}
	if !v.OK() || remoteErr != nil {
		return errReported
	}
	return nil
}

// verifyExpect is what verify compares the PDF with: the project's
// signatory and sources, and the verification page's list.
func verifyExpect(dir string, isProject bool, listed map[string]bool) (sign.Expect, error) {
	e := sign.Expect{Project: isProject, Listed: listed}
	if !isProject {
		return e, nil
	}
	c, err := config.Load(dir)
	if err != nil {
		return e, unreadable(err, "nama penanda tangan diambil dari renja.toml")
	}
	e.Signatory = c.Signatory.Name
	if e.ContentHash, err = provenance.ContentHash(dir); err != nil {
		return e, usagef("%v", err)
	}
	return e, nil
}

// printVerdict prints verify's report of v.
func printVerdict(stdout io.Writer, file, list, dir string, v *sign.Verdict) {
	rep := v.Report
	if rep.Intact() {
		msg.Fprintf(stdout, "%s: signature intact\n", file)
	} else {
		msg.Fprintf(stdout, "%s: NOT INTACT: %s\n", file, rep.Problem())
	}
	for i, s := range rep.Signatures {
		if len(rep.Signatures) > 1 {
			msg.Fprintf(stdout, "signature %d of %d:\n", i+1, len(rep.Signatures))
		}
		printSignature(stdout, s, i == len(rep.Signatures)-1)
	}
	if rep.Certified > 0 {
		certified := msg.Sprintf("yes, DocMDP P=%d", rep.Certified)
		if len(rep.Changes) > 0 {
			certified += msg.Sprintf("; CHANGES NOT PERMITTED: ") + strings.Join(rep.Changes, "; ")
		}
		row(stdout, msg.Text("certified"), certified)
	}
	if rep.Info.Draft {
		row(stdout, msg.Text("draft"), msg.Sprintf("YES: made while `renja check` reported errors; a draft is not the adopted Renja"))
	}
	for _, name := range v.OtherSigners {
		row(stdout, msg.Text("signatory"), msg.Sprintf("NOT THE SIGNATORY: %s signed, but renja.toml in %s names another signatory", name, dir))
	}
	for _, p := range v.Invalid {
		row(stdout, msg.Text("validity"), p)
	}
	h := sign.Hex(v.SHA256)
	switch v.Listed {
	case sign.ListYes:
		row(stdout, msg.Text("listed"), msg.Sprintf("yes: SHA-256 %s is listed in %s", h, list))
	case sign.ListNo:
		row(stdout, msg.Text("listed"), msg.Sprintf("NO: SHA-256 %s is not listed in %s (%d files listed)", h, list, v.ListedCount))
	}
	if v.Remote != nil {
		printRemote(stdout, v.Remote)
	}
	switch digest := rep.Info.ContentHash; v.Sources {
	case sign.SourcesUntrusted:
		row(stdout, msg.Text("source digest"), msg.Sprintf("cannot be trusted: no intact signature covers it"))
	case sign.SourcesNotCompared:
		if digest == "" {
			digest = msg.Sprintf("not recorded")
		}
		row(stdout, msg.Text("source digest"), msg.Sprintf("%s (not compared: no renja.toml in %s; name the project with -C FOLDER)", digest, dir))
	case sign.SourcesNotRecorded:
		row(stdout, msg.Text("source digest"), msg.Sprintf("NOT RECORDED, so it cannot be matched with the sources in %s", dir))
	case sign.SourcesMatch:
		row(stdout, msg.Text("source digest"), msg.Sprintf("%s matches the sources in %s", digest, dir))
	case sign.SourcesDiffer:
		row(stdout, msg.Text("source digest"), msg.Sprintf("%s DOES NOT MATCH the sources in %s (%s): made from other sources", digest, dir, v.Here))
	}
}

// printRemote prints BSrE's conclusion, in BSrE's words.
func printRemote(w io.Writer, r *sign.RemoteReport) {
	verdict := r.Conclusion
	if r.Description != "" {
		verdict += " (" + r.Description + ")"
	}
	row(w, msg.Text("BSrE"), verdict)
	for _, s := range r.Signatures {
		trust := msg.Sprintf("certificate trusted by BSrE")
		if !s.Trusted {
			trust = msg.Sprintf("certificate NOT trusted by BSrE")
		}
		integrity := msg.Sprintf("intact")
		if !s.Integrity {
			integrity = msg.Sprintf("NOT INTACT")
		}
		stamp := s.TimeStamp
		if stamp == "" {
			stamp = msg.Sprintf("no time stamp")
		}
		row(w, msg.Text("BSrE signer"), fmt.Sprintf("%s: %s, %s, %s, %s, %s", s.Signer, integrity, trust, s.Format, s.Date, stamp))
	}
}

// row prints one line of verify's report: a label and its value.
func row(w io.Writer, k, v string) {
	if v != "" {
		fmt.Fprintf(w, "%-15s %s\n", k+":", v)
	}
}

func printSignature(w io.Writer, s sign.Signature, last bool) {
	state := msg.Sprintf("intact")
	if !s.Intact {
		state = msg.Sprintf("BROKEN: %s", s.Problem)
	}
	row(w, msg.Text("signature"), state)
	row(w, msg.Text("signer"), s.Name)
	cert := s.Subject
	if s.Issuer != "" && s.Issuer != s.Subject {
		cert += msg.Sprintf(", issued by %s", s.Issuer)
	} else if s.Issuer != "" {
		cert += msg.Sprintf(" (self-signed)")
	}
	if s.Trusted {
		cert += msg.Sprintf("; trusted here")
	} else if s.TrustProblem != "" && s.Intact {
		cert += msg.Sprintf("; not trusted here: %s", s.TrustProblem)
	}
	row(w, msg.Text("certificate"), cert)
	if !s.Time.IsZero() {
		row(w, msg.Text("time"), msg.Sprintf("%s (the signer's clock)", s.Time.Format("2006-01-02 15:04:05 -07:00")))
	}
	if !s.TimeStamp.IsZero() {
		row(w, msg.Text("time stamp"), msg.Sprintf("%s by %s (RFC 3161)", s.TimeStamp.UTC().Format("2006-01-02 15:04:05 UTC"), s.TimeStampBy))
	}
	format := s.SubFilter
	if format == "ETSI.CAdES.detached" {
		format += " (PAdES B-B)"
		if !s.TimeStamp.IsZero() {
			format = "ETSI.CAdES.detached (PAdES B-T)"
		}
	}
	row(w, msg.Text("format"), format)
	row(w, msg.Text("reason"), s.Reason)
	row(w, msg.Text("place"), s.Location)
	switch {
	case !s.Intact:
	case s.Whole:
		row(w, msg.Text("covers"), msg.Sprintf("the whole file"))
	case !last:
		row(w, msg.Text("covers"), msg.Sprintf("an earlier revision of the file"))
	default:
		row(w, msg.Text("covers"), msg.Sprintf("NOT the whole file: bytes were added after it was signed"))
	}
}
