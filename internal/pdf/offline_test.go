package pdf

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// listenTCP counts the connections made to a loopback port.
func listenTCP(t *testing.T) (port int, conns *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	conns = new(atomic.Int32)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port, conns
}

// listenUDP counts the datagrams sent to a loopback port (a STUN server for
// WebRTC).
func listenUDP(t *testing.T) (port int, packets *atomic.Int32) {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	packets = new(atomic.Int32)
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := pc.ReadFrom(buf); err != nil {
				return
			}
			packets.Add(1)
		}
	}()
	return pc.LocalAddr().(*net.UDPAddr).Port, packets
}

// TestPrintRefusesEveryScheme prints a page whose script opens WebSockets
// (ws:, wss:), a WebRTC connection with a STUN server, an EventSource and a
// fetch, all to servers on the loopback address that count what reaches
// them: while the page prints, nothing may.
func TestPrintRefusesEveryScheme(t *testing.T) {
	b := sharedBrowser(t)
	wsPort, wsConns := listenTCP(t)
	httpPort, httpConns := listenTCP(t)
	stunPort, stunPackets := listenUDP(t)
	page := fmt.Sprintf(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>t</title></head><body>
<p>Halaman uji.</p>
<script>
const tries = [];
try { new WebSocket("ws://127.0.0.1:%[1]d/"); } catch (e) {}
try { new WebSocket("wss://127.0.0.1:%[1]d/"); } catch (e) {}
try { new WebSocket("ws://localhost:%[1]d/"); } catch (e) {}
try { new WebSocket("ws://[::1]:%[1]d/"); } catch (e) {}
try { new EventSource("http://127.0.0.1:%[2]d/"); } catch (e) {}
try { fetch("http://127.0.0.1:%[2]d/").catch(() => {}); } catch (e) {}
try {
  const pc = new RTCPeerConnection({iceServers: [{urls: "stun:127.0.0.1:%[3]d"}]});
  pc.createDataChannel("x");
  pc.createOffer().then(o => pc.setLocalDescription(o));
} catch (e) {}
try {
  const w = new Worker(URL.createObjectURL(new Blob(['new WebSocket("ws://127.0.0.1:%[1]d/w")'], {type: "text/javascript"})));
} catch (e) {}
// Keep the load event back a little, so that the attempts are made before the print.
window.addEventListener("load", () => {});
const until = Date.now() + 700; while (Date.now() < until) {}
</script>
</body></html>`, wsPort, httpPort, stunPort)
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, _, err := b.Print(ctx, root, "index.html"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // let late attempts arrive
	if n := wsConns.Load(); n > 0 {
		t.Errorf("%d WebSocket connection(s) reached the loopback server while printing", n)
	}
	if n := httpConns.Load(); n > 0 {
		t.Errorf("%d HTTP connection(s) reached the loopback server while printing", n)
	}
	if n := stunPackets.Load(); n > 0 {
		t.Errorf("%d WebRTC (STUN) packet(s) reached the loopback server while printing", n)
	}
}
