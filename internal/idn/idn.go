// Package idn writes numbers, money and dates the way an Indonesian document
// prints them: Rp 3.852.935, 97,10%, 36 (Tiga Puluh Enam), 1 Mei 2023.
package idn

import (
	"fmt"
	"strings"
	"time"

	"renja/internal/num"
)

// Rupiah writes "Rp 3.852.935".
func Rupiah(m num.Money) string { return "Rp " + num.FormatMoney(m) }

// Persen writes a percentage with two decimals and a comma: "97,10%".
func Persen(d num.Dec) string { return num.FormatDec(d, 2) + "%" }

var months = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Date writes "1 Mei 2023".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

var ones = [...]string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}

// Words spells a whole number in Indonesian (terbilang), lower case:
// 36 → "tiga puluh enam", 1000 → "seribu".
func Words(n int64) string {
	if n == 0 {
		return "nol"
	}
	if n < 0 {
		return "minus " + Words(-n)
	}
	return strings.TrimSpace(words(n))
}

func words(n int64) string {
	switch {
	case n < 12:
		return ones[n]
	case n < 20:
		return words(n-10) + " belas"
	case n < 100:
		return words(n/10) + " puluh " + words(n%10)
	case n < 200:
		return "seratus " + words(n-100)
	case n < 1000:
		return words(n/100) + " ratus " + words(n%100)
	case n < 2000:
		return "seribu " + words(n-1000)
	case n < 1_000_000:
		return words(n/1000) + " ribu " + words(n%1000)
	case n < 1_000_000_000:
		return words(n/1_000_000) + " juta " + words(n%1_000_000)
	case n < 1_000_000_000_000:
		return words(n/1_000_000_000) + " miliar " + words(n%1_000_000_000)
	}
	return words(n/1_000_000_000_000) + " triliun " + words(n%1_000_000_000_000)
}

// Terbilang writes a count as documents do: "36 (Tiga Puluh Enam)".
func Terbilang(n int64) string {
	w := strings.Fields(Words(n))
	for i, s := range w {
		w[i] = strings.ToUpper(s[:1]) + s[1:]
	}
	return fmt.Sprintf("%d (%s)", n, strings.Join(w, " "))
}
