// Package msg owns every text an officer reads: diagnostics, hints, usage,
// progress and summary lines, the serve overlay and the website's cell notes.
// Indonesian is the default; English is given on request (renja --lang en, or
// RENJA_LANG=en). The texts live in one registry of golang.org/x/text/message
// catalog entries, keyed by the English source text, so code reads as it
// prints in English and a key that is missing from the registry still prints
// (in English) and is listed by the tests.
//
// # Adding a message
//
// Write the English text at the call site through this package:
//
//	d.Hint = msg.Sprintf("add the row to %s", path)
//	errs = append(errs, diag.Errorf(file, line, col, "write ratio(a, b)", "formula %q cannot be read", f))
//
// (diag.Errorf, diag.Error's constructors and the checker's report translate
// their format and hint themselves.) Then add the key with its Indonesian
// text to a texts_*.go file of this package — a new file per area is fine,
// each registers itself with add:
//
//	var _ = add(
//		T("add the row to %s", "tambahkan baris itu ke %s"),
//	)
//
// Keep the verbs of the key in the Indonesian text (reorder them with
// %[2]s); TestRegistry fails on a text whose verbs differ, and the CLI tests
// list every key that was printed but is not registered. Plain officer words:
// baris (row, line), kolom (column), sel (cell), pagu, jumlah, kode.
//
// # Plurals
//
// Indonesian has no plural forms. An English text that needs one gives its
// forms with TP: {N:singular|plural} chooses by argument N (1-based) with
// golang.org/x/text/feature/plural:
//
//	TP("%d errors", "%d kesalahan", "%d {1:error|errors}")
//
// Integers print plainly (line 1024, year 2024); x/text's grouping is not
// applied to them. Figures an officer reads as amounts are formatted by
// package num before they reach a message.
package msg

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Lang is a language renja speaks.
type Lang string

const (
	ID Lang = "id" // Bahasa Indonesia, the default
	EN Lang = "en" // English
)

// entry is one registry entry: the key (the English text written in the
// code), its Indonesian text, and an English text when it differs from the
// key (a plural form).
type entry struct {
	Key, ID, EN string
}

// text registers a key and its Indonesian text.
func text(key, id string) entry { return entry{Key: key, ID: id} }

// textPlural registers a key, its Indonesian text and its English text with plural
// forms ({N:one|other}).
func textPlural(key, id, en string) entry { return entry{Key: key, ID: id, EN: en} }

var (
	registry = map[string]entry{}
	order    []string // keys in the order they were added, for tests
	dups     []string

	// One catalog a language, built on its first message: a command
	// speaks one language, and building both cost every renja process 2 ms.
	printers = catalogs()
	current  atomic.Value // Lang

	missMu sync.Mutex
	missed = map[string]bool{}
)

// add registers texts; files of this package call it in a var declaration.
func add(ts ...entry) bool {
	for _, t := range ts {
		if _, ok := registry[t.Key]; ok {
			dups = append(dups, t.Key)
		}
		registry[t.Key] = t
		order = append(order, t.Key)
	}
	return true
}

// Parse reads a language name: "id", "en", "in", "id-ID", "en-US",
// "indonesia", "english", any case. ok is false for another language.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return ID, true
	case s == "id" || s == "in" || strings.HasPrefix(s, "id-") || strings.HasPrefix(s, "id_") || strings.HasPrefix(s, "indonesia") || s == "bahasa":
		return ID, true
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_") || s == "english" || s == "inggris":
		return EN, true
	}
	return "", false
}

// SetLang sets the language of every message from now on. renja sets it
// once, before it reads anything; tests set it per test.
func SetLang(l Lang) {
	if l != EN {
		l = ID
	}
	current.Store(l)
}

// Current returns the language messages are written in.
func Current() Lang {
	if l, ok := current.Load().(Lang); ok {
		return l
	}
	return ID
}

func printer(l Lang) *message.Printer {
	if p, ok := printers[l]; ok {
		return p()
	}
	return printers[ID]()
}

var pluralRe = regexp.MustCompile(`\{(\d+):([^|{}]*)\|([^|{}]*)\}`)

func catalogs() map[Lang]func() *message.Printer {
	return map[Lang]func() *message.Printer{
		ID: sync.OnceValue(func() *message.Printer { return build(ID) }),
		EN: sync.OnceValue(func() *message.Printer { return build(EN) }),
	}
}

func build(l Lang) *message.Printer {
	tag := language.Indonesian
	if l == EN {
		tag = language.English
	}
	b := catalog.NewBuilder(catalog.Fallback(tag))
	for _, k := range order {
		t := registry[k]
		text := t.ID
		if l == EN {
			if text = t.EN; text == "" {
				text = t.Key
			}
		}
		k, text := strings.ReplaceAll(k, "%w", "%v"), strings.ReplaceAll(text, "%w", "%v")
		if err := set(b, tag, k, text); err != nil {
			panic("msg: " + err.Error())
		}
	}
	return message.NewPrinter(tag, message.Catalog(b))
}

