package model_test

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"renja/internal/diag"
	"renja/internal/difftest"
	"renja/internal/model"
	"renja/internal/testenv"
)

// project is a small Renja: a plan table p, a flat table f, one chapter;
// extra files replace or add to it.
func project(t *testing.T, dir string, extra map[string]string) string {
	files := map[string]string{
		"renja.toml":       "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2025\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n",
		"content/bab-1.md": "+++\nid = \"bab-1\"\nkind = \"chapter\"\ntitle = \"BAB I Tahun {N}\"\n+++\nTeks.\n",
		"data/p.toml":      "hierarchy = true\n[[columns]]\nname = \"kode\"\ntype = \"code\"\n[[columns]]\nname = \"uraian\"\n[[columns]]\nname = \"pagu\"\ntype = \"money\"\nmeasure = \"pagu:N\"\n",
		"data/p.csv":       "kode;uraian;pagu\n7.01.01;PROGRAM;3.000\n7.01.01.2.01;Kegiatan;3.000\n7.01.01.2.01.01;Sub;3.000\n",
		"data/f.toml":      "[[columns]]\nname = \"uraian\"\n[[columns]]\nname = \"nilai\"\ntype = \"number\"\n",
		"data/f.csv":       "uraian;nilai\nLuas;12\n",
	}
	maps.Copy(files, extra)
	testenv.WriteFiles(t, dir, files)
	return dir
}

// TestLoadBundled reads the bundled Renja: every table of data/, every part
// of content/, titles and measures resolved against plan.year.
func TestLoadBundled(t *testing.T) {
	p, err := model.Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	tomls, _ := filepath.Glob("../../data/*.toml")
	mds, _ := filepath.Glob("../../content/*.md")
	if len(p.Tables) != len(tomls) || len(p.Parts) != len(mds) || len(p.Tables) == 0 {
		t.Errorf("%d tables, %d parts; want %d, %d", len(p.Tables), len(p.Parts), len(tomls), len(mds))
	}
	if p.Plan() == nil || p.Plan().Table != p.Table(p.Config.Plan.Table) || p.Dir != "../.." {
		t.Errorf("plan tree %v, dir %q", p.Plan(), p.Dir)
	}
	if p.Table("no-such-table") != nil || p.Previous != nil || p.Renstra != nil {
		t.Error("a table or a document that is not there")
	}
}

// TestLoad: what stops a load, and what LoadPartial keeps going past.
func TestLoad(t *testing.T) {
	p, err := model.Load(project(t, t.TempDir(), nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Parts[0].Title; got != "BAB I Tahun 2025" {
		t.Errorf("the part's title = %q, want {N} resolved", got)
	}
	if c := p.Table("p").Col("pagu"); c.Measure != "pagu:2025" {
		t.Errorf("measure = %q, want pagu:2025", c.Measure)
	}
	if p.Plan() == nil || p.Trees["f"] != nil || p.Coded(p.Table("f")) != nil {
		t.Error("the plan has a tree, the flat table without codes none")
	}

	for _, tt := range []struct {
		name    string
		extra   map[string]string
		want    string // in Load's error
		partial bool   // LoadPartial returns a project and the unread tables
	}{
		{"settings", map[string]string{"renja.toml": "[plan]\nyear = \"x\"\n"}, "renja.toml", false},
		{"content", map[string]string{"content/bab-2.md": "+++\nid = 3\n+++\n"}, "content/bab-2.md", false},
		{"content and table", map[string]string{"content/bab-2.md": "+++\nid = 3\n+++\n", "data/f.csv": "uraian;nilai\nLuas;12;3\n"}, "data/f.csv", false},
		{"a table", map[string]string{"data/f.csv": "uraian;nilai\nLuas;12;3\n"}, "data/f.csv:2", true},
		{"plan table flat", map[string]string{"data/p.toml": "[[columns]]\nname = \"kode\"\ntype = \"code\"\n[[columns]]\nname = \"uraian\"\n[[columns]]\nname = \"pagu\"\ntype = \"money\"\n"}, `plan.table "p" bukan tabel berjenjang`, false},
		{"plan table unread", map[string]string{"data/p.csv": "kode;uraian\n7.01.01;PROGRAM\n"}, "data/p.csv", true},
		{"plan schema unread", map[string]string{"data/p.toml": "hierarchy = tru\n"}, "data/p.toml", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t, t.TempDir(), tt.extra)
			_, err := model.Load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: err = %v, want %q", err, tt.want)
			}
			if strings.Contains(tt.want, "data/p.") && strings.Contains(err.Error(), "plan.table") {
				t.Errorf("an unread plan table is reported once, not again as plan.table: %v", err)
			}
			p, unread, err := model.LoadPartial(context.Background(), dir)
			if !tt.partial {
				if err == nil || p != nil {
					t.Errorf("LoadPartial = %v, %v, %v; want it stopped", p, unread, err)
				}
				return
			}
			l, ok := diag.ListOf(unread)
			if err != nil || p == nil || !ok || len(l) != 1 || len(p.Tables) != 1 {
				t.Fatalf("LoadPartial = %v, %v, %v; want the other table and one unread", p, unread, err)
			}
		})
	}

	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("stopped")
	cancel(stop)
	if _, err := model.LoadContext(ctx, project(t, t.TempDir(), nil)); err != stop {
		t.Errorf("LoadContext after the context ended: err = %v, want its cause", err)
	}
}

