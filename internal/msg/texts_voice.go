package msg

// One voice (issue 29): texts that were written in one language only, and
// renja fmt's encodings.
var _ = add(
	// renja fmt
	text("%s tidied", "%s dirapikan"),
	text("%s tidied: it was %s text, it is now UTF-8", "%s dirapikan: tadinya teks %s, kini UTF-8"),
	text("%s (renja fmt leaves the file as it is: correct it, then run renja fmt again)", "%s (renja fmt membiarkan berkas ini apa adanya: perbaiki dulu, lalu jalankan renja fmt lagi)"),
	text("please report this; the file is left as it is", "mohon laporkan ini; berkas dibiarkan apa adanya"),
	text("renja fmt would make the table unreadable: %v", "renja fmt akan membuat tabel tak terbaca: %v"),
	text("renja fmt would change the number of rows (%d → %d)", "renja fmt akan mengubah jumlah baris (%d → %d)"),
	text("renja fmt would change %q into %q", "renja fmt akan mengubah %q menjadi %q"),
)

// The project's files (projfs), the limits, the output folder (outdir):
// these were Indonesian only.
var _ = add(
	text("file", "berkas"),
	text("folder", "folder"),
	text("renja reads only files inside the project folder: copy the file into the project, or make the link relative and keep it inside the project",
		"renja hanya membaca berkas di dalam folder proyek: salin berkas itu ke dalam proyek, atau jadikan tautannya relatif dan tetap di dalam proyek"),
	text("%s %s is an absolute symbolic link to %q; renja does not follow it", "%s %s adalah tautan simbolik absolut ke %q; renja tidak mengikutinya"),
	text("%s %s is a symbolic link to %q, which does not exist", "%s %s adalah tautan simbolik ke %q, yang tidak ada"),
	text("correct or remove the link", "perbaiki atau hapus tautan itu"),
	text("%s %s is a symbolic link to %q, outside the project folder; renja does not read it", "%s %s adalah tautan simbolik ke %q, di luar folder proyek; renja tidak membacanya"),
	text("%s is not a regular file", "%s bukan berkas biasa"),
	text("%s is a folder, not a file", "%s sebuah folder, bukan berkas"),
	text("%s is a named pipe, not a regular file", "%s sebuah named pipe, bukan berkas biasa"),
	text("%s is a device, not a regular file", "%s sebuah perangkat (device), bukan berkas biasa"),
	text("%s is a socket, not a regular file", "%s sebuah socket, bukan berkas biasa"),
	text("renja reads only regular files inside the project folder", "renja hanya membaca berkas biasa di dalam folder proyek"),

	text("quotes (>) and lists nested too deeply: more than %d levels", "kutipan (>) dan daftar bertingkat terlalu dalam: lebih dari %d tingkat"),
	text("renja reads at most %d levels of quotes and lists inside one another; make the structure flatter",
		"renja membaca paling banyak %d tingkat kutipan dan daftar di dalam satu sama lain; ratakan susunannya"),
	text("TOML tables, arrays or dotted keys nested too deeply: more than %d levels", "tabel, larik atau kunci bertitik TOML bertingkat terlalu dalam: lebih dari %d tingkat"),
	text("renja reads at most %d levels of {…}, […] and a.b.c inside one another; write the data flatter",
		"renja membaca paling banyak %d tingkat {…}, […] dan a.b.c di dalam satu sama lain; tulis datanya lebih datar"),
	text("the file is too large: %s, the limit is %s", "berkas terlalu besar: %s, batasnya %s"),
	text("split its content into several files, or check that this is the right file", "pecah isinya menjadi beberapa berkas, atau periksa apakah ini berkas yang benar"),

	text("another renja build (process %s) is writing this folder", "build renja lain (proses %s) sedang menulis folder ini"),
	text("wait until that build ends, then run again", "tunggu sampai build itu selesai, lalu jalankan lagi"),
	text("the output folder %s is a symbolic link to %q; renja does not write through links", "folder keluaran %s adalah tautan simbolik ke %q; renja tidak menulis melalui tautan"),
	text("give the target folder itself with -o, or remove the link", "beri folder tujuan itu langsung dengan -o, atau hapus tautannya"),
	text("%s is not a folder", "%s bukan folder"),
	text("choose another output folder with -o", "pilih folder keluaran lain dengan -o"),
	text("the output folder %s already holds files that renja did not make (%s)", "folder keluaran %s sudah berisi berkas yang bukan buatan renja (%s)"),
	text("renja writes only into its own output folder: choose a new or empty folder with -o, or empty that folder",
		"renja hanya menulis ke folder keluarannya sendiri: pilih folder baru atau kosong dengan -o, atau kosongkan folder itu"),
	text("%s in the output folder is a symbolic link to %q, where renja writes %s; renja does not follow links",
		"%s di folder keluaran adalah tautan simbolik ke %q, padahal renja menulis %s di situ; renja tidak mengikuti tautan"),
	text("remove the link from the output folder (renja makes that file itself); nothing was written",
		"hapus tautan itu dari folder keluaran (renja membuatnya sendiri); tidak ada yang ditulis"),
	text("%s in the output folder is a %s that renja did not make, where renja writes", "%s di folder keluaran adalah sebuah %s yang bukan buatan renja, di tempat renja menulis"),
	text("move or remove it from the output folder; nothing was written", "pindahkan atau hapus itu dari folder keluaran; tidak ada yang ditulis"),
	text("the output folder cannot be replaced: %v", "folder keluaran tidak dapat diganti: %v"),
	text("close the files of that folder that are still open (a PDF in a PDF reader, a table in Excel), then run again; the folder has not changed",
		"tutup berkas dari folder itu yang masih terbuka (PDF di pembaca PDF, tabel di Excel), lalu jalankan lagi; folder itu tidak berubah"),
	text("use an output folder of its own: output/ inside the project (the default), or -o FOLDER that is new or empty",
		"pakai folder keluaran tersendiri: output/ di dalam proyek (bawaan), atau -o FOLDER yang baru atau kosong"),
	text("the output folder %s is the project folder or holds the project; a build would overwrite and delete its sources",
		"folder keluaran %s adalah folder proyek atau memuat proyek; build akan menimpa dan menghapus sumbernya"),
	text("the output folder %s is inside %s, the project's sources", "folder keluaran %s berada di dalam %s, sumber proyek"),
	text("the output folder %s holds %s: it is a renja project folder, not an output folder", "folder keluaran %s memuat %s: itu folder proyek renja, bukan folder keluaran"),
)

