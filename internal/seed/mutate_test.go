package seed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests show the faithfulness test can fail: each copies one table into
// a temporary project, changes it the way a transcription slip would, and
// checks that the comparison reports the slip at the right CSV line and seed line.

// altered copies data/<id>.toml and data/<id>.csv into a temporary project,
// passing the CSV's lines (index 0 is line 1) through edit.
func altered(t *testing.T, root, id string, edit func([]string) []string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".toml", ".csv"} {
		src, err := os.ReadFile(filepath.Join(root, "data", id+ext))
		if err != nil {
			t.Fatal(err)
		}
		if ext == ".csv" {
			src = []byte(strings.Join(edit(strings.Split(string(src), "\n")), "\n"))
		}
		if err := os.WriteFile(filepath.Join(dir, "data", id+ext), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// replaceOn replaces old by new on CSV line n, failing if line n lacks old.
func replaceOn(t *testing.T, n int, old, new string) func([]string) []string {
	return func(lines []string) []string {
		if !strings.Contains(lines[n-1], old) {
			t.Fatalf("line %d does not hold %q: %s", n, old, lines[n-1])
		}
		lines[n-1] = strings.Replace(lines[n-1], old, new, 1)
		return lines
	}
}

func specOf(t *testing.T, id string) spec {
	for _, sp := range specs {
		if sp.id == id {
			return sp
		}
	}
	t.Fatalf("no spec %q", id)
	return spec{}
}

// expect asserts that ms holds exactly the wanted mismatches, each given by
// CSV line, seed line and a piece of its message; it logs what was reported.
func expect(t *testing.T, ms []mismatch, want ...mismatch) {
	t.Helper()
	for _, m := range ms {
		t.Log(m)
	}
	if len(ms) != len(want) {
		t.Errorf("%d mismatches reported, want %d", len(ms), len(want))
	}
	for _, w := range want {
		found := false
		for _, m := range ms {
			if m.file == w.file && m.line == w.line && m.seedLine == w.seedLine && strings.Contains(m.msg, w.msg) {
				found = true
				if !strings.Contains(m.String(), w.file+":") && w.line > 0 {
					t.Errorf("report %q does not name %s:%d", m, w.file, w.line)
				}
			}
		}
		if !found {
			t.Errorf("no mismatch reported at %s:%d (seed line %d) mentioning %q", w.file, w.line, w.seedLine, w.msg)
		}
	}
}

func TestReportsAlteredFigure(t *testing.T) {
	root, d := loadSeed(t)
	dir := altered(t, root, "t24", replaceOn(t, 9, "4.082.400", "4.082.401"))
	ms, err := compareTable(dir, d, specOf(t, "t24"))
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ms, mismatch{file: "data/t24.csv", line: 9, seedLine: 616, msg: `pagu_awal is "4.082.401", the seed has "4.082.400"`})
	if len(ms) == 1 && !strings.HasPrefix(ms[0].String(), "data/t24.csv:9:") {
		t.Errorf("report %q does not begin with the CSV file:line", ms[0])
	}
}

func TestReportsAlteredCode(t *testing.T) {
	root, d := loadSeed(t)
	dir := altered(t, root, "t31", replaceOn(t, 5, "7.01.01. 2.01.02", "7.01.01. 2.01.03"))
	ms, err := compareTable(dir, d, specOf(t, "t31"))
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ms, mismatch{file: "data/t31.csv", line: 5, seedLine: 857, msg: `kode is "7.01.01. 2.01.03"`})
}

func TestReportsAlteredTotalRow(t *testing.T) {
	root, d := loadSeed(t)
	t.Run("figure", func(t *testing.T) {
		dir := altered(t, root, "t24", replaceOn(t, 2, "2.603.235.300", "2.603.253.300"))
		ms, err := compareTable(dir, d, specOf(t, "t24"))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ms,
			mismatch{file: "data/t24.csv", line: 2, seedLine: 606, msg: `pagu is "2.603.253.300"`},
			mismatch{file: "data/t24.csv", line: 2, seedLine: 606, msg: `total row`})
	})
	t.Run("swapped columns", func(t *testing.T) {
		dir := altered(t, root, "t24", replaceOn(t, 62, ";2.563.235.700;;;;;2.603.235.300;", ";2.603.235.300;;;;;2.563.235.700;"))
		ms, err := compareTable(dir, d, specOf(t, "t24"))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ms,
			mismatch{file: "data/t24.csv", line: 62, seedLine: 696, msg: `pagu_awal is "2.603.235.300"`},
			mismatch{file: "data/t24.csv", line: 62, seedLine: 696, msg: `pagu is "2.563.235.700"`})
	})
}

