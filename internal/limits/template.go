package limits

import (
	"context"
	"io"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"renja/internal/msg"
)

// Errors of a template's execution (see Execute).
var (
	ErrOutput error = msg.Const("the template writes too much")
	ErrTime   error = msg.Const("the template runs too long")
)

// OutputMessage and TimeMessage say in the officer's words what ErrOutput
// and ErrTime mean, with their hints.
func OutputMessage(max int64) (text, hint string) {
	return msg.Sprintf("the template writes too much: more than %s", Size(max)),
		msg.Sprintf("check {{ range }} and {{ template }} that repeat without end")
}

// TimeMessage: see OutputMessage.
func TimeMessage() (text, hint string) {
	return msg.Sprintf("the template runs too long: more than %v", defaultTemplateTime),
		msg.Sprintf("check {{ range }} and {{ template }} that repeat without end")
}

// Execute runs a template: run writes its output to the writer it gets,
// which takes at most max bytes and refuses every write after TemplateTime
// or once ctx ends. html/template and text/template stop at a refused write,
// and return its error: ErrOutput, ErrTime or ctx's. g, when not nil, is
// the guard of the template set run (see Guard): its calls, at each range
// iteration and each template, fail from then on too, so that a template
// that runs long without writing stops as well; Execute waits for it (at
// most stopWait) so that nothing runs on after it returns.
func Execute(ctx context.Context, g *Guard, out io.Writer, max int64, run func(io.Writer) error) error {
	lw := &limitWriter{w: out, max: max}
	if g != nil {
		prev := g.cur.Swap(lw)
		defer g.cur.Store(prev)
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- msg.Errorf("the template failed: %v", r)
			}
		}()
		done <- run(lw)
	}()
	timer := time.NewTimer(templateTime)
	defer timer.Stop()
	var err error
	select {
	case err := <-done:
		return err
	case <-timer.C:
		err = ErrTime
	case <-ctx.Done():
		err = context.Cause(ctx)
	}
	lw.stop(err)
	wait := time.NewTimer(stopWait)
	defer wait.Stop()
	select {
	case <-done:
	case <-wait.C:
	}
	return err
}

// stopWait is how long Execute waits for a stopped template to end: a
// guarded one ends at its next loop iteration, call or write.
const stopWait = 5 * time.Second

type limitWriter struct {
	mu      sync.Mutex
	w       io.Writer
	n, max  int64
	stopped error
}

func (l *limitWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped != nil {
		return 0, l.stopped
	}
	if l.n+int64(len(b)) > l.max {
		l.stopped = ErrOutput
		return 0, ErrOutput
	}
	l.n += int64(len(b))
	return l.w.Write(b)
}

func (l *limitWriter) stop(err error) {
	l.mu.Lock()
	l.stopped = err
	l.mu.Unlock()
}

// RangeError is a {{ range N }} over a number written in the template that
// repeats, with the ranges around it, more than RangeCount times.
type RangeError struct {
	Line, Column int // in the template's text, 1-based
	Count        float64
}

func (e *RangeError) Error() string { return e.Message() }

// Message says it in the officer's words; Hint says what to do.
func (e *RangeError) Message() string {
	return msg.Sprintf("{{ range }} repeats too often: %.0f times, the limit is %d", e.Count, rangeCount)
}

// Hint: see Message.
func (e *RangeError) Hint() string {
	return msg.Sprintf("a Renja needs no loop that long; check the number in {{ range }}")
}

// CheckRanges walks a parsed template and refuses a range over a number
// written in it ({{ range 1000000000 }}, or a variable set to one:
// {{ $n := 1000000000 }}{{ range $n }}) that repeats more than RangeCount
// times, nested ranges multiplied: such a loop would run for minutes even
// when it writes nothing, and no template can be interrupted.
func CheckRanges(t *parse.Tree) *RangeError {
	if t == nil || t.Root == nil {
		return nil
	}
	w := &rangeWalk{t: t, vars: map[string]float64{}}
	return w.walk(t.Root, 1)
}

// rangeWalk knows the variables set to a number so far, in the order of the
// text (scopes are not told apart: a variable set to a number anywhere
// before counts).
type rangeWalk struct {
	t    *parse.Tree
	vars map[string]float64
}

func (w *rangeWalk) walk(n parse.Node, outer float64) *RangeError {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := w.walk(c, outer); err != nil {
				return err
			}
		}
	case *parse.ActionNode:
		w.declare(n.Pipe)
	case *parse.IfNode:
		return w.branch(&n.BranchNode, outer)
	case *parse.WithNode:
		return w.branch(&n.BranchNode, outer)
	case *parse.RangeNode:
		count := outer
		if c, ok := w.count(n.Pipe); ok {
			count *= max(c, 1)
			if count > rangeCount {
				line, col := position(w.t, n)
				return &RangeError{Line: line, Column: col, Count: count}
			}
		}
		if err := w.walk(n.List, count); err != nil {
			return err
		}
		return w.walk(n.ElseList, outer)
	}
	return nil
}

func (w *rangeWalk) branch(b *parse.BranchNode, outer float64) *RangeError {
	w.declare(b.Pipe)
	if err := w.walk(b.List, outer); err != nil {
		return err
	}
	return w.walk(b.ElseList, outer)
}

// declare records a variable set to a number ({{ $n := 5 }}), and forgets
// one set to something else.
func (w *rangeWalk) declare(p *parse.PipeNode) {
	if p == nil || len(p.Decl) != 1 || len(p.Decl[0].Ident) != 1 {
		return
	}
	name := p.Decl[0].Ident[0]
	if c, ok := w.count(p); ok {
		w.vars[name] = c
	} else {
		delete(w.vars, name)
	}
}

// count returns N of a pipeline that is the number N alone, or a variable
// set to one.
func (w *rangeWalk) count(p *parse.PipeNode) (float64, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0, false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.NumberNode:
		switch {
		case a.IsInt:
			return float64(a.Int64), true
		case a.IsUint:
			return float64(a.Uint64), true
		case a.IsFloat:
			return a.Float64, true
		}
	case *parse.VariableNode:
		if len(a.Ident) == 1 {
			c, ok := w.vars[a.Ident[0]]
			return c, ok
		}
	}
	return 0, false
}

// position returns the line and column (1-based, in bytes) of a node.
func position(t *parse.Tree, n parse.Node) (line, col int) {
	loc, _ := t.ErrorContext(n)
	parts := strings.Split(loc, ":")
	if len(parts) >= 3 {
		line, _ = strconv.Atoi(parts[len(parts)-2])
		col, _ = strconv.Atoi(parts[len(parts)-1]) // 0-based
	}
	return line, col + 1
}

// templateTime is TemplateTime; the tests shorten it.
var templateTime = defaultTemplateTime
