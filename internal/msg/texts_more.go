package msg

// Leftovers of a new office's project (package check, leftovers.go), to-dos,
// and the texts that came with renja diff, fmt and remote browsers.
var _ = add(
	text("todo", "isian"),
	text("write what the brackets ask for; a final build waits for every placeholder", "tulis yang diminta di dalam kurung siku; build final menunggu setiap isian"),
	text("%s is still a placeholder: %s", "%s masih berupa isian: %s"),
	text("a placeholder in the text: %s", "isian di dalam teks: %s"),
	text("write the figure in place of the bracketed mark; - means nothing was planned or reported", "tulis angkanya menggantikan tanda dalam kurung siku; - berarti tidak ada yang direncanakan atau dilaporkan"),
	text("%q, the kecamatan of the example this project was made from", "%q, kecamatan contoh asal proyek ini"),
	text("write {{ kecamatan }} (in a schema: {kecamatan}) for this office's name, or rewrite the passage for Kecamatan %s", "tulis {{ kecamatan }} (di skema: {kecamatan}) untuk nama kantor ini, atau tulis ulang bagian itu untuk Kecamatan %s"),
	text("the part's title names %s", "judul bagian ini menyebut %s"),
	text("the text names %s", "teks ini menyebut %s"),
	text("the table's %s names %s", "%s tabel ini menyebut %s"),
	text("the table's %s labels %s as %s, but %s is %d for plan.year %d", "%s tabel ini menandai %s sebagai %s, padahal %s adalah %d untuk plan.year %d"),
	text("write {N%s} for the year, so it follows plan.year", "tulis {N%s} untuk tahunnya, agar mengikuti plan.year"),
	text("the table's %s writes the fixed year %s, which is N%s for plan.year %d and will not move with it", "%s tabel ini menulis tahun tetap %s, yaitu N%s untuk plan.year %d, dan tidak ikut bergeser"),
	text("{N%s}", "{N%s}"),
	text("write {N%s} (in a measure: %sN%s) if the year before the plan is meant, or {N} for the plan year", "tulis {N%s} (di measure: %sN%s) bila yang dimaksud tahun sebelum rencana, atau {N} untuk tahun rencana"),
	text("caption", "keterangan"),
	text("title", "judul"),
	text("header of column %s", "judul kolom %s"),
	text("group header of column %s", "judul kelompok kolom %s"),
	text("measure of column %s", "measure kolom %s"),
	text("write (%d of %d files unchanged)", "tulis (%d dari %d berkas tidak berubah)"),
	text("nothing changed: the last build kept (%d files)", "tidak ada yang berubah: build terakhir tetap (%d berkas)"),
	text("the checker reports errors or things to fill: a final PDF is refused", "pemeriksa melaporkan kesalahan atau isian: PDF final ditolak"),
	text("Chrome, Chromium or Edge to print with, or a running one's DevTools endpoint ws://HOST:PORT/… (default: $RENJA_CHROME_URL, then $RENJA_CHROME, then the usual places)", "Chrome, Chromium atau Edge untuk mencetak, atau alamat DevTools peramban yang sedang berjalan ws://HOST:PORT/… (bawaan: $RENJA_CHROME_URL, lalu $RENJA_CHROME, lalu tempat-tempat biasa)"),
	textPlural("the checker reports %d errors and %d things to fill: a final PDF is refused; nothing was written", "pemeriksa melaporkan %d kesalahan dan %d isian: PDF final ditolak; tidak ada yang ditulis",
		"the checker reports %d {1:error|errors} and %d {2:thing|things} to fill: a final PDF is refused; nothing was written"),
	textPlural("DRAFT (%d errors to fix and %d things to fill before it can be final)", "DRAF (%d kesalahan harus diperbaiki dan %d isian harus diisi sebelum bisa final)",
		"DRAFT (%d {1:error|errors} to fix and %d {2:thing|things} to fill before it can be final)"),
	textPlural("DRAFT (%d errors, %d to fill; run renja check %s)", "DRAF (%d kesalahan, %d isian; jalankan renja check %s)", "DRAFT (%d {1:error|errors}, %d to fill; run renja check %s)"),
	textPlural("renja: %d errors, %d warnings, %d to fill (renja check lists them)\n", "renja: %d kesalahan, %d peringatan, %d isian (renja check mendaftar semuanya)\n",
		"renja: %d {1:error|errors}, %d {2:warning|warnings}, %d to fill (renja check lists them)\n"),
	textPlural("\n%d errors, %d warnings, %d to fill\n", "\n%d kesalahan, %d peringatan, %d isian\n", "\n%d {1:error|errors}, %d {2:warning|warnings}, %d to fill\n"),
	text("also install a git pre-commit hook that runs renja fmt --check and renja check", "pasang juga hook pre-commit git yang menjalankan renja fmt --check dan renja check"),
	text("  content/    the bundled Renja's narrative, naming %s: example text to rewrite\n", "  content/    naskah Renja bawaan, menyebut %s: contoh teks untuk ditulis ulang\n"),
	text("  data/       its tables: example data (another kecamatan's figures) to replace with your own", "  data/       tabel-tabelnya: data contoh (angka kecamatan lain) untuk diganti dengan angka Anda"),
	text("Then: renja check lists what is still to fill; renja build --final waits for it.", "Lalu: renja check mendaftar yang masih perlu diisi; renja build --final menunggunya."),
	text("the browser that prints the PDF at /__renja/pdf, a program or a ws:// endpoint (default: $RENJA_CHROME_URL, then $RENJA_CHROME, then the usual places)", "peramban yang mencetak PDF di /__renja/pdf, sebuah program atau alamat ws:// (bawaan: $RENJA_CHROME_URL, lalu $RENJA_CHROME, lalu tempat-tempat biasa)"),
	text("%s:%d: %s %q cannot be read", "%s:%d: %s %q tidak dapat dibaca"),
	text(`chart: the plan table %s has no money column with measure = "pagu:N" (pagu:%d)`, `grafik: tabel rencana %s tidak punya kolom uang dengan measure = "pagu:N" (pagu:%d)`),
	text("%q is not a code such as %s", "%q bukan kode seperti %s"),
	text("tahun takes one offset from the plan year, such as -2 or 1", "tahun menerima satu selisih dari tahun rencana, seperti -2 atau 1"),
	text("what changed in the plan, by code, with the effect on every total", "apa yang berubah dalam rencana, per kode, beserta pengaruhnya pada setiap jumlah"),
	text("write every table in canonical form (undoes an Excel round trip)", "tulis setiap tabel dalam bentuk baku (membatalkan perubahan oleh Excel)"),
	// renja diff and fmt wrote their messages in Indonesian: the key is the
	// Indonesian text, the English text is given.
	textPlural("tabel di atas belum dalam bentuk baku (hint: jalankan renja fmt)", "tabel di atas belum dalam bentuk baku (saran: jalankan renja fmt)", "the tables above are not in canonical form (hint: run renja fmt)"),
	textPlural("diff --textconv membaca satu berkas CSV (git menambahkannya sendiri)", "diff --textconv membaca satu berkas CSV (git menambahkannya sendiri)", "diff --textconv reads one CSV file (git adds it itself)"),
	textPlural("pilih salah satu: --markdown atau --json", "pilih salah satu: --markdown atau --json", "choose one: --markdown or --json"),
	textPlural("hook pre-commit: %v", "hook pre-commit: %v", "pre-commit hook: %v"),
)

