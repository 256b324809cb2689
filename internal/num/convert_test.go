package num

import (
	"math"
	"testing"
)

// TestConversions: the conversions between Money, Dec and float64 (floats
// only for drawing).
func TestConversions(t *testing.T) {
	if got := Money(-1500).Dec(); got != -15_000_000 {
		t.Errorf("Money(-1500).Dec() = %d", got)
	}
	if got := Money(1500).Float(); got != 1500 {
		t.Errorf("Money.Float = %v", got)
	}
	for _, c := range []struct {
		d    Dec
		n    int64
		ok   bool
		f    float64
		name string
	}{
		{DecOf(36), 36, true, 36, "whole"},
		{-DecOf(5), -5, true, -5, "negative"},
		{25000, 2, false, 2.5, "2,5"},
		{1, 0, false, 0.0001, "0,0001"},
		{-25000, -2, false, -2.5, "-2,5"},
	} {
		if n, ok := c.d.Whole(); n != c.n || ok != c.ok {
			t.Errorf("%s: Whole = %d, %v; want %d, %v", c.name, n, ok, c.n, c.ok)
		}
		if f := c.d.Float(); f != c.f {
			t.Errorf("%s: Float = %v, want %v", c.name, f, c.f)
		}
	}
	for _, c := range []struct {
		x  float64
		d  Dec
		ok bool
	}{
		{2.5, 25000, true},
		{-2.5, -25000, true},
		{0.00005, 1, true}, // rounds half away from zero
		{1.23456, 12346, true},
		{1e14, Dec(1e14 * Scale), true},
		{1e14 + 1, 0, false},
		{-1e14 - 1, 0, false},
		{math.NaN(), 0, false},
		{math.Inf(1), 0, false},
		{math.Inf(-1), 0, false},
	} {
		if d, ok := DecFromFloat(c.x); d != c.d || ok != c.ok {
			t.Errorf("DecFromFloat(%v) = %d, %v; want %d, %v", c.x, d, ok, c.d, c.ok)
		}
	}
}
