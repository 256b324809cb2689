// Package idn owns writing the Indonesian way: numbers, money and dates as
// an Indonesian document prints them (Rp 3.852.935, 97,10%, 36 (Tiga Puluh
// Enam), 1 Mei 2023), the one title case for names typed in capitals, and
// lists ("a, b dan c").
package idn

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// spell spells a whole number in Indonesian (terbilang), lower case:
// 36 → "tiga puluh enam", 1000 → "seribu".
func spell(n int64) string {
	if n == 0 {
		return "nol"
	}
	if n < 0 {
		return "minus " + spell(-n)
	}
	return words(n)
}

func words(n int64) string {
	switch {
	case n < 12:
		return ones[n]
	case n < 20:
		return words(n-10) + " belas"
	case n < 100:
		return join(words(n/10)+" puluh", words(n%10))
	case n < 200:
		return join("seratus", words(n-100))
	case n < 1000:
		return join(words(n/100)+" ratus", words(n%100))
	case n < 2000:
		return join("seribu", words(n-1000))
	case n < 1_000_000:
		return join(words(n/1000)+" ribu", words(n%1000))
	case n < 1_000_000_000:
		return join(words(n/1_000_000)+" juta", words(n%1_000_000))
	case n < 1_000_000_000_000:
		return join(words(n/1_000_000_000)+" miliar", words(n%1_000_000_000))
	}
	return join(words(n/1_000_000_000_000)+" triliun", words(n%1_000_000_000_000))
}

// join puts a space between a and a rest that is not empty: 100,000 is
// "seratus ribu", not "seratus" + " " + "" + " ribu".
func join(a, rest string) string {
	if rest == "" {
		return a
	}
	return a + " " + rest
}

// Terbilang writes a count as documents do: "36 (Tiga Puluh Enam)".
func Terbilang(n int64) string {
	return fmt.Sprintf("%d (%s)", n, Title(strings.ToUpper(spell(n))))
}

// smallWords stay lower case inside a title (Indonesian spelling).
var smallWords = map[string]bool{
	"dan": true, "di": true, "ke": true, "dari": true, "yang": true, "pada": true, "untuk": true, "atau": true,
	"dengan": true, "serta": true, "sesuai": true, "kepada": true, "oleh": true, "dalam": true, "terhadap": true, "bagi": true, "atas": true,
}

// Title writes a name typed in capitals (T-C.29's PROGRAM PENUNJANG URUSAN
// …) in title case, small words such as "dan" kept lower case after the
// first: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota". A
// name with lower-case letters, or with none, stays as typed. It is the one
// title case of renja.
func Title(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if i > 0 && smallWords[w] {
			continue
		}
		parts := strings.Split(w, "/") // Kabupaten/Kota: each name of a pair
		for j, p := range parts {
			if p == "" {
				continue
			}
			r, n := utf8.DecodeRuneInString(p)
			parts[j] = string(unicode.ToUpper(r)) + p[n:]
		}
		ws[i] = strings.Join(parts, "/")
	}
	return strings.Join(ws, " ")
}

// LowerFirst writes "Jumlah dokumen …" as "jumlah dokumen …" inside a
// sentence, and leaves "IMB …" as it is.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// List joins "1.7.1", "1.8.2", "2.1.1" as "1.7.1, 1.8.2 dan 2.1.1".
func List(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " dan " + xs[len(xs)-1]
}
