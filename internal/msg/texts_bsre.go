package msg

// renja sign's checks before signing (only the signatory, only the final
// PDF of the current sources), renja verify's verdict, and signing through
// BSrE's eSign Client.
var _ = add(
	T("no renja.toml in %s: renja sign signs a project's final PDF for the signatory that its renja.toml names; run it in the project folder or name it with -C FOLDER", "tidak ada renja.toml di %s: renja sign menandatangani PDF final sebuah proyek untuk penanda tangan yang disebut renja.toml-nya; jalankan di folder proyek atau sebut foldernya dengan -C FOLDER"),
	T("PKCS#12 file (.p12, .pfx) holding the signer's key and certificate, to sign without BSrE (tests, trials); its password from $%s or asked at the terminal", "berkas PKCS#12 (.p12, .pfx) berisi kunci dan sertifikat penanda tangan, untuk menandatangani tanpa BSrE (uji coba); sandinya dari $%s atau ditanyakan di terminal"),
	T("the signed PDF (default: signed/IN-signed.pdf in the project, which renja build publishes with the website)", "PDF bertanda tangan (bawaan: signed/MASUKAN-signed.pdf di proyek, yang diterbitkan renja build bersama situs)"),
	T("project folder: the signatory, place, NIP and verification address from its renja.toml, and the check that the PDF is the final one of its current sources", "folder proyek: penanda tangan, tempat, NIP dan alamat verifikasi dari renja.toml-nya, dan pemeriksaan bahwa PDF itu PDF final dari sumbernya yang sekarang"),
	T("YES: made while `renja check` reported errors; a draft is not the adopted Renja", "YA: dibuat ketika `renja check` melaporkan kesalahan; draft bukan Renja yang ditetapkan"),
	T("signatory", "penanda tangan"),
	T("NOT THE SIGNATORY: %s signed, but renja.toml in %s names another signatory", "BUKAN PENANDA TANGAN YANG SAH: %s menandatangani, padahal renja.toml di %s menyebut penanda tangan lain"),
	T("validity", "masa berlaku"),
	T("BSrE", "BSrE"),
	T("BSrE signer", "penanda tangan BSrE"),
	T("certificate trusted by BSrE", "sertifikat dipercaya BSrE"),
	T("certificate NOT trusted by BSrE", "sertifikat TIDAK dipercaya BSrE"),
	T("NOT INTACT", "TIDAK UTUH"),
	T("no time stamp", "tanpa cap waktu"),
	T("the private key (public key %s) is not the key of the certificate of %s (serial %s, public key %s): they do not belong together", "kunci privat (kunci publik %s) bukan kunci sertifikat %s (nomor seri %s, kunci publik %s): keduanya bukan pasangan"),
	T("%s is a DRAFT: it was made while `renja check` reported errors, and a draft is never signed; correct them and make the final PDF with `renja build --final`", "%s adalah DRAFT: dibuat ketika `renja check` melaporkan kesalahan, dan draft tidak pernah ditandatangani; perbaiki kesalahannya lalu buat PDF final dengan `renja build --final`"),
	T("%s records no source digest (it was not made by renja build), so no one could tell which sources were signed; sign the PDF that `renja build --final` makes", "%s tidak mencatat sidik sumber (bukan buatan renja build), sehingga tidak ada yang bisa tahu sumber mana yang ditandatangani; tandatangani PDF buatan `renja build --final`"),
	T("%s was not made from the sources now in %s (source digest %s, here %s): build it again with `renja build --final` and sign that", "%s tidak dibuat dari sumber yang sekarang ada di %s (sidik sumber %s, di sini %s): buat lagi dengan `renja build --final` lalu tandatangani yang itu"),
	T("the certificate is %q's, but renja.toml names %q as the signatory: only the signatory signs this Renja (change [signatory] name in renja.toml if the signatory changed, and build again)", "sertifikat ini milik %q, padahal renja.toml menyebut %q sebagai penanda tangan: hanya penanda tangan itu yang menandatangani Renja ini (ubah name di [signatory] renja.toml bila penanda tangannya berganti, lalu build lagi)"),
	T("the certificate of %s is not yet valid: it is valid from %s to %s", "sertifikat %s belum berlaku: berlaku dari %s sampai %s"),
	T("the certificate of %s expired on %s (valid from %s): ask for a new one", "sertifikat %s kedaluwarsa pada %s (berlaku sejak %s): mintalah yang baru"),
	T("the certificate of %s was not valid when it signed (%s): it is valid from %s to %s", "sertifikat %s tidak berlaku ketika menandatangani (%s): berlaku dari %s sampai %s"),
)
