package msg

// renja check's findings (package check). Level names (program, kegiatan,
// sub kegiatan) and rule ids are the same in both languages.
var _ = add(
	// codes
	text("code cannot be read", "kode tidak dapat dibaca"),
	text("code %s appears again (first on line %d)", "kode %s muncul lagi (pertama di baris %d)"),
	text("each code once", "setiap kode sekali saja"),
	text("a code stands for one program, kegiatan or sub kegiatan; give this row its own code or merge the rows", "satu kode untuk satu program, kegiatan atau sub kegiatan; beri baris ini kodenya sendiri atau gabungkan barisnya"),
	text("the parent %s %s of %s %s is not in the table", "induk dari %[3]s %[4]s, yaitu %[1]s %[2]s, tidak ada di tabel"),
	text("no row %s", "tidak ada baris %s"),
	text("a row for %s", "baris untuk %s"),
	text("add the parent's row, or correct the code (the seed writes some kegiatan of one program under another number)", "tambahkan baris induknya, atau perbaiki kodenya (dokumen asal menulis beberapa kegiatan suatu program di bawah nomor lain)"),
	text("%s %s is named like an indicator: %q", "%s %s dinamai seperti indikator: %q"),
	text("the %s's name from the nomenclature", "nama %s menurut nomenklatur"),
	text("the indicator belongs in the indicator column; write the %s's own name here", "indikator ditulis di kolom indikator; tulis nama %s itu sendiri di sini"),
	text("%d more that follow from it", "%d lainnya yang mengikutinya"),
	textPlural("… and %d more that follow from it (renja check --json lists them)", "… dan %d lainnya yang mengikutinya (renja check --json mendaftar semuanya)",
		"… and %d {1:more finding that follows|more that follow} from it (renja check --json lists them)"),
	// values
	text("%s cannot be read as %s", "%s tidak dapat dibaca sebagai %s"),
	text("code", "kode"),
	text("text", "teks"),
	text("money", "uang (Rupiah)"),
	text("number", "angka"),
	text("percent", "persen"),
	text("target", "target"),
	text("%s is negative", "%s bernilai negatif"),
	text("an amount of 0 or more", "jumlah 0 atau lebih"),
	text("the target %s has no unit", "target %s tidak bersatuan"),
	text("a number with its unit, e.g. %s Dok", "angka dengan satuannya, mis. %s Dok"),
	text("write the unit after the number", "tulis satuannya setelah angka"),
	text("percentage above 100", "persentase di atas 100"),
	text("at most 100%%", "paling tinggi 100%%"),
	text("%s is above 100%%", "%s di atas 100%%"),
	text("at most 100", "paling tinggi 100"),
	text("the indicator is a percentage but %s is above 100", "indikatornya persentase, tetapi %s di atas 100"),
	// hierarchy
	text("%s %s states %s, but its %s add up to %s (differs by %s)", "%[2]s %[1]s tertulis %[3]s, tetapi jumlah %[4]s di bawahnya %[5]s (selisih %[6]s)"),
	text("the total", "baris jumlah"),
	text("rows", "baris"),
	text("parts", "bagian"),
	text("the amount is printed as written; correct it or the amounts below it, or leave it empty to print the sum", "yang dicetak adalah angka yang tertulis; perbaiki angka itu atau angka-angka di bawahnya, atau kosongkan agar jumlahnya yang dicetak"),
	// derived
	text("column %s (%s) differs from its formula %s in %d of %d rows: the column seems to hold something else than its header's formula", "kolom %s (%s) berbeda dari rumusnya %s di %d dari %d baris: isi kolom tampaknya bukan yang dinyatakan rumus di judulnya"),
	text("%s in row %d", "%s di baris %d"),
	text("check what the column really holds; if the header is wrong, correct the formula in %s", "periksa isi kolom yang sebenarnya; bila judulnya yang salah, perbaiki rumus di %s"),
	text("%s should be %s = %s, not %s (differs by %s)", "%s seharusnya %s = %s, bukan %s (selisih %s)"),
	text("the figure is computed from the row; correct it, or the figures it is computed from", "angka ini dihitung dari barisnya; perbaiki angkanya, atau angka-angka sumbernya"),
	// cross-table
	text("%s of %s is %s here but %s in %s:%d", "%s untuk %s di sini %s, tetapi %s di %s:%d"),
	text("the same code and year must carry the same figure in every table; correct one of them", "kode dan tahun yang sama harus berangka sama di setiap tabel; perbaiki salah satunya"),
	text("sub kegiatan %s (%s) is planned in %s but missing from %s", "sub kegiatan %s (%s) direncanakan di %s tetapi tidak ada di %s"),
	text("no row in %s", "tidak ada baris di %s"),
	text("a row for %s in every table of %s", "baris untuk %s di setiap tabel %s"),
	text("add the row to %s, or remove the sub kegiatan from the other tables", "tambahkan barisnya ke %s, atau hapus sub kegiatan itu dari tabel lain"),
	// prose
	text("a Rupiah amount typed in the text", "jumlah Rupiah diketik langsung di teks"),
	text("a computed percentage typed in the text", "persentase hasil hitungan diketik langsung di teks"),
	text(`a function call such as {{ pagu "t31" "7.01.01" }}`, `pemanggilan fungsi seperti {{ pagu "t31" "7.01.01" }}`),
	text(`a function call such as {{ rerata "eval21" "capaian_kinerja" }}`, `pemanggilan fungsi seperti {{ rerata "eval21" "capaian_kinerja" }}`),
	text("a figure typed by hand goes stale when data/ changes; take it from data/ with pagu, target, nilai, jumlah, rerata or evaluasi (docs/project.md)", "angka yang diketik tangan menjadi usang saat data/ berubah; ambil dari data/ dengan pagu, target, nilai, jumlah, rerata atau evaluasi (docs/project.md)"),
	// nomenclature
	text("level digit %s of %s %s is not a level of government", "angka tingkat %s pada %s %s bukan tingkat pemerintahan"),
	text("1 (provinsi) or 2 (kabupaten/kota)", "1 (provinsi) atau 2 (kabupaten/kota)"),
	text("did you mean %s? %s names it %q", "maksudnya %s? %s menamainya %q"),
	text("the fourth part of a kegiatan's code is 1 for a province's, 2 for a kabupaten's or kota's", "bagian keempat kode kegiatan adalah 1 untuk provinsi, 2 untuk kabupaten/kota"),
	text("%s %q stands under %s here and under %s in %s", "%s %q di sini berkode %s, tetapi %s di %s"),
	text("did you mean %s? one name belongs to one code; correct the code or the name", "maksudnya %s? satu nama untuk satu kode; perbaiki kodenya atau namanya"),
	text("%s %s is named %q here but %q in %s", "%s %s di sini bernama %q, tetapi %q di %s"),
	text("one code names one program, kegiatan or sub kegiatan; correct the code or the name", "satu kode untuk satu program, kegiatan atau sub kegiatan; perbaiki kodenya atau namanya"),
	text("%s %s is not in the nomenclature list %s", "%s %s tidak ada di daftar nomenklatur %s"),
	text("a code of the nomenclature list", "kode dari daftar nomenklatur"),
	text("correct the code, or add it to the nomenclature list", "perbaiki kodenya, atau tambahkan ke daftar nomenklatur"),
	text("cannot read the nomenclature list: %v", "daftar nomenklatur tidak dapat dibaca: %v"),
	text("renja.toml names it under [check.nomenclature] reference; correct the name or remove the line", "renja.toml menyebutnya di [check.nomenclature] reference; perbaiki namanya atau hapus barisnya"),
	text("the nomenclature list cannot be read: %v", "daftar nomenklatur tidak dapat dibaca: %v"),
	text("a nomenclature list has the columns kode and nama, one row per code", "daftar nomenklatur berkolom kode dan nama, satu baris per kode"),
	text("code %q of the nomenclature list cannot be read", "kode %q di daftar nomenklatur tidak dapat dibaca"),
	text("write a code such as 7.01.01.2.01", "tulis kode seperti 7.01.01.2.01"),
)

