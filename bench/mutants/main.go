// Command mutants runs the mutants gremlins reports as NOT COVERED.
//
// gremlins v0.6.0 maps a mutant to Go's coverage profile by position, and the
// condition of a tagless switch case or of a loop lies between the profile's
// blocks (gremlins#298): those mutants are never run, however well the code is
// tested. mutants reads gremlins' JSON report, makes each such mutant the way
// gremlins would (the same token, the same replacement), runs the package's
// tests on it through go test's -overlay (the source tree is never written) and
// writes the report again with the new statuses:
//
//	go run ./bench/mutants -report /tmp/renja-mutation/table.json ./internal/table
//
// A mutant the tests fail on is KILLED, one they pass LIVED, one that does not
// compile NOT VIABLE, one that runs past -timeout TIMED OUT. The mutants
// gremlins reports KILLED that may not compile (ARITHMETIC_BASE: a string's +
// made -; go test exits 1 for a build failure too) are built again, and those
// that do not build are NOT VIABLE.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// replacement is gremlins' table (internal/engine/mappings.go) for the
// mutator types of its default set.
var replacement = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE": {token.ADD: token.SUB, token.MUL: token.QUO, token.QUO: token.MUL,
		token.REM: token.MUL, token.SUB: token.ADD},
	"CONDITIONALS_BOUNDARY": {token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS,
		token.LSS: token.LEQ},
	"CONDITIONALS_NEGATION": {token.EQL: token.NEQ, token.GEQ: token.LSS, token.GTR: token.LEQ,
		token.LEQ: token.GTR, token.LSS: token.GEQ, token.NEQ: token.EQL},
	"INCREMENT_DECREMENT": {token.DEC: token.INC, token.INC: token.DEC},
	"INVERT_NEGATIVES":    {token.SUB: token.ADD},
}

func main() {
	report := flag.String("report", "", "gremlins' JSON report (-o) of the package")
	timeout := flag.Duration("timeout", 5*time.Minute, "a mutant's test run longer than this is TIMED OUT")
	flag.Parse()
	if *report == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mutants -report FILE.json ./internal/PACKAGE")
		os.Exit(2)
	}
	if err := run(*report, flag.Arg(0), *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "mutants:", err)
		os.Exit(1)
	}
}

type mutation struct {
	Type   string `json:"type"`
	Status string `json:"status"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type file struct {
	Name      string     `json:"file_name"`
	Mutations []mutation `json:"mutations"`
}

func run(reportPath, pkg string, timeout time.Duration) error {
	raw, err := os.ReadFile(reportPath)
	if err != nil {
		return err
	}
	// The report is kept as a map so that the fields this command does not
	// know go back out unchanged.
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: %w", reportPath, err)
	}
	var files []file
	if err := json.Unmarshal(doc["files"], &files); err != nil {
		return fmt.Errorf("%s: files: %w", reportPath, err)
	}
	dir, err := os.MkdirTemp("", "mutants")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	count := map[string]int{}
	for fi := range files {
		src := filepath.Join(pkg, files[fi].Name)
		for mi := range files[fi].Mutations {
			m := &files[fi].Mutations[mi]
			switch {
			case m.Status == "KILLED" && m.Type == "ARITHMETIC_BASE":
				// go test exits 1 also when the mutant does not build (a
				// string's + made -), and gremlins counts that as KILLED.
				m.Status, err = test(dir, src, *m, 0)
			case m.Status == "NOT COVERED":
				m.Status, err = test(dir, src, *m, timeout)
			default:
				count[m.Status]++
				continue
			}
			if err != nil {
				return err
			}
			count[m.Status]++
			fmt.Printf("%-12s %s:%d:%d %s\n", m.Status, src, m.Line, m.Column, m.Type)
		}
	}
	doc["files"], _ = json.Marshal(files)
	for _, k := range []struct{ key, status string }{{"mutants_killed", "KILLED"},
		{"mutants_lived", "LIVED"}, {"mutants_not_covered", "NOT COVERED"},
		{"mutants_not_viable", "NOT VIABLE"}, {"mutants_timed_out", "TIMED OUT"}} {
		doc[k.key], _ = json.Marshal(count[k.status])
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	total := 0
	for _, n := range count {
		total += n
	}
	fmt.Printf("%s: %d mutants, %d killed, %d lived, %d timed out, %d not viable, %d not covered\n",
		pkg, total, count["KILLED"], count["LIVED"], count["TIMED OUT"], count["NOT VIABLE"], count["NOT COVERED"])
	return os.WriteFile(reportPath, append(out, '\n'), 0o644)
}

// test makes one mutant of src and runs the tests of src's package (a file
// of a folder below the one named is its own package's, as for gremlins).
func test(dir, src string, m mutation, timeout time.Duration) (string, error) {
	pkg := "./" + filepath.ToSlash(filepath.Dir(src))
	code, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	mutant, err := mutate(code, m)
	if err != nil {
		return "", fmt.Errorf("%s:%d:%d: %w", src, m.Line, m.Column, err)
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	mutantPath := filepath.Join(dir, "mutant.go")
	if err := os.WriteFile(mutantPath, mutant, 0o644); err != nil {
		return "", err
	}
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{abs: mutantPath}})
	overlayPath := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlayPath, overlay, 0o644); err != nil {
		return "", err
	}
	// Built first, so that a mutant that does not compile is told apart from
	// one the tests fail on; run in the package's folder, as go test does.
	bin := filepath.Join(dir, "pkg.test")
	if err := exec.Command("go", "test", "-c", "-o", bin, "-overlay="+overlayPath, pkg).Run(); err != nil {
		return "NOT VIABLE", nil
	}
	if timeout == 0 {
		return "KILLED", nil // built; the tests have failed on it already
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// -test.failfast, as gremlins runs them: a killed mutant needs one
	// failing test, not the package's whole run.
	cmd := exec.CommandContext(ctx, bin, "-test.failfast")
	cmd.Dir = pkg
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return "TIMED OUT", nil
	case err == nil:
		return "LIVED", nil
	case errors.As(err, &exit):
		return "KILLED", nil
	default:
		return "", err
	}
}

// mutate replaces the token at the mutation's line and column (bytes, as
// gremlins and go/token count them) with its replacement.
func mutate(code []byte, m mutation) ([]byte, error) {
	table, ok := replacement[m.Type]
	if !ok {
		return nil, fmt.Errorf("mutator %s is not known", m.Type)
	}
	fset := token.NewFileSet()
	f := fset.AddFile("x.go", -1, len(code))
	var s scanner.Scanner
	s.Init(f, code, nil, 0)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return nil, errors.New("no token at this position: the report is older than the source; run gremlins again")
		}
		p := fset.Position(pos)
		if p.Line != m.Line || p.Column != m.Column {
			continue
		}
		to, ok := table[tok]
		if !ok {
			return nil, fmt.Errorf("%s does not change %q", m.Type, lit+tok.String())
		}
		off := f.Offset(pos)
		var out []byte
		out = append(out, code[:off]...)
		out = append(out, to.String()...)
		return append(out, code[off+len(tok.String()):]...), nil
	}
}
