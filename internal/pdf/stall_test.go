package pdf_test

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"renja/internal/pdf"
	"renja/internal/pdf/pdftest"
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

// freezingProxy forwards TCP connections to upstream (host:port) until
// freeze is called; from then on it forwards nothing, both ways, as a
// browser that stops answering in the middle of a print.
func freezingProxy(t *testing.T, upstream string) (addr string, freeze func()) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	frozen := make(chan struct{})
	ended := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { l.Close(); close(ended) })
	pipe := func(dst, src net.Conn) {
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			select {
			case <-frozen:
				<-ended
				return
			default:
			}
			if n > 0 {
				if _, err := dst.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", upstream)
			if err != nil {
				c.Close()
				continue
			}
			go func() { <-ended; c.Close(); up.Close() }()
			go pipe(up, c)
			go pipe(c, up)
		}
	}()
	return l.Addr().String(), func() { once.Do(func() { close(frozen) }) }
}

// TestPrintStalls: a remote browser that stops answering in the middle of
// the work (a proxy in between that freezes) neither keeps a print that is
// interrupted waiting nor closing the connection.
func TestPrintStalls(t *testing.T) {
	endpoint := pdftest.Remote(t)
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	addr, freeze := freezingProxy(t, u.Host)
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "index.html"), []byte(remoteHTML), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := pdf.Connect(ctx, "ws://"+addr+u.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Print(ctx, root, "index.html"); err != nil {
		t.Fatalf("a print before the stall: %v", err)
	}
	freeze()
	pctx, stop := context.WithCancel(ctx)
	time.AfterFunc(300*time.Millisecond, stop) // Ctrl-C
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		_, _, err := b.Print(pctx, root, "index.html")
		done <- err
	}()
	select {
	case err := <-done:
		t.Logf("the print ended %v after the interrupt: %v", time.Since(start)-300*time.Millisecond, err)
		if err == nil {
			t.Error("a print on a browser that stopped answering succeeded")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("an interrupted print on a stalled browser still waits 10 s later")
	}
	closed := make(chan error, 1)
	start = time.Now()
	go func() { closed <- b.Close() }()
	select {
	case <-closed:
		t.Logf("closing took %v", time.Since(start))
	case <-time.After(15 * time.Second):
		t.Fatal("closing the connection to a stalled browser still waits 15 s later")
	}
}
