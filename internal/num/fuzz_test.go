package num

import (
	"testing"
	"unicode/utf8"
)

// seeds are cells as they come in the seed data, good and bad.
var seeds = []string{
	"2.590.643.300", "99,47", "\\100%", "278.000,000", "1.23.4", "12x4",
	"Rp 2.590.643.300", "-", "", "17 Org/ Bln", "100%", "97,5 %", "2.379",
	"-5.000", "1.5", "0,0001", "461.168.601.842.738", "999.999.999.999.999",
	"3 Dok", "Rp. 1.000", "–", ",5", "5,", "%",
}

func addSeeds(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
}

func errOK(t *testing.T, s string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("%q: error %T is not a *num.Error", s, err)
	}
	if e.Found != s || e.Expected == "" || !utf8.ValidString(e.Error()) && utf8.ValidString(s) {
		t.Fatalf("%q: error %+v", s, e)
	}
}

// FuzzParseMoney: never panics; an amount that reads is written back with
// thousands dots and reads again to the same amount.
func FuzzParseMoney(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		m, ok, err := ParseMoney(s)
		errOK(t, s, err)
		if err != nil || !ok {
			if ok || m != 0 {
				t.Fatalf("%q: %d, %v, %v", s, m, ok, err)
			}
			return
		}
		out := FormatMoney(m)
		m2, ok2, err2 := ParseMoney(out)
		if err2 != nil || !ok2 || m2 != m {
			t.Fatalf("%q reads %d, written %q, reads back %d, %v, %v", s, m, out, m2, ok2, err2)
		}
	})
}

// FuzzParseDec: never panics; a number that reads is written back and reads
// again to the same number, as a Dec and as a percentage.
func FuzzParseDec(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok, err := ParseDec(s)
		errOK(t, s, err)
		if err != nil || !ok {
			return
		}
		out := FormatDec(d, -1)
		if d2, ok2, err2 := ParseDec(out); err2 != nil || !ok2 || d2 != d {
			t.Fatalf("%q reads %d, written %q, reads back %d, %v, %v", s, d, out, d2, ok2, err2)
		}
		if d2, _, err2 := ParsePercent(out + "%"); err2 != nil || d2 != d {
			t.Fatalf("%q reads %d, written %q%%, reads back as a percentage %d, %v", s, d, out, d2, err2)
		}
		if r := FormatDec(d, 2); r == "" {
			t.Fatalf("%q: FormatDec(%d, 2) is empty", s, d)
		}
	})
}

// FuzzParsePercent: never panics; a percentage that reads is written back and reads again.
func FuzzParsePercent(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok, err := ParsePercent(s)
		errOK(t, s, err)
		if err != nil || !ok {
			return
		}
		out := FormatDec(d, -1) + "%"
		if d2, ok2, err2 := ParsePercent(out); err2 != nil || !ok2 || d2 != d {
			t.Fatalf("%q reads %d, written %q, reads back %d, %v, %v", s, d, out, d2, ok2, err2)
		}
	})
}

// FuzzParseTarget: never panics; a target that reads is written back with
// String and reads again to the same value and unit.
func FuzzParseTarget(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		tg, ok, err := ParseTarget(s)
		errOK(t, s, err)
		if err != nil || !ok {
			return
		}
		if tg.Value < 0 {
			t.Fatalf("%q: negative target %d", s, tg.Value)
		}
		out := tg.String()
		tg2, ok2, err2 := ParseTarget(out)
		if err2 != nil || !ok2 || tg2 != tg {
			t.Fatalf("%q reads %+v, written %q, reads back %+v, %v, %v", s, tg, out, tg2, ok2, err2)
		}
	})
}
