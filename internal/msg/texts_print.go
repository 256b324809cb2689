package msg

// The browser that prints the PDF (package pdf): what an officer reads when
// a print fails.
var _ = add(
	T("starting Chrome: %w", "menjalankan Chrome: %w"),
	T("starting Chrome (%s): %w", "menjalankan Chrome (%s): %w"),
	T("no answer within %v", "tidak ada jawaban dalam %v"),
	T("removing Chrome's profile: %w", "menghapus profil Chrome: %w"),
	T("no new tab within %v", "tidak ada tab baru dalam %v"),
	T("the Chrome tab crashed", "tab Chrome mogok"),
	T("printing %s: %w", "mencetak %s: %w"),
	T("the browser is closed", "peramban sudah ditutup"),
	T("waiting for fonts: %w", "menunggu huruf: %w"),
	T("changing the page before printing again: %w", "mengubah halaman sebelum mencetak ulang: %w"),
	T("the browser stopped: %w", "peramban berhenti: %w"),
	T("Chrome returned an incomplete PDF", "Chrome mengembalikan PDF yang tidak lengkap"),
	T("%q is not a browser's DevTools endpoint (ws://HOST:PORT/… or http://HOST:PORT)", "%q bukan alamat DevTools peramban (ws://HOST:PORT/… atau http://HOST:PORT)"),
	T("connecting to the browser at %s: %w", "menghubungi peramban di %s: %w"),
	// package limits
	T("build stopped: it ran longer than its limit of %v", "build dihentikan: melewati batas waktu %v"),
	T("allow more time with --timeout (for example --timeout 30m), or find the part of the project that makes it slow", "beri waktu lebih dengan --timeout (misalnya --timeout 30m), atau cari bagian proyek yang membuatnya lambat"),
)
