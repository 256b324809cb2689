package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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
			if code == exitOK || !strings.Contains(errOut, file) {
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

// libraryWords are words of the template and TOML libraries' own errors
// that must not reach an officer.
var libraryWords = regexp.MustCompile(`(?i)\b(expected|unrecognized|character|invalid|hexadecimal|digits|escape|instead|action|operand|unterminated|unclosed|unexpected|got|but|want|usage)\b`)

// TestSyntaxHintsQuoteTheFix: a word processor's curly quotes in a
// template call and in renja.toml, and a Windows path in a "…" string, are
// reported in Indonesian at the offending character (its column in
// characters), with a hint that quotes the corrected text; writing what
// the hint quotes makes the error go away. No word of the libraries'
// English reaches the officer.
func TestSyntaxHintsQuoteTheFix(t *testing.T) {
	for _, c := range []struct {
		name, file, old, bad string
		at                   string // the offending text in bad
		want                 string // in the message
		fixes                []string
		clean                bool // the fixed line has no finding at all
	}{
		{"curly quotes in a call", "content/10-bab-1.md", "Kabupaten {{ kabupaten }}", "Kabupaten {{ kapital “kecamatan” }}", "“",
			"tanda “ tidak dapat dipakai di dalam {{ … }}", []string{`{{ kapital "kecamatan" }}`}, true},
		{"a semicolon in a call", "content/10-bab-1.md", "Kabupaten {{ kabupaten }}", "Kabupaten {{ kabupaten; }}", ";",
			"tanda ; tidak dapat dipakai", nil, false},
		{"an unclosed quote in a call", "content/10-bab-1.md", "Kabupaten {{ kabupaten }}", `Kabupaten {{ kapital "kecamatan }}`, `"kec`,
			"teks dalam tanda kutip tidak ditutup", []string{`{{ kapital "kecamatan" }}`}, true},
		{"a Windows path", "renja.toml", "[plan]", "logo = \"C:\\Users\\camat\\logo.png\"\n\n[plan]", `\U`,
			`garis miring terbalik \ memulai kode khusus, dan \U bukan kode khusus`,
			[]string{`logo = 'C:\Users\camat\logo.png'`, `logo = "C:/Users/camat/logo.png"`}, false},
		{"a Windows path, \\d", "renja.toml", "[plan]", "logo = \"D:\\data\\logo.png\"\n\n[plan]", `\d`,
			`dan \d bukan kode khusus`, []string{`logo = 'D:\data\logo.png'`, `logo = "D:/data/logo.png"`}, false},
		{"curly quotes in renja.toml", "renja.toml", `website = "Kec-kalaena.luwutimurkab.go.id"`, `website = “Kec-kalaena.luwutimurkab.go.id”`, "“",
			"tanda kutip “ adalah tanda kutip lengkung", []string{`website = "Kec-kalaena.luwutimurkab.go.id"`}, true},
		{"a missing column", "data/t41.csv", "kode;uraian;target;pagu;sumber_dana", "kode;uraian;target;pagu", "",
			`kolom "sumber_dana" (Sumber Dana) tidak ada`, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, path, bad := mistake(t, c.file, c.old, c.bad)
			// Where the offending text is: its line, and its column in characters.
			off := strings.Index(bad, c.bad) + strings.Index(c.bad, c.at)
			line := strings.Count(bad[:off], "\n") + 1
			col := utf8.RuneCountInString(bad[strings.LastIndex(bad[:off], "\n")+1:off]) + 1
			where := fmt.Sprintf("%s:%d:%d: ", c.file, line, col)
			if c.at == "" {
				where = fmt.Sprintf("%s:%d: ", c.file, line)
			}
			_, out, errOut := runIn(t, "check", "--lang", "id", dir)
			report := out + errOut
			if w := append(englishWords(report), libraryWords.FindAllString(report, -1)...); len(w) > 0 {
				t.Errorf("English words reach the officer: %q\n%s", w, report)
			}
			var got, hint string
			lines := strings.Split(report, "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, where) {
					got = l
					for _, h := range lines[i+1:] {
						if strings.HasPrefix(h, "\tsaran: ") {
							hint = h
							break
						}
					}
					break
				}
			}
			if !strings.Contains(got, c.want) {
				t.Fatalf("want %s%s…, got:\n%s", where, c.want, report)
			}
			for _, fix := range c.fixes {
				if !strings.Contains(hint, fix) {
					t.Errorf("the hint %q does not quote %q", hint, fix)
				}
				fixedLine := strings.Split(c.bad, "\n")[0]
				fixedLine = strings.Replace(fixedLine, fixedLine[strings.Index(fixedLine, fix[:min(len(fix), 5)]):], fix, 1)
				if strings.HasPrefix(fix, "{{") {
					fixedLine = strings.Replace(c.bad, c.bad[strings.Index(c.bad, "{{"):], fix, 1)
				}
				write(t, path, strings.Replace(bad, strings.Split(c.bad, "\n")[0], fixedLine, 1))
				_, out, errOut := runIn(t, "check", "--lang", "id", dir)
				after := out + errOut
				if strings.Contains(after, c.want) {
					t.Errorf("with %q written, still: %s", fix, c.want)
				}
				if c.clean && strings.Contains(after, fmt.Sprintf("%s:%d:", c.file, line)) {
					t.Errorf("with %q written, %s:%d still has a finding:\n%s", fix, c.file, line, after)
				}
			}
		})
	}
}

