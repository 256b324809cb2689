// Package cli is renja's command line: flags, messages and exit codes. Each
// command returns an error; exit.go is the one place that prints it and maps
// it to the exit code. The work is done by the stage packages; main only
// wires signals to Run.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"renja/internal/build"
	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/limits"
	"renja/internal/msg"
	"renja/internal/near"
	"renja/internal/version"
)

// commands are the lines of renja's usage: the syntax and what it does.
// A new command adds its line here and its text to internal/msg.
var commands = []struct{ syntax, what string }{
	{"build [flags] [PROJECT]", "check, then write the website and the PDF to PROJECT/output"},
	{"check [flags] [PROJECT]", "check every number and report each mistake at its cell"},
	{"diff [REV [REV]]", "what changed in the plan, by code, with the effect on every total"},
	{"fmt [--check] [PROJECT]", "write every table in canonical form (undoes an Excel round trip)"},
	{"sign --bsre URL IN.pdf", "sign the final PDF through BSrE's eSign Client (or --p12 FILE to test without BSrE)"},
	{"verify [--bsre URL] FILE.pdf", "is the signature intact, who signed, and was it built from these sources"},
	{"serve [flags] [PROJECT]", "preview the website on 127.0.0.1, rebuilt on every change"},
	{"init DIR --kecamatan X --kabupaten Y [--year N]", "start a new project from the bundled one"},
	{"version", "print the version"},
}

// usage is renja's help text in the officer's language.
func usage() string {
	var b strings.Builder
	b.WriteString(msg.Sprintf("renja makes a kecamatan's Rencana Kerja (Renja) from plain files.") + "\n\n")
	b.WriteString(msg.Sprintf("Usage:") + "\n")
	for _, c := range commands {
		pad := max(1, 24-len(c.syntax))
		fmt.Fprintf(&b, "  renja %s%s  %s\n", c.syntax, strings.Repeat(" ", pad), msg.Sprintf(c.what))
	}
	b.WriteString("\n" + msg.Sprintf("PROJECT is the folder holding renja.toml (default: the current folder).") + "\n")
	b.WriteString(msg.Sprintf("Run 'renja COMMAND -h' for a command's flags.") + "\n")
	b.WriteString(msg.Sprintf("Messages are in Indonesian; --lang en (or RENJA_LANG=en) writes them in English.") + "\n")
	return b.String()
}

// Run runs one command line and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			msg.Fprintf(stderr, "renja: internal error: %v\nPlease report this with the command you ran.\n%s", r, debug.Stack())
			code = exitFail
		}
	}()
	return report(stderr, run(ctx, args, stdout, stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	args, lang, err := language(args)
	if err != nil {
		return err
	}
	msg.SetLang(lang)
	if len(args) == 0 {
		return &exitError{exitUsage, strings.TrimRight(usage(), "\n")}
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], stdout, stderr)
	case "sign":
		return runSign(ctx, args[1:], stdout, stderr)
	case "verify":
		return runVerify(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	case "fmt":
		return runFmt(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "renja", version.Get())
		return nil
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage())
		return nil
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i], _, _ = strings.Cut(c.syntax, " ")
	}
	if m := near.Closest(args[0], names); m != "" {
		return usagef("unknown command %q: did you mean renja %s?", args[0], m)
	}
	return usagef("unknown command %q\n\n%s", args[0], strings.TrimRight(usage(), "\n"))
}

// language takes --lang LANG (or --lang=LANG) from anywhere in args; without
// it, $RENJA_LANG; without that, Indonesian.
func language(args []string) ([]string, msg.Lang, error) {
	name, set := os.Getenv("RENJA_LANG"), false
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				return nil, "", usagef("--lang needs a language: id or en")
			}
			name, set = args[i+1], true
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			name, set = a[strings.Index(a, "=")+1:], true
		default:
			rest = append(rest, a)
		}
	}
	l, ok := msg.Parse(name)
	switch {
	case !ok && set:
		return nil, "", usagef("--lang %q is not a language renja speaks: write id (Bahasa Indonesia) or en (English)", name)
	case !ok:
		return nil, "", usagef("RENJA_LANG %q is not a language renja speaks: write id (Bahasa Indonesia) or en (English)", name)
	}
	return rest, l, nil
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagErrors{stderr})
	fs.Usage = func() { printFlags(stderr, fs, synopsis) }
	return fs
}

