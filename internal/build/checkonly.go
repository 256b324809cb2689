package build

import (
	"context"

	"renja/internal/check"
	"renja/internal/diag"
	"renja/internal/model"
	"renja/internal/render"
)

// Check is `renja check`: it loads the project, runs the checker, and renders
// the website edition only to find the errors of the Markdown's calls and of
// the project's layouts (render.CheckContext, which keeps none of the HTML).
// It returns the checker's diagnostics and the first stage's error that
// stopped it (a diag.List for files that cannot be read or rendered), never
// one kind hiding the other: the checker's findings come with a layout's
// error, and the other tables' findings with a table that cannot be read.
func Check(ctx context.Context, dir string) ([]diag.Diagnostic, error) {
	p, unread, err := model.LoadPartial(ctx, dir)
	if err != nil {
		return nil, err
	}
	ds, err := check.RunContext(ctx, p)
	if err != nil {
		return ds, err
	}
	if unread != nil {
		// The layouts would only repeat that a table is missing.
		return ds, unread
	}
	tpl, err := render.LoadTemplates(dir)
	if err != nil {
		return ds, err
	}
	return ds, render.CheckContext(ctx, p, tpl, render.Options{Diagnostics: ds})
}
