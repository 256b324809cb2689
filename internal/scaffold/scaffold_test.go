package scaffold

import (
	"errors"
	"os"
	"path/filepath"
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
	made, err := Config(Options{Office: `Kantor Kecamatan "Baru"`, Kecamatan: "Malili", Kabupaten: "Luwu Timur", Year: 2025})
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
