package cli

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"renja/internal/msg"
)

// printFlags prints a command's usage and flags in the officer's language
// (flag.PrintDefaults writes English).
func printFlags(w io.Writer, fs *flag.FlagSet, synopsis string) {
	msg.Fprintf(w, "Usage: renja %s\n\nFlags:\n", synopsis)
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		switch name {
		case "":
		case "string":
			line += " " + msg.Sprintf("TEXT")
		case "int":
			line += " N"
		default:
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			msg.Fprintf(w, " (default %s)", d)
		}
		fmt.Fprintln(w)
	})
}

// flagErrors writes package flag's error messages in the officer's language.
type flagErrors struct{ w io.Writer }

var flagMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: (.*)$`), "renja: there is no flag %s"},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`), "renja: the flag %s needs a value"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "renja: %s is not written as a flag"},
	{regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?(-[^:]*): .*$`), "renja: %s is not a value for %s"},
}

func (f flagErrors) Write(p []byte) (int, error) {
	s := strings.TrimRight(string(p), "\n")
	for _, m := range flagMessages {
		if g := m.re.FindStringSubmatch(s); g != nil {
			args := make([]any, len(g)-1)
			for i := range args {
				args[i] = g[i+1]
			}
			msg.Fprintln(f.w, m.key, args...)
			return len(p), nil
		}
	}
	return f.w.Write(p)
}