// Templates' limits and renja.toml: these were Indonesian only.
var _ = add(
	text("the template writes too much: more than %s", "templat menulis terlalu banyak: lebih dari %s"),
	text("check {{ range }} and {{ template }} that repeat without end", "periksa {{ range }} dan {{ template }} yang mengulang tanpa akhir"),
	text("the template runs too long: more than %v", "templat berjalan terlalu lama: lebih dari %v"),
	text("{{ range }} repeats too often: %.0f times, the limit is %d", "{{ range }} mengulang terlalu banyak: %.0f kali, batasnya %d"),
	text("a Renja needs no loop that long; check the number in {{ range }}", "sebuah Renja tidak perlu mengulang sebanyak itu; periksa angka di {{ range }}"),
	text("plan.pdf %q is not the name of a PDF file", "plan.pdf %q bukan nama berkas PDF"),
	text(`write a file name only, without a folder, ending in .pdf, e.g. pdf = "renja-kalaena-2024.pdf"`, `tulis nama berkas saja, tanpa folder, berakhiran .pdf, mis. pdf = "renja-kalaena-2024.pdf"`),
	text("codes.sub_kegiatan_digits %d is not 2 or 4", "codes.sub_kegiatan_digits %d bukan 2 atau 4"),
	text("write 4 to print sub kegiatan codes as 7.01.01.2.01.0001, 2 for 7.01.01.2.01.01, or remove the line to follow data/",
		"tulis 4 agar kode sub kegiatan dicetak 7.01.01.2.01.0001, 2 untuk 7.01.01.2.01.01, atau hapus agar mengikuti data/"),
)

