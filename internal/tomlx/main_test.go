package tomlx

import (
	"os"
	"testing"

	"renja/internal/msg"
)

// The tests read the English messages; internal/cli tests both languages.
func TestMain(m *testing.M) {
	msg.SetLang(msg.EN)
	os.Setenv("RENJA_LANG", "en")
	os.Exit(m.Run())
}