// project returns the one positional argument, or ".".
func project(fs *flag.FlagSet) (string, error) {
	switch fs.NArg() {
	case 0:
		return ".", nil
	case 1:
		return fs.Arg(0), nil
	}
	return "", usagef("one project folder at most, got %d: %s", fs.NArg(), strings.Join(fs.Args(), " "))
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "build [flags] [PROJECT ...]", stderr)
	out := fs.String("o", "", msg.Sprintf("output folder (default PROJECT/output)"))
	noPDF := fs.Bool("no-pdf", false, msg.Sprintf("write the website only"))
	final := fs.Bool("final", false, msg.Sprintf("refuse while renja check reports errors; print the final PDF"))
	chrome := fs.String("chrome", "", msg.Sprintf("Chrome, Chromium or Edge to print with, or a running one's DevTools endpoint ws://HOST:PORT/… (default: $RENJA_CHROME_URL, then $RENJA_CHROME, then the usual places)"))
	date := fs.String("date", "", msg.Sprintf("date written into the PDF, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else now)"))
	quiet := fs.Bool("q", false, msg.Sprintf("print no progress"))
	install := fs.Bool("install-chrome", false, msg.Sprintf("install Debian's Chromium with apt-get when no browser is found (root only)"))
	debug := fs.Bool("debug", false, msg.Sprintf("on failure, also print the chain of Go errors behind the message"))
	timeout := fs.Duration("timeout", limits.BuildTime, msg.Sprintf("stop a build that runs longer than this (e.g. 30m)"))
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if *timeout <= 0 {
		return usagef("--timeout %v is not a duration; write e.g. 10m or 90s", *timeout)
	}
	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	if len(dirs) > 1 && *out != "" {
		return usagef("-o names one output folder; with several projects each writes to its own PROJECT/output")
	}
	if *install && !*noPDF {
		if err := installChrome(ctx, *chrome, stderr); err != nil {
			return failf("%v", err)
		}
	}
	when, err := pdfDate(*date)
	if err != nil {
		return usagef("%v", err)
	}
	if len(dirs) > 1 {
		return runBatch(ctx, dirs, build.Options{NoPDF: *noPDF, Final: *final, Chrome: *chrome, Date: when, MaxTime: *timeout}, *quiet, stdout, stderr)
	}
	o := build.Options{Dir: dirs[0], Out: *out, NoPDF: *noPDF, Final: *final, Chrome: *chrome, Date: when, MaxTime: *timeout, Reuse: true}
	if !*quiet {
		o.Log = stderr
	}
	res, err := build.Build(ctx, o)
	var noChrome *build.NoChromeError
	stopped := err != nil && !errors.Is(err, build.ErrFinal) && !errors.As(err, &noChrome)
	if res != nil && !stopped {
		printDiagnostics(stderr, res.Diagnostics, *quiet)
		for _, u := range res.Unpublished {
			msg.Fprintf(stderr, "renja: warning: %s\n", u)
		}
	}
	switch {
	case errors.Is(err, build.ErrFinal):
		return failf("the checker reports %d errors and %d things to fill: a final PDF is refused; nothing was written", res.Errors, res.Todos)
	case errors.As(err, &noChrome):
		return failf("the website was written to %s, but no PDF: %v", outDir(o), err)
	case err != nil && ctx.Err() != nil:
		return failf("interrupted; Chrome was stopped and output/ was left as it was")
	case err != nil:
		if *debug {
			defer debugChain(stderr, err) // after the message
		}
		after := []string{msg.Sprintf("build failed; output/ was left as it was")}
		if res != nil {
			if e, w := check.Count(res.Diagnostics); e+w > 0 {
				after = append(after, msg.Sprintf("the checker also reports %d errors, %d warnings (renja check lists them)", e, w))
			}
		}
		return failed(err, after...)
	}
	if !*quiet {
		what := msg.Sprintf("website")
		if res.PDF != "" {
			what = msg.Sprintf("website and %s", res.PDF)
		}
		state := msg.Sprintf("final")
		if res.Errors > 0 || res.Todos > 0 {
			state = msg.Sprintf("DRAFT (%d errors to fix and %d things to fill before it can be final)", res.Errors, res.Todos)
		} else if !*final {
			state = msg.Sprintf("ready")
		}
		msg.Fprintf(stdout, "renja: wrote %s to %s: %s\n", what, outDir(o), state)
	}
	return nil
}

