package msg

// Hints that quote the fix: what to write instead of what was found.
var _ = add(
	text("write %q", "tulis %q"),
	text("write %q: %s", "tulis %q: %s"),
	text("in Indonesian numbers a dot groups thousands and a comma marks decimals", "dalam angka Indonesia titik memisahkan ribuan dan koma menandai desimal"),
	text("a dot groups thousands; for a decimal use a comma", "titik memisahkan ribuan; untuk desimal pakai koma"),
	text("a letter was typed for a digit", "ada huruf yang terketik sebagai angka"),
	text("the unit %q belongs in the indicator, not in this column", "satuan %q ditulis di indikator, bukan di kolom ini"),
	text("write %q: a letter was typed for a digit", "tulis %q: ada huruf yang terketik sebagai angka"),
)

var _ = add(
	text("unknown command %q: did you mean renja %s?", "perintah %q tidak dikenal: maksudnya renja %s?"),
)
