// Package bsretest is a stand-in for a district's BSrE eSign Client (API
// v2) on 127.0.0.1, for tests: HTTP Basic auth, the certificate status and
// chain of a NIK, signing a PDF (PAdES B-T, with a three-level test CA
// chain and a local time-stamp authority) and verifying one, and each way
// the real one fails (401, NOT_REGISTERED, NO_CERTIFICATE, a wrong
// passphrase, 500 on a broken PDF, no answer at all). It draws the image of
// a visible signature in the signature block that its box (counted from
// the page's top left corner) covers.
package bsretest

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"renja/internal/msg"
	"renja/internal/sign"
	"renja/internal/sign/signtest"
)

// Client credentials of the stand-in.
const (
	ClientUser     = "klien-renja"
	ClientPassword = "sandi-klien-uji"
)

// A User is a signer known to the stand-in.
type User struct {
	Status     string // ISSUE, NOT_REGISTERED, NO_CERTIFICATE
	Passphrase string
	Chain      *signtest.Chain
}

// Props is a signatureProperties element as the stand-in received it.
type Props struct {
	Tampilan    string  `json:"tampilan"`
	ImageBase64 string  `json:"imageBase64"`
	Page        int     `json:"page"`
	OriginX     float64 `json:"originX"`
	OriginY     float64 `json:"originY"`
	Width       float64 `json:"width"`
	Height      float64 `json:"height"`
	Location    string  `json:"location"`
	Reason      string  `json:"reason"`
}

// Server is the stand-in.
type Server struct {
	URL    string
	Hang   bool // /api/v2/sign/pdf and /api/v2/verify/pdf never answer
	Broken bool // /api/v2/sign/pdf answers 500, as for a broken PDF

	mu       sync.Mutex
	users    map[string]*User
	requests map[string]int
	props    []Props
	bodies   [][]byte
	tsa      string
	done     chan struct{}
}

// New starts a stand-in on 127.0.0.1 that stops when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{users: map[string]*User{}, requests: map[string]int{}, done: make(chan struct{}),
		tsa: signtest.TSA(t, time.Now().Add(-time.Minute).Truncate(time.Second), signtest.TSAGood)}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = srv.URL
	t.Cleanup(func() { close(s.done); srv.Close() })
	return s
}

// Add makes nik known.
func (s *Server) Add(nik string, u *User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[nik] = u
}

// Requests is how many requests reached path (after /api/v2/: "sign/pdf",
// "user/check/status", "user/certificate/chain", …), whatever their answer.
func (s *Server) Requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// Signed are the signatureProperties of the signing requests received.
func (s *Server) Signed() []Props {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Props(nil), s.props...)
}

// Bodies are the bodies of every request received, for scanning.
func (s *Server) Bodies() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.bodies...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 256<<20))
	path := strings.TrimPrefix(r.URL.Path, "/api/v2/")
	key := path
	if strings.HasPrefix(path, "user/certificate/chain/") {
		key = "user/certificate/chain"
	}
	s.mu.Lock()
	s.requests[key]++
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()

	if u, p, ok := r.BasicAuth(); !ok || u != ClientUser || p != ClientPassword {
		reply(w, http.StatusUnauthorized, map[string]any{"timestamp": time.Now().UnixMilli(), "status": 401, "error": "Unauthorized", "path": r.URL.Path})
		return
	}
	switch {
	case path == "user/check/status" && r.Method == http.MethodPost:
		var req struct{ NIK string }
		json.Unmarshal(body, &req)
		u := s.user(req.NIK)
		switch {
		case u == nil || u.Status == "NOT_REGISTERED":
			reply(w, 200, map[string]any{"status_code": 2011, "message": "Pengguna tidak terdaftar", "status": "NOT_REGISTERED"})
		case u.Status == "NO_CERTIFICATE":
			reply(w, 200, map[string]any{"status_code": 2021, "message": "Pengguna belum memiliki sertifikat", "status": "NO_CERTIFICATE"})
		default:
			reply(w, 200, map[string]any{"status_code": 1111, "message": "Sertifikat aktif", "status": u.Status})
		}
	case strings.HasPrefix(path, "user/certificate/chain/") && r.Method == http.MethodGet:
		u := s.user(strings.TrimPrefix(path, "user/certificate/chain/"))
		if u == nil || u.Chain == nil {
			reply(w, 200, map[string]any{"success": false, "data": []string{}})
			return
		}
		var data []string
		for i, c := range u.Chain.Certs {
			if i == 0 { // the signer's as base64 DER, the others as PEM: both are seen
				data = append(data, base64.StdEncoding.EncodeToString(c.Raw))
			} else {
				data = append(data, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})))
			}
		}
		reply(w, 200, map[string]any{"success": true, "data": data})
	case path == "sign/pdf" && r.Method == http.MethodPost:
		s.sign(w, r, body)
	case path == "verify/pdf" && r.Method == http.MethodPost:
		if s.Hang {
			s.hang(r)
			return
		}
		var req struct{ File string }
		json.Unmarshal(body, &req)
		doc, err := base64.StdEncoding.DecodeString(req.File)
		rep, verr := sign.Verify(doc)
		if err != nil || verr != nil {
			reply(w, 500, map[string]any{"timestamp": time.Now().UnixMilli(), "status": 500, "error": "Internal Server Error", "path": r.URL.Path})
			return
		}
		reply(w, 200, s.verdict(rep))
	default:
		reply(w, 404, map[string]any{"status": 404, "error": "Not Found", "path": r.URL.Path})
	}
}

