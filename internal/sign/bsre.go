package sign

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"time"

	"renja/internal/msg"
)

// BSrE is a client of a district's BSrE eSign Client (API v2), which
// signs with a certificate whose key stays with BSrE. The API has no
// published schema; the shapes here follow public integrations, and a
// request whose answer never comes is never sent again: its outcome is
// unknown (see FaultNoAnswer).
type BSrE struct {
	base           *url.URL
	user, password string
	timeout        time.Duration
	http           *http.Client
}

// maxBSrEAnswer bounds what renja reads of an answer: a signed PDF in
// base64.
const maxBSrEAnswer = 512 << 20

// NewBSrE makes a client of the eSign Client at address with the client
// application's user and password; each request ends after timeout. Plain
// HTTP is refused unless the server is on this machine (loopback) or
// insecureHTTP is set, when warning says why it is unsafe.
func NewBSrE(address, user, password string, timeout time.Duration, insecureHTTP bool) (b *BSrE, warning string, err error) {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, "", msg.Errorf("%q is not the address of BSrE's eSign Client: write it as https://host[:port][/path]", address)
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		if !insecureHTTP {
			return nil, "", msg.Errorf("plain HTTP to %s is refused: the passphrase and the document would cross the network unencrypted; use https://, or --insecure-http if the district's eSign Client answers only plain HTTP on a network you trust", u.Host)
		}
		warning = msg.Sprintf("plain HTTP to %s (--insecure-http): the passphrase, the client's password and the document cross the network unencrypted; anyone on the way can read them", u.Host)
	}
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true // each request on a connection of its own: none is ever replayed on another
	return &BSrE{base: u, user: user, password: password, timeout: timeout, http: &http.Client{Transport: tr}}, warning, nil
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Address is the eSign Client's address as given.
func (b *BSrE) Address() string { return b.base.String() }

// CheckStatus asks whether nik has a certificate (status ISSUE).
func (b *BSrE) CheckStatus(ctx context.Context, nik string) error {
	var ans struct {
		StatusCode int    `json:"status_code"`
		Message    string `json:"message"`
		Status     string `json:"status"`
	}
	if err := b.do(ctx, http.MethodPost, "api/v2/user/check/status", map[string]string{"nik": nik}, &ans, false, nik); err != nil {
		return err
	}
	e := &bsreError{Status: 200, Base: b.Address(), Said: redact(ans.Status+" "+ans.Message, nik)}
	switch {
	case ans.Status == "ISSUE":
		return nil
	case ans.Status == "NOT_REGISTERED" || ans.StatusCode == 2011:
		e.Fault = faultNotRegistered
	case ans.Status == "NO_CERTIFICATE" || ans.StatusCode == 2021:
		e.Fault = faultNoCertificate
	default:
		e.Fault, e.Said = faultStatus, redact(fmt.Sprintf("%s (%d %s)", ans.Status, ans.StatusCode, ans.Message), nik)
	}
	return e
}

// Chain returns the certificate chain of nik, the signer's first. Each
// element may be PEM or base64 DER.
func (b *BSrE) Chain(ctx context.Context, nik string) ([]*x509.Certificate, error) {
	var ans struct {
		Success bool     `json:"success"`
		Data    []string `json:"data"`
	}
	if err := b.do(ctx, http.MethodGet, "api/v2/user/certificate/chain/"+url.PathEscape(nik), nil, &ans, false, nik); err != nil {
		return nil, err
	}
	var out []*x509.Certificate
	for _, d := range ans.Data {
		der := []byte(nil)
		if p, _ := pem.Decode([]byte(d)); p != nil {
			der = p.Bytes
		} else if b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(d), "")); err == nil {
			der = b
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, &bsreError{Fault: faultAnswer, Status: 200, Base: b.Address(), Said: msg.Sprintf("a certificate of the chain cannot be read: %v", err)}
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, &bsreError{Fault: faultAnswer, Status: 200, Base: b.Address(), Said: msg.Sprintf("the answer holds no certificate")}
	}
	return out, nil
}

