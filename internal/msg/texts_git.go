package msg

// Revisions in git (renja diff), the output folder, renja init --from and the
// pre-commit hook.
var _ = add(
	text("%s is not in a git repository (hint: git init, then commit the project)", "%s tidak berada di repositori git (saran: git init, lalu commit proyeknya)"),
	text("the git repository %s cannot be opened: %w", "repositori git %s tidak bisa dibuka: %w"),
	text("the git repository %s has no working tree: %w", "repositori git %s tidak punya working tree: %w"),
	text("%s is outside the git repository %s", "%s berada di luar repositori git %s"),
	text("revision HEAD does not exist yet: this repository has no commit (hint: git add . && git commit)", "revisi HEAD belum ada: repositori ini belum punya commit (saran: git add . && git commit)"),
	text("git does not know the revision %q: %v (hint: a branch name, a tag, a commit hash, or HEAD~1)", "revisi %q tidak dikenal git: %v (saran: nama cabang, tag, hash commit, atau HEAD~1)"),
	text("revision %q is not a commit: %v", "revisi %q bukan commit: %v"),
	text("revision %s: %v", "revisi %s: %v"),
	text("revision %s (%s) holds no renja project: the folder %s is not there yet", "revisi %s (%s) tidak memuat proyek renja: folder %s belum ada di sana"),
	text("revision %s (%s) holds no renja project: no renja.toml in %s", "revisi %s (%s) tidak memuat proyek renja: tidak ada renja.toml di %s"),
	text("%s is not in revision %s", "%s tidak ada di revisi %s"),
	text("revision %s cannot be read as a renja project:\n%s", "revisi %s tidak bisa dibaca sebagai proyek renja:\n%s"),
	text("%q: renja diff compares two revisions with A..B, not A...B", "%q: renja diff membandingkan dua revisi dengan A..B, bukan A...B"),
	text("write two revisions as A B or as A..B, not both", "tulis dua revisi sebagai A B atau A..B, bukan keduanya"),
	text("renja diff compares at most two revisions, got %d: %s", "renja diff membandingkan paling banyak dua revisi, diberikan %d: %s"),
	text("the folder of the new project and --from PROJECT are needed", "perlu folder proyek baru dan --from PROYEK"),
	text("reading %s: %w", "membaca %s: %w"),
	text("--year %d: the new plan year must come after the plan year of %s (%d)", "--year %d: tahun rencana yang baru harus sesudah tahun rencana %s (%d)"),
	text("putting the build in place: %w; the previous build is in %s (%v)", "memasang hasil build: %w; build sebelumnya ada di %s (%v)"),
	text("locking %s: %w", "mengunci %s: %w"),
	text("restoring %s from %s: %w", "memulihkan %s dari %s: %w"),
	text("%s already exists and was not made by renja; add the lines 'renja fmt --check' and 'renja check' to it yourself", "%s sudah ada dan bukan buatan renja; tambahkan sendiri baris 'renja fmt --check' dan 'renja check' ke dalamnya"),
	text("%s: not a git link file", "%s: bukan berkas tautan git"),
	text("%s is not in a git repository", "%s tidak berada di repositori git"),
	// renja init's options
	text("--%s is missing", "--%s belum diisi"),
	text("--%s holds a control character or a line break", "--%s memuat karakter kendali atau ganti baris"),
	text("the folder of the new project is missing", "folder proyek baru belum disebut"),
	text("--year %d is not a plan year", "--year %d bukan tahun rencana"),
	// renja diff and renja fmt's options
	text("the project folder", "folder proyek"),
	text("write Markdown, for a merge-request comment or a CI job summary", "tulis Markdown, untuk komentar merge request atau ringkasan job CI"),
	text("write a JSON array of changes (table, code, column, old, new, delta, kind)", "tulis larik JSON perubahan (table, code, column, old, new, delta, kind)"),
	text("write FILE.csv as one line per cell, for git's diff driver", "tulis FILE.csv sebagai satu baris per sel, untuk driver diff git"),
	text("change nothing; list the tables that are not in canonical form and exit 1", "jangan mengubah apa pun; daftar tabel yang belum dalam bentuk baku lalu keluar dengan kode 1"),
)