var _ = add(
	text("print (page unchanged: the last print kept)", "cetak (halaman tidak berubah: cetakan terakhir dipakai)"),
	text("stop a build that runs longer than this (e.g. 30m)", "hentikan pembuatan yang berjalan lebih lama dari ini (mis. 30m)"),
	text("--timeout %v is not a duration; write e.g. 10m or 90s", "--timeout %v bukan lama waktu; tulis mis. 10m atau 90s"),
	text("interrupted", "dihentikan"),
)

// renja init --from and the office logo.
var _ = add(
	text("next year's Renja from this project (its plan year + 1, or --year)", "Renja tahun berikutnya dari proyek ini (tahun rencananya + 1, atau --year)"),
	text("Next: renja check %s lists the cells to fill\n", "Selanjutnya: renja check %s mendaftar sel-sel yang perlu diisi\n"),
	text("renja: wrote the Renja %d to %s (%d files), from %s's Renja %d\n", "renja: Renja %d ditulis ke %s (%d berkas), dari Renja %[5]d milik %[4]s\n"),
	text("  renja.toml  plan year %d; signature and decree dates a year on; the decree number to fill\n", "  renja.toml  tahun rencana %d; tanggal tanda tangan dan keputusan maju setahun; nomor keputusan perlu diisi\n"),
	text("  content/    the text as it was: years written {{ tahun }} or {N} move with the plan year", "  content/    teks seperti semula: tahun yang ditulis {{ tahun }} atau {N} ikut tahun rencana"),
	text("  data/       the %d plan from the %d forecast (Tabel 3.1, 4.1 and the review table's rencana awal side);\n", "  data/       rencana %d dari prakiraan %d (Tabel 3.1, 4.1 dan sisi rencana awal tabel reviu);\n"),
	text("              %d cells to fill, marked [isi]: the new forecast, realisation, evaluation\n", "              %d sel perlu diisi, bertanda [isi]: prakiraan baru, realisasi, evaluasi\n"),
	text("  fixed       %s (the year now fits its label)\n", "  diperbaiki  %s (tahunnya kini sesuai labelnya)\n"),
	text(`write logo = "images/logo.png" under [office]: a PNG, JPEG or SVG file inside the project`, `tulis logo = "images/logo.png" di bawah [office]: berkas PNG, JPEG atau SVG di dalam proyek`),
	text("office.logo %q: %v", "office.logo %q: %v"),
)

// renja init --blank.
var _ = add(
	text("the standard outline (BAB I–V, one line of guidance each) and empty tables instead of the example", "kerangka baku (BAB I–V, satu baris petunjuk tiap bab) dan tabel kosong, bukan contoh"),
	text("  content/    the standard outline of a Renja (Permendagri 86/2017, BAB I–V): replace each [guidance] line", "  content/    kerangka baku Renja (Permendagri 86/2017, BAB I–V): ganti setiap baris [petunjuk]"),
	text("  data/       the standard tables with their headers and no rows, to fill", "  data/       tabel-tabel baku dengan judul kolom dan tanpa baris, untuk diisi"),
)

var _ = add(
	text("table %s has %d rows; one Excel sheet (XLSX) holds at most %d rows, the header row included", "tabel %s punya %d baris; satu lembar Excel (XLSX) memuat paling banyak %d baris, termasuk baris judul"),
	text("split the table into several tables (several files in data/); the CSV open data has no such limit", "bagi tabel itu menjadi beberapa tabel (beberapa berkas di data/); data terbuka CSV tidak punya batas ini"),
)
