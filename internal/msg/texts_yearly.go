package msg

// A yearly table's rows carried forward by renja init --from (schema key
// yearly: Tabel 2.5's proposals of the Musrenbang).
var _ = add(
	text("%d of the table's %d rows are last year's (marked in the column %s)", "%d dari %d baris tabel ini adalah baris tahun lalu (bertanda di kolom %s)"),
	text("write this year's rows in their place, or delete them; a row is this year's once its cell in the column %s is empty",
		"tulis baris tahun ini sebagai gantinya, atau hapus; sebuah baris menjadi baris tahun ini begitu selnya di kolom %s dikosongkan"),
)
