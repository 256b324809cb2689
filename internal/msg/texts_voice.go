package msg

// One voice (issue 29): texts that were written in one language only, and
// renja fmt's encodings.
var _ = add(
	// renja fmt
	T("%s tidied", "%s dirapikan"),
	T("%s tidied: it was %s text, it is now UTF-8", "%s dirapikan: tadinya teks %s, kini UTF-8"),
	T("%s (renja fmt leaves the file as it is: correct it, then run renja fmt again)", "%s (renja fmt membiarkan berkas ini apa adanya: perbaiki dulu, lalu jalankan renja fmt lagi)"),
	T("please report this; the file is left as it is", "mohon laporkan ini; berkas dibiarkan apa adanya"),
	T("renja fmt would make the table unreadable: %v", "renja fmt akan membuat tabel tak terbaca: %v"),
	T("renja fmt would change the number of rows (%d → %d)", "renja fmt akan mengubah jumlah baris (%d → %d)"),
	T("renja fmt would change %q into %q", "renja fmt akan mengubah %q menjadi %q"),
)

// The project's files (projfs), the limits, the output folder (outdir):
// these were Indonesian only.
var _ = add(
	T("file", "berkas"),
	T("folder", "folder"),
	T("renja reads only files inside the project folder: copy the file into the project, or make the link relative and keep it inside the project",
		"renja hanya membaca berkas di dalam folder proyek: salin berkas itu ke dalam proyek, atau jadikan tautannya relatif dan tetap di dalam proyek"),
	T("%s %s is an absolute symbolic link to %q; renja does not follow it", "%s %s adalah tautan simbolik absolut ke %q; renja tidak mengikutinya"),
	T("%s %s is a symbolic link to %q, which does not exist", "%s %s adalah tautan simbolik ke %q, yang tidak ada"),
	T("correct or remove the link", "perbaiki atau hapus tautan itu"),
	T("%s %s is a symbolic link to %q, outside the project folder; renja does not read it", "%s %s adalah tautan simbolik ke %q, di luar folder proyek; renja tidak membacanya"),
	T("%s is not a regular file", "%s bukan berkas biasa"),
	T("%s is a folder, not a file", "%s sebuah folder, bukan berkas"),
	T("%s is a named pipe, not a regular file", "%s sebuah named pipe, bukan berkas biasa"),
	T("%s is a device, not a regular file", "%s sebuah perangkat (device), bukan berkas biasa"),
	T("%s is a socket, not a regular file", "%s sebuah socket, bukan berkas biasa"),
	T("renja reads only regular files inside the project folder", "renja hanya membaca berkas biasa di dalam folder proyek"),

	T("quotes (>) and lists nested too deeply: more than %d levels", "kutipan (>) dan daftar bertingkat terlalu dalam: lebih dari %d tingkat"),
	T("renja reads at most %d levels of quotes and lists inside one another; make the structure flatter",
		"renja membaca paling banyak %d tingkat kutipan dan daftar di dalam satu sama lain; ratakan susunannya"),
	T("TOML tables, arrays or dotted keys nested too deeply: more than %d levels", "tabel, larik atau kunci bertitik TOML bertingkat terlalu dalam: lebih dari %d tingkat"),
	T("renja reads at most %d levels of {…}, […] and a.b.c inside one another; write the data flatter",
		"renja membaca paling banyak %d tingkat {…}, […] dan a.b.c di dalam satu sama lain; tulis datanya lebih datar"),
	T("the file is too large: %s, the limit is %s", "berkas terlalu besar: %s, batasnya %s"),
	T("split its content into several files, or check that this is the right file", "pecah isinya menjadi beberapa berkas, atau periksa apakah ini berkas yang benar"),

	T("another renja build (process %s) is writing this folder", "build renja lain (proses %s) sedang menulis folder ini"),
	T("wait until that build ends, then run again", "tunggu sampai build itu selesai, lalu jalankan lagi"),
	T("the output folder %s is a symbolic link to %q; renja does not write through links", "folder keluaran %s adalah tautan simbolik ke %q; renja tidak menulis melalui tautan"),
	T("give the target folder itself with -o, or remove the link", "beri folder tujuan itu langsung dengan -o, atau hapus tautannya"),
	T("%s is not a folder", "%s bukan folder"),
	T("choose another output folder with -o", "pilih folder keluaran lain dengan -o"),
	T("the output folder %s already holds files that renja did not make (%s)", "folder keluaran %s sudah berisi berkas yang bukan buatan renja (%s)"),
	T("renja writes only into its own output folder: choose a new or empty folder with -o, or empty that folder",
		"renja hanya menulis ke folder keluarannya sendiri: pilih folder baru atau kosong dengan -o, atau kosongkan folder itu"),
	T("%s in the output folder is a symbolic link to %q, where renja writes %s; renja does not follow links",
		"%s di folder keluaran adalah tautan simbolik ke %q, padahal renja menulis %s di situ; renja tidak mengikuti tautan"),
	T("remove the link from the output folder (renja makes that file itself); nothing was written",
		"hapus tautan itu dari folder keluaran (renja membuatnya sendiri); tidak ada yang ditulis"),
	T("%s in the output folder is a %s that renja did not make, where renja writes", "%s di folder keluaran adalah sebuah %s yang bukan buatan renja, di tempat renja menulis"),
	T("move or remove it from the output folder; nothing was written", "pindahkan atau hapus itu dari folder keluaran; tidak ada yang ditulis"),
	T("the output folder cannot be replaced: %v", "folder keluaran tidak dapat diganti: %v"),
	T("close the files of that folder that are still open (a PDF in a PDF reader, a table in Excel), then run again; the folder has not changed",
		"tutup berkas dari folder itu yang masih terbuka (PDF di pembaca PDF, tabel di Excel), lalu jalankan lagi; folder itu tidak berubah"),
	T("use an output folder of its own: output/ inside the project (the default), or -o FOLDER that is new or empty",
		"pakai folder keluaran tersendiri: output/ di dalam proyek (bawaan), atau -o FOLDER yang baru atau kosong"),
	T("the output folder %s is the project folder or holds the project; a build would overwrite and delete its sources",
		"folder keluaran %s adalah folder proyek atau memuat proyek; build akan menimpa dan menghapus sumbernya"),
	T("the output folder %s is inside %s, the project's sources", "folder keluaran %s berada di dalam %s, sumber proyek"),
	T("the output folder %s holds %s: it is a renja project folder, not an output folder", "folder keluaran %s memuat %s: itu folder proyek renja, bukan folder keluaran"),
)

