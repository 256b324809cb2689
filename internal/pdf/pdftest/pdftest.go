// Package pdftest gives tests the real Chrome they print or browse with. A
// test without one skips and says why, except in CI, where that is a failure
// (testenv.Missing).
package pdftest

import (
	"context"
	"testing"

	"renja/internal/pdf"
	"renja/internal/testenv"
)

// Chrome returns the browser's path.
func Chrome(t testing.TB) string {
	t.Helper()
	path, err := pdf.FindChrome("")
	if err != nil {
		testenv.Missing(t, "this test needs a real Chrome or Chromium: "+err.Error())
	}
	return path
}

// Browser starts a headless Chrome for the test and stops it when the test ends.
func Browser(t testing.TB) *pdf.Browser {
	t.Helper()
	b, err := pdf.Start(context.Background(), Chrome(t))
	if err != nil {
		t.Fatalf("starting Chrome: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}
