package render

// ContentSecurityPolicy is the website's policy, in a meta tag of each page
// (the layouts write {{ csp }}: its content attribute) and in renja serve's answers: the pages load
// only the site's own styles, images, fonts and scripts (no inline script,
// no inline style attribute), connect only to the site, and submit no form.
// A chart is inline SVG and a style set through the DOM (the preview's
// overlay) is not an inline style, so both are allowed.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
