package cli

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"renja/internal/sign"
	"renja/internal/sign/provenance"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", "verify [-C PROYEK] [--list verifikasi.html] BERKAS.pdf", stderr)
	dir := fs.String("C", ".", "proyek yang sumbernya seharusnya membuat PDF ini")
	list := fs.String("list", "", "halaman verifikasi situs ("+sign.VerificationPage+", disimpan sebagai berkas): PDF harus tercantum di sana")
	pos, err := parseAll(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("verify memerlukan satu PDF, diberikan %d", len(pos))
	}
	file := pos[0]
	isProject := provenance.IsProject(*dir)
	if !isProject && flagSet(fs, "C") {
		return usagef("tidak ada renja.toml di %s", *dir)
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
		return failf("dihentikan")
	case r = <-done:
	}
	if r.readErr != nil {
		return usagef("%v", r.readErr)
	}
	if r.err != nil && ctx.Err() != nil {
		return failf("dihentikan")
	}
	if r.err != nil {
		fmt.Fprintf(stdout, "%s: TIDAK UTUH: %v\n", file, r.err)
		return errReported
	}
	rep := r.rep
	ok := rep.Intact()
	if ok {
		fmt.Fprintf(stdout, "%s: tanda tangan utuh\n", file)
	} else {
		fmt.Fprintf(stdout, "%s: TIDAK UTUH: %s\n", file, rep.Problem())
	}
	for i, s := range rep.Signatures {
		if len(rep.Signatures) > 1 {
			fmt.Fprintf(stdout, "tanda tangan %d dari %d:\n", i+1, len(rep.Signatures))
		}
		printSignature(stdout, s, i == len(rep.Signatures)-1)
	}
	if rep.Certified > 0 {
		certified := fmt.Sprintf("ya, DocMDP P=%d", rep.Certified)
		if len(rep.Changes) > 0 {
			certified += "; PERUBAHAN TIDAK DIIZINKAN: "
			for i, c := range rep.Changes {
				if i > 0 {
					certified += "; "
				}
				certified += c
			}
		}
		row(stdout, "disertifikasi", certified)
	}

	if rep.Info.Draft {
		row(stdout, "draft", "ya: dibuat ketika `renja check` melaporkan kesalahan")
	}
	if listed != nil {
		h := fmt.Sprintf("%x", sha256.Sum256(r.doc))
		if listed[h] {
			row(stdout, "terdaftar", fmt.Sprintf("ya: SHA-256 %s tercantum di %s", h, *list))
		} else {
			row(stdout, "terdaftar", fmt.Sprintf("TIDAK: SHA-256 %s tidak tercantum di %s (%d berkas tercantum)", h, *list, len(listed)))
			ok = false
		}
	}
	if !rep.Intact() && len(rep.Signatures) > 0 {
		row(stdout, "sidik sumber", "tidak bisa dipercaya: tidak ada tanda tangan utuh yang mencakupnya")
		return errReported
	}
	switch h := rep.Info.ContentHash; {
	case !isProject:
		if h == "" {
			h = "tidak tercatat"
		}
		row(stdout, "sidik sumber", fmt.Sprintf("%s (tidak dibandingkan: tidak ada renja.toml di %s; sebut proyeknya dengan -C FOLDER)", h, *dir))
	case h == "":
		row(stdout, "sidik sumber", fmt.Sprintf("TIDAK TERCATAT, jadi tidak bisa dicocokkan dengan sumber di %s", *dir))
		ok = false
	default:
		here, err := provenance.ContentHash(*dir)
		if err != nil {
			return usagef("%v", err)
		}
		if here == h {
			row(stdout, "sidik sumber", fmt.Sprintf("%s cocok dengan sumber di %s", h, *dir))
		} else {
			row(stdout, "sidik sumber", fmt.Sprintf("%s TIDAK COCOK dengan sumber di %s (%s): dibuat dari sumber lain", h, *dir, here))
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
	state := "utuh"
	if !s.Intact {
		state = "RUSAK: " + s.Problem
	}
	row(w, "tanda tangan", state)
	row(w, "penanda tangan", s.Name)
	cert := s.Subject
	if s.Issuer != "" && s.Issuer != s.Subject {
		cert += ", diterbitkan oleh " + s.Issuer
	} else if s.Issuer != "" {
		cert += " (ditandatangani sendiri)"
	}
	if s.Trusted {
		cert += "; dipercaya di sini"
	} else if s.TrustProblem != "" && s.Intact {
		cert += "; tidak dipercaya di sini: " + s.TrustProblem
	}
	row(w, "sertifikat", cert)
	if !s.Time.IsZero() {
		row(w, "waktu", s.Time.Format("2006-01-02 15:04:05 -07:00")+" (jam penanda tangan)")
	}
	if !s.TimeStamp.IsZero() {
		row(w, "cap waktu", s.TimeStamp.UTC().Format("2006-01-02 15:04:05 UTC")+" oleh "+s.TimeStampBy+" (RFC 3161)")
	}
	format := s.SubFilter
	if format == "ETSI.CAdES.detached" {
		format += " (PAdES B-B)"
		if !s.TimeStamp.IsZero() {
			format = "ETSI.CAdES.detached (PAdES B-T)"
		}
	}
	row(w, "format", format)
	row(w, "alasan", s.Reason)
	row(w, "tempat", s.Location)
	switch {
	case !s.Intact:
	case s.Whole:
		row(w, "mencakup", "seluruh berkas")
	case !last:
		row(w, "mencakup", "revisi berkas sebelumnya")
	default:
		row(w, "mencakup", "BUKAN seluruh berkas: ada byte yang ditambahkan sesudah ditandatangani")
	}
}
