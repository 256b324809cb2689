package build

import (
	"testing"

	"renja/internal/testenv"
)

func TestMain(m *testing.M) { testenv.English(m) }
