package msg

// renja sign's checks before signing (only the signatory, only the final
// PDF of the current sources), renja verify's verdict, and signing through
// BSrE's eSign Client.
var _ = add(
	text("no renja.toml in %s: renja sign signs a project's final PDF for the signatory that its renja.toml names; run it in the project folder or name it with -C FOLDER", "tidak ada renja.toml di %s: renja sign menandatangani PDF final sebuah proyek untuk penanda tangan yang disebut renja.toml-nya; jalankan di folder proyek atau sebut foldernya dengan -C FOLDER"),
	text("PKCS#12 file (.p12, .pfx) holding the signer's key and certificate, to sign without BSrE (tests, trials); its password from $%s or asked at the terminal", "berkas PKCS#12 (.p12, .pfx) berisi kunci dan sertifikat penanda tangan, untuk menandatangani tanpa BSrE (uji coba); sandinya dari $%s atau ditanyakan di terminal"),
	text("the signed PDF (default: signed/IN-signed.pdf in the project, which renja build publishes with the website)", "PDF bertanda tangan (bawaan: signed/MASUKAN-signed.pdf di proyek, yang diterbitkan renja build bersama situs)"),
	text("project folder: the signatory, place, NIP and verification address from its renja.toml, and the check that the PDF is the final one of its current sources", "folder proyek: penanda tangan, tempat, NIP dan alamat verifikasi dari renja.toml-nya, dan pemeriksaan bahwa PDF itu PDF final dari sumbernya yang sekarang"),
	text("YES: made while `renja check` reported errors; a draft is not the adopted Renja", "YA: dibuat ketika `renja check` melaporkan kesalahan; draft bukan Renja yang ditetapkan"),
	text("signatory", "penanda tangan"),
	text("NOT THE SIGNATORY: %s signed, but renja.toml in %s names another signatory", "BUKAN PENANDA TANGAN YANG SAH: %s menandatangani, padahal renja.toml di %s menyebut penanda tangan lain"),
	text("validity", "masa berlaku"),
	text("BSrE", "BSrE"),
	text("BSrE signer", "penanda tangan BSrE"),
	text("certificate trusted by BSrE", "sertifikat dipercaya BSrE"),
	text("certificate NOT trusted by BSrE", "sertifikat TIDAK dipercaya BSrE"),
	text("NOT INTACT", "TIDAK UTUH"),
	text("no time stamp", "tanpa cap waktu"),
	text("the private key (public key %s) is not the key of the certificate of %s (serial %s, public key %s): they do not belong together", "kunci privat (kunci publik %s) bukan kunci sertifikat %s (nomor seri %s, kunci publik %s): keduanya bukan pasangan"),
	text("%s is a DRAFT: it was made while `renja check` reported errors, and a draft is never signed; correct them and make the final PDF with `renja build --final`", "%s adalah DRAF: dibuat ketika `renja check` melaporkan kesalahan, dan draf tidak pernah ditandatangani; perbaiki kesalahannya lalu buat PDF final dengan `renja build --final`"),
	text("%s records no source digest (it was not made by renja build), so no one could tell which sources were signed; sign the PDF that `renja build --final` makes", "%s tidak mencatat sidik sumber (bukan buatan renja build), sehingga tidak ada yang bisa tahu sumber mana yang ditandatangani; tandatangani PDF buatan `renja build --final`"),
	text("%s was not made from the sources now in %s (source digest %s, here %s): build it again with `renja build --final` and sign that", "%s tidak dibuat dari sumber yang sekarang ada di %s (sidik sumber %s, di sini %s): buat lagi dengan `renja build --final` lalu tandatangani yang itu"),
	text("the certificate is %q's, but renja.toml names %q as the signatory: only the signatory signs this Renja (change [signatory] name in renja.toml if the signatory changed, and build again)", "sertifikat ini milik %q, padahal renja.toml menyebut %q sebagai penanda tangan: hanya penanda tangan itu yang menandatangani Renja ini (ubah name di [signatory] renja.toml bila penanda tangannya berganti, lalu build lagi)"),
	text("the certificate of %s is not yet valid: it is valid from %s to %s", "sertifikat %s belum berlaku: berlaku dari %s sampai %s"),
	text("the certificate of %s expired on %s (valid from %s): ask for a new one", "sertifikat %s kedaluwarsa pada %s (berlaku sejak %s): mintalah yang baru"),
	text("the certificate of %s was not valid when it signed (%s): it is valid from %s to %s", "sertifikat %s tidak berlaku ketika menandatangani (%s): berlaku dari %s sampai %s"),
	text("sign takes either --bsre or --p12, not both", "sign memakai --bsre atau --p12, tidak keduanya"),
	text("The signer's NIK: ", "NIK penanda tangan: "),
	text("no NIK of the signer: set %s, or run renja sign in a terminal to be asked", "NIK penanda tangan tidak ada: setel %s, atau jalankan renja sign di terminal agar ditanyakan"),
	text("BSrE: %v", "BSrE: %v"),
	text("BSrE passphrase of %s: ", "Passphrase BSrE %s: "),
	text("no passphrase: set %s, give --totp CODE from the BeSign app, or run renja sign in a terminal to be asked", "tidak ada passphrase: isi %s, berikan --totp KODE dari aplikasi BeSign, atau jalankan renja sign di terminal agar ditanyakan"),
	text("BSrE returned a PDF that does not keep the document sent byte for byte: it is not written (the signature may exist at BSrE: check the BeSign app)", "BSrE mengembalikan PDF yang tidak memuat dokumen yang dikirim byte demi byte: PDF itu tidak disimpan (tanda tangannya mungkin tercatat di BSrE: periksa aplikasi BeSign)"),
	text("BSrE returned a PDF that renja cannot verify (%v): it is not written", "BSrE mengembalikan PDF yang tidak bisa diverifikasi renja (%v): PDF itu tidak disimpan"),
	text("BSrE returned a PDF whose signature is not intact (%s): it is not written", "BSrE mengembalikan PDF yang tanda tangannya tidak utuh (%s): PDF itu tidak disimpan"),
	text("BSrE returned a PDF signed by %s, not by the signatory %s: it is not written", "BSrE mengembalikan PDF yang ditandatangani %s, bukan oleh penanda tangan %s: PDF itu tidak disimpan"),
	text("address of the district's BSrE eSign Client (default: [signing] bsre in renja.toml); its client user and password from $%s and $%s", "alamat eSign Client BSrE kabupaten (bawaan: bsre di [signing] renja.toml); user dan sandi kliennya dari $%s dan $%s"),
	text("how long to wait for each answer of BSrE (a request without an answer is never sent again)", "berapa lama menunggu setiap jawaban BSrE (permintaan yang tidak dijawab tidak pernah dikirim ulang)"),
	text("allow plain HTTP to an eSign Client that is not on this machine (the passphrase crosses the network unencrypted)", "izinkan HTTP biasa ke eSign Client yang tidak ada di mesin ini (passphrase melintasi jaringan tanpa enkripsi)"),
	text("the signer's NIK at BSrE (or $%s); never written into renja.toml, which is published", "NIK penanda tangan di BSrE (atau $%s); jangan pernah ditulis di renja.toml, yang diterbitkan"),
	text("a one-time code from the BeSign app, instead of the passphrase ($%s or asked at the terminal)", "kode sekali pakai dari aplikasi BeSign, sebagai ganti passphrase ($%s atau ditanyakan di terminal)"),
	text("set %s and %s to the client application's user and password that the district's eSign administrator gave", "isi %s dan %s dengan user dan sandi aplikasi klien yang diberikan pengelola eSign kabupaten"),
	text("sign needs --bsre URL (or [signing] bsre in renja.toml), the address of the district's BSrE eSign Client, or --p12 FILE (a key and certificate, to sign without BSrE)", "sign memerlukan --bsre URL (atau bsre di [signing] renja.toml), alamat eSign Client BSrE kabupaten, atau --p12 BERKAS (kunci dan sertifikat, untuk menandatangani tanpa BSrE)"),
	text("NOT ASKED: %v", "TIDAK TERTANYAKAN: %v"),
	text("the signer's NIK does not belong in renja.toml, which is published with the sources", "NIK penanda tangan tidak boleh ada di renja.toml, yang diterbitkan bersama sumbernya"),
	text("remove nik from [signing]; renja sign asks for it, or reads $RENJA_BSRE_NIK", "hapus nik dari [signing]; renja sign menanyakannya, atau membacanya dari $RENJA_BSRE_NIK"),
	text("signing.origin %q is not a corner of the page", "signing.origin %q bukan sudut halaman"),
	text(`write origin = "top-left" (the default) or origin = "bottom-left" under [signing]`, `tulis origin = "top-left" (bawaan) atau origin = "bottom-left" di bawah [signing]`),
	text("a certificate of the chain cannot be read: %v", "salah satu sertifikat rantai tidak terbaca: %v"),
	text("the answer holds no certificate", "jawabannya tidak memuat sertifikat"),
	text("%d files instead of one", "%d berkas, bukan satu"),
	text("the answer has no conclusion", "jawabannya tidak memuat kesimpulan"),
	text("time limit reached", "batas waktu habis"),
	text("%q is not the address of BSrE's eSign Client: write it as https://host[:port][/path]", "%q bukan alamat eSign Client BSrE: tulis sebagai https://host[:port][/path]"),
	text("plain HTTP to %s is refused: the passphrase and the document would cross the network unencrypted; use https://, or --insecure-http if the district's eSign Client answers only plain HTTP on a network you trust", "HTTP biasa ke %s ditolak: passphrase dan dokumen akan melintasi jaringan tanpa enkripsi; pakai https://, atau --insecure-http bila eSign Client kabupaten hanya menjawab HTTP biasa di jaringan yang Anda percayai"),
	text("plain HTTP to %s (--insecure-http): the passphrase, the client's password and the document cross the network unencrypted; anyone on the way can read them", "HTTP biasa ke %s (--insecure-http): passphrase, sandi klien dan dokumen melintasi jaringan tanpa enkripsi; siapa pun di jalurnya bisa membacanya"),
	text("the signature block is too small for the signature (%.0f × %.0f points)", "blok tanda tangan terlalu kecil untuk tanda tangan (%.0f × %.0f poin)"),
	text("BSrE's eSign Client at %s refused the client application's user and password (HTTP 401): check RENJA_BSRE_USER and RENJA_BSRE_PASSWORD with the district's eSign administrator; nothing was signed", "eSign Client BSrE di %s menolak user dan sandi aplikasi klien (HTTP 401): periksa RENJA_BSRE_USER dan RENJA_BSRE_PASSWORD bersama pengelola eSign kabupaten; tidak ada yang ditandatangani"),
	text("this NIK is not registered with BSrE (NOT_REGISTERED): the signatory registers for an electronic certificate first, through the district's TTE administrator; nothing was signed", "NIK ini tidak terdaftar di BSrE (NOT_REGISTERED): penanda tangan mendaftar sertifikat elektronik dulu, melalui pengelola TTE kabupaten; tidak ada yang ditandatangani"),
	text("this NIK is registered with BSrE but has no certificate (NO_CERTIFICATE): the signatory asks for the certificate to be issued, through the district's TTE administrator; nothing was signed", "NIK ini terdaftar di BSrE tetapi belum punya sertifikat (NO_CERTIFICATE): penanda tangan meminta sertifikatnya diterbitkan, melalui pengelola TTE kabupaten; tidak ada yang ditandatangani"),
	text("BSrE says this NIK's certificate status is %s, not ISSUE: it cannot sign now; ask the district's TTE administrator; nothing was signed", "menurut BSrE status sertifikat NIK ini %s, bukan ISSUE: belum bisa menandatangani; tanyakan pengelola TTE kabupaten; tidak ada yang ditandatangani"),
	text("BSrE refused the passphrase or the one-time code (%s): nothing was signed; try again with the right one (after several wrong tries BSrE may lock the certificate)", "BSrE menolak passphrase atau kode sekali pakai (%s): tidak ada yang ditandatangani; coba lagi dengan yang benar (setelah beberapa kali salah BSrE bisa mengunci sertifikat)"),
	text("BSrE's eSign Client could not process the PDF (HTTP %d: %s): nothing was signed; make the final PDF again with `renja build --final` and check that it opens", "eSign Client BSrE tidak bisa mengolah PDF (HTTP %d: %s): tidak ada yang ditandatangani; buat lagi PDF final dengan `renja build --final` dan periksa bahwa PDF itu bisa dibuka"),
	text("BSrE's eSign Client at %s cannot be reached (%s): nothing was sent; check the address and the network", "eSign Client BSrE di %s tidak bisa dihubungi (%s): tidak ada yang terkirim; periksa alamat dan jaringannya"),
	text("no answer from BSrE's eSign Client at %s within %s (%s): whether the PDF was signed is UNKNOWN, and renja does not send it again. Before you sign again, look in the BeSign app's history (or ask the district's eSign administrator) whether a signature was made just now; a signed PDF that reaches you is checked with `renja verify --bsre %s FILE`", "eSign Client BSrE di %s tidak menjawab dalam %s (%s): TIDAK DIKETAHUI apakah PDF sudah ditandatangani, dan renja tidak mengirimnya lagi. Sebelum menandatangani lagi, lihat riwayat di aplikasi BeSign (atau tanyakan pengelola eSign kabupaten) apakah baru saja ada tanda tangan; PDF bertanda tangan yang sampai kepada Anda diperiksa dengan `renja verify --bsre %s BERKAS`"),
	text("no answer from BSrE's eSign Client at %s within %s (%s): nothing was signed; try again later or with a longer --timeout", "eSign Client BSrE di %s tidak menjawab dalam %s (%s): tidak ada yang ditandatangani; coba lagi nanti atau dengan --timeout yang lebih panjang"),
	text("BSrE's eSign Client answered, but renja cannot read a signed PDF in its answer (%s): whether the PDF was signed is UNKNOWN; look in the BeSign app's history before you sign again", "eSign Client BSrE menjawab, tetapi renja tidak menemukan PDF bertanda tangan yang terbaca dalam jawabannya (%s): TIDAK DIKETAHUI apakah PDF sudah ditandatangani; lihat riwayat di aplikasi BeSign sebelum menandatangani lagi"),
	text("BSrE's eSign Client answered HTTP %d: %s", "eSign Client BSrE menjawab HTTP %d: %s"),
)

// What renja build publishes of signed/.
var _ = add(
	text("it is a signed DRAFT", "PDF itu DRAF yang ditandatangani"),
	text("it was made from other sources than the current ones (source digest %s, now %s)", "PDF itu dibuat dari sumber lain, bukan yang sekarang (sidik sumber %s, sekarang %s)"),
	text("it is signed by %s, not by the signatory %s", "PDF itu ditandatangani %s, bukan oleh penanda tangan %s"),
	text("none", "tidak ada"),
	text("%s is not published with the website: %s; sign the final PDF of the current sources", "%s tidak diterbitkan bersama situs: %s; tandatangani PDF final dari sumber yang sekarang"),
)

var _ = add(
	text("renja: %s: warning: %s\n", "renja: %s: peringatan: %s\n"),
)

var _ = add(
	text("the signature's image: %w", "gambar tanda tangan: %w"),
	text("the signature's box (page %d, %.1f, %.1f) covers no signature block", "kotak tanda tangan (halaman %d, %.1f, %.1f) tidak menutupi blok tanda tangan mana pun"),
)