// runBatch builds several projects with one browser and prints one line
// for each: what it wrote, or why it failed.
func runBatch(ctx context.Context, dirs []string, common build.Options, quiet bool, stdout, stderr io.Writer) error {
	opts := make([]build.Options, len(dirs))
	for i, d := range dirs {
		opts[i] = common
		opts[i].Dir = d
	}
	var failure error
	for _, oc := range build.BuildAll(ctx, opts) {
		o, res, err := oc.Options, oc.Result, oc.Err
		switch {
		case err != nil:
			failure = errReported
			msg.Fprintf(stderr, "renja: %s: build failed:\n%s\n", o.Dir, diag.Detail(err))
		case !quiet:
			state := msg.Sprintf("ready")
			if res.Errors > 0 || res.Todos > 0 {
				state = msg.Sprintf("DRAFT (%d errors, %d to fill; run renja check %s)", res.Errors, res.Todos, o.Dir)
			}
			msg.Fprintf(stdout, "renja: %s: wrote %s: %s\n", o.Dir, outDir(o), state)
		}
		if err == nil {
			for _, u := range res.Unpublished {
				msg.Fprintf(stderr, "renja: %s: warning: %s\n", o.Dir, u)
			}
		}
	}
	return failure
}

// debugChain prints each error behind err with its Go type, for a bug report.
func debugChain(w io.Writer, err error) {
	for depth := 0; err != nil && depth < 32; depth++ {
		fmt.Fprintf(w, "debug: %*s%T: %v\n", 2*depth, "", err, strings.SplitN(err.Error(), "\n", 2)[0])
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				debugChain(w, e)
			}
			return
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return
		}
	}
}

func outDir(o build.Options) string {
	if o.Out != "" {
		return o.Out
	}
	return strings.TrimPrefix(o.Dir+"/output", "./")
}

func pdfDate(s string) (time.Time, error) {
	if s != "" {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return time.Time{}, errors.New(msg.Sprintf("--date %q is not a date: write YYYY-MM-DD", s))
		}
		return t, nil
	}
	if e := os.Getenv("SOURCE_DATE_EPOCH"); e != "" {
		n, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			return time.Time{}, errors.New(msg.Sprintf("SOURCE_DATE_EPOCH %q is not a number of seconds", e))
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Time{}, nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "check [--json] [PROJECT]", stderr)
	asJSON := fs.Bool("json", false, msg.Sprintf("print a JSON array of diagnostics"))
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	dir, err := project(fs)
	if err != nil {
		return err
	}
	// One report: files that cannot be read, the Markdown's calls and the
	// project's layouts (found by rendering), and the checker's findings,
	// never one kind hiding another.
	var unread diag.List
	ds, err := build.Check(ctx, dir)
	if err != nil && ctx.Err() != nil {
		return failf("interrupted")
	}
	if err != nil {
		l, ok := diag.ListOf(err)
		if !ok {
			return unreadable(err)
		}
		unread = l
	}
	all := append(check.InputDiagnostics(unread), ds...)
	if *asJSON {
		diag.SortDiagnostics(all)
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(all)
	} else {
		// Files that cannot be read go to stderr, with their excerpt, as
		// every command prints them; the findings to stdout; the summary
		// counts both.
		for _, e := range unread {
			fmt.Fprintln(stderr, e.ErrorWithPosition())
		}
		printDiagnostics(stdout, all, false)
	}
	if len(unread) > 0 {
		return &exitError{code: exitUsage}
	}
	if e, _ := check.Count(ds); e > 0 {
		return errReported
	}
	return nil
}

// printDiagnostics prints them grouped by file, with a summary line; quiet
// prints the summary line alone (renja check lists them).
func printDiagnostics(w io.Writer, ds []diag.Diagnostic, quiet bool) {
	e, wn := check.Count(ds)
	todo := check.Todos(ds)
	examples := check.ExampleRows(ds)
	if quiet {
		switch {
		case examples > 0:
			msg.Fprintf(w, "renja: %d errors, %d warnings, %d to fill, %d example rows (renja check lists them)\n", e, wn, todo, examples)
		case todo > 0:
			msg.Fprintf(w, "renja: %d errors, %d warnings, %d to fill (renja check lists them)\n", e, wn, todo)
		case e+wn > 0:
			msg.Fprintf(w, "renja: %d errors, %d warnings (renja check lists them)\n", e, wn)
		}
		return
	}
	file := ""
	for _, d := range check.Fold(ds) {
		if d.Rule == check.Input {
			continue // printed with its excerpt
		}
		if d.File != file && file != "" {
			fmt.Fprintln(w)
		}
		file = d.File
		fmt.Fprintln(w, d.String())
		if d.Folded > 0 {
			fmt.Fprintln(w, "\t"+msg.Sprintf("… and %d more that follow from it (renja check --json lists them)", d.Folded))
		}
	}
	switch {
	case examples > 0:
		msg.Fprintf(w, "\n%d errors, %d warnings, %d to fill, %d example rows\n", e, wn, todo, examples)
	case todo > 0:
		msg.Fprintf(w, "\n%d errors, %d warnings, %d to fill\n", e, wn, todo)
	case e+wn > 0:
		msg.Fprintf(w, "\n%d errors, %d warnings\n", e, wn)
	}
}
