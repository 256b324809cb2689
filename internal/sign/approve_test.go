package sign

import (
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"renja/internal/sign/signtest"
)

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"ANDI BASO", "Andi Baso", true},
		{"Drs. ANDI BASO, M.Si.", "ANDI BASO", true},
		{"Dr. Ir. H. Andi  Baso, S.Sos., M.AP", "andi baso", true},
		{"ANDI BASO", "ANDI BASO, S.STP", true},
		{"A. Muh. Yusri", "A MUH YUSRI", true},
		{"Hj. Sitti Aminah", "SITTI AMINAH", true},
		{"ANDI BASO", "MUHAMMAD YUSRI", false},
		{"ANDI BASO", "ANDI BASOK", false},
		{"ANDI BASO", "BASO ANDI", false},
		{"Drs.", "", false}, // a title alone is no name
		{"", "", false},
	} {
		if got := SameName(c.a, c.b); got != c.same {
			t.Errorf("SameName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestCheckDocument(t *testing.T) {
	a := Approval{Signatory: "X", ContentHash: hash, Dir: "proj"}
	for _, c := range []struct {
		info Info
		want string
	}{
		{Info{ContentHash: hash}, ""},
		{Info{ContentHash: hash, Draft: true}, "a.pdf is a DRAFT"},
		{Info{}, "a.pdf records no source digest"},
		{Info{ContentHash: "sha256:00"}, "a.pdf was not made from the sources now in proj (source digest sha256:00, here " + hash + ")"},
	} {
		err := a.CheckDocument("a.pdf", c.info)
		if (err == nil) != (c.want == "") || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckDocument(%+v) = %v, want %q", c.info, err, c.want)
		}
	}
}

// TestKeyMismatch: a key that is not the certificate's is refused with a
// message that names both, not as changed bytes.
func TestKeyMismatch(t *testing.T) {
	now := time.Now()
	one, err := LoadPKCS12(signtest.P12(t), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	two, err := LoadPKCS12(signtest.P12For(t, "ANDI BASO", now.Add(-time.Hour), now.Add(time.Hour)), signtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	mixed := &Identity{Key: one.Key, Cert: two.Cert}
	_, _, err = Sign(signtest.PDF("x", nil), mixed, Options{Block: NoBlock})
	if err == nil || !strings.Contains(err.Error(), "is not the key of the certificate of ANDI BASO (serial "+two.Cert.SerialNumber.String()) ||
		!strings.Contains(err.Error(), keyID(one.Key.Public())) || strings.Contains(err.Error(), "changed") {
		t.Errorf("a key with another's certificate: %v", err)
	}
	if keyID(one.Key.Public()) == keyID(two.Cert.PublicKey) {
		t.Error("two keys have one fingerprint")
	}
}

// TestJudge: the verdict of each thing that makes a signed PDF fail.
func TestJudge(t *testing.T) {
	in, out := signed(t, map[string]string{"RenjaContentHash": hash})
	rep, err := Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	_, draft := signed(t, map[string]string{"RenjaContentHash": hash, "RenjaDraft": "true"})
	draftRep, err := Verify(draft)
	if err != nil {
		t.Fatal(err)
	}
	unsigned, err := Verify(in)
	if err != nil {
		t.Fatal(err)
	}
	good := Expect{Project: true, Signatory: "Drs. " + signtest.Name + ", M.Si.", ContentHash: hash}
	with := func(f func(*Expect)) Expect { e := good; f(&e); return e }
	for _, c := range []struct {
		name string
		doc  []byte
		rep  *Report
		e    Expect
		ok   bool
		src  SourceState
	}{
		{"good", out, rep, good, true, SourcesMatch},
		{"no project", out, rep, Expect{}, true, SourcesNotCompared},
		{"draft", draft, draftRep, good, false, SourcesMatch},
		{"unsigned", in, unsigned, good, false, SourcesMatch},
		{"other signatory", out, rep, with(func(e *Expect) { e.Signatory = "ANDI BASO" }), false, SourcesMatch},
		{"other sources", out, rep, with(func(e *Expect) { e.ContentHash = "sha256:00" }), false, SourcesDiffer},
		{"not listed", out, rep, with(func(e *Expect) { e.Listed = map[string]bool{} }), false, SourcesMatch},
		{"listed", out, rep, with(func(e *Expect) { e.Listed = map[string]bool{Hex(sha(out)): true} }), true, SourcesMatch},
	} {
		v := Judge(c.doc, c.rep, c.e)
		if v.OK() != c.ok || v.Sources != c.src {
			t.Errorf("%s: OK %v, sources %v; want %v, %v", c.name, v.OK(), v.Sources, c.ok, c.src)
		}
	}
	v := Judge(out, rep, good)
	v.Remote = &RemoteReport{Conclusion: "NO_SIGNATURE"}
	if v.OK() {
		t.Error("BSrE's NO_SIGNATURE passes")
	}
	v.Remote.Conclusion = "VALID"
	if !v.OK() {
		t.Error("BSrE's VALID fails")
	}
}

func sha(b []byte) [32]byte { return sha256.Sum256(b) }
