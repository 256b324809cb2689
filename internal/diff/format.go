package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"renja/internal/kode"
	"renja/internal/num"
)

// DeltaText writes the difference with its sign, the Indonesian way:
// "+15.900", "-2.000.000", "+0,5"; "" when there is none.
func (c Change) DeltaText() string {
	if c.Delta == nil {
		return ""
	}
	d := *c.Delta
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	if c.Money {
		return sign + num.FormatMoney(num.Money(d))
	}
	return sign + num.FormatDec(d, -1)
}

// MarshalJSON writes the fields table, code, column, old, new, delta, kind;
// delta is a number (whole Rupiah for money) or null.
func (c Change) MarshalJSON() ([]byte, error) {
	var delta json.RawMessage = []byte("null")
	if c.Delta != nil {
		d := int64(*c.Delta)
		if c.Money {
			delta = strconv.AppendInt(nil, d, 10)
		} else {
			delta = []byte(strings.ReplaceAll(strings.ReplaceAll(num.FormatDec(num.Dec(d), -1), ".", ""), ",", "."))
		}
	}
	return json.Marshal(struct {
		Table  string          `json:"table"`
		Code   string          `json:"code"`
		Column string          `json:"column"`
		Old    string          `json:"old"`
		New    string          `json:"new"`
		Delta  json.RawMessage `json:"delta"`
		Kind   string          `json:"kind"`
	}{c.Table, c.Code, c.Column, c.Old, c.New, delta, c.Kind})
}

// JSON writes every change, tables then prose, as one array.
func (r *Report) JSON(w io.Writer) error {
	all := append(append([]Change{}, r.Tables...), r.Prose...)
	if all == nil {
		all = []Change{}
	}
	b, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// label says in Indonesian what kind of change a line is.
func (c Change) label() string {
	switch c.Kind {
	case Added:
		return "ditambah"
	case Removed:
		return "dihapus"
	case Moved:
		return "dipindah dari " + c.Old
	case Parent:
		return "jumlah " + c.Level.String()
	case Total:
		return "jumlah tabel"
	case kindSection:
		return "teks diubah"
	case kindFigure:
		return "angka berubah karena data"
	}
	return "diubah"
}

// value writes old → new (delta) for a line.
func (c Change) value() string {
	var s string
	switch {
	case c.Kind == Moved:
		return c.Old + " → " + c.New
	case c.Kind == Added && c.Old == "":
		s = c.New
	case c.Kind == Removed && c.New == "":
		s = c.Old
	default:
		s = or(c.Old, "(kosong)") + " → " + or(c.New, "(kosong)")
	}
	if d := c.DeltaText(); d != "" {
		s += " (" + d + ")"
	}
	return s
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// groups splits the table changes into runs of one table and one code.
func groups(cs []Change) [][]Change {
	var out [][]Change
	for i, c := range cs {
		if i == 0 || c.Table != cs[i-1].Table || c.Code != cs[i-1].Code || (c.Kind == Total) != (cs[i-1].Kind == Total) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], c)
	}
	return out
}

func (r *Report) caption(id string) string {
	if c := r.Captions[id]; c != "" {
		return c + " (" + id + ")"
	}
	return id
}

// rowTitle is the heading of a code's lines: the code, its name, and what
// happened to the row as a whole.
func rowTitle(g []Change) string {
	c := g[0]
	if c.Kind == Total {
		return "JUMLAH"
	}
	s := c.Code
	if c.Name != "" {
		s += " " + c.Name
	}
	switch {
	case c.Kind == Added, c.Kind == Removed, c.Kind == Moved:
		s += " [" + c.label() + "]"
	case c.Kind == Parent && c.Level != kode.None:
		s += " [jumlah " + c.Level.String() + ", dihitung]"
	}
	return s
}

