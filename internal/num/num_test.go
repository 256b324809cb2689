package num

import (
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		ok   bool
		hint string // for an error: part of its hint ("" for no error)
		exp  string // for an error: part of its Expected
	}{
		{"2.590.643.300", 2590643300, true, "", ""},
		{"2590643300", 2590643300, true, "", ""},
		{"Rp 2.590.643.300", 2590643300, true, "", ""},
		{"Rp. 2.590.643.300", 2590643300, true, "", ""},
		{"rp2.590.643.300", 2590643300, true, "", ""},
		{" 1.000 ", 1000, true, "", ""},
		{"0", 0, true, "", ""},
		{"-5.000", -5000, true, "", ""},
		{"- 5.000", -5000, true, "", ""},
		{"-5", -5, true, "", ""}, // one digit after the sign
		{"- 5", -5, true, "", ""},
		{"-0", 0, true, "", ""},
		{"-12", -12, true, "", ""},
		{"999.999.999.999.999", 999999999999999, true, "", ""},
		{"", 0, false, "", ""},
		{"  ", 0, false, "", ""},
		{"-", 0, false, "", ""},
		{"–", 0, false, "", ""},
		{"—", 0, false, "", ""},
		{"15.500.000,00", 15500000, true, "", ""}, // Excel's Accounting format
		{"15.500.000,0", 15500000, true, "", ""},
		{"Rp 15.500.000,00", 15500000, true, "", ""},
		{"15500000,00", 15500000, true, "", ""},
		{"1.000,50", 0, false, "Rupiah amounts have no decimals", "whole number of Rupiah"},
		{"1.000,05", 0, false, "Rupiah amounts have no decimals", "whole number of Rupiah"},
		{"278.000,000", 0, false, "write 278.000.000 with a dot", "whole number of Rupiah"},
		{"1.000,5", 0, false, "Rupiah amounts have no decimals", "whole number of Rupiah"},
		{"1.5", 0, false, "for a decimal use a comma: 1,5", "thousands groups of three digits"},
		{"1.23.4", 0, false, "in threes, as in 2.590.643.300", "thousands groups of three digits"},
		{"1234.567", 0, false, "for a decimal use a comma: 1234,567", "thousands groups"},
		{".500", 0, false, "", "thousands groups"},
		{"12x4", 0, false, `'x' is not part of a number`, "digits, thousands dots and a decimal comma"},
		{"2.590.643.3OO", 0, false, `write "2.590.643.300": a letter was typed for a digit`, "digits"},
		{"1 000", 0, false, `remove the stray ' '`, "digits"},
		{"\\100", 0, false, `write "100"`, "digits"},
		{"Rp", 0, false, "write the figure, or - for none", "a number"},
		{",5", 0, false, "write 0,5 instead of ,5", "digits before the decimal comma"},
		{"5,", 0, false, "a comma marks decimals", "one decimal comma followed by digits"},
		{"1,2,3", 0, false, "a comma marks decimals", "one decimal comma"},
		{"1.000.000.000.000.000", 0, false, "check the cell", "at most 15 digits"},
	}
	for _, tt := range tests {
		m, ok, err := ParseMoney(tt.in)
		if tt.hint == "" && tt.exp == "" {
			if err != nil || m != tt.want || ok != tt.ok {
				t.Errorf("ParseMoney(%q) = %d, %v, %v; want %d, %v", tt.in, m, ok, err, tt.want, tt.ok)
			}
			continue
		}
		checkErr(t, "ParseMoney", tt.in, err, tt.exp, tt.hint)
		if ok {
			t.Errorf("ParseMoney(%q): ok with an error", tt.in)
		}
	}
}