func TestReportsMissingAndInventedRows(t *testing.T) {
	root, d := loadSeed(t)
	t.Run("missing", func(t *testing.T) {
		dir := altered(t, root, "tc29", func(lines []string) []string {
			return append(lines[:9:9], lines[10:]...) // drop line 10, seed line 263
		})
		ms, err := compareTable(dir, d, specOf(t, "tc29"))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ms,
			mismatch{file: "data/tc29.csv", line: 0, seedLine: 249, msg: "62 rows, the seed table has 63"},
			mismatch{file: "data/tc29.csv", line: 9, seedLine: 263, msg: `seed row "7.1.1.2.01.02.07"`})
	})
	t.Run("invented", func(t *testing.T) {
		dir := altered(t, root, "t41", func(lines []string) []string {
			row := "7.01.01.2.06.10;Sub kegiatan yang tidak ada;1 Paket;1.000.000;Pendapatan Asli Daerah (PAD)"
			return append(lines[:24:24], append([]string{row}, lines[24:]...)...) // new line 25, after 7.01.01.2.06.09
		})
		ms, err := compareTable(dir, d, specOf(t, "t41"))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ms,
			mismatch{file: "data/t41.csv", line: 0, seedLine: 950, msg: "55 rows, the seed table has 54"},
			mismatch{file: "data/t41.csv", line: 25, seedLine: 0, msg: `row "7.01.01.2.06.10" is not in the seed`})
	})
	t.Run("table without codes", func(t *testing.T) {
		dir := altered(t, root, "t25", replaceOn(t, 9, "2,5 KM", "25 KM"))
		ms, err := compareTable(dir, d, specOf(t, "t25"))
		if err != nil {
			t.Fatal(err)
		}
		expect(t, ms, mismatch{file: "data/t25.csv", line: 9, seedLine: 725, msg: `volume is "25 KM", the seed has "2,5 KM"`})
	})
}

func TestReportsAlteredEvaluation(t *testing.T) {
	root, d := loadSeed(t)
	dir := altered(t, root, "eval21", func(lines []string) []string {
		lines = replaceOn(t, 2, "3.741.200", "3.741.290")(lines)
		lines = replaceOn(t, 3, ";2 dokumen;2 dokumen;100;", ";3 dokumen;2 dokumen;100;")(lines)
		lines = replaceOn(t, 14, ";95,83;", ";95,38;")(lines)
		lines = replaceOn(t, 5, "7.01.01.2.01.07;", "7.1.1.2.01.07;")(lines)
		lines = replaceOn(t, 7, "7.1.1.2.01.02.07;", "7.1.1.2.01.02.01;")(lines)
		return lines
	})
	ms, err := compareEval21(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	expect(t, ms,
		mismatch{file: "data/eval21.csv", line: 2, seedLine: 362, msg: `realisasi_anggaran is "3.741.290", the paragraph has "3.741.200"`},
		mismatch{file: "data/eval21.csv", line: 3, seedLine: 366, msg: `target_kinerja "3 dokumen" is not in the paragraph`},
		mismatch{file: "data/eval21.csv", line: 14, seedLine: 420, msg: `capaian_kinerja is "95,38", the paragraph has "95,83"`},
		mismatch{file: "data/eval21.csv", line: 5, seedLine: 374, msg: `kode "7.1.1.2.01.07" is not a code of Tabel T-C.29`},
		mismatch{file: "data/eval21.csv", line: 7, seedLine: 384, msg: `kode "7.1.1.2.01.02.01" stands before the previous row's code`})
}

// TestReader runs without the seed: it checks the reader on a small text.
func TestReader(t *testing.T) {
	text := strings.Join([]string{
		"Tabel 9.9",
		"No\tUraian\tPagu",
		"\tPagu Indikatif\t",
		"1\t2\t3",
		"<b>07</b>\t<b>UNSUR</b>\t<b>1.000</b>",
		"",
		pageHeader,
		"",
		"07.01\tBidang\t 1.000 ",
		"Teks sesudah tabel.",
		"## 2.1. Evaluasi Pelaksanaan",
		"#### **1.1.1. Penyusunan Dokumen**",
		"Indikator dari Sub Kegiatan ini adalah x dengan target kinerja sebanyak 2 dokumen dan teralisasi 2 dokumen (100%)",
		"",
		"dengan target anggaran sebesar Rp. 3.852.935 dan teralisasi sebesar Rp.3.741.200 (97,10 %).",
		"**1.8. Jasa****1.8.1. Penyediaan jasa surat menyurat**",
		"Indikator sub Kegiatan ini adalah y (100%) Rp 278.000,000 dan Rp. 2.408.150, dan (99,99%).",
		"## **2.2. Analisis Kinerja**",
		"Indikator dari sub kegiatan di luar 2.1 Rp. 1",
	}, "\n")
	tables := tables(text)
	tb := find(tables, "No", "Uraian")
	if tb == nil {
		t.Fatalf("table not found in %d tables", len(tables))
	}
	if len(tb.Head) != 3 || len(tb.Rows) != 2 {
		t.Fatalf("head %d rows, body %d rows; want 3 and 2", len(tb.Head), len(tb.Rows))
	}
	if r := tb.Rows[0]; r.Line != 5 || strings.Join(r.Cells, "|") != "07|UNSUR|1.000" {
		t.Errorf("row 1 = line %d %q", r.Line, r.Cells)
	}
	if r := tb.Rows[1]; r.Line != 9 || strings.Join(r.Cells, "|") != "07.01|Bidang|1.000" {
		t.Errorf("row 2 = line %d %q", r.Line, r.Cells)
	}
	evs := evaluations(text)
	if len(evs) != 2 {
		t.Fatalf("%d paragraphs, want 2", len(evs))
	}
	e := evs[0]
	if e.Line != 13 || e.Heading != 12 || e.Nomor != "1.1.1" ||
		strings.Join(e.Rp, "|") != "3.852.935|3.741.200" || strings.Join(e.Percent, "|") != "100|97,10" {
		t.Errorf("paragraph 1 = %+v", e)
	}
	e = evs[1]
	if e.Nomor != "1.8.1" || strings.Join(e.Rp, "|") != "278.000,000|2.408.150" || strings.Join(e.Percent, "|") != "100|99,99" {
		t.Errorf("paragraph 2 = %+v", e)
	}
}