// How a diagnostic and an error print (package diag).
var _ = add(
	text("error", "kesalahan"),
	text("warning", "peringatan"),
	text(" (found %s, expected %s)", " (tertulis %s, seharusnya %s)"),
	text("hint:", "saran:"),
)

// Findings folded under their cause (package check, link.go).
var _ = add(
	text("Indonesian numbers: a dot groups thousands, a comma marks decimals (2.590.643.300; 99,47)", "angka cara Indonesia: titik memisahkan ribuan, koma menandai desimal (2.590.643.300; 99,47)"),
	text("the numbers of this file are written the English way (%s): none can be read", "angka-angka di berkas ini ditulis cara Inggris (%s): tidak satu pun dapat dibaca"),
	text("the numbers of column %s are written the English way (%s): none can be read", "angka-angka di kolom %s ditulis cara Inggris (%s): tidak satu pun dapat dibaca"),
	text("the sheet was saved by an Excel set to English: set Windows' region (Control Panel → Region) to Indonesia and save the CSV again, or replace , by nothing and . by , in these cells", "lembar kerja ini disimpan oleh Excel berpengaturan Inggris: ubah wilayah Windows (Control Panel → Region) ke Indonesia lalu simpan ulang CSV-nya, atau di sel-sel ini hapus tanda , dan ganti . dengan ,"),
)
