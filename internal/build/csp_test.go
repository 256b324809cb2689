package build

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// checkPolicy checks the open page against its policy: the page declares
// one, nothing of the page violated it (its styles, charts and images load),
// the charts have a size (window.__csp: see pdftest.RecordViolations), and the policy holds: an inline script added to
// the page does not run.
func checkPolicy(t *testing.T, tab context.Context) {
	t.Helper()
	type result struct {
		Policy     string   `json:"policy"`
		Violations []string `json:"violations"`
		Charts     int      `json:"charts"`
		Styled     bool     `json:"styled"`
		Ran        bool     `json:"ran"`
		After      []string `json:"after"`
	}
	r, err := chromedp.Run(tab, chromedp.Evaluate[result](`(async () => {
  const m = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const violations = window.__csp.slice();
  const charts = [...document.querySelectorAll("svg")].filter(s => s.getBoundingClientRect().width > 50).length;
  const styled = getComputedStyle(document.body).marginTop !== "8px"; // style.css, not the browser's default
  const s = document.createElement("script");
  s.textContent = "window.__ran = true";
  document.body.appendChild(s);
  await new Promise(r => setTimeout(r, 100));
  return {policy: m ? m.content : "", violations, charts, styled, ran: !!window.__ran, after: window.__csp.slice()};
})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if r.Policy == "" {
		t.Error("the page declares no Content-Security-Policy")
	}
	for _, v := range r.Violations {
		t.Errorf("the page violates its policy: %s", v)
	}
	if r.Charts == 0 || !r.Styled {
		t.Errorf("under the policy: %d charts shown, styled %v", r.Charts, r.Styled)
	}
	if r.Ran || len(r.After) == len(r.Violations) {
		t.Errorf("an inline script added to the page ran (%v) or violated nothing (%q): the policy does not hold", r.Ran, r.After)
	}
}
