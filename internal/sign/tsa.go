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

	"renja/internal/msg"
)

// maxTSAResponse bounds what renja reads of a time-stamp authority's answer.
const maxTSAResponse = 1 << 20

// tsaTimeout bounds one request to a time-stamp authority.
const tsaTimeout = 30 * time.Second

// timeStamp asks the RFC 3161 time-stamp authority at url to time-stamp
// data (its SHA-256) and returns the TimeStampToken and its time. An answer
// that is not a granted, signed time-stamp of exactly this digest with the
// nonce that renja sent is an error: renja never signs without the
// time-stamp that was asked for.
func timeStamp(ctx context.Context, url string, data []byte) (token []byte, at time.Time, err error) {
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
		return nil, time.Time{}, msg.Errorf("the TSA address %q is not valid: %w", url, err)
	}
	hreq.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := http.DefaultClient.Do(hreq)
	if err != nil {
		return nil, time.Time{}, msg.Errorf("the TSA %s cannot be reached: %w", url, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxTSAResponse+1))
	if err != nil {
		return nil, time.Time{}, msg.Errorf("reading the answer of the TSA %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, time.Time{}, msg.Errorf("the TSA %s answered %s", url, resp.Status)
	}
	if len(answer) > maxTSAResponse {
		return nil, time.Time{}, msg.Errorf("the answer of the TSA %s is more than %d bytes", url, maxTSAResponse)
	}
	ts, err := parseTimeStampResponse(answer)
	if err != nil {
		return nil, time.Time{}, msg.Errorf("the answer of the TSA %s is not a valid time stamp: %w", url, err)
	}
	if err := checkToken(ts, digest[:]); err != nil {
		return nil, time.Time{}, msg.Errorf("the answer of the TSA %s: %w", url, err)
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, time.Time{}, msg.Errorf("the answer of the TSA %s: the nonce differs from the one sent (an old answer, or one to another request)", url)
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
		return msg.Errorf("a time stamp without the TSA certificate: its signature cannot be checked")
	case ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, digest):
		return msg.Errorf("a time stamp of other data (digest %x, expected %x)", ts.HashedMessage, digest)
	case ts.Time.IsZero():
		return msg.Errorf("a time stamp without a time")
	}
	return nil
}
