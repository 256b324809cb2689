package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
)

// checkJSON runs renja check --json on dir and returns its findings.
func checkJSON(t *testing.T, dir string) []diag.Diagnostic {
	t.Helper()
	_, out, errOut := runIn(t, "check", "--json", dir)
	var ds []diag.Diagnostic
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("renja check --json: %v\n%s%s", err, out, errOut)
	}
	return ds
}

// others counts the findings that neither point into file nor compare with
// it (a cross-table finding needs both tables read).
func others(ds []diag.Diagnostic, file string) (n int) {
	for _, d := range ds {
		if d.File != file && !strings.Contains(d.Message, file) {
			n++
		}
	}
	return n
}

// TestUnreadTableHidesNothing: a table that cannot be read (a column left
// out of its header, a row short of a cell) is one finding; every other
// table of the bundled Renja is still checked and reported, and the summary
// counts them all.
func TestUnreadTableHidesNothing(t *testing.T) {
	const file = "data/t41.csv"
	whole := others(checkJSON(t, copyBundled(t)), file)
	if whole < 10 {
		t.Fatalf("the bundled Renja has %d findings outside %s; the test needs some", whole, file)
	}
	for name, edit := range map[string]func(lines []string){
		"missing column": func(l []string) { l[0] = strings.TrimSuffix(l[0], ";sumber_dana") },
		"ragged row":     func(l []string) { l[2] = l[2][:strings.LastIndex(l[2], ";")] },
	} {
		t.Run(name, func(t *testing.T) {
			dir := copyBundled(t)
			path := filepath.Join(dir, filepath.FromSlash(file))
			lines := strings.Split(string(must(os.ReadFile(path))), "\n")
			edit(lines)
			if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			ds := checkJSON(t, dir)
			var unread []diag.Diagnostic
			for _, d := range ds {
				if d.File == file {
					unread = append(unread, d)
				}
			}
			if len(unread) != 1 || unread[0].Severity != diag.SevError {
				t.Errorf("%s: want one error, got %+v", file, unread)
			}
			if got := others(ds, file); got != whole {
				t.Errorf("the other tables' findings: %d, want %d (as without the mistake)", got, whole)
			}
			code, out, errOut := runIn(t, "check", dir)
			if code == ExitOK || !strings.Contains(errOut, file) {
				t.Errorf("exit %d, stderr %q: want the unread table reported", code, errOut)
			}
			if !strings.Contains(out, "data/t31.csv:") {
				t.Errorf("the other tables' findings are not printed:\n%s", out)
			}
			errs, _ := check.Count(ds)
			if !strings.Contains(out, "\n"+strconv.Itoa(errs)+" ") {
				t.Errorf("the summary does not count all %d errors:\n%s", errs, out[max(0, len(out)-200):])
			}
		})
	}
}
