package pdf_test

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"renja/internal/pdf"
)

// stallingEndpoint runs a DevTools endpoint on the loopback address that
// stalls: a websocket upgrade gets its 101 answer and then nothing; any
// other request (/json/version, where renja looks up the websocket of an
// address without one) gets a 101 too when everything101, else its headers
// and the first byte of its body, and then nothing. It returns the address
// (host:port).
func stallingEndpoint(t *testing.T, everything101 bool) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go func() {
				req, err := http.ReadRequest(bufio.NewReader(c))
				if err != nil {
					return
				}
				key := req.Header.Get("Sec-WebSocket-Key")
				if key != "" || everything101 {
					h := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
					fmt.Fprintf(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n",
						base64.StdEncoding.EncodeToString(h[:]))
				} else {
					fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
				}
				// Then nothing: the connection stays open until the test ends.
			}()
		}
	}()
	return l.Addr().String()
}

// TestConnectStalls: a DevTools endpoint that stalls after the websocket
// handshake (or in the middle of /json/version) does not hang the build:
// the connection ends at the build's deadline, and at once when the build
// is interrupted (Ctrl-C cancels its context).
func TestConnectStalls(t *testing.T) {
	addr, addr101 := stallingEndpoint(t, false), stallingEndpoint(t, true)
	for _, ep := range []string{"ws://" + addr + "/devtools/browser/renja", "http://" + addr, "ws://" + addr101, "ws://" + addr101 + "/devtools/browser/renja"} {
		for _, how := range []string{"deadline", "interrupt"} {
			t.Run(ep+" "+how, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				if how == "interrupt" {
					time.AfterFunc(300*time.Millisecond, cancel)
				}
				start := time.Now()
				done := make(chan error, 1)
				go func() {
					b, err := pdf.Connect(ctx, ep)
					if err == nil {
						b.Close()
					}
					done <- err
				}()
				select {
				case err := <-done:
					if err == nil {
						t.Fatal("connected to an endpoint that never answers")
					}
					took := time.Since(start)
					t.Logf("%v after %v", err, took.Round(time.Millisecond))
					if limit := map[string]time.Duration{"deadline": 2 * time.Second, "interrupt": 300 * time.Millisecond}[how]; took > limit+3*time.Second {
						t.Errorf("Connect returned %v after its context ended", took-limit)
					}
				case <-time.After(20 * time.Second):
					t.Fatal("Connect hangs on an endpoint that stalls, 18 s after its context ended")
				}
			})
		}
	}
}
