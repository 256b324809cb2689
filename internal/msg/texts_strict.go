package msg

// renja verify's changes after a certification that a reader sees (package
// sign, docmdp_view.go), and the texts of the hardened print and serve.
var _ = add(
	text("page %d removed (object %d)", "halaman %d dihapus (objek %d)"),
	text("content of page %d removed (object %d)", "isi halaman %d dihapus (objek %d)"),
	text("a signature removed (object %d)", "sebuah tanda tangan dihapus (objek %d)"),
	text("object %d removed", "objek %d dihapus"),
	text("form (/AcroForm) changed (object %d)", "formulir (/AcroForm) diubah (objek %d)"),
	text("a new signature field covers page %d outside the signature blocks (object %d)", "kolom tanda tangan baru menutupi halaman %d di luar blok tanda tangan (objek %d)"),
	text("%w: %s exists; renja init writes over nothing, and wrote nothing", "%w: %s sudah ada; renja init tidak menimpa apa pun, dan tidak menulis apa pun"),
	text("a new signature field covers a signature of page %d (object %d)", "kolom tanda tangan baru menutupi tanda tangan di halaman %d (objek %d)"),
	text("renja: refused %d request(s) outside the project: %s\n", "renja: %d permintaan ke luar proyek ditolak: %s\n"),
	text("%s answers %s, not the browser's version", "%s menjawab %s, bukan versi peramban"),
	text("%s answers no websocket address: %w", "%s tidak menjawab dengan alamat websocket: %w"),
	text("%s answers no websocket address: %q", "%s tidak menjawab dengan alamat websocket: %q"),
	text("%s has no address", "%s tidak punya alamat"),
	text("the page navigated to %s instead of printing the document renja rendered", "halaman berpindah ke %s, bukan mencetak dokumen yang dibuat renja"),
	text("the page replaced the document renja rendered (document.open)", "halaman mengganti dokumen yang dibuat renja (document.open)"),
	text("the page replaced the document renja rendered", "halaman mengganti dokumen yang dibuat renja"),
	text("the page went away before it was printed: %w", "halaman hilang sebelum dicetak: %w"),
	text("renja: the files changed during the build; building again", "renja: berkas berubah selama build; build diulang"),
	text("renja: PDF cancelled: the request was closed", "renja: PDF dibatalkan: permintaannya ditutup"),
)
