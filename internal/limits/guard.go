package limits

import (
	"fmt"
	"reflect"
	"sync/atomic"
	"text/template"
	"text/template/parse"

	"renja/internal/msg"
)

// A Guard bounds a template set's work where Execute's writer cannot: the
// string values its calls make (print, printf, html … allocate the whole
// result before anything is written, so a template that doubles a string
// ten times took 4 GB) and the loops that write nothing (nested ranges over
// the data), which no writer sees. Instrument puts a call to the guard at
// the start of every range body and every template, and Funcs replaces the
// builtins that make strings: while Execute runs the set with the guard,
// the first call after its time limit or its context's end fails, and the
// template stops there instead of running on in the background.
type Guard struct {
	cur atomic.Pointer[limitWriter] // the execution in progress
}

// tickName is the guard's call that Instrument inserts.
const tickName = "renjaGuard"

// valueError is a string value, made by the template call Func, that would
// be longer than StringValue.
type valueError struct {
	Func string
	Size int64 // at least this long
}

func (e *valueError) Error() string {
	return msg.Sprintf("the text it makes is too long: %s or more, the limit of one text value in a template is %s", Size(e.Size), Size(stringValue))
}

// Hint says what to do.
func (e *valueError) Hint() string {
	return msg.Sprintf("a template call that joins or pads a text (print, printf …) again and again doubles it each time; write the text once")
}

// Funcs returns the functions of a template set run with g: the guard's
// call and the builtins that make strings, bounded by StringValue. Add them
// after the set's own (Funcs(own).Funcs(g.Funcs())).
func (g *Guard) Funcs() template.FuncMap {
	bounded := func(name string, f func(...any) string, estimate func(...any) int64) func(...any) (string, error) {
		return func(args ...any) (string, error) {
			if n := estimate(args...); n > stringValue {
				return "", &valueError{Func: name, Size: n}
			}
			s := f(args...)
			if int64(len(s)) > stringValue {
				return "", &valueError{Func: name, Size: int64(len(s))}
			}
			return s, nil
		}
	}
	return template.FuncMap{
		tickName:  g.tick,
		"print":   bounded("print", fmt.Sprint, argsSize),
		"println": bounded("println", fmt.Sprintln, argsSize),
		"printf":  g.printf,
		// The escapers make at most 6 bytes of one: their input is
		// bounded, their result checked.
		"html":     bounded("html", template.HTMLEscaper, argsSize),
		"js":       bounded("js", template.JSEscaper, argsSize),
		"urlquery": bounded("urlquery", template.URLQueryEscaper, argsSize),
	}
}

func (g *Guard) printf(format string, args ...any) (string, error) {
	if n := printfSize(format, args); n > stringValue {
		return "", &valueError{Func: "printf", Size: n}
	}
	s := fmt.Sprintf(format, args...)
	if int64(len(s)) > stringValue {
		return "", &valueError{Func: "printf", Size: int64(len(s))}
	}
	return s, nil
}

// tick fails once the execution in progress is stopped (see Execute).
func (g *Guard) tick() (string, error) {
	if lw := g.cur.Load(); lw != nil {
		if err := lw.err(); err != nil {
			return "", err
		}
	}
	return "", nil
}

// Bound returns fm with each function that returns a string checked: a
// result longer than StringValue fails the call. A function of fm that
// makes its text from its arguments (upper, spaced …) then cannot grow a
// string without end either.
func Bound(fm template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(fm))
	for name, f := range fm {
		v := reflect.ValueOf(f)
		t := v.Type()
		if t.Kind() != reflect.Func || t.NumOut() == 0 || t.Out(0).Kind() != reflect.String {
			out[name] = f
			continue
		}
		out[name] = reflect.MakeFunc(t, func(in []reflect.Value) []reflect.Value {
			var res []reflect.Value
			if t.IsVariadic() {
				res = v.CallSlice(in)
			} else {
				res = v.Call(in)
			}
			if n := int64(res[0].Len()); n > stringValue {
				if t.NumOut() != 2 || !t.Out(1).Implements(errorType) {
					panic(&valueError{Func: name, Size: n}) // text/template reports a call's panic as its error
				}
				res[0] = reflect.Zero(t.Out(0))
				res[1] = reflect.ValueOf(&valueError{Func: name, Size: n}).Convert(t.Out(1))
			}
			return res
		}).Interface()
	}
	return out
}

