package cli

import (
	"errors"
	"flag"
	"io"
	"strings"
	"time"

	"renja/internal/diag"
	"renja/internal/scaffold"

	"renja/internal/msg"
)

// runInit is `renja init`: a new project from the bundled one.
func runInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", `init DIR --kecamatan X --kabupaten Y [--office "Kantor Kecamatan X"] [--year N] [--templates] [--blank]
       renja init DIR --from PROJECT [--year N]`, stderr)
	o := scaffold.Options{}
	fs.StringVar(&o.Office, "office", "", msg.Sprintf(`the office's name (default "Kantor Kecamatan " + --kecamatan)`))
	fs.StringVar(&o.Kecamatan, "kecamatan", "", msg.Sprintf("the kecamatan"))
	fs.StringVar(&o.Kabupaten, "kabupaten", "", msg.Sprintf("the kabupaten, without the word Kabupaten"))
	fs.IntVar(&o.Year, "year", time.Now().Year()+1, msg.Sprintf("the plan year"))
	fs.BoolVar(&o.Templates, "templates", false, msg.Sprintf("also copy the default templates/ to edit"))
	fs.BoolVar(&o.Blank, "blank", false, msg.Sprintf("the standard outline (BAB I–V, one line of guidance each) and empty tables instead of the example"))
	from := fs.String("from", "", msg.Sprintf("next year's Renja from this project (its plan year + 1, or --year)"))
	hook := fs.Bool("hook", false, msg.Sprintf("also install a git pre-commit hook that runs renja fmt --check and renja check"))
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(dirs) != 1 {
		fs.Usage()
		return usagef("init needs one folder, got %d: %s", len(dirs), strings.Join(dirs, " "))
	}
	o.Dir = dirs[0]
	if *from != "" {
		year := 0
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "year" {
				year = o.Year
			}
		})
		if err := initFrom(scaffold.FromOptions{Dir: o.Dir, From: *from, Year: year}, stdout); err != nil {
			return err
		}
		if err := initReview(o.Dir, *hook, stdout); err != nil {
			return err
		}
		msg.Fprintf(stdout, "Next: renja check %s lists the cells to fill\n", o.Dir)
		return nil
	}
	if o.Office == "" && o.Kecamatan != "" {
		o.Office = "Kantor Kecamatan " + o.Kecamatan
	}
	files, err := scaffold.Init(o)
	if err != nil {
		return usagef("%v", err)
	}
	msg.Fprintf(stdout, "renja: wrote a new project to %s (%d files)\n", o.Dir, len(files))
	msg.Fprintf(stdout, "  renja.toml  %s, Kabupaten %s, %d: fill in the [bracketed] signatory and address\n", o.Office, o.Kabupaten, o.Year)
	if o.Blank {
		msg.Fprintln(stdout, "  content/    the standard outline of a Renja (Permendagri 86/2017, BAB I–V): replace each [guidance] line")
		msg.Fprintln(stdout, "  data/       the standard tables with their headers and no rows, to fill")
	} else {
		msg.Fprintf(stdout, "  content/    the bundled Renja's narrative, naming %s: example text to rewrite;\n", o.Office)
		msg.Fprintln(stdout, "              its facts ({{ fakta … }}: the Musrenbang's date, how many took part) are marks [isi; …] to fill")
		msg.Fprintln(stdout, "  data/       its tables: example data (another kecamatan's figures) to replace with your own")
	}
	msg.Fprintln(stdout, "Then: renja check lists what is still to fill; renja build --final waits for it.")
	if o.Templates {
		msg.Fprintln(stdout, "  templates/  the default layouts and styles, to adapt")
	}
	if err := initReview(o.Dir, *hook, stdout); err != nil {
		return err
	}
	msg.Fprintf(stdout, "Next: renja serve %s\n", o.Dir)
	return nil
}

// initFrom is renja init --from: next year's Renja from this year's.
func initFrom(o scaffold.FromOptions, stdout io.Writer) error {
	res, err := scaffold.From(o)
	if err != nil {
		var exists bool
		if errors.Is(err, scaffold.ErrExists) {
			exists = true
		}
		if l, ok := diag.ListOf(err); ok || exists {
			_ = l
			return usagef("%v", err)
		}
		return failf("%v", err)
	}
	msg.Fprintf(stdout, "renja: wrote the Renja %d to %s (%d files), from %s's Renja %d\n", res.Year, o.Dir, len(res.Files), o.From, res.OldYear)
	msg.Fprintf(stdout, "  renja.toml  plan year %d; signature and decree dates a year on; the decree number to fill\n", res.Year)
	msg.Fprintln(stdout, "  content/    the text as it was: years written {{ tahun }} or {N} move with the plan year")
	msg.Fprintf(stdout, "  data/       the %d plan from the %d forecast (Tabel 3.1, 4.1 and the review table's rencana awal side);\n", res.Year, res.Year)
	msg.Fprintf(stdout, "              %d cells to fill, marked [isi]: the new forecast, realisation, evaluation\n", res.Todos)
	if res.Facts > 0 {
		msg.Fprintf(stdout, "  content/    %d facts of %d ({{ fakta … }}: dates, counts) marked [isi], to write anew\n", res.Facts, res.OldYear)
	}
	for _, r := range res.Renamed {
		msg.Fprintf(stdout, "  renamed     data/%s.toml: column %s is now %s (the title says the year)\n", r.Table, r.Old, r.New)
	}
	for _, f := range res.Fixed {
		msg.Fprintf(stdout, "  fixed       %s (the year now fits its label)\n", f)
	}
	return nil
}

// parseInterspersed parses flags that may come after the positional
// arguments (renja init DIR --year 2025) and returns the positionals.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