func (s *Server) user(nik string) *User {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[nik]
}

// hang never answers: it waits until the client gives up or the test ends.
func (s *Server) hang(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-s.done:
	}
}

func (s *Server) sign(w http.ResponseWriter, r *http.Request, body []byte) {
	var req struct {
		NIK        string  `json:"nik"`
		Passphrase string  `json:"passphrase"`
		TOTP       string  `json:"totp"`
		Props      []Props `json:"signatureProperties"`
		File       []string
	}
	json.Unmarshal(body, &req)
	s.mu.Lock()
	s.props = append(s.props, req.Props...)
	s.mu.Unlock()
	if s.Hang {
		s.hang(r)
		return
	}
	u := s.user(req.NIK)
	switch {
	case u == nil || u.Status != "ISSUE":
		reply(w, 400, map[string]any{"status_code": 2011, "error": "Pengguna tidak terdaftar"})
		return
	case req.Passphrase != u.Passphrase && (req.TOTP == "" || req.TOTP != "123456"):
		reply(w, 400, map[string]any{"status_code": 2031, "error": "Passphrase anda salah"})
		return
	}
	if len(req.File) != 1 || s.Broken {
		reply(w, 500, map[string]any{"status": 500, "error": "Internal Server Error", "path": r.URL.Path})
		return
	}
	doc, err := base64.StdEncoding.DecodeString(req.File[0])
	reason := sign.Reason
	if len(req.Props) == 1 && req.Props[0].Reason != "" {
		reason = req.Props[0].Reason
	}
	id := &sign.Identity{Key: u.Chain.Key, Cert: u.Chain.Certs[0], Chain: u.Chain.Certs[1:]}
	o := sign.Options{TSA: s.tsa, Block: sign.NoBlock, Reason: reason, Context: r.Context()}
	if err == nil && len(req.Props) == 1 && req.Props[0].Tampilan == "VISIBLE" {
		// The image goes where the box says, (0,0) at the page's top left:
		// the stand-in draws it in the signature block found there.
		if o.Block, o.Image, err = place(doc, req.Props[0]); err != nil {
			reply(w, 400, map[string]any{"status_code": 400, "error": err.Error()})
			return
		}
	}
	var signed []byte
	if err == nil {
		signed, _, err = sign.Sign(doc, id, o)
	}
	if err != nil {
		reply(w, 500, map[string]any{"timestamp": time.Now().UnixMilli(), "status": 500, "error": "Internal Server Error", "path": r.URL.Path})
		return
	}
	reply(w, 200, map[string]any{"time": time.Now().UnixMilli(), "file": []string{base64.StdEncoding.EncodeToString(signed)}})
}

// verdict is the stand-in's verification answer: VALID when every
// signature is intact and chains to the test root of a known signer.
func (s *Server) verdict(rep *sign.Report) map[string]any {
	conclusion := "VALID"
	if len(rep.Signatures) == 0 {
		conclusion = "NO_SIGNATURE"
	} else if !rep.Intact() {
		conclusion = "INVALID"
	}
	var infos []map[string]any
	for _, sig := range rep.Signatures {
		trusted := s.trusted(sig)
		if !trusted && conclusion == "VALID" {
			conclusion = "INDETERMINATE"
		}
		ts := any(nil)
		if !sig.TimeStamp.IsZero() {
			ts = map[string]any{"timestampName": sig.TimeStampBy, "timestampDate": sig.TimeStamp.UTC().Format(time.RFC3339)}
		}
		infos = append(infos, map[string]any{"signerName": sig.CertName, "integrityValid": sig.Intact, "certificateTrusted": trusted,
			"signatureFormat": "PAdES-BASELINE-T", "signatureDate": sig.Time.UTC().Format(time.RFC3339), "timestampInfomation": ts})
	}
	return map[string]any{"signatureCount": len(rep.Signatures), "conclusion": conclusion, "description": "Stand-in BSrE", "signatureInformations": infos}
}

// trusted: the signature's certificate is a known signer's, whose chain
// verifies to its root.
func (s *Server) trusted(sig sign.Signature) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Chain == nil || u.Chain.Certs[0].Subject.String() != sig.Subject {
			continue
		}
		roots, mids := x509.NewCertPool(), x509.NewCertPool()
		roots.AddCert(u.Chain.Certs[2])
		mids.AddCert(u.Chain.Certs[1])
		_, err := u.Chain.Certs[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: mids, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		return err == nil
	}
	return false
}

// place finds the signature block that a visible signature's box covers
// and decodes its image.
func place(doc []byte, p Props) (block string, image []byte, err error) {
	image, err = base64.StdEncoding.DecodeString(p.ImageBase64)
	if err != nil {
		return "", nil, err
	}
	blocks, err := sign.Blocks(doc)
	if err != nil {
		return "", nil, err
	}
	for _, b := range blocks {
		x, y, w, h := sign.BSrEBox(b.Rect, b.PageHeight, true)
		if b.Page+1 == p.Page && near(x, p.OriginX) && near(y, p.OriginY) && near(w, p.Width) && near(h, p.Height) {
			return b.ID, image, nil
		}
	}
	return "", nil, msg.Errorf("the signature's box (page %d, %.1f, %.1f) covers no signature block", p.Page, p.OriginX, p.OriginY)
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.5 }

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
