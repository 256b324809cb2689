package cli

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"renja/internal/msg"
	"renja/internal/sign"
	"renja/internal/sign/provenance"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", "verify [-C PROJECT] [--list verifikasi.html] FILE.pdf", stderr)
	dir := fs.String("C", ".", msg.Sprintf("the project whose sources should have made this PDF"))
	list := fs.String("list", "", msg.Sprintf("the website's verification page (%s, saved as a file): the PDF must be listed there", sign.VerificationPage))
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
	rep := r.rep
	ok := rep.Intact()
	if ok {
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
			certified += msg.Sprintf("; CHANGES NOT PERMITTED: ")
			for i, c := range rep.Changes {
				if i > 0 {
					certified += "; "
				}
				certified += c
			}
		}
		row(stdout, msg.Text("certified"), certified)
	}

	if rep.Info.Draft {
		row(stdout, msg.Text("draft"), msg.Sprintf("yes: made while `renja check` reported errors"))
	}
	if listed != nil {
		h := fmt.Sprintf("%x", sha256.Sum256(r.doc))
		if listed[h] {
			row(stdout, msg.Text("listed"), msg.Sprintf("yes: SHA-256 %s is listed in %s", h, *list))
		} else {
			row(stdout, msg.Text("listed"), msg.Sprintf("NO: SHA-256 %s is not listed in %s (%d files listed)", h, *list, len(listed)))
			ok = false
		}
	}
	if !rep.Intact() && len(rep.Signatures) > 0 {
		row(stdout, msg.Text("source digest"), msg.Sprintf("cannot be trusted: no intact signature covers it"))
		return errReported
	}
	switch h := rep.Info.ContentHash; {
	case !isProject:
		if h == "" {
			h = msg.Sprintf("not recorded")
		}
		row(stdout, msg.Text("source digest"), msg.Sprintf("%s (not compared: no renja.toml in %s; name the project with -C FOLDER)", h, *dir))
	case h == "":
		row(stdout, msg.Text("source digest"), msg.Sprintf("NOT RECORDED, so it cannot be matched with the sources in %s", *dir))
		ok = false
	default:
		here, err := provenance.ContentHash(*dir)
		if err != nil {
			return usagef("%v", err)
		}
		if here == h {
			row(stdout, msg.Text("source digest"), msg.Sprintf("%s matches the sources in %s", h, *dir))
		} else {
			row(stdout, msg.Text("source digest"), msg.Sprintf("%s DOES NOT MATCH the sources in %s (%s): made from other sources", h, *dir, here))
			ok = false
		}
	}
	if !ok {
		return errReported
	}
	return nil
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