// Templates' limits and renja.toml: these were Indonesian only.
var _ = add(
	T("the template writes too much: more than %s", "templat menulis terlalu banyak: lebih dari %s"),
	T("check {{ range }} and {{ template }} that repeat without end", "periksa {{ range }} dan {{ template }} yang mengulang tanpa akhir"),
	T("the template runs too long: more than %v", "templat berjalan terlalu lama: lebih dari %v"),
	T("{{ range }} repeats too often: %.0f times, the limit is %d", "{{ range }} mengulang terlalu banyak: %.0f kali, batasnya %d"),
	T("a Renja needs no loop that long; check the number in {{ range }}", "sebuah Renja tidak perlu mengulang sebanyak itu; periksa angka di {{ range }}"),
	T("plan.pdf %q is not the name of a PDF file", "plan.pdf %q bukan nama berkas PDF"),
	T(`write a file name only, without a folder, ending in .pdf, e.g. pdf = "renja-kalaena-2024.pdf"`, `tulis nama berkas saja, tanpa folder, berakhiran .pdf, mis. pdf = "renja-kalaena-2024.pdf"`),
	T("codes.sub_kegiatan_digits %d is not 2 or 4", "codes.sub_kegiatan_digits %d bukan 2 atau 4"),
	T("write 4 to print sub kegiatan codes as 7.01.01.2.01.0001, 2 for 7.01.01.2.01.01, or remove the line to follow data/",
		"tulis 4 agar kode sub kegiatan dicetak 7.01.01.2.01.0001, 2 untuk 7.01.01.2.01.01, atau hapus agar mengikuti data/"),
)