// mistake makes a copy of the bundled Renja in which file's first old is
// written as bad; it returns the copy, the file's path and its new text.
func mistake(t *testing.T, file, old, bad string) (dir, path, text string) {
	t.Helper()
	dir = copyBundled(t)
	path = filepath.Join(dir, filepath.FromSlash(file))
	orig := string(must(os.ReadFile(path)))
	if !strings.Contains(orig, old) {
		t.Fatalf("%s has no %q", file, old)
	}
	text = strings.Replace(orig, old, bad, 1)
	write(t, path, text)
	return dir, path, text
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoLibraryEnglish: on each of the officer mistakes, the
// report in the default language has no English word, neither renja's nor
// a library's (the template, TOML and CSV readers').
func TestNoLibraryEnglish(t *testing.T) {
	for _, c := range []struct{ name, file, old, bad string }{
		{"Rp and ,-", "data/t41.csv", ";100%;33.146.700;", ";100%;Rp 33.146.700,-;"},
		{"English grouping", "data/t41.csv", ";100%;33.146.700;", ";100%;33,146,700;"},
		{"a unit in a number column", "data/eval21.csv", "2 dokumen;100;3.852.935", "2 dokumen;2 Dok;3.852.935"},
		{"a letter O in a code", "data/t41.csv", "07.01.01.2.01;", "07.01.01.2.O1;"},
		{"a stray backslash", "data/eval21.csv", "2 dokumen;100;3.852.935", `2 dokumen;\100%;3.852.935`},
		{"curly quotes in a number", "data/eval21.csv", ";3.741.200;", ";“3.741.200”;"},
		{"a ragged row", "data/t41.csv", ";33.146.700;Pendapatan Asli Daerah (PAD)", ";33.146.700"},
		{"an unclosed call", "content/10-bab-1.md", "Kabupaten {{ kabupaten }}", "Kabupaten {{ kabupaten"},
		{"an unknown function", "content/10-bab-1.md", "Kabupaten {{ kabupaten }}", "Kabupaten {{ kabupatn }}"},
		{"a date without quotes that is no date", "renja.toml", "[plan]", "[plan]\nstart = 2024-13-45"},
		{"a key written twice", "renja.toml", "[plan]", "[plan]\nyear = 2023"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, _, _ := mistake(t, c.file, c.old, c.bad)
			_, out, errOut := runIn(t, "check", "--lang", "id", dir)
			report := out + errOut
			if !strings.Contains(report, c.file+":") {
				t.Fatalf("nothing reported in %s:\n%s", c.file, report)
			}
			if w := append(englishWords(report), libraryWords.FindAllString(report, -1)...); len(w) > 0 {
				t.Errorf("English words reach the officer: %q\n%s", w, report)
			}
		})
	}
	for _, args := range [][]string{{"--lang", "id", "bulid"}, {"--lang", "id", "chek", "."}} {
		_, out, errOut := runIn(t, args...)
		if w := append(englishWords(out+errOut), libraryWords.FindAllString(out+errOut, -1)...); len(w) > 0 || !strings.Contains(errOut, "maksudnya") {
			t.Errorf("renja %s: English words %q or no suggestion:\n%s%s", strings.Join(args, " "), w, out, errOut)
		}
	}
}
