// Package num reads and writes the numbers of a Renja as Indonesian offices type them.
//
// One rule makes every spelling unambiguous: a dot only groups thousands (always
// followed by exactly three digits) and a comma is the only decimal mark. So
// "2.590.643.300" is a Rupiah amount, "99,47" a percentage, and "1.5" an error
// (did you mean "1,5"?). Plain digits ("2590643300") are accepted too, and so are
// an "Rp" prefix on money and a "%" suffix on percentages. An empty cell or "-"
// means nothing was planned or reported.
//
// Money is an integer of Rupiah; every other quantity is a fixed-point Dec with
// four decimals, so sums are exact and never pass through float64.
package num

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"renja/internal/msg"
)

// Money is an amount of Rupiah. Rupiah amounts in a Renja have no decimals.
type Money int64

// Dec is a fixed-point number with four decimals: Dec(12345) is 1,2345.
type Dec int64

// Scale is the factor between a Dec and the number it stands for.
const Scale = 10000

// DecOf returns the Dec for a whole number.
func DecOf(n int64) Dec { return Dec(n * Scale) }

// Error says what was found in a cell, what was expected and how to fix it.
type Error struct {
	Found    string
	Expected string
	Hint     string
	// Fix is the cell as the officer most likely meant it, which reads
	// without error; the hint quotes it. Empty when renja cannot tell.
	Fix string
	// Offset is the byte offset in the input where the problem starts.
	Offset int
}

func (e *Error) Error() string {
	if e.Hint != "" {
		return msg.Sprintf("found %q, expected %s (hint: %s)", e.Found, e.Expected, e.Hint)
	}
	return msg.Sprintf("found %q, expected %s", e.Found, e.Expected)
}

// IsBlank reports whether a cell says "nothing": empty, or a dash.
func IsBlank(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "-" || s == "–" || s == "—"
}

// ParseMoney reads a Rupiah amount. ok is false for a blank cell.
func ParseMoney(s string) (m Money, ok bool, err error) {
	m, ok, err = parseMoney(s)
	if e, is := err.(*Error); is {
		err = withFix(e, s, moneyOK, true)
	}
	return
}

func parseMoney(s string) (m Money, ok bool, err error) {
	if IsBlank(s) {
		return 0, false, nil
	}
	body, neg := trimSign(stripRp(strings.TrimSpace(s)))
	ip, frac, perr := splitNumber(s, body)
	if perr != nil {
		return 0, false, perr
	}
	if frac != "" && (len(frac) > 2 || strings.Trim(frac, "0") != "") {
		// Excel's Accounting and Number formats write whole Rupiah as
		// 15.500.000,00: ",00" and ",0" are read as the whole amount.
		hint := msg.Sprintf("Rupiah amounts have no decimals")
		if len(frac) == 3 {
			hint = msg.Sprintf("a comma here looks like a thousands separator: write %s.%s with a dot", dotted(ip), frac)
		}
		return 0, false, &Error{Found: s, Expected: msg.Sprintf("a whole number of Rupiah such as 2.590.643.300"), Hint: hint}
	}
	v, perr := parseDigits(s, ip)
	if perr != nil {
		return 0, false, perr
	}
	if neg {
		v = -v
	}
	return Money(v), true, nil
}

// ParseDec reads a quantity such as "2.379", "99,47" or "2,5".
func ParseDec(s string) (d Dec, ok bool, err error) {
	d, ok, err = parseDec(s)
	if e, is := err.(*Error); is {
		err = withFix(e, s, decOK, true)
	}
	return
}

func parseDec(s string) (d Dec, ok bool, err error) {
	if IsBlank(s) {
		return 0, false, nil
	}
	body, neg := trimSign(strings.TrimSpace(s))
	return decOf(s, body, neg)
}

// ParsePercent reads a percentage: "99,47", "100%", "97,5 %".
func ParsePercent(s string) (d Dec, ok bool, err error) {
	d, ok, err = parsePercent(s)
	if e, is := err.(*Error); is {
		err = withFix(e, s, percentOK, true)
	}
	return
}

func parsePercent(s string) (d Dec, ok bool, err error) {
	if IsBlank(s) {
		return 0, false, nil
	}
	body := strings.TrimSpace(s)
	body = strings.TrimSpace(strings.TrimSuffix(body, "%"))
	body, neg := trimSign(body)
	return decOf(s, body, neg)
}