// Package pdf's errors: they were English only.
var _ = add(
	T("page %q is not a relative path inside the root", "halaman %q bukan jalur relatif di dalam folder akar"),
	T("page to print: %w", "halaman yang akan dicetak: %w"),
	T("page to print %s is a folder", "halaman yang akan dicetak, %s, adalah folder"),
	T("finishing the PDF: %q cannot be a custom key of the information dictionary", "menyelesaikan PDF: %q tidak dapat menjadi kunci tambahan kamus informasi"),
	T("page labels: the first label must start at page 0", "label halaman: label pertama harus mulai di halaman 0"),
	T("page labels: label %d starts at page %d, not after page %d", "label halaman: label %d mulai di halaman %d, tidak sesudah halaman %d"),
	T("page labels: label %d starts at page %d, the PDF has %d pages", "label halaman: label %d mulai di halaman %d, padahal PDF-nya %d halaman"),
	T("page labels: label %d starts at number %d", "label halaman: label %d mulai dari nomor %d"),
	T("page labels: unknown style %q (want D, r, R, a, A or empty)", "label halaman: gaya %q tidak dikenal (seharusnya D, r, R, a, A atau kosong)"),
	T("finishing the PDF: it has no classic cross-reference table, as Chrome writes", "menyelesaikan PDF: PDF ini tidak punya tabel referensi silang klasik seperti yang ditulis Chrome"),
	T("finishing the PDF: it is encrypted", "menyelesaikan PDF: PDF ini terenkripsi"),
	T("finishing the PDF: %w", "menyelesaikan PDF: %w"),
	T("reading the PDF: trailer: %w", "membaca PDF: trailer: %w"),
	T("reading the PDF: the trailer is not a dictionary", "membaca PDF: trailer-nya bukan kamus"),
	T("reading the PDF: object %d: no \"obj\" at offset %d", "membaca PDF: objek %d: tidak ada \"obj\" di posisi %d"),
	T("reading the PDF: object %d is not at offset %d", "membaca PDF: objek %d tidak ada di posisi %d"),
	T("reading the PDF: object %d: %w", "membaca PDF: objek %d: %w"),
	T("reading the PDF: no classic cross-reference table", "membaca PDF: tidak ada tabel referensi silang klasik"),
	T("reading the PDF: a chain of references", "membaca PDF: rantai rujukan yang tak berujung"),
	T("reading the PDF: %T where %s belongs", "membaca PDF: %T di tempat %s"),
	T("reading the PDF: no catalog", "membaca PDF: tidak ada katalog"),
	T("reading the PDF: %v", "membaca PDF: %v"),
	T("reading the PDF: cross-reference sections form a loop", "membaca PDF: bagian referensi silang saling merujuk berputar"),
	T("reading /Dests: %w", "membaca /Dests: %w"),
	T("reading /Names: %w", "membaca /Names: %w"),
	T("reading the PDF: catalog has no /Pages", "membaca PDF: katalog tidak punya /Pages"),
	T("reading the PDF: broken page tree", "membaca PDF: pohon halaman rusak"),
	T("reading the PDF: name tree too deep", "membaca PDF: pohon nama terlalu dalam"),
	T("reading the PDF: a node of the /Dests name tree is its own descendant or listed twice", "membaca PDF: simpul pohon nama /Dests menjadi turunannya sendiri atau tercantum dua kali"),
	T("reading the PDF: broken /Dests name tree", "membaca PDF: pohon nama /Dests rusak"),
	T("not a file under the root", "bukan berkas di dalam folder akar"),
	T("no browser endpoint given", "alamat browser tidak diberikan"),
)

// Errors that were written with fmt.Errorf or errors.New (TestUntranslated
// now fails on those).
var _ = add(
	T("%s (in the text that template calls wrote)", "%s (dalam teks yang ditulis oleh panggilan templat)"),
	T("apt-get %s: %w", "apt-get %s: %w"),
	T("locked by another process", "dikunci oleh proses lain"),
	T("cannot lock %s: it keeps being replaced", "%s tidak dapat dikunci: berkas itu terus diganti"),
	T("git init %s: %w", "git init %s: %w"),
	T("the template writes too much", "templat menulis terlalu banyak"),
	T("the template runs too long", "templat berjalan terlalu lama"),
	T("the template failed: %v", "templat gagal: %v"),
	T("output file %q is written twice", "berkas keluaran %q ditulis dua kali"),
	T("templates/%s: %w", "templates/%s: %w"),
	T("content hash: %w", "hash isi: %w"),
	T("unit %q is not at the end of %q", "satuan %q tidak berada di akhir %q"),
)
