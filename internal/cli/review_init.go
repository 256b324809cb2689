package cli

import (
	"fmt"
	"io"

	"renja/internal/gitsetup"
)

// initReview is renja init's part for reviewing in git: .gitattributes and
// the CI files, and with --hook the pre-commit hook (and a git repository
// when the folder is in none).
func initReview(dir string, hook bool, stdout io.Writer) error {
	wrote, err := gitsetup.Write(dir)
	if err != nil {
		return failf("%v", err)
	}
	for _, f := range wrote {
		switch f {
		case ".gitattributes":
			fmt.Fprintln(stdout, "  .gitattributes  git diff menampilkan tabel per sel; aktifkan sekali per clone:")
			fmt.Fprintln(stdout, "                  "+gitsetup.TextconvCommand)
		case ".gitlab-ci.yml":
			fmt.Fprintln(stdout, "  .gitlab-ci.yml  GitLab CI: renja check dan renja diff tiap push/merge request, Pages dari cabang utama")
		case ".github/workflows/renja.yml":
			fmt.Fprintln(stdout, "  .github/workflows/renja.yml  GitHub Actions: renja check tiap push/pull request, renja diff di job summary, Pages dari cabang utama")
		}
	}
	if !hook {
		return nil
	}
	path, created, err := gitsetup.InstallHook(dir)
	if created {
		fmt.Fprintf(stdout, "  .git/           repositori git baru di %s\n", dir)
	}
	if err != nil {
		return failf("hook pre-commit: %v", err)
	}
	fmt.Fprintf(stdout, "  hook pre-commit %s: renja fmt --check dan renja check sebelum tiap commit (lewati: git commit --no-verify)\n", path)
	return nil
}