func decOf(orig, body string, neg bool) (Dec, bool, error) {
	ip, frac, err := splitNumber(orig, body)
	if err != nil {
		return 0, false, err
	}
	v, err := parseDigits(orig, ip)
	if err != nil {
		return 0, false, err
	}
	if len(frac) > 4 {
		return 0, false, &Error{Found: orig, Expected: msg.Sprintf("at most four decimals"), Hint: msg.Sprintf("round the number")}
	}
	f := int64(0)
	if frac != "" {
		fv, _ := parseDigits(orig, frac)
		for i := len(frac); i < 4; i++ {
			fv *= 10
		}
		f = fv
	}
	if v > (1<<62)/Scale {
		return 0, false, &Error{Found: orig, Expected: msg.Sprintf("a number below 10^14"), Hint: msg.Sprintf("check the cell")}
	}
	d := Dec(v*Scale + f)
	if neg {
		d = -d
	}
	return d, true, nil
}

// Target is a planned or achieved value with its unit: "3 Dok", "17 Org/ Bln", "100%".
type Target struct {
	Value Dec
	Unit  string // "%" for a percentage; "" when the cell has no unit
}

// ParseTarget reads a number followed by its unit.
func ParseTarget(s string) (t Target, ok bool, err error) {
	t, ok, err = parseTarget(s)
	if e, is := err.(*Error); is {
		err = withFix(e, s, targetOK, false)
	}
	return
}

func parseTarget(s string) (t Target, ok bool, err error) {
	if IsBlank(s) {
		return Target{}, false, nil
	}
	body := strings.TrimSpace(s)
	i := 0
	for i < len(body) && (body[i] >= '0' && body[i] <= '9' || body[i] == '.' || body[i] == ',') {
		i++
	}
	if i == 0 {
		r, _ := utf8.DecodeRuneInString(body)
		return Target{}, false, &Error{Found: s, Expected: msg.Sprintf("a number followed by its unit, such as 12 Dok or 100%%"),
			Hint: msg.Sprintf("remove the stray %q before the number", r)}
	}
	numPart, unit := body[:i], strings.TrimSpace(body[i:])
	d, _, err := decOf(s, numPart, false)
	if err != nil {
		return Target{}, false, err
	}
	if strings.HasPrefix(unit, "%") {
		if strings.TrimSpace(unit[1:]) != "" {
			return Target{}, false, &Error{Found: s, Expected: msg.Sprintf("nothing after %%"), Hint: msg.Sprintf("write the unit once")}
		}
		unit = "%"
	}
	return Target{Value: d, Unit: unit}, true, nil
}

// String writes the target the Indonesian way: "3 Dok", "100%".
func (t Target) String() string {
	n := FormatDec(t.Value, -1)
	switch t.Unit {
	case "":
		return n
	case "%":
		return n + "%"
	}
	return n + " " + t.Unit
}

func stripRp(s string) string {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "rp") {
		s = strings.TrimSpace(strings.TrimPrefix(s[2:], "."))
	}
	return s
}

func trimSign(s string) (string, bool) {
	if strings.HasPrefix(s, "-") && len(s) > 1 {
		return strings.TrimSpace(s[1:]), true
	}
	return s, false
}

// splitNumber checks the shape of body (digits, thousands dots, one decimal
// comma) and returns the integer digits (dots removed) and the decimals.
func splitNumber(orig, body string) (intPart, frac string, err error) {
	if body == "" {
		return "", "", &Error{Found: orig, Expected: msg.Sprintf("a number"), Hint: msg.Sprintf("write the figure, or - for none")}
	}
	for i, r := range body {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',') {
			hint := msg.Sprintf("remove the stray %q", r)
			if unicode.IsLetter(r) {
				hint = msg.Sprintf("%q is not part of a number; put the unit in its own column or cell", r)
			}
			return "", "", &Error{Found: orig, Expected: msg.Sprintf("digits, thousands dots and a decimal comma"), Hint: hint, Offset: i}
		}
	}
	ip := body
	if c := strings.IndexByte(body, ','); c >= 0 {
		ip, frac = body[:c], body[c+1:]
		if strings.ContainsAny(frac, ".,") || frac == "" {
			return "", "", &Error{Found: orig, Expected: msg.Sprintf("one decimal comma followed by digits"),
				Hint: msg.Sprintf("in Indonesian numbers a dot groups thousands and a comma marks decimals: 2.590.643.300 or 99,47")}
		}
	}
	if ip == "" {
		return "", "", &Error{Found: orig, Expected: msg.Sprintf("digits before the decimal comma"), Hint: msg.Sprintf("write 0,5 instead of ,5")}
	}
	if strings.Contains(ip, ".") {
		groups := strings.Split(ip, ".")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return "", "", &Error{Found: orig, Expected: msg.Sprintf("thousands groups of three digits"), Hint: groupHint(orig)}
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", "", &Error{Found: orig, Expected: msg.Sprintf("thousands groups of three digits"), Hint: groupHint(orig)}
			}
		}
		ip = strings.ReplaceAll(ip, ".", "")
	}
	return ip, frac, nil
}

