package table_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"renja/internal/msg"
	"renja/internal/table"
)

// The tests read the English messages; internal/cli tests both languages.
func TestMain(m *testing.M) {
	msg.SetLang(msg.EN)
	os.Exit(m.Run())
}

const utf8Table = "kode;uraian;target;pagu\n7.01.01;Program Penunjang;100%;1.000\n7.01.01.2.01;Pemeliharaan Gedung – Kantor ≤ Café;2 Dok;1.000\n"

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestEncodings: a CSV saved by Excel in another encoding is read as the
// UTF-8 one, with one note saying so; nothing in it is lost.
func TestEncodings(t *testing.T) {
	latin := strings.ReplaceAll(utf8Table, " ≤", "") // Windows-1252 has no ≤
	cp1252, err := charmap.Windows1252.NewEncoder().String(latin)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src, want, note, at string
	}{
		{"UTF-8", utf8Table, utf8Table, "", ""},
		{"UTF-8 with a BOM", "\xef\xbb\xbf" + utf8Table, utf8Table, "", ""},
		{"Windows-1252", cp1252, latin, "Windows-1252", "3:34"},
		{"Windows-1252 after a BOM", "\xef\xbb\xbf" + cp1252, latin, "Windows-1252", "3:34"},
		{"UTF-16 with a BOM", string(utf16le(utf8Table, true)), utf8Table, "UTF-16", "1:1"},
		{"UTF-16 without a BOM", string(utf16le(utf8Table, false)), utf8Table, "UTF-16", "1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := table.Parse(schema(t), "data/x.csv", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := table.Parse(schema(t), "data/x.csv", []byte(tt.want))
			if len(tab.Rows) != len(want.Rows) {
				t.Fatalf("%d rows, want %d", len(tab.Rows), len(want.Rows))
			}
			for i, r := range tab.Rows {
				for j, c := range r.Cells {
					if w := want.Rows[i].Cells[j]; c.Raw != w.Raw || c.Money() != w.Money() || tab.Pos(&c).Column != want.Pos(&w).Column {
						t.Errorf("row %d cell %d: %q at %d, want %q at %d", i, j, c.Raw, tab.Pos(&c).Column, w.Raw, want.Pos(&w).Column)
					}
				}
			}
			if tt.note == "" {
				if len(tab.Notes) != 0 {
					t.Errorf("notes for a UTF-8 file: %+v", tab.Notes)
				}
				return
			}
			if len(tab.Notes) != 1 || !strings.Contains(tab.Notes[0].Msg, tt.note) || !strings.Contains(tab.Notes[0].Hint, "CSV UTF-8") {
				t.Fatalf("notes %+v, want one about %s", tab.Notes, tt.note)
			}
			if got := fmt.Sprintf("%d:%d", tab.Notes[0].Line, tab.Notes[0].Column); got != tt.at {
				t.Errorf("note at %s, want %s", got, tt.at)
			}
		})
	}
}

// TestColumnsInCharacters: a cell's column counts characters, as an editor
// shows it, on a line with non-ASCII text before it.
func TestColumnsInCharacters(t *testing.T) {
	tab, err := table.Parse(schema(t), "data/x.csv", []byte(utf8Table))
	if err != nil {
		t.Fatal(err)
	}
	r := tab.Rows[1]
	line := strings.Split(utf8Table, "\n")[2]
	runes := []rune(line)
	for _, c := range r.Cells[2:] {
		if got := string(runes[tab.Pos(&c).Column-1 : tab.Pos(&c).Column-1+len([]rune(c.Raw))]); got != c.Raw {
			t.Errorf("column %d of %q holds %q, want %q", tab.Pos(&c).Column, line, got, c.Raw)
		}
	}
	if tab.Pos(&r.Cells[2]).Column != 50 {
		t.Errorf("target at column %d, want 50 (54 in bytes)", tab.Pos(&r.Cells[2]).Column)
	}
}

// TestSpacesTrimmed: cells keep nothing the officer did not type, and the
// file gets one note however many cells had spaces.
func TestSpacesTrimmed(t *testing.T) {
	src := "kode;uraian;target;pagu\n 7.01.01 ;Program  ;100%;1.000\n7.01.01.2.01;Perencanaan ; 2 Dok; 1.000 \n"
	tab, err := table.Parse(schema(t), "data/x.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Rows[0].Cells[1].Raw; got != "Program" {
		t.Errorf("name %q", got)
	}
	if len(tab.Notes) != 1 || !strings.Contains(tab.Notes[0].Msg, "5 cells") || tab.Notes[0].Line != 2 {
		t.Errorf("notes %+v, want one for 5 cells from line 2", tab.Notes)
	}
}
