package cli

import "testing"

func TestRevRange(t *testing.T) {
	tests := []struct {
		args     []string
		old, new string
		bad      bool
	}{
		{nil, "HEAD", "", false},
		{[]string{"HEAD~1"}, "HEAD~1", "", false},
		{[]string{"main..HEAD"}, "main", "HEAD", false},
		{[]string{"v1.."}, "v1", "HEAD", false},
		{[]string{"..topic"}, "HEAD", "topic", false},
		{[]string{"a", "b"}, "a", "b", false},
		{[]string{"a...b"}, "", "", true},
		{[]string{"a..b", "c"}, "", "", true},
		{[]string{"a", "b", "c"}, "", "", true},
	}
	for _, tc := range tests {
		o, n, err := revRange(tc.args)
		if (err != nil) != tc.bad || o != tc.old || n != tc.new {
			t.Errorf("%q: %q %q %v", tc.args, o, n, err)
		}
	}
}
