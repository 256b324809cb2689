package msg

// Reading the project: renja.toml, content/*.md, codes, TOML (packages
// config, content, kode, model, tomlx).
var _ = add(
	// renja.toml
	text("run renja in a project folder or name it (renja build DIR), or start one with renja init DIR", "jalankan renja di folder proyek atau sebut foldernya (renja build FOLDER), atau mulai proyek baru dengan renja init FOLDER"),
	text("did you mean [check.%s]?", "maksudnya [check.%s]?"),
	text("unknown check rule %q", "aturan pemeriksaan %q tidak dikenal"),
	text("the rules are %s", "aturannya: %s"),
	text("%s is missing", "%s belum diisi"),
	text(`add name = "Kantor Kecamatan …" under [office]`, `tambahkan name = "Kantor Kecamatan …" di bawah [office]`),
	text(`add kabupaten = "…" under [office]`, `tambahkan kabupaten = "…" di bawah [office]`),
	text(`add name = "…" under [signatory]`, `tambahkan name = "…" di bawah [signatory]`),
	text("plan.year %d is not a plan year", "plan.year %d bukan tahun rencana"),
	text("write the year the plan is for, e.g. year = 2024 under [plan]", "tulis tahun rencananya, mis. year = 2024 di bawah [plan]"),
	text("paper.size %q is not a paper this tool prints", "paper.size %q bukan ukuran kertas yang dapat dicetak"),
	text(`write size = "A4" or size = "F4" under [paper]`, `tulis size = "A4" atau size = "F4" di bawah [paper]`),
	text("check.%s.severity %q is not a severity", "check.%s.severity %q bukan tingkat temuan"),
	text(`write "error", "warning", "todo" or "off"`, `tulis "error", "warning", "todo" atau "off"`),
	// TOML
	text("see the TOML syntax at toml.io; strings need quotes, dates are written 2023-05-01", "lihat cara penulisan TOML di toml.io; teks perlu tanda kutip, tanggal ditulis 2023-05-01"),
	text("check the value's type", "periksa jenis nilainya"),
	text("remove it", "hapus saja"),
	text("did you mean %q?", "maksudnya %q?"),
	text("known keys here: %s", "kunci yang dikenal di sini: %s"),
	text("unknown key %q%s", "kunci %q%s tidak dikenal"),
	text(" in [%s]", " di [%s]"),
	text("the TOML cannot be read: %s", "TOML tidak dapat dibaca: %s"),
	text("strings cannot contain newlines", "teks tidak boleh memuat ganti baris"),
	text("%s: the value is %s, but it should be %s", "%s: nilainya %s, padahal seharusnya %s"),
	text("text in quotes", "teks dalam tanda kutip"),
	text("a whole number", "bilangan bulat"),
	text("a decimal number", "bilangan desimal"),
	text("true or false", "true atau false"),
	text("a list [ … ]", "daftar [ … ]"),
	text("a section [ … ]", "bagian [ … ]"),
	text("a date", "tanggal"),
	// content/*.md
	text("part %q is not listed in renja.toml's parts", "bagian %q tidak tercantum di parts pada renja.toml"),
	text("add it to parts where it belongs in the document", "tambahkan ke parts di tempatnya dalam dokumen"),
	text("start from the bundled example: renja init DIR", "mulai dari contoh bawaan: renja init FOLDER"),
	text("no parts: content/ has no .md files", "tidak ada bagian: content/ tidak berisi berkas .md"),
	text("the file does not start with front matter", "berkas tidak diawali front matter"),
	text(`begin with a line +++, then id = "…", title = "…", kind = "chapter", then +++`, `awali dengan baris +++, lalu id = "…", title = "…", kind = "chapter", lalu +++`),
	text("write id, title and kind between the +++ lines", "tulis id, title dan kind di antara baris +++"),
	text("the front matter is empty", "front matter kosong"),
	text("the front matter is not closed", "front matter tidak ditutup"),
	text("end it with a line holding only +++", "tutup dengan baris yang hanya berisi +++"),
	text(`add id = "bab-1" (a stable name for the part)`, `tambahkan id = "bab-1" (nama tetap untuk bagian ini)`),
	text("the front matter has no id", "front matter tidak punya id"),
	text("kind %q is not a kind of part", "kind %q bukan jenis bagian"),
	text("write kind = one of cover, decree, foreword, toc, chapter", "tulis kind = salah satu dari cover, decree, foreword, toc, chapter"),
	text(`add title = "…" as the table of contents shows it`, `tambahkan title = "…" seperti yang tampil di daftar isi`),
	text("the front matter has no title", "front matter tidak punya title"),
	text("template calls are written {{ name args }}; see docs/project.md for the functions", "pemanggilan fungsi ditulis {{ nama argumen }}; lihat docs/project.md untuk daftar fungsi"),
	text("known functions: %s", "fungsi yang dikenal: %s"),
	text("did you mean %s? known functions: %s", "maksudnya %s? fungsi yang dikenal: %s"),
	text("function %q not defined", "fungsi %q tidak dikenal"),
	text("unclosed action", "pemanggilan {{ tidak ditutup dengan }}"),
	text("part id %q is used by %s too", "id bagian %q juga dipakai oleh %s"),
	text("give every part its own id", "beri setiap bagian id-nya sendiri"),
	text("parts names %q but no content/*.md has id = %q", "parts menyebut %q tetapi tidak ada content/*.md dengan id = %q"),
	text("fix the name in parts, or add the part", "perbaiki nama di parts, atau tambahkan bagiannya"),
	text("the link %q %s", "tautan %q %s"),
	text("link to a heading (#id), a file inside the project, or a web address (https://…)", "tautkan ke judul (#id), berkas di dalam proyek, atau alamat web (https://…)"),
	text("leaves the project", "keluar dari proyek"),
	text("is a file: URL", `adalah URL "file:"`),
	text("is a javascript: URL", `adalah URL "javascript:"`),
	// codes
	text("remove %q; a code has only digits and dots", "hapus %q; kode hanya berisi angka dan titik"),
	text("it has %d parts; a kegiatan has five (7.01.01.2.01)", "kode ini punya %d bagian; kode kegiatan punya lima (7.01.01.2.01)"),
	text("part %q is too long", "bagian %q terlalu panjang"),
	text("code %q cannot be read: expected %s", "kode %q tidak dapat dibaca: seharusnya %s"),
	text("code %q cannot be read: expected %s (hint: %s)", "kode %q tidak dapat dibaca: seharusnya %s (saran: %s)"),
	text("a code such as 7.01.01 (program), 7.01.01.2.01 (kegiatan) or 7.01.01.2.01.01 (sub kegiatan)", "kode seperti 7.01.01 (program), 7.01.01.2.01 (kegiatan) atau 7.01.01.2.01.01 (sub kegiatan)"),
	text("one dot is missing: %s reads as %s", "satu titik hilang: %s terbaca sebagai %s"),
	text("write %s", "tulis %s"),
	// model
	text("plan.table %q is not a hierarchical table in data/", "plan.table %q bukan tabel berjenjang di data/"),
	text("name a table whose schema says hierarchy = true, e.g. t31", "sebut tabel yang skemanya menyatakan hierarchy = true, mis. t31"),
)