// A BSrESign is one signing request: the signer, the document and where
// the image of the signature goes.
type BSrESign struct {
	NIK, Passphrase, TOTP string // the passphrase or the one-time code
	Doc                   []byte
	Image                 []byte // PNG; nil: an invisible signature
	Box                   Box
	Location, Reason      string
}

type bsreProps struct {
	Tampilan    string  `json:"tampilan"`
	ImageBase64 string  `json:"imageBase64,omitempty"`
	Page        int     `json:"page,omitempty"`
	OriginX     float64 `json:"originX,omitempty"`
	OriginY     float64 `json:"originY,omitempty"`
	Width       float64 `json:"width,omitempty"`
	Height      float64 `json:"height,omitempty"`
	Location    string  `json:"location,omitempty"`
	Reason      string  `json:"reason,omitempty"`
	ContactInfo string  `json:"contactInfo,omitempty"`
}

// Sign sends the document once to be signed and returns the signed PDF as
// BSrE made it.
func (b *BSrE) Sign(ctx context.Context, r BSrESign) ([]byte, error) {
	props := bsreProps{Tampilan: "INVISIBLE", Location: r.Location, Reason: r.Reason}
	if r.Image != nil {
		props.Tampilan, props.ImageBase64, props.Page = "VISIBLE", base64.StdEncoding.EncodeToString(r.Image), r.Box.Page
		props.OriginX, props.OriginY, props.Width, props.Height = r.Box.X, r.Box.Y, r.Box.W, r.Box.H
	}
	body := map[string]any{"nik": r.NIK, "signatureProperties": []bsreProps{props},
		"file": []string{base64.StdEncoding.EncodeToString(r.Doc)}}
	if r.TOTP != "" {
		body["totp"] = r.TOTP
	} else {
		body["passphrase"] = r.Passphrase
	}
	var ans struct {
		File []string `json:"file"`
	}
	if err := b.do(ctx, http.MethodPost, "api/v2/sign/pdf", body, &ans, true, r.NIK, r.Passphrase, r.TOTP); err != nil {
		return nil, err
	}
	if len(ans.File) != 1 {
		return nil, &bsreError{Fault: faultAnswer, Status: 200, Signing: true, Base: b.Address(), Said: msg.Sprintf("%d files instead of one", len(ans.File))}
	}
	doc, err := base64.StdEncoding.DecodeString(ans.File[0])
	if err != nil {
		return nil, &bsreError{Fault: faultAnswer, Status: 200, Signing: true, Base: b.Address(), Said: err.Error()}
	}
	return doc, nil
}

// Verify asks BSrE's verification service about a PDF.
func (b *BSrE) Verify(ctx context.Context, doc []byte) (*RemoteReport, error) {
	var ans struct {
		SignatureCount int    `json:"signatureCount"`
		Conclusion     string `json:"conclusion"`
		Description    string `json:"description"`
		Infos          []struct {
			SignerName         string          `json:"signerName"`
			IntegrityValid     bool            `json:"integrityValid"`
			CertificateTrusted bool            `json:"certificateTrusted"`
			SignatureFormat    string          `json:"signatureFormat"`
			SignatureDate      string          `json:"signatureDate"`
			TimeStamp          json.RawMessage `json:"timestampInfomation"` // sic
		} `json:"signatureInformations"`
	}
	if err := b.do(ctx, http.MethodPost, "api/v2/verify/pdf", map[string]string{"file": base64.StdEncoding.EncodeToString(doc)}, &ans, false); err != nil {
		return nil, err
	}
	r := &RemoteReport{Conclusion: ans.Conclusion, Description: ans.Description}
	for _, i := range ans.Infos {
		r.Signatures = append(r.Signatures, RemoteSignature{Signer: i.SignerName, Integrity: i.IntegrityValid, Trusted: i.CertificateTrusted,
			Format: i.SignatureFormat, Date: i.SignatureDate, TimeStamp: rawText(i.TimeStamp)})
	}
	if r.Conclusion == "" {
		return nil, &bsreError{Fault: faultAnswer, Status: 200, Base: b.Address(), Said: msg.Sprintf("the answer has no conclusion")}
	}
	return r, nil
}

