package config

import (
	"testing"

	"renja/internal/diag"
)

// FuzzParse: renja.toml of arbitrary text never panics Parse, and every error
// is a diag error about renja.toml.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		minimal,
		minimal + "[check.hierachy]\nseverity = \"off\"\n",
		minimal + "[check.derived]\ntolerence = 1\n",
		minimal + "date = \"2023-05-01\"\n",
		"[office\nname = \"x\"\n",
		"[plan]\nyear = \"2024\"\n",
		"check.values.severity = 1\n",
		"units = { Dok = 1 }\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse(src)
		if err == nil {
			if c == nil || c.Units == nil {
				t.Fatal("no config without error")
			}
			return
		}
		l, ok := diag.ListOf(err)
		if !ok {
			t.Fatalf("error %T: %v", err, err)
		}
		for _, e := range l {
			if e.File != FileName || e.Line < 0 || e.Column < 0 {
				t.Fatalf("error %#v", e)
			}
		}
		_ = err.Error()
	})
}
