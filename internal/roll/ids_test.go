package roll

import (
	"strings"
	"testing"
)

func TestCycle(t *testing.T) {
	for k, want := range map[int]string{-3: "n_min3", -1: "n_min1", 0: "n", 1: "n_plus1", 2: "n_plus2"} {
		if got := cycle(k); got != want {
			t.Errorf("Cycle(%d) = %q, want %q", k, got, want)
		}
	}
}

func TestRenameIDs(t *testing.T) {
	files := map[string][]byte{
		"data/t1.toml": []byte(`id = "t1"
[[columns]]
name = "kode"
type = "code"
[[columns]]
name = "pagu_2025"
type = "money"
title = "Pagu"
measure = "pagu:N+1"
[[columns]]
name = "realisasi_2022"
type = "number"
title = "Realisasi Tahun {N-2} (n-2)"
[[columns]]
name = "target_2023"
type = "number"
title = "Target tanpa label"
[[columns]]
name = "target_n_min1"
type = "number"
title = "already year-free"
[[columns]]
name = "tingkat"
type = "percent"
formula = "ratio(realisasi_2022, pagu_2025)"
`),
		// a header with a BOM, quotes and CRLF line ends; rows stay as they are
		"data/t1.csv":   []byte("\xef\xbb\xbfkode,\"pagu_2025\",realisasi_2022,target_2023,target_n_min1,tingkat\r\n1,\"pagu_2025\",2,3,4,5\r\n"),
		"content/a.md":  []byte(`{{ nilai "t1" "1" "realisasi_2022" }} {{ nilai "t2" "1" "realisasi_2022" }} "pagu_2025" {{ pagu "t1" "1" "pagu_2025" }}`),
		"data/bad.toml": []byte(`[[columns]` + "\nname = \"x_2024\""),
	}
	got := RenameIDs(files, 2024)
	var names []string
	for _, r := range got {
		names = append(names, r.String())
	}
	// target_2023 has no label: its id's year against the plan year is
	// n-1, whose name is taken, so it stays.
	if want := "t1: pagu_2025 → pagu_n_plus1|t1: realisasi_2022 → realisasi_n_min2"; strings.Join(names, "|") != want {
		t.Errorf("renamed %q, want %q", strings.Join(names, "|"), want)
	}
	for _, want := range []string{`name = "pagu_n_plus1"`, `name = "realisasi_n_min2"`, `name = "target_2023"`, `formula = "ratio(realisasi_n_min2, pagu_n_plus1)"`} {
		if !strings.Contains(string(files["data/t1.toml"]), want) {
			t.Errorf("t1.toml lacks %s:\n%s", want, files["data/t1.toml"])
		}
	}
	if want := "\xef\xbb\xbfkode,pagu_n_plus1,realisasi_n_min2,target_2023,target_n_min1,tingkat\r\n1,\"pagu_2025\",2,3,4,5\r\n"; string(files["data/t1.csv"]) != want {
		t.Errorf("t1.csv = %q, want %q", files["data/t1.csv"], want)
	}
	if want := `{{ nilai "t1" "1" "realisasi_n_min2" }} {{ nilai "t2" "1" "realisasi_2022" }} "pagu_2025" {{ pagu "t1" "1" "pagu_n_plus1" }}`; string(files["content/a.md"]) != want {
		t.Errorf("a.md = %s", files["content/a.md"])
	}
	if got := RenameIDs(files, 2024); len(got) != 0 {
		t.Errorf("a second run renamed %v", got)
	}
}

func TestRenamesByIDYear(t *testing.T) {
	files := map[string][]byte{"data/t.toml": []byte("[[columns]]\nname = \"pagu_2026\"\ntype = \"money\"\ntitle = \"Pagu\"\n")}
	got := RenameIDs(files, 2024)
	if len(got) != 1 || got[0].New != "pagu_n_plus2" {
		t.Errorf("renamed %v", got)
	}
}

// FuzzRenameIDs: any schema, CSV and text are rewritten without a panic,
// and a second run renames nothing.
func FuzzRenameIDs(f *testing.F) {
	f.Add("[[columns]]\nname = \"pagu_2025\"\nmeasure = \"pagu:N+1\"\n", "pagu_2025;x\n1;2\n", `{{ pagu "t" "1" "pagu_2025" }}`)
	f.Add("[[columns]]\nname = \"a_2024_b\"\ntitle = \"(n-1)\"\n", "\xef\xbb\xbf\"a_2024_b\"\r\n", `{{ "t" "a_2024_b`)
	f.Fuzz(func(t *testing.T, schema, csv, text string) {
		files := map[string][]byte{"data/t.toml": []byte(schema), "data/t.csv": []byte(csv), "content/a.md": []byte(text)}
		RenameIDs(files, 2024)
		if again := RenameIDs(files, 2024); len(again) != 0 {
			t.Errorf("a second run renamed %v", again)
		}
	})
}
