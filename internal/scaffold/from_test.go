package scaffold

import "testing"

func TestRollConfig(t *testing.T) {
	src := `# comment 2024
[plan]
year = 2024
title = "Rencana Kerja Tahun 2024"

[signatory]
date = 2023-05-01

[decree]
number = "12"   # the number
date = 2023-05-02
year = 2023
`
	want := `# comment 2024
[plan]
year = 2025
title = "Rencana Kerja Tahun 2025"

[signatory]
date = 2024-05-01

[decree]
number = "[nomor keputusan]"
date = 2024-05-02
year = 2024
`
	if got := string(rollConfig([]byte(src), 1)); got != want {
		t.Errorf("RollConfig =\n%s\nwant\n%s", got, want)
	}
}

func TestWithPrevious(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[plan]\nyear = 2025\n", "[plan]\nyear = 2025\n\n# Renja tahun lalu: aturan carry dari renja check membandingkan angka yang dibawa tahun ini darinya.\n[previous]\nproject = \"../k24\"\n"},
		{"[previous]\nrev = \"renja-2023\"\n\n[plan]\nyear = 2025\n", "[previous]\nproject = \"../k24\"\n\n[plan]\nyear = 2025\n"},
		{"[previous] # 2023\nproject = \"../k23\"\n", "[previous] # 2023\nproject = \"../k24\"\n"},
	} {
		if got := string(withPrevious([]byte(tc.in), "../k24")); got != tc.want {
			t.Errorf("WithPrevious(%q) =\n%s\nwant\n%s", tc.in, got, tc.want)
		}
	}
}
