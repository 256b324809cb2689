package table

// Texts are a schema's words as written, before Resolve: the caption, the
// title lines and each column's title, group, number and measure.
type Texts struct {
	Caption string
	Title   []string
	Columns []ColumnTexts
}

// ColumnTexts are a column's words as written.
type ColumnTexts struct{ Title, Group, Number, Measure string }

// Resolve replaces the placeholders of the schema's words (years relative to
// the plan year, the office's names) with expand, and measures' relative
// years with measure; the words as written stay in s.Written.
func (s *Schema) Resolve(expand, measure func(string) string) {
	w := Texts{Caption: s.Caption, Title: append([]string(nil), s.Title...)}
	s.Caption = expand(s.Caption)
	for i := range s.Title {
		s.Title[i] = expand(s.Title[i])
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		w.Columns = append(w.Columns, ColumnTexts{c.Title, c.Group, c.Number, c.Measure})
		c.Title, c.Group, c.Number = expand(c.Title), expand(c.Group), expand(c.Number)
		if c.Measure != "" {
			c.Measure = measure(c.Measure)
		}
	}
	s.Written = &w
}
