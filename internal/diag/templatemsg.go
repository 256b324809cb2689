package diag

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"renja/internal/msg"
)

// templateMessages are text/template's parse and call errors in the
// officer's language (keys of package msg). A message that names a sign
// (unrecognized character) is placed at that sign, not at the {{ before it.
var templateMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^(?:unrecognized character in action|bad character) U\+[0-9A-F]+ '(.+)'$`), "the sign %s cannot be used inside {{ … }}"},
	{regexp.MustCompile(`^(?:unrecognized character in action|bad character): U\+[0-9A-F]+ '(.+)'$`), "the sign %s cannot be used inside {{ … }}"},
	{regexp.MustCompile(`^unclosed action$`), "unclosed action"},
	{regexp.MustCompile(`^unclosed action started at .*$`), "unclosed action"},
	{regexp.MustCompile(`^unterminated quoted string$`), "a text in quotes is not closed with its \""},
	{regexp.MustCompile(`^unterminated raw quoted string$`), "a text in quotes is not closed with its \""},
	{regexp.MustCompile(`^unterminated character constant$`), "a text in quotes is not closed with its \""},
	{regexp.MustCompile(`^unclosed left paren$`), "a ( is not closed with its )"},
	{regexp.MustCompile(`^unexpected right paren.*$`), "a ) without its ("},
	{regexp.MustCompile(`^unclosed comment$`), "a comment {{/* is not closed with */}}"},
	{regexp.MustCompile(`^comment ends before closing delimiter$`), "a comment {{/* is not closed with */}}"},
	{regexp.MustCompile(`^unexpected EOF$`), "the text ends inside a {{ … }} block: a {{ end }} is missing"},
	{regexp.MustCompile(`^bad number syntax: "(.*)"$`), "%q cannot be read as a number"},
	{regexp.MustCompile(`^missing value for .*$`), "a {{ … }} has nothing inside it"},
	{regexp.MustCompile(`^empty command$`), "a {{ … }} has nothing inside it"},
	{regexp.MustCompile(`^undefined variable "(.*)"$`), "the variable %q is not defined"},
	{regexp.MustCompile(`^wrong number of args for (\S+): want (\d+) got (\d+)$`), "%s takes %s values, it was given %s"},
	{regexp.MustCompile(`^unexpected (?:"(.*)"|<(.*)>|(EOF)) in .*$`), "%q is not expected here"},
	{regexp.MustCompile(`^unexpected (?:"(.*)"|<(.*)>|(EOF))$`), "%q is not expected here"},
}

// sign captures the sign a message names (unrecognized character).
var signRe = regexp.MustCompile(`U\+[0-9A-F]+ '(.+)'$`)

// curly are the quotes a word processor types for ".
const curly = "“”„‟‘’«»"

// templateMessage translates text; when it names a sign, sign is it.
func templateMessage(text string) (out, sign string) {
	if m := signRe.FindStringSubmatch(text); m != nil {
		sign = m[1]
	}
	if text == "unterminated quoted string" {
		sign = `"`
	}
	for _, t := range templateMessages {
		g := t.re.FindStringSubmatch(text)
		if g == nil {
			continue
		}
		var args []any
		for _, a := range g[1:] {
			if a != "" {
				args = append(args, a)
			}
		}
		if strings.Count(t.key, "%") > len(args) {
			continue
		}
		return msg.Sprintf(t.key, args...), sign
	}
	return text, sign
}

// placeSign puts e's column at sign in its line (the lexer gives the
// action's line only), and for a curly quote quotes the call with straight
// quotes as the hint.
func placeSign(src *Source, e *Error, sign string) {
	i := strings.Index(e.Source, sign)
	if sign == `"` { // unterminated: the last quote opens the text
		i = strings.LastIndex(e.Source, sign)
	}
	if e.Line == 0 || i < 0 {
		return
	}
	e.Column = src.Column(e.Line, i+1)
	if sign == `"` {
		closeQuote(e, i)
		return
	}
	r, _ := utf8.DecodeRuneInString(sign)
	if !IsCurly(r) {
		return
	}
	start := strings.LastIndex(e.Source[:i], "{{")
	end := strings.Index(e.Source[i:], "}}")
	if start < 0 || end < 0 {
		return
	}
	e.Hint = msg.Sprintf("write straight quotes: %s", StraightQuotes(e.Source[start:i+end+2]))
}

// IsCurly reports whether r is a quote a word processor types for ".
func IsCurly(r rune) bool { return strings.ContainsRune(curly, r) }

// StraightQuotes turns a word processor's curly quotes into ".
func StraightQuotes(s string) string {
	return strings.Map(func(r rune) rune {
		if IsCurly(r) {
			return '"'
		}
		return r
	}, s)
}

// closeQuote quotes the call whose text in quotes, opened at i, is not
// closed, with its closing quote.
func closeQuote(e *Error, i int) {
	start := strings.LastIndex(e.Source[:i], "{{")
	end := strings.Index(e.Source[i:], "}}")
	if start < 0 || end < 0 {
		return
	}
	inner := strings.TrimRight(e.Source[start:i+end], " ")
	e.Hint = msg.Sprintf("close the text with \": %s", inner+`" }}`)
}
