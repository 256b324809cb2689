package msg

// Template syntax in the officer's words (diag.TemplateError).
var _ = add(
	text("the sign %s cannot be used inside {{ … }}", "tanda %s tidak dapat dipakai di dalam {{ … }}"),
	text("write straight quotes: %s", "tulis tanda kutip lurus: %s"),
	text("a text in quotes is not closed with its \"", "teks dalam tanda kutip tidak ditutup dengan \""),
	text("a ( is not closed with its )", "tanda ( tidak ditutup dengan )"),
	text("a ) without its (", "tanda ) tanpa pasangan ("),
	text("a comment {{/* is not closed with */}}", "komentar {{/* tidak ditutup dengan */}}"),
	text("the text ends inside a {{ … }} block: a {{ end }} is missing", "teks berakhir di dalam blok {{ … }}: {{ end }} belum ditulis"),
	text("%q cannot be read as a number", "%q tidak dapat dibaca sebagai angka"),
	text("a {{ … }} has nothing inside it", "ada {{ … }} yang kosong"),
	text("the variable %q is not defined", "variabel %q tidak ada"),
	text("%s takes %s values, it was given %s", "%s memerlukan %s nilai, diberi %s"),
	text("%q is not expected here", "%q tidak semestinya ada di sini"),
)

// TOML that renja can mend (tomlx): a Windows path, curly quotes.
var _ = add(
	text(`in a "…" text a backslash \ starts an escape, and %s is none: the text cannot be read`, `di dalam teks "…" garis miring terbalik \ memulai kode khusus, dan %s bukan kode khusus: teks itu tidak dapat dibaca`),
	text("write %s'%s' or %s\"%s\"", "tulis %s'%s' atau %s\"%s\""),
	text("the quote %s is a word processor's curly quote; TOML reads only straight quotes \"", "tanda kutip %s adalah tanda kutip lengkung dari pengolah kata; TOML hanya membaca tanda kutip lurus \""),
)

var _ = add(
	text("close the text with \": %s", "tutup teksnya dengan \": %s"),
)

var _ = add(
	text("to fill: %s %s", "perlu diisi: %s %s"),
)

// TOML syntax in the officer's words (tomlx's syntaxMessages).
var _ = add(
	text("%q is not a date: dates are written 2023-05-01", "%q bukan tanggal: tanggal ditulis 2023-05-01"),
	text("a digit is expected here, not %q", "di sini seharusnya angka, bukan %q"),
	text("a value is expected after =", "sesudah = seharusnya ada nilai"),
	text("a key is followed by =, not %q: text needs quotes", "sesudah nama kunci seharusnya =, bukan %q: teks perlu tanda kutip"),
	text("a list [ … ] separates its values with commas and ends with ]", "daftar [ … ] memisahkan nilainya dengan koma dan diakhiri ]"),
	text("a key is missing before =", "nama kunci tidak ada sebelum ="),
)
