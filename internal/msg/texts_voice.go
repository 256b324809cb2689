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
