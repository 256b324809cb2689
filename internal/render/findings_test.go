package render

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"renja/internal/check"
	"renja/internal/diag"
)

var (
	entryRe = regexp.MustCompile(`<li id="temuan-(\d+)" class="finding (error|warning)"`)
	markRe  = regexp.MustCompile(`<a class="mark" href="#temuan-(\d+)"`)
)

// TestFindingsList: a draft lists every error and warning of the checker,
// numbered 1, 2, … in the order of check.Findings, each mark in a cell
// naming an entry; a document that is no draft (no errors, nothing to
// fill), also one with warnings, has neither marks nor list.
func TestFindingsList(t *testing.T) {
	p, tpl := load(t, "../..")
	ds := check.Run(p)
	errs, warns := check.Count(ds)
	for _, print := range []bool{false, true} {
		out, err := Render(p, tpl, Options{Print: print, Diagnostics: ds})
		if err != nil {
			t.Fatal(err)
		}
		html := string(out.HTML)
		entries := entryRe.FindAllStringSubmatch(html, -1)
		if len(entries) != errs+warns || len(entries) == 0 {
			t.Errorf("print %v: %d entries in the Daftar Temuan, renja check reports %d errors and %d warnings", print, len(entries), errs, warns)
		}
		fs := check.Findings(p, ds)
		for i, e := range entries {
			if e[1] != strconv.Itoa(i+1) {
				t.Fatalf("print %v: entry %d is numbered %s", print, i+1, e[1])
			}
			if want := map[diag.Severity]string{diag.SevError: "error", diag.SevWarning: "warning"}[fs[i].Severity]; e[2] != want {
				t.Errorf("entry %d is %s, the finding %s", i+1, e[2], fs[i].Severity)
			}
		}
		marks := markRe.FindAllStringSubmatch(html, -1)
		if len(marks) < len(entries)/2 {
			t.Errorf("print %v: only %d marks in the tables for %d findings", print, len(marks), len(entries))
		}
		for _, m := range marks {
			if !strings.Contains(html, `<li id="temuan-`+m[1]+`"`) {
				t.Errorf("mark %s names no entry", m[1])
			}
		}
		if print && !strings.Contains(html, `data-page-of="`+findingsID+`"`) {
			t.Error("the draft's contents do not list the Daftar Temuan Pemeriksaan")
		}
	}

	// Warnings alone make no draft: no marks, no list, nothing in the contents.
	var warnings []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.SevWarning {
			warnings = append(warnings, d)
		}
	}
	for _, given := range [][]diag.Diagnostic{warnings, {}} {
		out, err := Render(p, tpl, Options{Print: true, Diagnostics: given})
		if err != nil {
			t.Fatal(err)
		}
		html := string(out.HTML)
		for _, no := range []string{`class="marks"`, `id="` + findingsID + `"`, findingsTitle, `class="num bad"`} {
			if strings.Contains(html, no) {
				t.Errorf("a document with %d warnings and no errors holds %q", len(given), no)
			}
		}
	}
}
