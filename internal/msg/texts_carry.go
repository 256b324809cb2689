package msg

// The carry rule: this year's Renja against last year's and the Renstra
// (renja.toml's [previous] and [renstra]), and renja diff --previous.
var _ = add(
	text("%s of %s is %s here but %s in the Renstra (%s)", "%s untuk %s di sini %s, tetapi di Renstra %s (%s)"),
	text("%s of %s is %s here but %s in last year's Renja (%s)", "%s untuk %s di sini %s, tetapi di Renja tahun lalu %s (%s)"),
	text("a figure of a past year is history, the same in every year's Renja: correct it here, or in the other document if that one is wrong",
		"angka tahun yang sudah lewat adalah sejarah, sama di Renja setiap tahun: perbaiki di sini, atau di dokumen yang lain bila di sanalah yang keliru"),
	text("the Renja departs from the Renstra: write the reason in the row's catatan column, or correct the figure",
		"Renja menyimpang dari Renstra: tulis alasannya di kolom catatan baris ini, atau perbaiki angkanya"),
	text("the plan departs from last year's forecast: write the reason (the analysis of needs) in the row's catatan column, or correct the figure",
		"rencana menyimpang dari prakiraan maju tahun lalu: tulis alasannya (hasil analisa kebutuhan) di kolom catatan baris ini, atau perbaiki angkanya"),
	text("the Renstra %s cannot be read: %s; it is not compared", "Renstra %s tidak bisa dibaca: %s; Renstra tidak dibandingkan"),
	text("correct [renstra] in renja.toml: project = the Renstra's folder, table = its table's id in data/",
		"perbaiki [renstra] di renja.toml: project = folder Renstra, table = id tabelnya di data/"),
	text("last year's Renja %s cannot be read: %s; it is not compared", "Renja tahun lalu %s tidak bisa dibaca: %s; Renja itu tidak dibandingkan"),
	text("correct [previous] in renja.toml: project = the folder of last year's Renja, or rev = a git tag or commit of it",
		"perbaiki [previous] di renja.toml: project = folder Renja tahun lalu, atau rev = tag atau commit git-nya"),
	text("it has no table %q in data/", "tidak ada tabel %q di data/-nya"),
	text("the folder %s does not exist", "folder %s tidak ada"),
	text("name last year's Renja with project = \"../kalaena-2024\" or rev = \"renja-2024\"",
		"sebut Renja tahun lalu dengan project = \"../kalaena-2024\" atau rev = \"renja-2024\""),
	text("previous.table is not a setting: last year's Renja is compared as a whole",
		"previous.table bukan pengaturan: Renja tahun lalu dibandingkan seluruhnya"),
	text("add table = \"renstra\" (the id of the Renstra's table in data/) under [renstra]",
		"tambahkan table = \"renstra\" (id tabel Renstra di data/) di bawah [renstra]"),
	text("renstra.table is missing", "renstra.table belum diisi"),
)

var _ = add(
	text("set this year's plan beside last year's Renja (renja.toml's [previous]) by code", "sandingkan rencana tahun ini dengan Renja tahun lalu ([previous] di renja.toml) per kode"),
	text("renja diff --previous compares the project folder with last year's Renja: no revision", "renja diff --previous membandingkan folder proyek dengan Renja tahun lalu: tanpa revisi"),
	text(`renja.toml names no previous Renja (hint: add [previous] with project = "../kalaena-2024" or rev = "renja-2024")`,
		`renja.toml tidak menyebut Renja tahun lalu (saran: tambahkan [previous] dengan project = "../kalaena-2024" atau rev = "renja-2024")`),
	text("last year's Renja %s cannot be read: %s", "Renja tahun lalu %s tidak bisa dibaca: %s"),
)
