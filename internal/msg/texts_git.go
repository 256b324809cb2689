package msg

// Revisions in git (renja diff), the output folder, renja init --from and the
// pre-commit hook.
var _ = add(
	T("%s is not in a git repository (hint: git init, then commit the project)", "%s tidak berada di repositori git (saran: git init, lalu commit proyeknya)"),
	T("the git repository %s cannot be opened: %w", "repositori git %s tidak bisa dibuka: %w"),
	T("the git repository %s has no working tree: %w", "repositori git %s tidak punya working tree: %w"),
	T("%s is outside the git repository %s", "%s berada di luar repositori git %s"),
	T("revision HEAD does not exist yet: this repository has no commit (hint: git add . && git commit)", "revisi HEAD belum ada: repositori ini belum punya commit (saran: git add . && git commit)"),
	T("git does not know the revision %q: %v (hint: a branch name, a tag, a commit hash, or HEAD~1)", "revisi %q tidak dikenal git: %v (saran: nama cabang, tag, hash commit, atau HEAD~1)"),
	T("revision %q is not a commit: %v", "revisi %q bukan commit: %v"),
	T("revision %s: %v", "revisi %s: %v"),
	T("revision %s (%s) holds no renja project: the folder %s is not there yet", "revisi %s (%s) tidak memuat proyek renja: folder %s belum ada di sana"),
	T("revision %s (%s) holds no renja project: no renja.toml in %s", "revisi %s (%s) tidak memuat proyek renja: tidak ada renja.toml di %s"),
	T("%s is not in revision %s", "%s tidak ada di revisi %s"),
	T("revision %s cannot be read as a renja project:\n%s", "revisi %s tidak bisa dibaca sebagai proyek renja:\n%s"),
	T("%q: renja diff compares two revisions with A..B, not A...B", "%q: renja diff membandingkan dua revisi dengan A..B, bukan A...B"),
	T("write two revisions as A B or as A..B, not both", "tulis dua revisi sebagai A B atau A..B, bukan keduanya"),
	T("renja diff compares at most two revisions, got %d: %s", "renja diff membandingkan paling banyak dua revisi, diberikan %d: %s"),
	T("the folder of the new project and --from PROJECT are needed", "perlu folder proyek baru dan --from PROYEK"),
	T("reading %s: %w", "membaca %s: %w"),
	T("--year %d: the new plan year must come after the plan year of %s (%d)", "--year %d: tahun rencana yang baru harus sesudah tahun rencana %s (%d)"),
	T("putting the build in place: %w; the previous build is in %s (%v)", "memasang hasil build: %w; build sebelumnya ada di %s (%v)"),
	T("locking %s: %w", "mengunci %s: %w"),
	T("restoring %s from %s: %w", "memulihkan %s dari %s: %w"),
	T("%s already exists and was not made by renja; add the lines 'renja fmt --check' and 'renja check' to it yourself", "%s sudah ada dan bukan buatan renja; tambahkan sendiri baris 'renja fmt --check' dan 'renja check' ke dalamnya"),
	T("%s: not a git link file", "%s: bukan berkas tautan git"),
	T("%s is not in a git repository", "%s tidak berada di repositori git"),
	// renja init's options
	T("--%s is missing", "--%s belum diisi"),
	T("--%s holds a control character or a line break", "--%s memuat karakter kendali atau ganti baris"),
	T("the folder of the new project is missing", "folder proyek baru belum disebut"),
	T("--year %d is not a plan year", "--year %d bukan tahun rencana"),
	// renja diff and renja fmt's options
	T("the project folder", "folder proyek"),
	T("write Markdown, for a merge-request comment or a CI job summary", "tulis Markdown, untuk komentar merge request atau ringkasan job CI"),
	T("write a JSON array of changes (table, code, column, old, new, delta, kind)", "tulis larik JSON perubahan (table, code, column, old, new, delta, kind)"),
	T("write FILE.csv as one line per cell, for git's diff driver", "tulis FILE.csv sebagai satu baris per sel, untuk driver diff git"),
	T("change nothing; list the tables that are not in canonical form and exit 1", "jangan mengubah apa pun; daftar tabel yang belum dalam bentuk baku lalu keluar dengan kode 1"),
)
