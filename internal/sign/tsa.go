package sign

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"

	"github.com/digitorus/timestamp"
)

// maxTSAResponse bounds what renja reads of a time-stamp authority's answer.
const maxTSAResponse = 1 << 20

// tsaTimeout bounds one request to a time-stamp authority.
const tsaTimeout = 30 * time.Second

// TimeStamp asks the RFC 3161 time-stamp authority at url to time-stamp
// data (its SHA-256) and returns the TimeStampToken and its time. An answer
// that is not a granted, signed time-stamp of exactly this digest with the
// nonce that renja sent is an error: renja never signs without the
// time-stamp that was asked for.
func TimeStamp(ctx context.Context, url string, data []byte) (token []byte, at time.Time, err error) {
	digest := sha256.Sum256(data)
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
	if err != nil {
		return nil, time.Time{}, err
	}
	req := timestamp.Request{HashAlgorithm: crypto.SHA256, HashedMessage: digest[:], Certificates: true, Nonce: nonce}
	body, err := req.Marshal()
	if err != nil {
		return nil, time.Time{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, tsaTimeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("alamat TSA %q tidak sah: %w", url, err)
	}
	hreq.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("TSA %s tidak bisa dihubungi: %w", url, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxTSAResponse+1))
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("membaca jawaban TSA %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, time.Time{}, fmt.Errorf("TSA %s menjawab %s", url, resp.Status)
	}
	if len(answer) > maxTSAResponse {
		return nil, time.Time{}, fmt.Errorf("jawaban TSA %s lebih dari %d byte", url, maxTSAResponse)
	}
	ts, err := parseTimeStampResponse(answer)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("jawaban TSA %s bukan cap waktu yang sah: %w", url, err)
	}
	if err := checkToken(ts, digest[:]); err != nil {
		return nil, time.Time{}, fmt.Errorf("jawaban TSA %s: %w", url, err)
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, time.Time{}, fmt.Errorf("jawaban TSA %s: nonce tidak sama dengan yang dikirim (jawaban lama atau jawaban untuk permintaan lain)", url)
	}
	return ts.RawToken, ts.Time, nil
}

func parseTimeStampResponse(b []byte) (ts *timestamp.Timestamp, err error) {
	defer func() {
		if r := recover(); r != nil {
			ts, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return timestamp.ParseResponse(b)
}

// checkToken checks that a parsed time-stamp token was signed by a
// certificate it carries (timestamp.Parse verifies the signature only then)
// and stamps digest with SHA-256.
func checkToken(ts *timestamp.Timestamp, digest []byte) error {
	switch {
	case len(ts.Certificates) == 0:
		return fmt.Errorf("cap waktu tanpa sertifikat TSA, tanda tangannya tidak bisa diperiksa")
	case ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, digest):
		return fmt.Errorf("cap waktu untuk data lain (sidik %x, diharapkan %x)", ts.HashedMessage, digest)
	case ts.Time.IsZero():
		return fmt.Errorf("cap waktu tanpa waktu")
	}
	return nil
}
