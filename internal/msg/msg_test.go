package msg

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var testVerbRe = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*(\d+)?(\.\d+)?([a-zA-Z%])`)

// verbs lists a format's verbs as "argument:verb", sorted, %% left out.
func verbs(s string) []string {
	s = pluralRe.ReplaceAllString(s, "")
	var out []string
	next := 1
	for _, m := range testVerbRe.FindAllStringSubmatch(s, -1) {
		if m[5] == "%" {
			continue
		}
		n := next
		if m[2] != "" {
			n = 0
			for _, c := range m[2] {
				n = n*10 + int(c-'0')
			}
		}
		v := m[5]
		if v == "v" || v == "s" || v == "q" {
			v = "s" // %v, %s and %q print the same argument
		}
		out = append(out, strconv.Itoa(n)+":"+v)
		next = n + 1
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestRegistry fails when a message exists in one language only, or when its
// translations take other arguments than its key.
func TestRegistry(t *testing.T) {
	if len(dups) > 0 {
		t.Errorf("keys registered twice: %q", dups)
	}
	if len(registry) < 50 {
		t.Fatalf("only %d messages", len(registry))
	}
	for _, k := range order {
		tx := registry[k]
		if strings.TrimSpace(tx.Key) == "" {
			t.Errorf("a message without its English key: %+v", tx)
			continue
		}
		if strings.TrimSpace(tx.ID) == "" {
			t.Errorf("%q exists in English only", k)
			continue
		}
		en := tx.EN
		if en == "" {
			en = k
		}
		want := verbs(k)
		if got := verbs(tx.ID); !slices.Equal(got, want) {
			t.Errorf("%q: the Indonesian text %q takes %v, the key %v", k, tx.ID, got, want)
		}
		if got := verbs(en); !slices.Equal(got, want) {
			t.Errorf("%q: the English text %q takes %v, the key %v", k, en, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	add(textPlural("test: %d errors, %d warnings", "test: %d kesalahan, %d peringatan", "test: %d {1:error|errors}, %d {2:warning|warnings}"))
	printers = catalogs()
	for _, c := range []struct {
		l    Lang
		e, w int
		want string
	}{
		{EN, 1, 0, "test: 1 error, 0 warnings"},
		{EN, 2, 1, "test: 2 errors, 1 warning"},
		{EN, 1024, 1, "test: 1024 errors, 1 warning"},
		{ID, 1, 1, "test: 1 kesalahan, 1 peringatan"},
		{ID, 2024, 2, "test: 2024 kesalahan, 2 peringatan"},
	} {
		if got := in(c.l, "test: %d errors, %d warnings", c.e, c.w); got != c.want {
			t.Errorf("%s %d %d: %q, want %q", c.l, c.e, c.w, got, c.want)
		}
	}
}

func TestMissing(t *testing.T) {
	ResetMissing()
	if got := in(ID, "no such key %d", 2024); got != "no such key 2024" {
		t.Errorf("an unregistered key prints as written: %q", got)
	}
	if m := Missing(); !slices.Equal(m, []string{"no such key %d"}) {
		t.Errorf("Missing() = %q", m)
	}
	ResetMissing()
}

func TestParse(t *testing.T) {
	for s, want := range map[string]Lang{"": ID, "id": ID, "ID_id": ID, "in": ID, "en": EN, "en-US": EN, "English": EN} {
		if l, ok := Parse(s); !ok || l != want {
			t.Errorf("Parse(%q) = %q, %v", s, l, ok)
		}
	}
	if _, ok := Parse("fr"); ok {
		t.Error("fr is not a language renja speaks")
	}
}
