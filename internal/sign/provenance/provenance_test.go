package provenance

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strings"
	"testing"

	"renja/internal/testenv"
)

// project writes files (slash-separated path → text) into a new folder.
func project(t *testing.T, files map[string]string) string { return testenv.Files(t, files) }

var small = map[string]string{
	"renja.toml":           "parts = []\n",
	"content/10-bab-1.md":  "# BAB I\n",
	"content/00-sampul.md": "+++\n+++\n",
	"data/t41.csv":         "kode;pagu\n",
	"data/t41.toml":        "id = \"t41\"\n",
	"templates/style.css":  "body {}\n",
}

func TestInputs(t *testing.T) {
	files := map[string]string{
		"output/index.html":     "not an input",
		"content/notes.txt":     "not Markdown",
		"content/.10-bab-1.md~": "an editor's backup",
		"data/.gitkeep":         "",
		"data/old/t41.csv":      "a subfolder is not read",
		"README.md":             "not an input",
	}
	for k, v := range small {
		files[k] = v
	}
	dir := project(t, files)
	got, err := inputs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"content/00-sampul.md", "content/10-bab-1.md", "data/t41.csv", "data/t41.toml", "renja.toml", "templates/style.css"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Inputs = %q\nwant %q", got, want)
	}
	// Files that are not inputs do not change the hash.
	h1, err := ContentHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := ContentHash(project(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if h1 != h2 {
		t.Errorf("files that are not inputs changed the hash: %s and %s", h1, h2)
	}
}

// TestDefinition pins the definition: sha256 over "path\0len\0bytes" records
// sorted by path. A change of it makes every recorded hash unverifiable.
func TestDefinition(t *testing.T) {
	dir := project(t, map[string]string{"renja.toml": "a", "data/x.csv": "bc"})
	h := sha256.Sum256([]byte("data/x.csv\x002\x00bc" + "renja.toml\x001\x00a"))
	want := "sha256:" + hex.EncodeToString(h[:])
	got, err := ContentHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("ContentHash = %s, want %s", got, want)
	}
	// The same, computed by sha256sum: printf 'data/x.csv\0002\000bcrenja.toml\0001\000a' | sha256sum
	const pinned = "sha256:78f1edeb5fb12fb04de5c4e764d66f0e6ce811e6b364cc9a1e7d2996e2528dde"
	if got != pinned {
		t.Errorf("ContentHash = %s, pinned %s", got, pinned)
	}
}

func TestChanges(t *testing.T) {
	base, err := ContentHash(project(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, prefix) || len(base) != len(prefix)+64 {
		t.Fatalf("ContentHash = %q, want sha256: and 64 hex digits", base)
	}
	change := func(name string, edit func(map[string]string)) {
		t.Helper()
		files := map[string]string{}
		for k, v := range small {
			files[k] = v
		}
		edit(files)
		h, err := ContentHash(project(t, files))
		if err != nil {
			t.Fatal(err)
		}
		if h == base {
			t.Errorf("%s: the hash did not change", name)
		}
	}
	change("one byte of a CSV", func(f map[string]string) { f["data/t41.csv"] = "kode;pagU\n" })
	change("a line ending", func(f map[string]string) { f["renja.toml"] = "parts = []\r\n" })
	change("a file added", func(f map[string]string) { f["data/t42.csv"] = "" })
	change("a file removed", func(f map[string]string) { delete(f, "templates/style.css") })
	change("a file renamed", func(f map[string]string) {
		f["content/11-bab-1.md"] = f["content/10-bab-1.md"]
		delete(f, "content/10-bab-1.md")
	})
	// Bytes moved from one file to the next: the lengths keep them apart.
	change("bytes moved between files", func(f map[string]string) {
		f["data/t41.csv"] += "x"
		f["data/t41.toml"] = strings.TrimPrefix(f["data/t41.toml"], "i")
	})

	// The same files give the same hash, whenever and wherever they are written.
	again, err := ContentHash(project(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if again != base {
		t.Errorf("the same files gave %s and %s", base, again)
	}
}

func TestNoProject(t *testing.T) {
	dir := t.TempDir()
	if IsProject(dir) {
		t.Error("an empty folder is a project")
	}
	if _, err := ContentHash(dir); err == nil {
		t.Error("ContentHash of a folder without renja.toml gave no error")
	}
	if !IsProject(project(t, small)) {
		t.Error("a folder with renja.toml is not a project")
	}
}