func groupHint(orig string) string {
	if strings.Count(orig, ".") == 1 && !strings.Contains(orig, ",") {
		return msg.Sprintf("a dot groups thousands; for a decimal use a comma: %s", strings.Replace(strings.TrimSpace(orig), ".", ",", 1))
	}
	return msg.Sprintf("a dot groups thousands in threes, as in 2.590.643.300")
}

func parseDigits(orig, s string) (int64, error) {
	if len(s) > 15 {
		return 0, &Error{Found: orig, Expected: msg.Sprintf("at most 15 digits"), Hint: msg.Sprintf("check the cell")}
	}
	var v int64
	for _, r := range s {
		v = v*10 + int64(r-'0')
	}
	return v, nil
}

func dotted(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatMoney writes a Rupiah amount with thousands dots: 2.590.643.300.
func FormatMoney(m Money) string {
	if m < 0 {
		return "-" + dotted(fmt.Sprint(-int64(m)))
	}
	return dotted(fmt.Sprint(int64(m)))
}

// FormatDec writes d with a decimal comma and thousands dots. decimals < 0
// writes as many decimals as needed (none for a whole number); otherwise it
// rounds half away from zero to that many.
func FormatDec(d Dec, decimals int) string {
	neg := d < 0
	if neg {
		d = -d
	}
	var ip, fp int64
	var frac string
	if decimals >= 0 && decimals < 4 {
		unit := int64(1)
		for i := 0; i < 4-decimals; i++ {
			unit *= 10
		}
		r := (int64(d) + unit/2) / unit // rounded to `decimals`
		p := int64(1)
		for i := 0; i < decimals; i++ {
			p *= 10
		}
		ip, fp = r/p, r%p
		if decimals > 0 {
			frac = fmt.Sprintf("%0*d", decimals, fp)
		}
	} else {
		ip, fp = int64(d)/Scale, int64(d)%Scale
		frac = strings.TrimRight(fmt.Sprintf("%04d", fp), "0")
		if decimals == 4 {
			frac = fmt.Sprintf("%04d", fp)
		}
	}
	s := dotted(fmt.Sprint(ip))
	if frac != "" {
		s += "," + frac
	}
	if neg && (ip != 0 || strings.Trim(frac, "0") != "") {
		s = "-" + s
	}
	return s
}

// Ratio returns a / b × 100 rounded half away from zero to four decimals; ok
// is false when b is zero.
func Ratio(a, b Dec) (Dec, bool) {
	if b == 0 {
		return 0, false
	}
	n := new(big.Int).Mul(big.NewInt(int64(a)), big.NewInt(100*Scale))
	r := new(big.Rat).SetFrac(n, big.NewInt(int64(b)))
	return Dec(roundRat(r)), true
}

// MoneyRatio returns a / b × 100 as a Dec, like Ratio.
func MoneyRatio(a, b Money) (Dec, bool) {
	return Ratio(Dec(a), Dec(b))
}

func roundRat(r *big.Rat) int64 {
	num, den := new(big.Int).Set(r.Num()), r.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if m.Lsh(m, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return q.Int64()
}

// Round returns d rounded half away from zero to the given number of decimals (0..4).
func Round(d Dec, decimals int) Dec {
	unit := int64(1)
	for i := decimals; i < 4; i++ {
		unit *= 10
	}
	neg := d < 0
	v := int64(d)
	if neg {
		v = -v
	}
	v = (v + unit/2) / unit * unit
	if neg {
		v = -v
	}
	return Dec(v)
}

// Dec returns the amount as a Dec.
func (m Money) Dec() Dec { return Dec(m) * Scale }

// Float returns the amount as a float64, for drawing; never for sums.
func (m Money) Float() float64 { return float64(m) }

// Whole returns d as a whole number; ok is false when d has decimals.
func (d Dec) Whole() (n int64, ok bool) { return int64(d / Scale), d%Scale == 0 }

// Float returns d as a float64, for drawing; never for sums.
func (d Dec) Float() float64 { return float64(d) / Scale }

// DecFromFloat rounds x to four decimals; ok is false for NaN, an infinity,
// or a number too large for a Renja (beyond 10¹⁴).
func DecFromFloat(x float64) (Dec, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e14 {
		return 0, false
	}
	return Dec(math.Round(x * Scale)), true
}