// Package pdf's errors: they were English only.
var _ = add(
	text("page %q is not a relative path inside the root", "halaman %q bukan jalur relatif di dalam folder akar"),
	text("page to print: %w", "halaman yang akan dicetak: %w"),
	text("page to print %s is a folder", "halaman yang akan dicetak, %s, adalah folder"),
	text("finishing the PDF: %q cannot be a custom key of the information dictionary", "menyelesaikan PDF: %q tidak dapat menjadi kunci tambahan kamus informasi"),
	text("page labels: the first label must start at page 0", "label halaman: label pertama harus mulai di halaman 0"),
	text("page labels: label %d starts at page %d, not after page %d", "label halaman: label %d mulai di halaman %d, tidak sesudah halaman %d"),
	text("page labels: label %d starts at page %d, the PDF has %d pages", "label halaman: label %d mulai di halaman %d, padahal PDF-nya %d halaman"),
	text("page labels: label %d starts at number %d", "label halaman: label %d mulai dari nomor %d"),
	text("page labels: unknown style %q (want D, r, R, a, A or empty)", "label halaman: gaya %q tidak dikenal (seharusnya D, r, R, a, A atau kosong)"),
	text("finishing the PDF: it has no classic cross-reference table, as Chrome writes", "menyelesaikan PDF: PDF ini tidak punya tabel referensi silang klasik seperti yang ditulis Chrome"),
	text("finishing the PDF: it is encrypted", "menyelesaikan PDF: PDF ini terenkripsi"),
	text("finishing the PDF: %w", "menyelesaikan PDF: %w"),
	text("reading the PDF: trailer: %w", "membaca PDF: trailer: %w"),
	text("reading the PDF: the trailer is not a dictionary", "membaca PDF: trailer-nya bukan kamus"),
	text("reading the PDF: object %d: no \"obj\" at offset %d", "membaca PDF: objek %d: tidak ada \"obj\" di posisi %d"),
	text("reading the PDF: object %d is not at offset %d", "membaca PDF: objek %d tidak ada di posisi %d"),
	text("reading the PDF: object %d: %w", "membaca PDF: objek %d: %w"),
	text("reading the PDF: no classic cross-reference table", "membaca PDF: tidak ada tabel referensi silang klasik"),
	text("reading the PDF: a chain of references", "membaca PDF: rantai rujukan yang tak berujung"),
	text("reading the PDF: %T where %s belongs", "membaca PDF: %T di tempat %s"),
	text("reading the PDF: no catalog", "membaca PDF: tidak ada katalog"),
	text("reading the PDF: %v", "membaca PDF: %v"),
	text("reading the PDF: cross-reference sections form a loop", "membaca PDF: bagian referensi silang saling merujuk berputar"),
	text("reading /Dests: %w", "membaca /Dests: %w"),
	text("reading /Names: %w", "membaca /Names: %w"),
	text("reading the PDF: catalog has no /Pages", "membaca PDF: katalog tidak punya /Pages"),
	text("reading the PDF: broken page tree", "membaca PDF: pohon halaman rusak"),
	text("reading the PDF: name tree too deep", "membaca PDF: pohon nama terlalu dalam"),
	text("reading the PDF: a node of the /Dests name tree is its own descendant or listed twice", "membaca PDF: simpul pohon nama /Dests menjadi turunannya sendiri atau tercantum dua kali"),
	text("reading the PDF: broken /Dests name tree", "membaca PDF: pohon nama /Dests rusak"),
	text("not a file under the root", "bukan berkas di dalam folder akar"),
	text("no browser endpoint given", "alamat browser tidak diberikan"),
)

// Errors that were written with fmt.Errorf or errors.New (TestUntranslated
// now fails on those).
var _ = add(
	text("%s (in the text that template calls wrote)", "%s (dalam teks yang ditulis oleh panggilan templat)"),
	text("apt-get %s: %w", "apt-get %s: %w"),
	text("locked by another process", "dikunci oleh proses lain"),
	text("cannot lock %s: it keeps being replaced", "%s tidak dapat dikunci: berkas itu terus diganti"),
	text("git init %s: %w", "git init %s: %w"),
	text("the template writes too much", "templat menulis terlalu banyak"),
	text("the template runs too long", "templat berjalan terlalu lama"),
	text("the template failed: %v", "templat gagal: %v"),
	text("output file %q is written twice", "berkas keluaran %q ditulis dua kali"),
	text("templates/%s: %w", "templates/%s: %w"),
	text("content hash: %w", "hash isi: %w"),
	text("unit %q is not at the end of %q", "satuan %q tidak berada di akhir %q"),
)
