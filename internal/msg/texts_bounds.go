package msg

// The bounds on a template's values and work, on the input's size and on a
// table's cells (package limits).
var _ = add(
	text("the text it makes is too long: %s or more, the limit of one text value in a template is %s", "teks yang dibuatnya terlalu panjang: %s atau lebih, batas satu nilai teks dalam templat %s"),
	text("a template call that joins or pads a text (print, printf …) again and again doubles it each time; write the text once", "panggilan templat yang menggabung atau mengisi teks (print, printf …) berulang-ulang menggandakannya setiap kali; tulis teksnya sekali saja"),
	text("a table of the Renja has tens of columns; split it into several tables", "tabel Renja berisi puluhan kolom; pecah menjadi beberapa tabel"),
	text("the table declares %d columns, the limit is %d", "tabel menyatakan %d kolom, batasnya %d"),
	text("split the table into several tables (several files in data/)", "pecah tabel menjadi beberapa tabel (beberapa berkas di data/)"),
	text("the table has more than %d cells (rows × columns), the limit of one table", "tabel berisi lebih dari %d sel (baris × kolom), batas satu tabel"),
	text("the tables hold %s together, the limit is %s (the largest: %s, %s)", "tabel-tabel berisi %s seluruhnya, batasnya %s (yang terbesar: %s, %s)"),
	text("a Renja of 100,000 sub kegiatan holds about 46 MB; check that these are the right files", "Renja dengan 100.000 sub kegiatan berisi sekitar 46 MB; periksa apakah berkas-berkas ini benar"),
	text("too many [ brackets: more than %d in one part", "terlalu banyak kurung siku [: lebih dari %d dalam satu bagian"),
	text("a part needs a [ for each link; renja reads at most %d, since reading many more takes the Markdown reader minutes", "satu bagian memerlukan satu [ untuk setiap tautan; renja membaca paling banyak %d, karena lebih banyak lagi membuat pembaca Markdown berjalan bermenit-menit"),
)
