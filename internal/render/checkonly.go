package render

import (
	"context"

	"renja/internal/model"
)

// CheckContext renders the edition of opts for its errors alone, as
// `renja check` does: it reports every error RenderContext would.
func CheckContext(ctx context.Context, p *model.Project, t *Templates, opts Options) error {
	_, err := RenderContext(ctx, p, t, opts)
	return err
}
