package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"renja/internal/check"
	"renja/internal/model"
	"renja/internal/render"
)

// keys lists the dotted keys of a TOML document.
func keys(t *testing.T, src []byte) []string {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			if sub, ok := v.(map[string]any); ok {
				walk(prefix+k+".", sub)
				continue
			}
			out = append(out, prefix+k)
		}
	}
	walk("", m)
	sort.Strings(out)
	return out
}

func TestConfigMirrorsBundled(t *testing.T) {
	bundled, err := os.ReadFile("../../renja.toml")
	if err != nil {
		t.Fatal(err)
	}
	made, err := configTOML(Options{Office: `Kantor Kecamatan "Baru"`, Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := strings.Join(keys(t, bundled), " "), strings.Join(keys(t, made), " "); a != b {
		t.Errorf("renja init's renja.toml has the keys\n\t%s\nthe bundled one\n\t%s", b, a)
	}
	for _, want := range []string{`name = "Kantor Kecamatan \"Baru\""`, `kabupaten = "Luwu Timur"`, "year = 2025", `name = "[NAMA CAMAT]"`} {
		if !strings.Contains(string(made), want) {
			t.Errorf("renja.toml lacks %s", want)
		}
	}
}

// TestInit writes a project, loads, checks and renders it, and refuses to
// write over it.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "malili")
	files, err := Init(Options{Dir: dir, Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025, Templates: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"renja.toml", "content/40-bab-4.md", "data/t31.csv", "data/t31.toml", "templates/document.html", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s: %v (wrote %v)", want, err, files)
		}
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".go") {
			t.Errorf("init copied the Go file %s", f)
		}
	}
	p, err := model.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p.Config.Office.Name != "Kantor Kecamatan Malili" || p.Config.Plan.Year != 2025 {
		t.Errorf("office %q, year %d", p.Config.Office.Name, p.Config.Plan.Year)
	}
	tpl, err := render.LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := render.Render(p, tpl, render.Options{Diagnostics: check.Run(p)}); err != nil {
		t.Fatalf("the new project does not render: %v", err)
	}
	if _, err := Init(Options{Dir: dir, Kecamatan: "X", Kabupaten: "Y", Year: 2025}); !errors.Is(err, ErrExists) {
		t.Errorf("a second init into the same folder: %v, want ErrExists", err)
	}
	only := t.TempDir()
	os.Mkdir(filepath.Join(only, "content"), 0o755)
	if _, err := Init(Options{Dir: only, Kecamatan: "X", Kabupaten: "Y", Year: 2025}); !errors.Is(err, ErrExists) {
		t.Errorf("init into a folder with content/: %v, want ErrExists", err)
	}
	if _, err := Init(Options{Dir: t.TempDir(), Kecamatan: "X", Year: 1999}); err == nil || !strings.Contains(err.Error(), "--kabupaten") || !strings.Contains(err.Error(), "--year") {
		t.Errorf("missing flags: %v", err)
	}
}

// listing is every file and folder under dir with its size, for comparing
// a folder before and after.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %v %d", p, fi.Mode(), fi.Size()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInitFailsCleanly: a folder that already holds one of the files that
// init writes (data/t41.csv), or a file where init makes a folder (data),
// is refused before anything is written; the folder stays as it was, and
// once the obstacle is gone the retry works. The same for init --from.
func TestInitFailsCleanly(t *testing.T) {
	o := Options{Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025}
	for _, c := range []struct{ name, obstacle string }{
		{"a table", "data/t41.csv"},
		{"a file where a folder goes", "data"},
		{"a file that init does not write", "templates/x/y"}, // not in the way
	} {
		t.Run(c.name, func(t *testing.T) {
			o.Dir = filepath.Join(t.TempDir(), "baru")
			obstacle := filepath.Join(o.Dir, filepath.FromSlash(c.obstacle))
			if err := os.MkdirAll(filepath.Dir(obstacle), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(obstacle, []byte("milik orang lain\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := listing(t, o.Dir)
			files, err := Init(o)
			if strings.HasPrefix(c.obstacle, "templates/") {
				if err != nil || len(files) < 10 {
					t.Fatalf("init beside %s: %v, %d files", c.obstacle, err, len(files))
				}
				return
			}
			if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), c.obstacle) {
				t.Errorf("init over %s: %v", c.obstacle, err)
			}
			if after := listing(t, o.Dir); !slices.Equal(before, after) {
				t.Errorf("a failed init changed the folder:\nbefore %q\nafter  %q", before, after)
			}
			os.Remove(obstacle)
			if files, err := Init(o); err != nil || len(files) < 10 {
				t.Errorf("the retry: %v, %d files", err, len(files))
			}
		})
	}

	// --from: the new folder, made by init, is removed again.
	from := filepath.Join(t.TempDir(), "lama")
	if _, err := Init(Options{Dir: from, Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "baru")
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	os.WriteFile(filepath.Join(dir, "data", "t41.csv"), nil, 0o644)
	before := listing(t, dir)
	if _, err := From(FromOptions{Dir: dir, From: from}); !errors.Is(err, ErrExists) {
		t.Errorf("init --from over data/t41.csv: %v", err)
	}
	if after := listing(t, dir); !slices.Equal(before, after) {
		t.Errorf("a failed init --from changed the folder:\nbefore %q\nafter  %q", before, after)
	}
}
