package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// keyArgs names the calls whose string-literal arguments are message keys,
// by the index of the key among the call's arguments.
// flagUsage gives, for the flag package's definitions on a FlagSet named fs,
// the index of the help text.
var flagUsage = map[string]int{
	"fs.Bool": 2, "fs.String": 2, "fs.Int": 2, "fs.Duration": 2, "fs.Float64": 2, "fs.Var": 2, "fs.Func": 1,
}

var keyArgs = map[string][]int{
	"msg.Sprintf":    {0},
	"msg.In":         {1},
	"msg.Text":       {0},
	"msg.Errorf":     {0},
	"msg.Const":      {0},
	"keys.Errorf":    {1, 2},
	"bad":            {1, 2}, // table.ParseSchema
	"msg.Fprintf":    {1},
	"msg.Fprintln":   {1},
	"diag.Errorf":    {3, 4},
	"c.report":       {6},
	"usagef":         {0}, // package cli
	"failf":          {0},
	"s.logf":         {0}, // package serve
	"source.ErrorAt": {2, 3},
	"source.Errorf":  {1, 2},
	"s.Errorf":       {1, 2},
	"Sprintf":        {0}, // inside package msg
}

// TestUntranslated lists the message keys written in the code that the
// registry lacks: texts an officer would read in English only.
func TestUntranslated(t *testing.T) {
	keys := map[string][]string{}
	var bareFlags, bareErrors, bareTexts []string
	fset := token.NewFileSet()
	for _, root := range []string{"../../internal", "../../cmd"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Error(err)
				return nil
			}
			ast.Inspect(f, func(n ast.Node) bool {
				// A diagnostic's Msg or Hint is read by the officer: a
				// literal text (or one formatted by fmt) is in one language only.
				switch n := n.(type) {
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Msg" || k.Name == "Hint") {
						if lit := words(n.Value); lit != nil {
							bareTexts = append(bareTexts, fset.Position(lit.Pos()).String()+": "+k.Name+": "+lit.Value)
						}
					}
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						if sel, ok := l.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Msg" || sel.Sel.Name == "Hint") && i < len(n.Rhs) {
							if lit := words(n.Rhs[i]); lit != nil {
								bareTexts = append(bareTexts, fset.Position(lit.Pos()).String()+": "+sel.Sel.Name+" = "+lit.Value)
							}
						}
					}
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				name := ""
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok {
						name = x.Name + "." + fn.Sel.Name
					}
				case *ast.Ident:
					if f.Name.Name == "msg" || fn.Name == "usagef" || fn.Name == "failf" || fn.Name == "bad" {
						name = fn.Name
					}
				}
				// An error's text is read by the officer: a literal text
				// is in one language only (write msg.Errorf or msg.Const).
				if (name == "fmt.Errorf" || name == "errors.New") && len(call.Args) > 0 && f.Name.Name != "msg" {
					if lit := words(call.Args[0]); lit != nil {
						bareErrors = append(bareErrors, fset.Position(lit.Pos()).String()+": "+lit.Value)
					}
				}
				// A flag's help is read by the officer: a literal text is
				// English only (it must be msg.Sprintf("…")).
				if i, ok := flagUsage[name]; ok && i < len(call.Args) {
					if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING && lit.Value != `""` {
						bareFlags = append(bareFlags, fset.Position(lit.Pos()).String()+": "+lit.Value)
					}
				}
				for _, i := range keyArgs[name] {
					if i >= len(call.Args) {
						continue
					}
					if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						if s != "" {
							keys[s] = append(keys[s], fset.Position(lit.Pos()).String())
						}
					}
				}
				return true
			})
			return nil
		})
	}
	if len(bareFlags) > 0 {
		t.Errorf("%d flags' help is not in the catalog (write msg.Sprintf(\"…\") and add the text to a texts_*.go file):\n\t%s", len(bareFlags), strings.Join(bareFlags, "\n\t"))
	}
	if len(bareErrors) > 0 {
		t.Errorf("%d errors' texts are not in the catalog (write msg.Errorf(\"…\") or msg.Const(\"…\") and add the text to a texts_*.go file):\n\t%s", len(bareErrors), strings.Join(bareErrors, "\n\t"))
	}
	if len(bareTexts) > 0 {
		t.Errorf("%d messages' texts are not in the catalog (write msg.Sprintf(\"…\") and add the text to a texts_*.go file):\n\t%s", len(bareTexts), strings.Join(bareTexts, "\n\t"))
	}
	if len(keys) < 100 {
		t.Errorf("only %d message keys found in the code", len(keys))
	}
	var missing []string
	for k, at := range keys {
		if !has(k) {
			missing = append(missing, at[0]+": "+strconv.Quote(k))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d messages have no Indonesian text (add them to a texts_*.go file):\n\t%s", len(missing), strings.Join(missing, "\n\t"))
	}
}

// words returns the string literal of e that holds words, not just verbs
// and punctuation ("%s: %w"): e itself, an operand of a + or the format of a
// fmt.Sprintf. It returns nil when e has no such literal.
func words(e ast.Expr) *ast.BasicLit {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return nil
		}
		s, _ := strconv.Unquote(e.Value)
		if strings.IndexFunc(verbRe.ReplaceAllString(s, ""), unicode.IsLetter) >= 0 {
			return e
		}
	case *ast.BinaryExpr:
		if l := words(e.X); l != nil {
			return l
		}
		return words(e.Y)
	case *ast.ParenExpr:
		return words(e.X)
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) > 0 {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fmt" && sel.Sel.Name == "Sprintf" {
				return words(e.Args[0])
			}
		}
	}
	return nil
}
