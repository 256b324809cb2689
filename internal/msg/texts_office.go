package msg

// Another office, another year (issue 25): year-free column ids, years in
// the text, example facts and rows, an empty plan.
var _ = add(
	T("data/%s.toml: column %s is now %s (the title says the year)\n", "data/%s.toml: kolom %s kini %s (judulnya yang menyebut tahun)\n"),
	T("  renamed     data/%s.toml: column %s is now %s (the title says the year)\n", "  diganti     data/%s.toml: kolom %s kini %s (judulnya yang menyebut tahun)\n"),
)
