package content

import (
	"strings"
	"testing"
)

func TestMarkFacts(t *testing.T) {
	src := "pada tanggal {{ fakta \"tanggal Musrenbang\" \"22 februari 2023\" }} dengan {{fakta \"peserta\" \"163\"}} Orang;\n" +
		"{{ fakta \"sudah\" \"[isi]\" }} {{ fakta \"kurung\" \"a [b]\" }} {{ fakta \"salah\" }} {{ tahun }}\n"
	got, n := MarkFacts([]byte(src), "Renja 2024")
	want := "pada tanggal {{ fakta \"tanggal Musrenbang\" \"[isi; Renja 2024: 22 februari 2023]\" }} dengan {{fakta \"peserta\" \"[isi; Renja 2024: 163]\"}} Orang;\n" +
		"{{ fakta \"sudah\" \"[isi]\" }} {{ fakta \"kurung\" \"[isi; Renja 2024: a (b)]\" }} {{ fakta \"salah\" }} {{ tahun }}\n"
	if string(got) != want || n != 3 {
		t.Errorf("MarkFacts = %d\n%s\nwant\n%s", n, got, want)
	}
	facts := Facts(got)
	if len(facts) != 4 || facts[1].What != "peserta" || facts[1].Value != "[isi; Renja 2024: 163]" || facts[2].Line != 2 {
		t.Errorf("Facts = %+v", facts)
	}
	if f := facts[0]; got[f.Offset] != '"' || !strings.HasPrefix(string(got[f.Offset:]), `"[isi;`) {
		t.Errorf("offset %d points at %q", f.Offset, got[f.Offset:])
	}
}

// FuzzMarkFacts: any text is marked without a panic, each call's value
// becomes a mark Facts reads back, and marking twice changes nothing more.
func FuzzMarkFacts(f *testing.F) {
	f.Add(`{{ fakta "a" "b" }}`)
	f.Add("{{- fakta \"a\\\"\" \"b\\n\" -}} {{ fakta \"[\" \"]\" }}")
	f.Fuzz(func(t *testing.T, s string) {
		once, _ := MarkFacts([]byte(s), "contoh")
		twice, n := MarkFacts(once, "contoh")
		if n != 0 || string(once) != string(twice) {
			t.Errorf("marked again: %q → %q", once, twice)
		}
		for _, fa := range Facts(once) {
			if !strings.HasPrefix(fa.Value, "[") {
				t.Errorf("unmarked %q in %q", fa.Value, once)
			}
		}
	})
}