// Text writes the report for a terminal.
func (r *Report) Text(w io.Writer) error {
	fmt.Fprintf(w, "renja diff: %s → %s\n", r.Old, r.New)
	if r.Empty() {
		_, err := fmt.Fprintln(w, "\nTidak ada perubahan pada tabel maupun teks.")
		return err
	}
	table := ""
	for _, g := range groups(r.Tables) {
		if g[0].Table != table {
			table = g[0].Table
			fmt.Fprintf(w, "\n%s\n", r.caption(table))
		}
		if g[0].Code == "" && g[0].Kind != Total {
			for _, c := range g {
				if c.Column != "" {
					fmt.Fprintf(w, "  kolom %s %s: %s\n", c.Column, c.label(), or(c.New, c.Old))
				} else {
					fmt.Fprintf(w, "  tabel %s: %s\n", c.label(), or(c.New, c.Old))
				}
			}
			continue
		}
		fmt.Fprintf(w, "  %s\n", rowTitle(g))
		for _, c := range g {
			if c.Column == "" || (c.Kind == Moved) || ((c.Kind == Added || c.Kind == Removed) && c.Delta == nil && (c.New == c.Name || c.Old == c.Name)) {
				if c.Kind == Moved {
					fmt.Fprintf(w, "    kode: %s\n", c.value())
				}
				continue
			}
			fmt.Fprintf(w, "    %s: %s\n", c.Column, c.value())
		}
	}
	if len(r.Prose) > 0 {
		fmt.Fprintf(w, "\nTeks\n")
		for _, c := range r.Prose {
			at := c.Table
			if c.Line > 0 {
				at += ":" + strconv.Itoa(c.Line)
			}
			switch c.Kind {
			case kindFigure:
				o, n := clip(c.Old, c.New)
				fmt.Fprintf(w, "  %s %s: %s: %s → %s (%s)\n", at, c.Code, c.Column, or(o, "(galat)"), or(n, "(galat)"), c.label())
			default:
				fmt.Fprintf(w, "  %s %s: %s\n", at, c.Code, c.label())
			}
		}
	}
	return nil
}

// Markdown writes the report for a merge-request comment or a CI job summary.
func (r *Report) Markdown(w io.Writer) error {
	fmt.Fprintf(w, "## Perubahan Renja: `%s` → `%s`\n", r.Old, r.New)
	if r.Empty() {
		_, err := fmt.Fprintln(w, "\nTidak ada perubahan pada tabel maupun teks.")
		return err
	}
	table := ""
	for _, g := range groups(r.Tables) {
		if g[0].Table != table {
			table = g[0].Table
			fmt.Fprintf(w, "\n### %s\n\n| Kode | Uraian | Kolom | Lama | Baru | Selisih | Keterangan |\n| --- | --- | --- | ---: | ---: | ---: | --- |\n", mdCell(r.caption(table)))
		}
		for _, c := range g {
			code, name := c.Code, c.Name
			if c.Kind == Total {
				code, name = "", "**JUMLAH**"
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", mdCode(code), mdCell(name), mdCode(c.Column),
				mdCell(c.Old), mdCell(c.New), mdCell(c.DeltaText()), mdCell(c.label()))
		}
	}
	if len(r.Prose) > 0 {
		fmt.Fprintf(w, "\n### Teks\n\n")
		for _, c := range r.Prose {
			at := c.Table
			if c.Line > 0 {
				at += ":" + strconv.Itoa(c.Line)
			}
			switch c.Kind {
			case kindFigure:
				o, n := clip(c.Old, c.New)
				fmt.Fprintf(w, "- `%s` %s: `%s`: %s → %s (%s)\n", at, mdCell(c.Code), c.Column, mdCell(or(o, "(galat)")), mdCell(or(n, "(galat)")), c.label())
			default:
				fmt.Fprintf(w, "- `%s` %s: %s\n", at, mdCell(c.Code), c.label())
			}
		}
	}
	return nil
}

func mdCode(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

// mdCell escapes what would break a Markdown table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "*", `\*`)
	s = strings.ReplaceAll(s, "_", `\_`)
	if s == `\*\*JUMLAH\*\*` {
		return "**JUMLAH**"
	}
	return s
}
