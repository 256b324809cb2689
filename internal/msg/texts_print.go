package msg

// The browser that prints the PDF (package pdf): what an officer reads when
// a print fails.
var _ = add(
	text("starting Chrome: %w", "menjalankan Chrome: %w"),
	text("starting Chrome (%s): %w", "menjalankan Chrome (%s): %w"),
	text("no answer within %v", "tidak ada jawaban dalam %v"),
	text("removing Chrome's profile: %w", "menghapus profil Chrome: %w"),
	text("no new tab within %v", "tidak ada tab baru dalam %v"),
	text("the Chrome tab crashed", "tab Chrome mogok"),
	text("printing %s: %w", "mencetak %s: %w"),
	text("the browser is closed", "peramban sudah ditutup"),
	text("waiting for fonts: %w", "menunggu huruf: %w"),
	text("changing the page before printing again: %w", "mengubah halaman sebelum mencetak ulang: %w"),
	text("the browser stopped: %w", "peramban berhenti: %w"),
	text("Chrome returned an incomplete PDF", "Chrome mengembalikan PDF yang tidak lengkap"),
	text("%q is not a browser's DevTools endpoint (ws://HOST:PORT/… or http://HOST:PORT)", "%q bukan alamat DevTools peramban (ws://HOST:PORT/… atau http://HOST:PORT)"),
	text("connecting to the browser at %s: %w", "menghubungi peramban di %s: %w"),
	// package limits
	text("build stopped: it ran longer than its limit of %v", "build dihentikan: melewati batas waktu %v"),
	text("allow more time with --timeout (for example --timeout 30m), or find the part of the project that makes it slow", "beri waktu lebih dengan --timeout (misalnya --timeout 30m), atau cari bagian proyek yang membuatnya lambat"),
)
