package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"io"
	"os"
	"time"

	"renja/internal/msg"
	"renja/internal/sign"
)

// The environment of signing through BSrE. None of them is ever a flag,
// printed, logged or written.
const (
	bsreUserEnv       = "RENJA_BSRE_USER"       // the client application's user at the eSign Client
	bsrePasswordEnv   = "RENJA_BSRE_PASSWORD"   // and its password
	bsrePassphraseEnv = "RENJA_BSRE_PASSPHRASE" // the signer's passphrase
	bsreNIKEnv        = "RENJA_BSRE_NIK"        // the signer's NIK, else asked at the terminal
)

// bsreFlags are renja sign's and renja verify's options for BSrE.
type bsreFlags struct {
	url, totp *string
	timeout   *time.Duration
	insecure  *bool
}

func (b *bsreFlags) register(fs *flag.FlagSet, signing bool) {
	b.url = fs.String("bsre", "", msg.Sprintf("address of the district's BSrE eSign Client (default: [signing] bsre in renja.toml); its client user and password from $%s and $%s", bsreUserEnv, bsrePasswordEnv))
	b.timeout = fs.Duration("timeout", 2*time.Minute, msg.Sprintf("how long to wait for each answer of BSrE (a request without an answer is never sent again)"))
	b.insecure = fs.Bool("insecure-http", false, msg.Sprintf("allow plain HTTP to an eSign Client that is not on this machine (the passphrase crosses the network unencrypted)"))
	if signing {
		b.totp = fs.String("totp", "", msg.Sprintf("a one-time code from the BeSign app, instead of the passphrase ($%s or asked at the terminal)", bsrePassphraseEnv))
	}
}

// client connects to the eSign Client at address with the client
// credentials of the environment.
func (b *bsreFlags) client(address string, stderr io.Writer) (*sign.BSrE, error) {
	user, password := os.Getenv(bsreUserEnv), os.Getenv(bsrePasswordEnv)
	if user == "" || password == "" {
		return nil, usagef("set %s and %s to the client application's user and password that the district's eSign administrator gave", bsreUserEnv, bsrePasswordEnv)
	}
	c, warning, err := sign.NewBSrE(address, user, password, *b.timeout, *b.insecure)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if warning != "" {
		msg.Fprintf(stderr, "renja: warning: %s\n", warning)
	}
	return c, nil
}

// signBSrE signs job through BSrE's eSign Client: the NIK's status and
// certificate chain first, the certificate checked against renja.toml's
// signatory, then the PDF sent once with renja's appearance, and BSrE's
// PDF written as it came after renja's own check.
func signBSrE(ctx context.Context, job *signJob, b *bsreFlags, blockID string, stdout, stderr io.Writer) error {
	address := *b.url
	if address == "" {
		address = job.signing.BSrE
	}
	if address == "" {
		return usagef("sign needs --bsre URL (or [signing] bsre in renja.toml), the address of the district's BSrE eSign Client, or --p12 FILE (a key and certificate, to sign without BSrE)")
	}
	// The NIK identifies the Camat: like the passphrase it is no flag (a
	// flag is seen by every user of the machine and kept in the shell's
	// history) and never in renja.toml, which is published.
	nik, err := askSecret(ctx, bsreNIKEnv, msg.Sprintf("The signer's NIK: "),
		msg.Sprintf("no NIK of the signer: set %s, or run renja sign in a terminal to be asked", bsreNIKEnv), stderr)
	if err != nil {
		return usagef("%v", err)
	}
	c, err := b.client(address, stderr)
	if err != nil {
		return err
	}
	var box sign.Box
	var block *sign.Block
	if blockID != sign.NoBlock {
		blocks, err := sign.Blocks(job.doc)
		if err != nil {
			return usagef("%s: %v", job.in, err)
		}
		if block, err = sign.ChooseBlock(blocks, blockID); err != nil {
			return usagef("%s: %v", job.in, err)
		}
		if block == nil {
			msg.Fprintf(stderr, "renja: warning: %s\n", msg.Sprintf("the PDF marks no signature block, so the signature is not visible on the page"))
		} else {
			box.Page = block.Page + 1
			box.X, box.Y, box.W, box.H = sign.BSrEBox(block.Rect, block.PageHeight, job.signing.Origin != "bottom-left")
		}
	}

	if err := c.CheckStatus(ctx, nik); err != nil {
		return failf("%v", err)
	}
	chain, err := c.Chain(ctx, nik)
	if err != nil {
		return failf("%v", err)
	}
	when := time.Now()
	signer := (&sign.Identity{Cert: chain[0]}).Name()
	if err := job.approval.CheckSigner(chain[0], when); err != nil {
		return failf("BSrE: %v", err)
	}
	req := sign.BSrESign{NIK: nik, TOTP: *b.totp, Doc: job.doc, Box: box, Location: job.location, Reason: sign.Reason}
	if req.TOTP == "" {
		if req.Passphrase, err = askSecret(ctx, bsrePassphraseEnv, msg.Sprintf("BSrE passphrase of %s: ", signer),
			msg.Sprintf("no passphrase: set %s, give --totp CODE from the BeSign app, or run renja sign in a terminal to be asked", bsrePassphraseEnv), stderr); err != nil {
			return usagef("%v", err)
		}
	}
	if block != nil {
		digest := sha256.Sum256(job.doc)
		if req.Image, err = sign.AppearancePNG(sign.QRText(job.address, digest), signer, job.nip, when, box.W, box.H); err != nil {
			return failf("%v", err)
		}
	}
	signed, err := c.Sign(ctx, req)
	if err != nil {
		return failf("%v", err)
	}
	if err := checkReturned(job, signed); err != nil {
		return failf("%v", err)
	}
	return job.write(stdout, signed, signer, when)
}

// checkReturned checks the PDF that BSrE returned before it is written: it
// is the document sent with a signature appended, intact, covering the
// whole file, by the signatory.
func checkReturned(job *signJob, signed []byte) error {
	if !bytes.HasPrefix(signed, job.doc) {
		return msg.Errorf("BSrE returned a PDF that does not keep the document sent byte for byte: it is not written (the signature may exist at BSrE: check the BeSign app)")
	}
	rep, err := sign.Verify(signed)
	if err != nil {
		return msg.Errorf("BSrE returned a PDF that renja cannot verify (%v): it is not written", err)
	}
	if !rep.Intact() {
		return msg.Errorf("BSrE returned a PDF whose signature is not intact (%s): it is not written", rep.Problem())
	}
	last := rep.Signatures[len(rep.Signatures)-1]
	if !sign.SameName(last.CertName, job.approval.Signatory) {
		return msg.Errorf("BSrE returned a PDF signed by %s, not by the signatory %s: it is not written", last.CertName, job.approval.Signatory)
	}
	return nil
}
