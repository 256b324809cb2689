package cli

import (
	"context"
	"fmt"
	"io"

	"renja/internal/serve"
)

// runServe is `renja serve`: the live preview.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [--port N] [PROJECT]", stderr)
	port := fs.Int("port", 8080, "port on 127.0.0.1 (0: any free port)")
	out := fs.String("o", "", "output folder (default PROJECT/output)")
	chrome := fs.String("chrome", "", "the browser that prints the PDF at /__renja/pdf (default: $RENJA_CHROME, then the usual places)")
	quiet := fs.Bool("q", false, "print no line per rebuild")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	dir, ok := project(fs, stderr)
	if !ok {
		return ExitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "renja: --port %d is not a port\n", *port)
		return ExitUsage
	}
	o := serve.Options{Dir: dir, Out: *out, Port: *port, Chrome: *chrome, Log: stderr}
	if *quiet {
		o.Log = nil
		o.Ready = func(url string) { fmt.Fprintf(stdout, "renja: serving %s\n", url) }
	}
	if err := serve.Run(ctx, o); err != nil {
		fmt.Fprintf(stderr, "renja: %v\n", err)
		return ExitFail
	}
	return ExitOK
}
