package signtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
)

// TSAName is the common name of the test time-stamp authority.
const TSAName = "TSA UJI RENJA"

// ekuTimeStamping is the extended key usage extension's value: id-kp-timeStamping.
var ekuTimeStamping, _ = asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})

// A TSAFault makes the test authority answer wrongly.
type TSAFault int

// The ways the test authority can answer.
const (
	TSAGood        TSAFault = iota // a granted time-stamp of what was asked
	TSAOtherDigest                 // a time-stamp of other data
	TSAOtherNonce                  // a time-stamp with another nonce (a replayed answer)
	TSARejected                    // status "rejection"
	TSAGarbage                     // bytes that are no answer
	TSAServerError                 // HTTP 500
)

// TSA starts an RFC 3161 time-stamp authority on 127.0.0.1 for the test,
// made with github.com/digitorus/timestamp, whose clock is at, and returns
// its address. It stops when the test ends.
func TSA(t testing.TB, at time.Time, fault TSAFault) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(now.UnixNano()),
		Subject:               pkix.Name{CommonName: TSAName, Country: []string{"ID"}},
		NotBefore:             now.Add(-48 * time.Hour),
		NotAfter:              now.Add(365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		// RFC 3161 wants the time-stamping extended key usage critical.
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: ekuTimeStamping}},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		req, err := timestamp.ParseRequest(body)
		if err != nil || r.Header.Get("Content-Type") != "application/timestamp-query" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{
			HashAlgorithm:     req.HashAlgorithm,
			HashedMessage:     req.HashedMessage,
			Time:              at,
			Nonce:             req.Nonce,
			Policy:            asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1},
			AddTSACertificate: req.Certificates,
		}
		switch fault {
		case TSAOtherDigest:
			ts.HashedMessage = append([]byte{}, req.HashedMessage...)
			ts.HashedMessage[0] ^= 1
		case TSAOtherNonce:
			ts.Nonce = big.NewInt(42)
		case TSAGarbage:
			w.Header().Set("Content-Type", "application/timestamp-reply")
			w.Write([]byte("0\x03bukan"))
			return
		case TSAServerError:
			http.Error(w, "rusak", http.StatusInternalServerError)
			return
		case TSARejected:
			w.Header().Set("Content-Type", "application/timestamp-reply")
			w.Write([]byte{0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02}) // PKIStatusInfo{status: rejection}
			return
		}
		resp, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(resp)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
