package msg

// renja verify's changes after a certification that a reader sees (package
// sign, docmdp_view.go), and the texts of the hardened print and serve.
var _ = add(
	T("page %d removed (object %d)", "halaman %d dihapus (objek %d)"),
	T("content of page %d removed (object %d)", "isi halaman %d dihapus (objek %d)"),
	T("a signature removed (object %d)", "sebuah tanda tangan dihapus (objek %d)"),
	T("object %d removed", "objek %d dihapus"),
	T("form (/AcroForm) changed (object %d)", "formulir (/AcroForm) diubah (objek %d)"),
	T("a new signature field covers page %d outside the signature blocks (object %d)", "kolom tanda tangan baru menutupi halaman %d di luar blok tanda tangan (objek %d)"),
	T("%w: %s exists; renja init writes over nothing, and wrote nothing", "%w: %s sudah ada; renja init tidak menimpa apa pun, dan tidak menulis apa pun"),
	T("a new signature field covers a signature of page %d (object %d)", "kolom tanda tangan baru menutupi tanda tangan di halaman %d (objek %d)"),
	T("renja: refused %d request(s) outside the project: %s\n", "renja: %d permintaan ke luar proyek ditolak: %s\n"),
	T("%s answers %s, not the browser's version", "%s menjawab %s, bukan versi peramban"),
	T("%s answers no websocket address: %w", "%s tidak menjawab dengan alamat websocket: %w"),
	T("%s answers no websocket address: %q", "%s tidak menjawab dengan alamat websocket: %q"),
	T("%s has no address", "%s tidak punya alamat"),
	T("the page navigated to %s instead of printing the document renja rendered", "halaman berpindah ke %s, bukan mencetak dokumen yang dibuat renja"),
	T("the page replaced the document renja rendered (document.open)", "halaman mengganti dokumen yang dibuat renja (document.open)"),
	T("the page replaced the document renja rendered", "halaman mengganti dokumen yang dibuat renja"),
	T("the page went away before it was printed: %w", "halaman hilang sebelum dicetak: %w"),
	T("renja: the files changed during the build; building again", "renja: berkas berubah selama build; build diulang"),
	T("renja: PDF cancelled: the request was closed", "renja: PDF dibatalkan: permintaannya ditutup"),
)
