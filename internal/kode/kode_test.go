package kode

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		level    Level
		hint     string // for an error: part of its hint
	}{
		{"7", "7", Urusan, ""},
		{"7.01", "7.01", Bidang, ""},
		{"7.1", "7.01", Bidang, ""},
		{"07.01.01", "7.01.01", Program, ""},
		{"7.01.01.", "7.01.01", Program, ""},
		{"07.01.01 .2.01", "7.01.01.2.01", Kegiatan, ""},
		{"7.01.01 2.01.02", "7.01.01.2.01.02", SubKegiatan, ""},
		{"7.01.01. 2.01.04", "7.01.01.2.01.04", SubKegiatan, ""},
		{"7.01.01\u00a02.01.04", "7.01.01.2.01.04", SubKegiatan, ""},
		{"7.01.01.2.01.0001", "7.01.01.2.01.01", SubKegiatan, ""},
		{"7.01.01.2.01.0123", "7.01.01.2.01.0123", SubKegiatan, ""},
		{"7.1.1.2.01.02.01", "7.01.01.2.02.01", SubKegiatan, ""},
		{"7.1.1.2.01.05.11", "7.01.01.2.05.11", SubKegiatan, ""},
		{" 7.01.01.2.09.09 ", "7.01.01.2.09.09", SubKegiatan, ""},
		{"", "", None, ""},
		{"   ", "", None, ""},
		{"7.01.01.2", "", None, "it has 4 parts"},
		{"7.01.01.2.01.02.03.04", "", None, "it has 8 parts"},
		{"7.1.1.2.02.02.01", "", None, "it has 7 parts"},
		{"7.01.01.2.0x", "", None, "remove 'x'"},
		{"7,01,01", "", None, "remove ','"},
		{"7.01.01.2.01.100", "", None, `part "100" is too long`},
		{"7.001.01", "", None, `part "001" is too long`},
		{"7.01.01.12.01", "", None, `part "12" is too long`},
		{"7.01.01.2.01.00001", "", None, `part "00001" is too long`},
		{"123", "", None, `part "123" is too long`},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if tt.hint != "" {
			e, ok := err.(*Error)
			if !ok || !strings.Contains(e.Hint, tt.hint) || e.Found != strings.TrimSpace(tt.in) || e.Expected == "" {
				t.Errorf("Parse(%q) = %q, %v; want an error hinting %q", tt.in, c, err, tt.hint)
			}
			continue
		}
		if err != nil || c.String() != tt.want || c.Level() != tt.level || c.IsZero() != (tt.want == "") {
			t.Errorf("Parse(%q) = %q (%v), %v; want %q (%v)", tt.in, c, c.Level(), err, tt.want, tt.level)
		}
	}
}

func TestParentContains(t *testing.T) {
	tests := []struct{ code, parent string }{
		{"7.01.01.2.01.01", "7.01.01.2.01"},
		{"7.01.01.2.01", "7.01.01"},
		{"7.01.01", "7.01"},
		{"7.01", "7"},
		{"7", ""},
	}
	for _, tt := range tests {
		c := MustParse(tt.code)
		if got := c.Parent().String(); got != tt.parent {
			t.Errorf("%s.Parent() = %q, want %q", c, got, tt.parent)
		}
		if !c.Parent().Contains(c) || !c.Contains(c) {
			t.Errorf("%s is not contained in itself or its parent", c)
		}
		if c.Contains(c.Parent()) && !c.Parent().IsZero() {
			t.Errorf("%s contains its parent", c)
		}
	}
	if MustParse("7").Contains(MustParse("70.01")) {
		t.Error("7 contains 70.01")
	}
	if MustParse("7.01.01").Contains(MustParse("7.01.02.2.01")) {
		t.Error("7.01.01 contains 7.01.02.2.01")
	}
	if !(Code{}).Contains(MustParse("7.01")) {
		t.Error("the zero code does not contain everything")
	}
	if None.String() != "none" || SubKegiatan.String() != "sub kegiatan" {
		t.Error("level names")
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse of a bad code did not panic")
		}
	}()
	MustParse("7.01.01.2")
}

func TestParseAll(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string // canonical, or "error" for an error
	}{
		{
			name: "the seven-part spelling makes its six-part prefix a kegiatan",
			in:   []string{"7.1.1.", "7.1.1.2.01.", "7.1.1.2.01.01", "7.1.1.2.01.02.", "7.1.1.2.01.02.01", "7.1.1.2.01.02.07"},
			want: []string{"7.01.01", "7.01.01.2.01", "7.01.01.2.01.01", "7.01.01.2.02", "7.01.01.2.02.01", "7.01.01.2.02.07"},
		},
		{
			name: "without seven-part codes a six-part code is a sub kegiatan",
			in:   []string{"7.1.1.2.01.", "7.1.1.2.01.02."},
			want: []string{"7.01.01.2.01", "7.01.01.2.01.02"},
		},
		{
			name: "only the prefix of a seven-part code is a kegiatan",
			in:   []string{"7.1.1.2.01.02.01", "7.1.1.2.01.03"},
			want: []string{"7.01.01.2.02.01", "7.01.01.2.01.03"},
		},
		{
			name: "errors stay at their row; blanks are total rows",
			in:   []string{"7.01.01", "7.01.0x", "", "7.01.01.2"},
			want: []string{"7.01.01", "error", "", "error"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			codes, errs := ParseAll(tt.in)
			if len(codes) != len(tt.in) || len(errs) != len(tt.in) {
				t.Fatalf("%d codes, %d errors for %d spellings", len(codes), len(errs), len(tt.in))
			}
			for i, w := range tt.want {
				if w == "error" {
					if errs[i] == nil {
						t.Errorf("%q: no error", tt.in[i])
					}
					continue
				}
				if errs[i] != nil || codes[i].String() != w {
					t.Errorf("%q = %q, %v; want %q", tt.in[i], codes[i], errs[i], w)
				}
			}
		})
	}
}

func TestLetterFix(t *testing.T) {
	for _, c := range []struct{ in, fix string }{
		{"7.01.01.2.01.O7", "7.01.01.2.01.07"},
		{"7.0l.01", "7.01.01"},
		{"7.01.I1.2.01", "7.01.11.2.01"},
		{"7.01.01.x", ""},
	} {
		_, err := Parse(c.in)
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("Parse(%q) = %v, want a *kode.Error", c.in, err)
		}
		if e.Fix != c.fix {
			t.Errorf("Parse(%q): fix %q, want %q", c.in, e.Fix, c.fix)
		}
		if c.fix != "" {
			if !strings.Contains(e.Hint, c.fix) {
				t.Errorf("Parse(%q): hint %q does not quote %q", c.in, e.Hint, c.fix)
			}
			if _, err := Parse(e.Fix); err != nil {
				t.Errorf("the fix %q does not read: %v", e.Fix, err)
			}
		}
	}
}

// TestErrorText: the error says what was found and expected, and adds the
// hint only when there is one.
func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Found: "7.x", Expected: "digits"}, `code "7.x" cannot be read: expected digits`},
		{Error{Found: "7.x", Expected: "digits", Hint: "remove 'x'"}, `code "7.x" cannot be read: expected digits (hint: remove 'x')`},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}
