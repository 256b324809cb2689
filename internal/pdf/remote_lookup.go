package pdf

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"renja/internal/msg"
)

// lookupTimeout bounds the look-up of a browser's websocket address, and
// dialTimeout the websocket handshake: an endpoint that stalls in either
// ends the connection with an error, never a hang.
const (
	lookupTimeout = 15 * time.Second
	dialTimeout   = 15 * time.Second
)

// websocketURL returns the websocket address of the browser at endpoint:
// endpoint itself when it names one (ws://HOST:PORT/devtools/browser/…),
// else the webSocketDebuggerUrl that HOST:PORT/json/version answers. The
// host becomes an IP address (Chrome answers only requests for an IP
// address or localhost). chromedp's own look-up reads the answer with no
// end: an endpoint that answers 101 Switching Protocols, or stops in the
// middle of the body, kept it waiting for good, deaf to Ctrl-C. This one
// takes only a 200 answer, reads at most 64 KB of it, and stops at ctx's
// end or after lookupTimeout.
func websocketURL(ctx context.Context, endpoint string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", err
	}
	if u.Host, err = hostIP(ctx, u.Host); err != nil {
		return "", err
	}
	if strings.Contains(u.Path, "/devtools/browser/") {
		return u.String(), nil
	}
	switch strings.ToLower(u.Scheme) {
	case "ws":
		u.Scheme = "http"
	case "wss":
		u.Scheme = "https"
	}
	u.Path = "/json/version"
	req, err := http.NewRequestWithContext(ctx, "GET", u.String(), nil)
	if err != nil {
		return "", err
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	stop := context.AfterFunc(ctx, func() { resp.Body.Close() }) // ends a read that waits
	defer stop()
	if resp.StatusCode != http.StatusOK {
		return "", msg.Errorf("%s answers %s, not the browser's version", "/json/version", resp.Status)
	}
	var v struct {
		URL string `json:"webSocketDebuggerUrl"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&v); err != nil {
		if ctx.Err() != nil {
			return "", context.Cause(ctx)
		}
		return "", msg.Errorf("%s answers no websocket address: %w", "/json/version", err)
	}
	if !strings.HasPrefix(v.URL, "ws://") && !strings.HasPrefix(v.URL, "wss://") {
		return "", msg.Errorf("%s answers no websocket address: %q", "/json/version", v.URL)
	}
	return v.URL, nil
}

// hostIP returns host:port with the host resolved to an IP address, unless
// it is one or localhost.
func hostIP(ctx context.Context, hostport string) (string, error) {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return "", err
	}
	if host == "localhost" || net.ParseIP(host) != nil {
		return hostport, nil
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return "", err
	}
	if len(addrs) == 0 {
		return "", msg.Errorf("%s has no address", host)
	}
	return net.JoinHostPort(addrs[0].IP.String(), port), nil
}