var errorType = reflect.TypeFor[error]()

// Instrument inserts the guard's call at the start of tree's every range
// body and of the tree itself (each call of a template), before the set is
// first run. The call assigns a variable and so writes nothing, also in
// html/template. A body that writes each time it runs (text or a value at
// its top level) needs no call: Execute's writer stops it; so a table's
// rows and cells (a range over 100,000 rows took twice as long with a call
// in each) run as fast as before.
func Instrument(tree *parse.Tree) {
	if tree == nil || tree.Root == nil {
		return
	}
	instrument(tree.Root)
	guard(tree.Root)
}

// guard puts the guard's call at the start of list, unless list writes.
func guard(list *parse.ListNode) {
	if list == nil {
		return
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if len(n.Text) > 0 {
				return
			}
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 {
				return // it prints its value, an empty one too
			}
		}
	}
	list.Nodes = append([]parse.Node{tickNode()}, list.Nodes...)
}

func instrument(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			instrument(c)
		}
	case *parse.IfNode:
		instrument(n.List)
		instrument(n.ElseList)
	case *parse.WithNode:
		instrument(n.List)
		instrument(n.ElseList)
	case *parse.RangeNode:
		instrument(n.List)
		instrument(n.ElseList)
		guard(n.List)
	}
}

// tickNode is {{ $renjaGuard := renjaGuard }}.
func tickNode() parse.Node {
	trees, err := parse.Parse("guard", "{{ $"+tickName+" := "+tickName+" }}", "", "", map[string]any{tickName: true})
	if err != nil {
		panic(err)
	}
	return trees["guard"].Root.Nodes[0]
}

// argsSize is a bound on the length of fmt.Sprint(args...): strings count
// their length, other values what they print as, which is already held.
func argsSize(args ...any) int64 {
	var n int64
	for _, a := range args {
		n += valueSize(a) + 1
	}
	return n
}

// valueSize is a bound on how long a value prints with %v or %s; a value
// that is not a string counts a number's length (what a composite value
// prints is checked after the call: it is made from data already held).
func valueSize(a any) int64 {
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return int64(v.Len())
		}
	}
	return 32
}

// printfSize is a bound on the length of fmt.Sprintf(format, args...): the
// format's own text, and for each verb the longest of its width, its
// precision and its argument (%q, %x and %U of a string up to 4 times its
// length). A width or a precision of 1,000,000 is refused before fmt pads
// to it.
func printfSize(format string, args []any) int64 {
	n := int64(len(format))
	arg := 0
	next := func() any {
		if arg < len(args) {
			arg++
			return args[arg-1]
		}
		arg++
		return nil
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		var width, prec int64
		num := func(dst *int64) {
			if i < len(format) && format[i] == '*' {
				if v, ok := next().(int); ok {
					*dst = int64(max(v, -v))
				}
				i++
				return
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				*dst = min(*dst*10+int64(format[i]-'0'), 1<<40)
				i++
			}
		}
		index := func() {
			if i < len(format) && format[i] == '[' {
				j := i + 1
				k := 0
				for j < len(format) && format[j] >= '0' && format[j] <= '9' {
					k = min(k*10+int(format[j]-'0'), 1<<20)
					j++
				}
				if j < len(format) && format[j] == ']' {
					arg, i = k-1, j+1
				}
			}
		}
		for i < len(format) && (format[i] == '+' || format[i] == '-' || format[i] == '#' || format[i] == ' ' || format[i] == '0') {
			i++
		}
		index()
		num(&width)
		if i < len(format) && format[i] == '.' {
			i++
			index()
			num(&prec)
		}
		index()
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		size := valueSize(next())
		switch format[i] {
		case 'q', 'x', 'X', 'U':
			size = 4*size + 2
		}
		n += max(width, prec, size) + 1
	}
	return n
}

// err is why the execution was stopped, or nil.
func (l *limitWriter) err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stopped
}