// rawText is a JSON value as one line of text: a string as it is,
// anything else compacted; null and absent are "".
func rawText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if len(v) == 0 || string(v) == "null" || json.Compact(&b, v) != nil {
		return ""
	}
	return b.String()
}

// do sends one request and reads its JSON answer into out. It is never
// repeated. secrets are kept out of every error.
func (b *BSrE) do(ctx context.Context, method, path string, body, out any, signing bool, secrets ...string) error {
	secrets = append(secrets, b.user, b.password)
	fail := &bsreError{Base: b.Address(), Signing: signing, Timeout: b.timeout}
	var rd io.Reader
	if body != nil {
		j, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(j)
	}
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	wrote := false
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { wrote = true }})
	req, err := http.NewRequestWithContext(ctx, method, b.base.JoinPath(path).String(), rd)
	if err != nil {
		return err
	}
	req.SetBasicAuth(b.user, b.password)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := b.http.Do(req)
	if err != nil {
		fail.Fault, fail.Cause = faultNoAnswer, netCause(err, secrets)
		if !wrote {
			fail.Fault = faultUnreachable
		}
		return fail
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBSrEAnswer+1))
	if err != nil {
		fail.Fault, fail.Cause = faultNoAnswer, netCause(err, secrets)
		return fail
	}
	fail.Status = resp.StatusCode
	fail.Said = redact(said(raw, resp.Status), secrets...)
	switch {
	case resp.StatusCode == http.StatusOK && len(raw) <= maxBSrEAnswer:
		if err := json.Unmarshal(raw, out); err != nil {
			fail.Fault, fail.Said = faultAnswer, redact(err.Error(), secrets...)
			return fail
		}
		return nil
	case resp.StatusCode == http.StatusUnauthorized:
		fail.Fault = faultCredentials
	case refusedSecret(raw):
		fail.Fault = faultPassphrase
	case bsreCode(raw) == 2011:
		fail.Fault = faultNotRegistered
	case bsreCode(raw) == 2021:
		fail.Fault = faultNoCertificate
	case resp.StatusCode == http.StatusInternalServerError && strings.Contains(path, "pdf"):
		fail.Fault = faultBrokenPDF
	default:
		fail.Fault = faultAnswer
	}
	return fail
}

// netCause is the network's reason, without the request's address (which
// may hold the NIK).
func netCause(err error, secrets []string) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return msg.Sprintf("time limit reached")
	case errors.Is(err, context.Canceled):
		return msg.Sprintf("interrupted")
	}
	return redact(msg.System(err.Error()), secrets...)
}

// said is what an error answer says: its message, error or status field,
// else its text.
func said(raw []byte, status string) string {
	var m map[string]any
	if json.Unmarshal(raw, &m) == nil {
		for _, k := range []string{"message", "error", "status"} {
			if s, ok := m[k].(string); ok && s != "" {
				return s
			}
		}
	}
	if s := strings.TrimSpace(string(raw)); s != "" && len(s) < 300 {
		return s
	}
	return status
}

// bsreCode is the status_code of an error answer, 0 without one.
func bsreCode(raw []byte) int {
	var a struct {
		StatusCode int `json:"status_code"`
	}
	json.Unmarshal(raw, &a)
	return a.StatusCode
}

// refusedSecret reports whether an error answer refuses the passphrase or
// the one-time code: status_code 2031, or its words say so.
func refusedSecret(raw []byte) bool {
	if bsreCode(raw) == 2031 {
		return true
	}
	s := strings.ToLower(said(raw, ""))
	return strings.Contains(s, "passphrase") || strings.Contains(s, "totp") || strings.Contains(s, "otp")
}
