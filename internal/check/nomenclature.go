package check

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"renja/internal/diag"
	"renja/internal/kode"
	"renja/internal/model"
	"renja/internal/msg"
	"renja/internal/table"
)

// The nomenclature rule judges codes and names against each other and
// against the kabupaten's nomenclature list:
//
//   - a kegiatan or sub kegiatan whose level digit (the 2 of 7.01.04.2.02)
//     is not a level of government (1 provinsi, 2 kabupaten/kota) is an
//     error, with the code another table or the reference list gives the
//     same name;
//   - one name under two codes is an error, with the code the other rows use;
//   - one code named differently across tables is a warning (spelling,
//     capitals and punctuation aside);
//   - with [check.nomenclature] reference = "FILE" in renja.toml, a code the
//     list does not hold is an error with the nearest codes, a name that is
//     not the list's a warning.

// named is a row's code and name in one table, or an entry of the reference
// list. It is small, and a row's words are made when a comparison needs them
// (wordsOf): the rule holds one for each row of a plan of 100,000 rows.
type named struct {
	t    *table.Table
	r    *table.Row // nil for the reference list's entry
	name string
	ref  *listed
}

// listed is an entry of the reference list.
type listed struct {
	code  kode.Code
	words []string
	file  string // where it is: the list's file and line
}

// code returns n's code.
func (n named) code() kode.Code {
	if n.r == nil {
		return n.ref.code
	}
	return n.r.Code
}

// wordsOf returns n's words (see words).
func (n named) wordsOf() []string {
	if n.r == nil {
		return n.ref.words
	}
	return words(n.name)
}

// where says where n is: data/t41.csv:47, or the reference list's line.
func (n named) where() string {
	if n.r == nil {
		return n.ref.file
	}
	return diag.Pos(n.t.Path, n.r.Line, 0)
}

func (c *checker) nomenclature() {
	rows := 0
	for _, t := range c.p.Tables {
		rows += len(t.Rows)
	}
	all := make([]named, 0, rows)
	for _, t := range c.p.Tables {
		ci, ni := t.CodeCol(), nameCol(t)
		if ci < 0 || ni < 0 {
			continue
		}
		for _, r := range t.Rows {
			if r.CodeErr != nil || r.Code.Level() < kode.Program || r.Cells[ni].Raw == "" {
				continue
			}
			name := r.Cells[ni].Raw
			if !strings.ContainsFunc(name, unicode.IsLetter) {
				continue
			}
			all = append(all, named{t: t, r: r, name: name})
		}
	}
	var refs []named
	if file := c.cfg.Rule(Nomenclature).Reference; file != "" {
		list, err := table.LoadReference(c.p.Dir, file)
		if l, ok := diag.ListOf(err); ok {
			for _, e := range l {
				c.out = append(c.out, &diag.Diagnostic{Severity: diag.SevError, Rule: Nomenclature, File: e.File, Line: e.Line,
					Message: e.Msg, Hint: e.Hint})
			}
		}
		for _, ref := range list {
			refs = append(refs, named{name: ref.Nama, ref: &listed{code: ref.Code, words: words(ref.Nama), file: diag.Pos(file, ref.Line, 0)}})
		}
	}
	bad := map[string]bool{} // codes whose level digit is wrong: reported once, with the suggestion
	var allWords [][]string  // the rows' words, made for the first suggestion (each compares a row with every row)
	for i, n := range all {
		if d, ok := levelDigit(n.code()); ok && d != "1" && d != "2" {
			if allWords == nil {
				allWords = make([][]string, len(all))
				for j := range all {
					allWords[j] = words(all[j].name)
				}
			}
			bad[n.code().String()] = true
			dg := c.report(Nomenclature, diag.SevError, n.t, n.r, n.t.CodeCol(), "level digit %s of %s %s is not a level of government", d, n.code().Level(), n.code())
			dg.Found, dg.Expected = quote(d), msg.Sprintf("1 (provinsi) or 2 (kabupaten/kota)")
			if s, ok := suggest(n, allWords[i], all, allWords, refs, func(o named) bool { ok, _ := validDigit(o.code()); return ok }); ok {
				dg.Hint = msg.Sprintf("did you mean %s? %s names it %q", s.code(), s.where(), s.name)
			} else {
				dg.Hint = msg.Sprintf("the fourth part of a kegiatan's code is 1 for a province's, 2 for a kabupaten's or kota's")
			}
		}
	}
	allWords = nil
	c.sameName(all, bad)
	if refs != nil {
		for _, r := range refs {
			bad[r.code().String()+"#named"] = true // the list says how a code is named
		}
	}
	if !oneTable(all) {
		c.sameCode(all, bad) // a code's rows in one table: nothing to compare
	}
	if refs != nil {
		c.againstReference(all, refs, bad)
	}
}

// oneTable reports whether all rows are of one table.
func oneTable(all []named) bool {
	for _, n := range all {
		if n.t != all[0].t {
			return false
		}
	}
	return true
}