func checkErr(t *testing.T, fn, in string, err error, exp, hint string) {
	t.Helper()
	e, isNum := err.(*Error)
	if !isNum {
		t.Errorf("%s(%q): error %v (%T), want a *num.Error", fn, in, err, err)
		return
	}
	if e.Found != in || !strings.Contains(e.Expected, exp) || !strings.Contains(e.Hint, hint) {
		t.Errorf("%s(%q): found %q, expected %q, hint %q; want expected …%s…, hint …%s…", fn, in, e.Found, e.Expected, e.Hint, exp, hint)
	}
	if !strings.Contains(e.Error(), e.Hint) {
		t.Errorf("%s(%q): Error() %q lacks the hint", fn, in, e.Error())
	}
}

func TestParseDec(t *testing.T) {
	tests := []struct {
		in   string
		want Dec
		ok   bool
		hint string
		exp  string
	}{
		{"99,47", 994700, true, "", ""},
		{"2.379", 23790000, true, "", ""},
		{"2,5", 25000, true, "", ""},
		{"0,0001", 1, true, "", ""},
		{"1.234,5678", 12345678, true, "", ""},
		{"-0,5", -5000, true, "", ""},
		{"-5", -50000, true, "", ""},
		{"100", 1000000, true, "", ""},
		{"461.168.601.842.738", 4611686018427380000, true, "", ""},
		{"-", 0, false, "", ""},
		{"", 0, false, "", ""},
		{"1.5", 0, false, `write "1,5": a dot groups thousands; for a decimal use a comma`, "thousands groups of three digits"},
		{"99.47", 0, false, `write "99,47": a dot groups thousands; for a decimal use a comma`, "thousands groups"},
		{"1,23456", 0, false, "round the number", "at most four decimals"},
		{"12x4", 0, false, `'x' is not part of a number`, "digits"},
		{"17 Org/ Bln", 0, false, `write "17": the unit "Org/ Bln" belongs in the indicator`, "digits"},
		{"100%", 0, false, `remove the stray '%'`, "digits"},
		{"461.168.601.842.739", 0, false, "check the cell", "below 10^14"},
		{"1.000.000.000.000.000", 0, false, "check the cell", "at most 15 digits"},
	}
	for _, tt := range tests {
		d, ok, err := ParseDec(tt.in)
		if tt.hint == "" && tt.exp == "" {
			if err != nil || d != tt.want || ok != tt.ok {
				t.Errorf("ParseDec(%q) = %d, %v, %v; want %d, %v", tt.in, d, ok, err, tt.want, tt.ok)
			}
			continue
		}
		checkErr(t, "ParseDec", tt.in, err, tt.exp, tt.hint)
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want Dec
		ok   bool
		hint string
	}{
		{"99,47", 994700, true, ""},
		{"100%", 1000000, true, ""},
		{"97,5 %", 975000, true, ""},
		{" 12 % ", 120000, true, ""},
		{"-", 0, false, ""},
		{"", 0, false, ""},
		{"%", 0, false, "write the figure"},
		{"\\100%", 0, false, `write "100%"`},
		{"99.47%", 0, false, `write "99,47%": a dot groups thousands; for a decimal use a comma`},
		{"100%%", 0, false, `remove the stray '%'`},
	}
	for _, tt := range tests {
		d, ok, err := ParsePercent(tt.in)
		if tt.hint == "" {
			if err != nil || d != tt.want || ok != tt.ok {
				t.Errorf("ParsePercent(%q) = %d, %v, %v; want %d, %v", tt.in, d, ok, err, tt.want, tt.ok)
			}
			continue
		}
		checkErr(t, "ParsePercent", tt.in, err, "", tt.hint)
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in    string
		value Dec
		unit  string
		str   string // String()
		ok    bool
		hint  string
	}{
		{"3 Dok", 30000, "Dok", "3 Dok", true, ""},
		{"17 Org/ Bln", 170000, "Org/ Bln", "17 Org/ Bln", true, ""},
		{"100%", 1000000, "%", "100%", true, ""},
		{"100 %", 1000000, "%", "100%", true, ""},
		{"12 Dokumen ", 120000, "Dokumen", "12 Dokumen", true, ""},
		{"2,5 Km", 25000, "Km", "2,5 Km", true, ""},
		{"1.000 Orang", 10000000, "Orang", "1.000 Orang", true, ""},
		{"12Paket", 120000, "Paket", "12 Paket", true, ""},
		{"12x4", 120000, "x4", "12 x4", true, ""},
		{"5", 50000, "", "5", true, ""},
		{"-", 0, "", "", false, ""},
		{"", 0, "", "", false, ""},
		{"\\100%", 0, "", "", false, `write "100%"`},
		{"Dok 3", 0, "", "", false, `remove the stray 'D' before the number`},
		{"-3 Dok", 0, "", "", false, `remove the stray '-' before the number`},
		{"1.5 Dok", 0, "", "", false, "for a decimal use a comma"},
		{"100% Dok", 0, "", "", false, "write the unit once"},
		{"3,12345 Dok", 0, "", "", false, "round the number"},
	}
	for _, tt := range tests {
		tg, ok, err := ParseTarget(tt.in)
		if tt.hint == "" {
			if err != nil || tg.Value != tt.value || tg.Unit != tt.unit || ok != tt.ok || ok && tg.String() != tt.str {
				t.Errorf("ParseTarget(%q) = %+v %q, %v, %v; want %d %q %q, %v", tt.in, tg, tg.String(), ok, err, tt.value, tt.unit, tt.str, tt.ok)
			}
			continue
		}
		checkErr(t, "ParseTarget", tt.in, err, "", tt.hint)
	}
}

