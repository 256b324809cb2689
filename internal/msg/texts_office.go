package msg

// Another office, another year (issue 25): year-free column ids, years in
// the text, example facts and rows, an empty plan.
var _ = add(
	text("data/%s.toml: column %s is now %s (the title says the year)\n", "data/%s.toml: kolom %s kini %s (judulnya yang menyebut tahun)\n"),
	text("  renamed     data/%s.toml: column %s is now %s (the title says the year)\n", "  diganti     data/%s.toml: kolom %s kini %s (judulnya yang menyebut tahun)\n"),
	text("the text names %s of %d, but this plan is for %d", "teks menyebut %s tahun %d, padahal rencana ini untuk tahun %d"),
	text("write {{ tahun }} for the plan year, so the text follows plan.year; if another year's %s is meant, say so (evaluasi, realisasi, prakiraan maju …)",
		"tulis {{ tahun }} untuk tahun rencana, agar teks mengikuti plan.year; bila yang dimaksud %s tahun lain, sebutkan demikian (evaluasi, realisasi, prakiraan maju …)"),
	text("plan.budget names the table %q, which data/ does not have", "plan.budget menyebut tabel %q, yang tidak ada di data/"),
	text("name tables by the id of their data/<id>.toml", "sebut tabel dengan id berkas data/<id>.toml-nya"),
	text("%s has no sub kegiatan: the plan's budget is still empty", "%s belum memuat sub kegiatan: anggaran rencana masih kosong"),
	text("write the plan's program, kegiatan and sub kegiatan rows with their targets and pagu; a final build waits for them",
		"tulis baris program, kegiatan dan sub kegiatan rencana beserta target dan pagunya; build final menunggunya"),
	text("a fact of this office and year to fill: %s %s", "fakta kantor dan tahun ini yang harus diisi: %s %s"),
	text("write this office's own in the quotes, in place of the brackets: {{ fakta %s \"…\" }}", "tulis fakta kantor ini sendiri di dalam tanda kutip, menggantikan kurung siku: {{ fakta %s \"…\" }}"),
	text("  content/    %d facts of %d ({{ fakta … }}: dates, counts) marked [isi], to write anew\n", "  content/    %d fakta tahun %d ({{ fakta … }}: tanggal, jumlah) ditandai [isi], untuk ditulis baru\n"),
	text("  content/    the bundled Renja's narrative, naming %s: example text to rewrite;\n", "  content/    narasi Renja bawaan, menyebut %s: teks contoh untuk ditulis ulang;\n"),
	text("              its facts ({{ fakta … }}: the Musrenbang's date, how many took part) are marks [isi; …] to fill", "              faktanya ({{ fakta … }}: tanggal Musrenbang, jumlah peserta) ditandai [isi; …] untuk diisi"),
	text("%d of the table's %d rows are the example's (marked in the column %s)", "%d dari %d baris tabel ini adalah baris contoh (bertanda di kolom %s)"),
	text("replace them with this office's rows, or delete them; a row is this office's once its cell in the column %s is empty",
		"ganti dengan baris kantor ini, atau hapus; sebuah baris menjadi milik kantor ini begitu selnya di kolom %s dikosongkan"),
	textPlural("renja: %d errors, %d warnings, %d to fill, %d example rows (renja check lists them)\n", "renja: %d kesalahan, %d peringatan, %d isian, %d baris contoh (renja check mendaftar semuanya)\n",
		"renja: %d {1:error|errors}, %d {2:warning|warnings}, %d to fill, %d example {4:row|rows} (renja check lists them)\n"),
	textPlural("\n%d errors, %d warnings, %d to fill, %d example rows\n", "\n%d kesalahan, %d peringatan, %d isian, %d baris contoh\n",
		"\n%d {1:error|errors}, %d {2:warning|warnings}, %d to fill, %d example {4:row|rows}\n"),
)
