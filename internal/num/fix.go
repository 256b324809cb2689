package num

import (
	"regexp"
	"strings"
	"unicode"

	"renja/internal/msg"
)

// A fix is what the officer most likely meant: the cell rewritten so that the
// same parser reads it. Each step undoes one everyday slip (a currency sign,
// Word's curly quotes, Excel's English grouping, a letter typed for a digit);
// a fix is offered only when the rewritten text then reads without error, so
// applying the hint gives a clean cell.

var (
	usGrouping = regexp.MustCompile(`^-?\d{1,3}(,\d{3})+(\.\d+)?$`) // 5,248,200 or 5,248,200.50
	trailDash  = regexp.MustCompile(`[,.]?\s*-+$`)                  // Rp 5.248.200,- : "no cents"
	numUnit    = regexp.MustCompile(`^(-?[\d.,]+)\s*(\p{L}[\p{L}/ .]*)$`)
)

// lookalikes are letters typed for digits among digits: O for 0, l and I for 1.
var lookalikes = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1")

// straighten turns Word's curly quotes and odd spaces into plain ones.
var straighten = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u00a0", " ", "\u202f", " ")

// fixNumber returns the corrected spelling of s for parse, a short reason, and
// whether renja can tell.
func fixNumber(s string, parse func(string) error, unitless bool) (fix, why string, ok bool) {
	t := strings.TrimSpace(straighten.Replace(s))
	try := func(c, reason string) bool {
		c = strings.TrimSpace(c)
		if c != "" && c != strings.TrimSpace(s) && parse(c) == nil {
			fix, why, ok = c, reason, true
			return true
		}
		return false
	}
	body := stripRp(t)
	if body != t {
		t = body
		if try(t, "") {
			return
		}
	}
	if d := trailDash.ReplaceAllString(t, ""); d != t && d != "" {
		t = d
		if try(t, "") {
			return
		}
	}
	if try(t, "") {
		return
	}
	if usGrouping.MatchString(t) {
		if try(strings.NewReplacer(",", ".", ".", ",").Replace(t), msg.Sprintf("in Indonesian numbers a dot groups thousands and a comma marks decimals")) {
			return
		}
	}
	if strings.Count(t, ".") == 1 && !strings.Contains(t, ",") {
		if try(strings.Replace(t, ".", ",", 1), msg.Sprintf("a dot groups thousands; for a decimal use a comma")) {
			return
		}
	}
	if strings.ContainsAny(t, "0123456789") && strings.ContainsAny(t, "OolI") {
		if try(lookalikes.Replace(t), msg.Sprintf("a letter was typed for a digit")) {
			return
		}
	}
	if unitless {
		if m := numUnit.FindStringSubmatch(t); m != nil && try(m[1], msg.Sprintf("the unit %q belongs in the indicator, not in this column", m[2])) {
			return
		}
	}
	// A stray sign typed into the number: \100%, 100%', *5.000.
	if p := strings.Map(func(r rune) rune {
		if (unicode.IsPunct(r) || unicode.IsSymbol(r)) && !strings.ContainsRune(".,%-", r) {
			return -1
		}
		return r
	}, t); p != t && try(p, "") {
		return
	}
	return "", "", false
}

// withFix puts the fix into e's hint, quoting the text to write.
func withFix(e *Error, s string, parse func(string) error, unitless bool) *Error {
	fix, why, ok := fixNumber(s, parse, unitless)
	if !ok {
		return e
	}
	e.Fix = fix
	if why != "" {
		e.Hint = msg.Sprintf("write %q: %s", fix, why)
	} else {
		e.Hint = msg.Sprintf("write %q", fix)
	}
	return e
}

func moneyOK(s string) error   { _, _, err := parseMoney(s); return err }
func decOK(s string) error     { _, _, err := parseDec(s); return err }
func percentOK(s string) error { _, _, err := parsePercent(s); return err }
func targetOK(s string) error  { _, _, err := parseTarget(s); return err }
