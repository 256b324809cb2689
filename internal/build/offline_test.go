package build

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"renja/internal/gen"
	"renja/internal/pdf/pdftest"
	deftpl "renja/templates"
)

// TestPrintNoWebSocket: a project's templates/document.html that opens a
// WebSocket to a server on the loopback address while the PDF prints: the
// print completes, and the server sees no connection.
func TestPrintNoWebSocket(t *testing.T) {
	pdftest.Chrome(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var conns atomic.Int32
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
	dir := t.TempDir()
	if err := gen.Write(dir, 5); err != nil {
		t.Fatal(err)
	}
	doc, err := deftpl.FS.ReadFile("document.html")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	script := fmt.Sprintf(`<script>for (const u of ["ws://127.0.0.1:%d/", "wss://127.0.0.1:%d/", "ws://localhost:%d/"]) { try { new WebSocket(u); } catch (e) {} }
const until = Date.now() + 500; while (Date.now() < until) {}</script></body>`, port, port, port)
	own := strings.Replace(string(doc), "</body>", script, 1)
	if own == string(doc) {
		t.Fatal("document.html has no </body>")
	}
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "templates", "document.html"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := Build(ctx, Options{Dir: dir, Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if res.PDF == "" {
		t.Fatal("no PDF printed")
	}
	time.Sleep(300 * time.Millisecond)
	if n := conns.Load(); n > 0 {
		t.Errorf("%d WebSocket connection(s) left the print", n)
	}
}