// nameCol is the column of a row's name: uraian or nama, else the first
// text column.
func nameCol(t *table.Table) int {
	for _, n := range []string{"uraian", "nama"} {
		if c := t.Col(n); c != nil && c.Type == table.Text {
			return c.Index
		}
	}
	return t.NameCol()
}

// levelDigit returns the level digit of a kegiatan or sub kegiatan code.
func levelDigit(c kode.Code) (string, bool) {
	if l := c.Level(); l != kode.Kegiatan && l != kode.SubKegiatan {
		return "", false
	}
	s := c.String() // canonical: five or six parts
	for range 3 {
		s = s[strings.IndexByte(s, '.')+1:]
	}
	return s[:strings.IndexByte(s+".", '.')], true
}

func validDigit(c kode.Code) (bool, string) {
	d, ok := levelDigit(c)
	return !ok || d == "1" || d == "2", d
}

// suggest finds the row of another table (or the reference list) that
// names n's thing, at n's level: the most similar name, in n's program first.
// nw are n's words, allWords those of all's rows.
func suggest(n named, nw []string, all []named, allWords [][]string, refs []named, okCode func(named) bool) (named, bool) {
	var best named
	bestScore := 0.0
	prog := programOf(n.code())
	for li, list := range [][]named{refs, all} {
		for i, o := range list {
			if o.code() == n.code() || o.code().Level() != n.code().Level() || !okCode(o) {
				continue
			}
			var ow []string
			if li == 0 {
				ow = o.wordsOf()
			} else {
				ow = allWords[i] // a row's words, made once
			}
			s := similarity(nw, ow)
			if programOf(o.code()) == prog {
				s += 0.05
			}
			if s > bestScore {
				best, bestScore = o, s
			}
		}
		if bestScore >= 0.7 {
			return best, true
		}
	}
	return best, bestScore >= 0.7
}

// programOf returns the first three parts of a code (of a kegiatan's, its
// program's), without splitting it: suggest asks for every row's.
func programOf(c kode.Code) string {
	s, dots := c.String(), 0
	for i := range len(s) {
		if s[i] == '.' {
			if dots++; dots == 3 {
				return s[:i]
			}
		}
	}
	return s
}

// sameName reports one name under two codes at one level: the rows of the
// code fewer rows use, with the other code.
func (c *checker) sameName(all []named, bad map[string]bool) {
	// level+name → the rows (indices into all); grouped by code only for a
	// name that more than one row has (most names are one row's, and a map
	// for each would be most of what a plan of 100,000 rows holds here).
	// The names are hashed first (without making their words), and only those
	// whose hash more than one row has are indexed by their text.
	counted := func(n named) bool {
		return n.code().Level() >= kode.Kegiatan && !bad[n.code().String()]
	}
	seed := maphash.MakeSeed()
	hashes := make(map[uint64]int32, len(all))
	for _, n := range all {
		if h, w := nameHash(seed, n.code().Level(), n.name); w >= 3 && counted(n) {
			hashes[h]++
		}
	}
	byName := map[string][]int32{}
	for i, n := range all {
		if h, w := nameHash(seed, n.code().Level(), n.name); w >= 3 && counted(n) && hashes[h] > 1 {
			k := n.code().Level().String() + ":" + strings.Join(words(n.name), " ")
			byName[k] = append(byName[k], int32(i))
		}
	}
	clear(hashes)
	keys := make([]string, 0, len(byName))
	for k, rows := range byName {
		if len(rows) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		codes := map[string][]named{} // code → rows
		for _, i := range byName[k] {
			codes[all[i].code().String()] = append(codes[all[i].code().String()], all[i])
		}
		if len(codes) < 2 {
			continue
		}
		list := make([]string, 0, len(codes))
		for code := range codes {
			list = append(list, code)
		}
		sort.Slice(list, func(i, j int) bool {
			if len(codes[list[i]]) != len(codes[list[j]]) {
				return len(codes[list[i]]) > len(codes[list[j]])
			}
			return list[i] < list[j]
		})
		main := codes[list[0]][0]
		for _, code := range list[1:] {
			for _, n := range codes[code] {
				bad[code] = true
				d := c.report(Nomenclature, diag.SevError, n.t, n.r, n.t.CodeCol(), "%s %q stands under %s here and under %s in %s", n.code().Level(), n.name, n.code(), main.code(), main.where())
				d.Found, d.Expected = n.code().String(), main.code().String()
				d.Hint = msg.Sprintf("did you mean %s? one name belongs to one code; correct the code or the name", main.code())
			}
		}
	}
}