var _ = add(
	text("cannot be read as a URL", "tidak dapat dibaca sebagai URL"),
	text("is an absolute path", "adalah path absolut"),
	text("a value is expected here, not %s: text needs quotes", "di sini seharusnya nilai, bukan %s: teks perlu tanda kutip"),
	text("the line goes on after its value with %q: one key = value per line", "baris berlanjut setelah nilainya dengan %q: satu kunci = nilai per baris"),
	text("the file ends where %q is still expected", "berkas berakhir padahal %q masih diharapkan"),
	text("key %q is written twice", "kunci %q ditulis dua kali"),
)

var _ = add(
	text("the file does not exist", "berkasnya tidak ada"),
	text("the file may not be read (permission denied)", "berkasnya tidak boleh dibaca (izin ditolak)"),
)

var _ = add(
	text("the file is not UTF-8 text (it looks like Windows-1252)", "berkas ini bukan teks UTF-8 (tampaknya Windows-1252)"),
)

var _ = add(
	text("save it again as UTF-8 (Notepad: Save As → Encoding: UTF-8; VS Code: Save with Encoding → UTF-8)", `simpan ulang sebagai UTF-8 (Notepad: "Save As" → "Encoding: UTF-8"; VS Code: "Save with Encoding" → "UTF-8")`),
)
