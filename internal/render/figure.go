package render

// Figures in the narrative, written the Indonesian way: the figure type that
// the lookups return (lookup.go) and the format functions that Markdown
// calls (rupiah, angka, persen, terbilang, tanggal), which take a figure as
// well as a plain number. Nothing here computes: the figures come from the
// model.

import (
	"time"

	"renja/internal/idn"
	"renja/internal/model"
	"renja/internal/num"
	"renja/internal/table"

	"renja/internal/msg"
)

// figure is a model.Figure as the narrative prints it: Rp 3.852.935, 2.379,
// 97,86%, 12 Dok; a cell that cannot be read as it is stated, "-" for none.
type figure struct{ model.Figure }

func (f figure) String() string {
	if !f.OK {
		if f.Kind == table.Money && !num.IsBlank(f.Raw) {
			return "Rp " + f.Raw
		}
		if num.IsBlank(f.Raw) {
			return "-"
		}
		return f.Raw
	}
	switch f.Kind {
	case table.Money:
		return idn.Rupiah(f.Money)
	case table.Percent:
		return idn.Persen(f.Dec)
	case table.Target:
		return f.Target.String()
	case table.Number:
		return num.FormatDec(f.Dec, -1)
	}
	return f.Raw
}

// argError is what a format function says when given something else than a number.
func argError(v any) error {
	return msg.Errorf("%v (%T) is not a number; give a number or a figure from pagu, target, nilai, jumlah or rerata", v, v)
}

// toDec reads a number given to a format function: an integer or decimal
// literal, or a figure. ok is false for a figure that was not read (blank,
// or a cell that cannot be read): the caller prints it as stated.
func toDec(v any) (d num.Dec, f figure, ok bool, err error) {
	switch x := v.(type) {
	case figure:
		if !x.Numeric() {
			if x.OK {
				return 0, x, false, msg.Errorf("%q is text, not a number", x.Raw)
			}
			return 0, x, false, nil
		}
		return x.Value(), x, true, nil
	case int:
		return num.DecOf(int64(x)), figure{}, true, nil
	case int64:
		return num.DecOf(x), figure{}, true, nil
	case float64:
		d, ok := num.DecFromFloat(x)
		if !ok {
			return 0, figure{}, false, argError(v)
		}
		return d, figure{}, true, nil
	case num.Money:
		return x.Dec(), figure{}, true, nil
	case num.Dec:
		return x, figure{}, true, nil
	}
	return 0, figure{}, false, argError(v)
}

func decimalsArg(ds []int) (int, error) {
	switch {
	case len(ds) == 0:
		return -1, nil
	case len(ds) > 1 || ds[0] < 0 || ds[0] > 4:
		return 0, msg.Errorf("the number of decimals is one number from 0 to 4")
	}
	return ds[0], nil
}

// fmtRupiah: {{ rupiah 3852935 }} → Rp 3.852.935.
func fmtRupiah(v any) (string, error) {
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	m, whole := d.Whole()
	if !whole {
		return "", msg.Errorf("%s has decimals; Rupiah amounts are whole", num.FormatDec(d, -1))
	}
	return idn.Rupiah(num.Money(m)), nil
}

// fmtAngka: {{ angka 2590643300 }} → 2.590.643.300; {{ angka X 2 }} with two decimals.
func fmtAngka(v any, decimals ...int) (string, error) {
	n, err := decimalsArg(decimals)
	if err != nil {
		return "", err
	}
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		if !ok && err == nil && f.Kind == table.Money {
			return f.Raw, nil
		}
		return f.String(), err
	}
	return num.FormatDec(d, n), nil
}

// fmtPersen: {{ persen 97.1 }} → 97,10%; {{ persen X 0 }} → 97%.
func fmtPersen(v any, decimals ...int) (string, error) {
	n, err := decimalsArg(decimals)
	if err != nil {
		return "", err
	}
	if n < 0 {
		n = 2
	}
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	return num.FormatDec(d, n) + "%", nil
}

// fmtTerbilang: {{ terbilang 36 }} → 36 (Tiga Puluh Enam).
func fmtTerbilang(v any) (string, error) {
	d, f, ok, err := toDec(v)
	if err != nil || !ok {
		return f.String(), err
	}
	n, whole := d.Whole()
	if !whole {
		return "", msg.Errorf("%s is not a whole number", num.FormatDec(d, -1))
	}
	return idn.Terbilang(n), nil
}

// fmtTanggal: {{ tanggal .Config.Signatory.Date }} or {{ tanggal "2023-05-01" }} → 1 Mei 2023.
func fmtTanggal(v any) (string, error) {
	switch x := v.(type) {
	case time.Time:
		return idn.Date(x), nil
	case string:
		t, err := time.Parse("2006-01-02", x)
		if err != nil {
			return "", msg.Errorf("%q is not a date; write it as 2023-05-01", x)
		}
		return idn.Date(t), nil
	}
	return "", msg.Errorf("%v (%T) is not a date; write it as \"2023-05-01\" or give .Config.Signatory.Date", v, v)
}
