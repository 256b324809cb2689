package msg

// The bounds on a template's values and work, on the input's size and on a
// table's cells (package limits).
var _ = add(
	T("the text it makes is too long: %s or more, the limit of one text value in a template is %s", "teks yang dibuatnya terlalu panjang: %s atau lebih, batas satu nilai teks dalam templat %s"),
	T("a template call that joins or pads a text (print, printf …) again and again doubles it each time; write the text once", "panggilan templat yang menggabung atau mengisi teks (print, printf …) berulang-ulang menggandakannya setiap kali; tulis teksnya sekali saja"),
)
