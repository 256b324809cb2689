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
	if got := string(RollConfig([]byte(src), 1)); got != want {
		t.Errorf("RollConfig =\n%s\nwant\n%s", got, want)
	}
}