// sameCode warns about one code named differently across tables; the plan
// table is the reference.
func (c *checker) sameCode(all []named, bad map[string]bool) {
	byCode := map[string][]int32{} // indices into all
	for i, n := range all {
		byCode[n.code().String()] = append(byCode[n.code().String()], int32(i))
	}
	plan := c.cfg.Plan.Table
	for _, is := range byCode {
		if len(is) < 2 {
			continue
		}
		ns := make([]named, len(is))
		for j, i := range is {
			ns[j] = all[i]
		}
		sort.SliceStable(ns, func(i, j int) bool { return ns[i].t.ID == plan && ns[j].t.ID != plan })
		ref := ns[0]
		for _, o := range ns[1:] {
			if o.t == ref.t || bad[o.code().String()] || bad[o.code().String()+"#named"] || similarity(ref.wordsOf(), o.wordsOf()) >= 0.5 ||
				model.NamedLikeIndicator(o.name) || model.NamedLikeIndicator(ref.name) {
				continue
			}
			d := c.report(Nomenclature, diag.SevWarning, o.t, o.r, nameCol(o.t), "%s %s is named %q here but %q in %s", o.code().Level(), o.code(), o.name, ref.name, ref.where())
			d.Found, d.Expected = quote(o.name), quote(ref.name)
			d.Hint = msg.Sprintf("one code names one program, kegiatan or sub kegiatan; correct the code or the name")
		}
	}
}

// againstReference checks every code and name against the nomenclature list.
func (c *checker) againstReference(all, refs []named, bad map[string]bool) {
	byCode := map[kode.Code]named{}
	for _, r := range refs {
		byCode[r.code()] = r
	}
	for _, n := range all {
		if bad[n.code().String()] {
			continue
		}
		ref, ok := byCode[n.code()]
		if !ok {
			d := c.report(Nomenclature, diag.SevError, n.t, n.r, n.t.CodeCol(), "%s %s is not in the nomenclature list %s", n.code().Level(), n.code(), c.cfg.Rule(Nomenclature).Reference)
			d.Found, d.Expected = n.code().String(), msg.Sprintf("a code of the nomenclature list")
			if s, ok := suggest(n, n.wordsOf(), nil, nil, refs, func(named) bool { return true }); ok {
				d.Hint = msg.Sprintf("did you mean %s? %s names it %q", s.code(), s.where(), s.name)
			} else {
				d.Hint = msg.Sprintf("correct the code, or add it to the nomenclature list")
			}
			continue
		}
		if similarity(n.wordsOf(), ref.wordsOf()) < 0.5 {
			d := c.report(Nomenclature, diag.SevWarning, n.t, n.r, nameCol(n.t), "%s %s is named %q here but %q in %s", n.code().Level(), n.code(), n.name, ref.name, ref.where())
			d.Found, d.Expected = quote(n.name), quote(ref.name)
			d.Hint = msg.Sprintf("one code names one program, kegiatan or sub kegiatan; correct the code or the name")
		}
	}
}

// words returns a name's words in lower case, punctuation left out.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// nameHash hashes level l and the words of name as sameName's key joins
// them ("sub kegiatan:penyediaan gaji dan tunjangan"), without making them,
// and counts the words.
func nameHash(seed maphash.Seed, l kode.Level, name string) (sum uint64, words int) {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(l.String())
	h.WriteByte(':')
	in := false
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			in = false
			continue
		}
		if !in {
			if words > 0 {
				h.WriteByte(' ')
			}
			words++
			in = true
		}
		var b [utf8.UTFMax]byte
		h.Write(b[:utf8.EncodeRune(b[:], unicode.ToLower(r))])
	}
	return h.Sum64(), words
}

// similarity is the share of words two names have in common (a word with
// one letter wrong, missing or swapped counts as the same): 1 for the same
// name, 0 for none in common.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	used := make([]bool, len(b))
	common := 0
	for _, w := range a {
		for j, v := range b {
			if !used[j] && (w == v || len(w) >= 4 && len(v) >= 4 && oneEdit(w, v)) {
				used[j] = true
				common++
				break
			}
		}
	}
	return float64(2*common) / float64(len(a)+len(b))
}

// oneEdit reports whether two words are at most one edit apart: one letter
// wrong, missing or added, or two neighbours swapped (an optimal string
// alignment distance of at most 1). Linear and allocation-free for words
// whose lengths differ by more than one, which are most pairs.
func oneEdit(a, b string) bool {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	if la-lb > 1 {
		return false
	}
	if la == len(a) && lb == len(b) {
		return oneEditIn([]byte(a), []byte(b), la, lb) // ASCII, the usual case: words copied on the stack
	}
	return oneEditIn([]rune(a), []rune(b), la, lb)
}

// oneEditIn is oneEdit on letters indexed one by one, x the longer word.
func oneEditIn[E byte | rune](x, y []E, la, lb int) bool {
	i := 0
	for i < lb && x[i] == y[i] {
		i++
	}
	if i == lb {
		return true // equal, or one letter added at the end
	}
	if la != lb {
		return same(x[i+1:], y[i:]) // one letter added inside
	}
	if same(x[i+1:], y[i+1:]) {
		return true // one letter wrong
	}
	return i+1 < la && x[i] == y[i+1] && x[i+1] == y[i] && same(x[i+2:], y[i+2:]) // a swap
}

func same[E byte | rune](x, y []E) bool { return slices.Equal(x, y) }
