// Command renja builds an Indonesian kecamatan's annual work plan (Rencana
// Kerja, "Renja") from Markdown, CSV and TOML files: a checked website and a
// print-grade PDF.
//
// Usage:
//
//	renja build [-o DIR] [--no-pdf] [--final] [--chrome PATH] [--install-chrome] [--date YYYY-MM-DD] [-q] [PROJECT]
//	renja check [--json] [PROJECT]
//	renja serve [--port N] [-o DIR] [--chrome PATH] [-q] [PROJECT]
//	renja init DIR --kecamatan X --kabupaten Y [--office NAME] [--year N] [--templates]
//	renja version
//
// Exit codes: 0 success, 1 the build or check failed, 2 bad usage or unreadable input.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"renja/internal/cli"
)

func main() {
	cli.LazyGC() // a short command runs without collecting; see LazyGC
	// The first Ctrl-C (or SIGTERM) asks the command to stop cleanly; it
	// stops at its next check, leaving output/ as it was. A second one
	// stops renja at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	again := make(chan os.Signal, 1)
	go func() {
		<-ctx.Done()
		signal.Notify(again, os.Interrupt, syscall.SIGTERM)
		<-again
		fmt.Fprintln(os.Stderr, "renja: dihentikan paksa (sinyal kedua)")
		os.Exit(130)
	}()
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
