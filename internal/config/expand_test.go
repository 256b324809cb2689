package config

import "testing"

func TestExpand(t *testing.T) {
	c := &Config{Office: Office{Name: "Kantor Kecamatan Malili", Kecamatan: "Malili", Kabupaten: "Luwu Timur", Province: "Sulawesi Selatan"},
		Plan: Plan{Year: 2025}}
	for _, tc := range []struct{ in, want string }{
		{"Tahun {N}", "Tahun 2025"},
		{"Tahun {N-2} (n-2)", "Tahun 2023 (n-2)"},
		{"Tahun { n + 1 } (N+1)", "Tahun 2026 (N+1)"},
		{"s/d tahun n-3 ({N-3})", "s/d tahun n-3 (2022)"},
		{"Alokasi Anggaran {kantor} Tahun {N}", "Alokasi Anggaran Kantor Kecamatan Malili Tahun 2025"},
		{"KECAMATAN {KECAMATAN}, Kabupaten {kabupaten}, {provinsi}", "KECAMATAN MALILI, Kabupaten Luwu Timur, Sulawesi Selatan"},
		{"{unknown} {N+} {} {2024}", "{unknown} {N+} {} {2024}"},
		{"Tahun 2026", "Tahun 2026"},
	} {
		if got := c.Expand(tc.in); got != tc.want {
			t.Errorf("Expand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"pagu:N", "pagu:2025"},
		{"pagu:N+1", "pagu:2026"},
		{"target:N-2", "target:2023"},
		{"pagu:N:awal", "pagu:2025:awal"},
		{"pagu:{N-1}", "pagu:2024"},
		{"pagu:2024", "pagu:2024"},
		{"realisasi-anggaran:N-2", "realisasi-anggaran:2023"},
		{"nilai", "nilai"},
	} {
		if got := c.ExpandMeasure(tc.in); got != tc.want {
			t.Errorf("ExpandMeasure(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDecreeLine(t *testing.T) {
	c, err := Parse([]byte("[office]\nname = \"K\"\nkabupaten = \"L\"\n[plan]\nyear = 2025\n[signatory]\nname = \"S\"\ndate = 2024-05-02\n[decree]\nnumber = \"12\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.DecreeLine(); got != "NOMOR : 12 TAHUN 2024" {
		t.Errorf("DecreeLine = %q", got)
	}
	if c.Decree.Date != c.Signatory.Date {
		t.Errorf("decree.date %v, want signatory.date %v", c.Decree.Date, c.Signatory.Date)
	}
}
