package msg

// Hints that quote the fix: what to write instead of what was found.
var _ = add(
	T("write %q", "tulis %q"),
	T("write %q: %s", "tulis %q: %s"),
	T("in Indonesian numbers a dot groups thousands and a comma marks decimals", "dalam angka Indonesia titik memisahkan ribuan dan koma menandai desimal"),
	T("a dot groups thousands; for a decimal use a comma", "titik memisahkan ribuan; untuk desimal pakai koma"),
	T("a letter was typed for a digit", "ada huruf yang terketik sebagai angka"),
	T("the unit %q belongs in the indicator, not in this column", "satuan %q ditulis di indikator, bukan di kolom ini"),
	T("write %q: a letter was typed for a digit", "tulis %q: ada huruf yang terketik sebagai angka"),
)

var _ = add(
	T("unknown command %q: did you mean renja %s?", "perintah %q tidak dikenal: maksudnya renja %s?"),
)