// TestLoadChain reads [previous] (another folder; its own chain and parts
// are not read) and [renstra] (a table of this project, or of another), and
// keeps each one's error beside the project instead of stopping.
func TestLoadChain(t *testing.T) {
	root := t.TempDir()
	prev := project(t, filepath.Join(root, "renja-2024"), map[string]string{
		"renja.toml":       "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2024\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n\n[previous]\nproject = \"../nowhere\"\n",
		"content/bab-1.md": "not a part",
	})
	// renja-2024 is a repository too, with its one commit tagged.
	repo, err := git.PlainInit(prev, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repo.CreateTag("renja-2024", plumbing.NewHash(difftest.Commit(t, repo, "Renja 2024", 0)), nil); err != nil {
		t.Fatal(err)
	}
	project(t, filepath.Join(root, "renstra"), nil)
	project(t, filepath.Join(root, "unread"), map[string]string{"data/f.csv": "uraian;nilai\nLuas;12;3\n"})
	this := project(t, filepath.Join(root, "renja-2025"), map[string]string{
		"renja.toml": "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2025\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n\n[previous]\nproject = \"../renja-2024\"\n\n[renstra]\ntable = \"f\"\n",
	})
	p, err := model.Load(this)
	if err != nil {
		t.Fatal(err)
	}
	if d := p.Previous; d == nil || d.Err != nil || d.Project == nil || d.Project.Config.Plan.Year != 2024 || d.Project.Previous != nil || d.Project.Parts != nil {
		t.Fatalf("previous = %+v", d)
	}
	if got := p.Previous.File("data/p.csv"); got != "../renja-2024/data/p.csv" {
		t.Errorf("previous file = %q", got)
	}
	if len(p.Previous.Tables()) != 2 {
		t.Errorf("previous tables = %d, want all 2", len(p.Previous.Tables()))
	}
	if d := p.Renstra; d == nil || d.Err != nil || d.Table != p.Table("f") || d.Project != nil || d.File("data/f.csv") != "data/f.csv" || len(d.Tables()) != 1 {
		t.Errorf("renstra = %+v", d)
	}

	for _, tt := range []struct {
		name, chain, want string
	}{
		{"no folder", "[previous]\nproject = \"../nowhere\"\n", "../nowhere"},
		{"a table unread", "[previous]\nproject = \"../unread\"\n", "data/f.csv:2"},
		{"no git", "[previous]\nrev = \"renja-2024\"\n", "git"},
		{"no revision", "[previous]\nproject = \"../renja-2024\"\nrev = \"renja-2023\"\n", "renja-2023"},
		{"no table", "[renstra]\ntable = \"r\"\n", `"r"`},
		{"another project's table", "[renstra]\nproject = \"../renstra\"\ntable = \"r\"\n", `"r"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := project(t, filepath.Join(root, strings.ReplaceAll(tt.name, " ", "-")), map[string]string{
				"renja.toml": "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2025\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n\n" + tt.chain,
			})
			p, err := model.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			d := p.Previous
			if d == nil {
				d = p.Renstra
			}
			if d == nil || d.Err == nil || !strings.Contains(d.Err.Error(), tt.want) || d.Table != nil {
				t.Errorf("document = %+v, want an error naming %s", d, tt.want)
			}
		})
	}
	tagged, err := model.Load(project(t, filepath.Join(root, "tagged"), map[string]string{
		"renja.toml": "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2025\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n\n[previous]\nproject = \"../renja-2024\"\nrev = \"renja-2024\"\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if d := tagged.Previous; d.Err != nil || d.Project == nil || d.Project.Config.Plan.Year != 2024 || d.File("data/p.csv") != "renja-2024:../renja-2024/data/p.csv" {
		t.Errorf("previous at a tag = %+v", d)
	}
	if d := func() *model.Document {
		p, _ := model.Load(project(t, filepath.Join(root, "r2"), map[string]string{
			"renja.toml": "[office]\nname = \"Kantor Kecamatan Contoh\"\nkabupaten = \"Luwu Timur\"\n\n[plan]\nyear = 2025\ntable = \"p\"\n\n[signatory]\nname = \"CAMAT\"\n\n[renstra]\nproject = \"../renstra\"\ntable = \"f\"\n",
		}))
		return p.Renstra
	}(); d == nil || d.Err != nil || d.Table == nil || d.Project == nil || d.Table != d.Project.Table("f") {
		t.Errorf("another project's renstra table = %+v", d)
	}
}
