package cli

import (
	"context"
	"io"

	"renja/internal/limits"
	"renja/internal/serve"

	"renja/internal/msg"
)

// runServe is `renja serve`: the live preview.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [--port N] [PROJECT]", stderr)
	port := fs.Int("port", 8080, msg.Sprintf("port on 127.0.0.1 (0: any free port)"))
	out := fs.String("o", "", msg.Sprintf("output folder (default PROJECT/output)"))
	chrome := fs.String("chrome", "", msg.Sprintf("the browser that prints the PDF at /__renja/pdf, a program or a ws:// endpoint (default: $RENJA_CHROME_URL, then $RENJA_CHROME, then the usual places)"))
	quiet := fs.Bool("q", false, msg.Sprintf("print no line per rebuild"))
	timeout := fs.Duration("timeout", limits.BuildTime, msg.Sprintf("stop a build that runs longer than this (e.g. 30m)"))
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	dir, err := project(fs)
	if err != nil {
		return err
	}
	if *port < 0 || *port > 65535 {
		return usagef("--port %d is not a port", *port)
	}
	o := serve.Options{Dir: dir, Out: *out, Port: *port, Chrome: *chrome, Log: stderr, MaxTime: *timeout}
	if *quiet {
		o.Log = nil
		o.Ready = func(url string) { msg.Fprintf(stdout, "renja: serving %s\n", url) }
	}
	if err := serve.Run(ctx, o); err != nil {
		return failed(err)
	}
	return nil
}