// set adds one text to the catalog, turning {N:one|other} into a plural
// selector on argument N.
func set(b *catalog.Builder, tag language.Tag, key, text string) error {
	if !pluralRe.MatchString(text) {
		return b.SetString(tag, key, text)
	}
	// x/text renders the text between ${…} variables piece by piece, so
	// every verb names its argument.
	text = explicit(text)
	var parts []catalog.Message
	i := 0
	s := pluralRe.ReplaceAllStringFunc(text, func(m string) string {
		g := pluralRe.FindStringSubmatch(m)
		var n int
		fmt.Sscan(g[1], &n)
		name := fmt.Sprintf("plural%d", i)
		i++
		parts = append(parts, catalog.Var(name, plural.Selectf(n, "%d", plural.One, g[2], plural.Other, g[3])))
		return "${" + name + "}"
	})
	return b.Set(tag, key, append(parts, catalog.String(s))...)
}

var verbRe = regexp.MustCompile(`%(\[(\d+)\])?([-+# 0]*(?:\d+)?(?:\.\d+)?[a-zA-Z%])`)

// explicit gives every verb of a format its argument index: "%d of %d"
// becomes "%[1]d of %[2]d".
func explicit(format string) string {
	next := 1
	return verbRe.ReplaceAllStringFunc(format, func(v string) string {
		m := verbRe.FindStringSubmatch(v)
		if strings.HasSuffix(v, "%") && m[1] == "" && len(m[3]) == 1 {
			return v
		}
		n := next
		if m[2] != "" {
			fmt.Sscan(m[2], &n)
		}
		next = n + 1
		return fmt.Sprintf("%%[%d]%s", n, m[3])
	})
}

// Sprintf formats the text registered under key in the current language.
func Sprintf(key string, args ...any) string {
	return in(Current(), key, args...)
}

// in formats the text registered under key in language l.
func in(l Lang, key string, args ...any) string {
	if _, ok := registry[key]; !ok {
		missMu.Lock()
		missed[key] = true
		missMu.Unlock()
	}
	for i, a := range args {
		args[i] = plain(a)
	}
	// x/text has no %w; Errorf keeps the wrapped errors itself.
	return printer(l).Sprintf(strings.ReplaceAll(key, "%w", "%v"), args...)
}

// Text returns the text registered under s in the current language, or s
// itself when it is not a key: for a hint or message that reaches a sink
// (diag.Errorf, the checker) already formatted. It never formats: a text
// holding a user's "%" stays as it is, and a key given to Text alone is
// written with a plain "%".
func Text(s string) string {
	e, ok := registry[s]
	switch {
	case !ok:
		return s
	case Current() == ID:
		return e.ID
	case e.EN != "":
		return e.EN
	}
	return s
}

// FileError says why a file cannot be read in the officer's words: it does
// not exist, or may not be read; other errors as the system says them.
func FileError(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Sprintf("the file does not exist")
	case errors.Is(err, fs.ErrPermission):
		return Sprintf("the file may not be read (permission denied)")
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}

// Const is an error whose text is registered under its key and is written
// in the language current when it is printed: for sentinel errors made when
// the program starts, before the language is known.
type Const string

func (c Const) Error() string { return Text(string(c)) }

// Errorf returns an error whose text is the one registered under format, in
// the current language. A %w verb wraps its error as fmt.Errorf does.
func Errorf(format string, args ...any) error {
	var wrapped []error
	i := -1
	for _, v := range verbRe.FindAllStringSubmatch(format, -1) {
		if v[0] == "%%" {
			continue
		}
		i++
		if strings.HasSuffix(v[0], "w") && i < len(args) {
			if e, ok := args[i].(error); ok {
				wrapped = append(wrapped, e)
			}
		}
	}
	return &wrapError{in(Current(), format, args...), wrapped}
}

type wrapError struct {
	text    string
	wrapped []error
}

func (e *wrapError) Error() string   { return e.text }
func (e *wrapError) Unwrap() []error { return e.wrapped }

// Fprintf writes the text registered under key to w.
func Fprintf(w io.Writer, key string, args ...any) {
	io.WriteString(w, Sprintf(key, args...))
}

// Fprintln writes the text registered under key and a newline to w.
func Fprintln(w io.Writer, key string, args ...any) {
	io.WriteString(w, Sprintf(key, args...)+"\n")
}

// has reports whether key is registered.
func has(key string) bool {
	_, ok := registry[key]
	return ok
}

// Missing returns the keys looked up since the last ResetMissing that are
// not registered: texts that print in English whatever the language.
func Missing() []string {
	missMu.Lock()
	defer missMu.Unlock()
	out := make([]string, 0, len(missed))
	for k := range missed {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ResetMissing forgets the keys Missing returns.
func ResetMissing() {
	missMu.Lock()
	missed = map[string]bool{}
	missMu.Unlock()
}

// integer is an integer argument printed without grouping, whose plural form
// x/text can still choose by.
type integer int64

// Format prints the integer as fmt does.
func (n integer) Format(s fmt.State, verb rune) {
	fmt.Fprintf(s, fmt.FormatString(s, verb), int64(n))
}

// PluralForm implements plural.Interface.
func (n integer) PluralForm(t language.Tag, scale int) (plural.Form, int) {
	i := int(n)
	if i < 0 {
		i = -i
	}
	return plural.Cardinal.MatchPlural(t, i, 0, 0, 0, 0), int(n)
}

var stringerType = reflect.TypeFor[fmt.Stringer]()

// plain wraps integers so that they print as written (x/text would group
// their digits by the language: "2.024" for a year).
func plain(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Type().Implements(stringerType) {
			return a
		}
		return integer(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Type().Implements(stringerType) {
			return a
		}
		return integer(int64(v.Uint()))
	}
	return a
}