func TestFormat(t *testing.T) {
	money := []struct {
		m    Money
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1.000"}, {2590643300, "2.590.643.300"}, {-40100, "-40.100"}}
	for _, tt := range money {
		if got := FormatMoney(tt.m); got != tt.want {
			t.Errorf("FormatMoney(%d) = %q, want %q", tt.m, got, tt.want)
		}
	}
	dec := []struct {
		d        Dec
		decimals int
		want     string
	}{
		{994700, -1, "99,47"},
		{1000000, -1, "100"},
		{23790000, -1, "2.379"},
		{1, -1, "0,0001"},
		{-5000, -1, "-0,5"},
		{994712, 2, "99,47"},
		{994750, 2, "99,48"},
		{-994750, 2, "-99,48"},
		{-4, 2, "0,00"},
		{999999, 0, "100"},
		{12345678, 4, "1.234,5678"},
		{10000, 4, "1,0000"},
	}
	for _, tt := range dec {
		if got := FormatDec(tt.d, tt.decimals); got != tt.want {
			t.Errorf("FormatDec(%d, %d) = %q, want %q", tt.d, tt.decimals, got, tt.want)
		}
	}
}

func TestRatioRound(t *testing.T) {
	if r, ok := MoneyRatio(3741200, 3852935); !ok || FormatDec(Round(r, 2), -1) != "97,1" {
		t.Errorf("MoneyRatio = %d %v", r, ok)
	}
	if r, ok := Ratio(DecOf(1), DecOf(3)); !ok || r != 333333 {
		t.Errorf("Ratio(1, 3) = %d %v", r, ok)
	}
	if r, ok := Ratio(DecOf(2), DecOf(3)); !ok || r != 666667 {
		t.Errorf("Ratio(2, 3) = %d %v", r, ok)
	}
	if r, ok := Ratio(DecOf(-2), DecOf(3)); !ok || r != -666667 {
		t.Errorf("Ratio(-2, 3) = %d %v", r, ok)
	}
	if _, ok := Ratio(1, 0); ok {
		t.Error("Ratio by 0 is ok")
	}
	for _, tt := range []struct {
		d    Dec
		n    int
		want Dec
	}{{994750, 2, 994800}, {-994750, 2, -994800}, {994749, 2, 994700}, {15000, 0, 20000}, {12345, 4, 12345}} {
		if got := Round(tt.d, tt.n); got != tt.want {
			t.Errorf("Round(%d, %d) = %d, want %d", tt.d, tt.n, got, tt.want)
		}
	}
}
