#!/usr/bin/env bash
# Mutation testing of the packages where a wrong answer is a wrong document
# (docs/mutation.md): go-gremlins/gremlins changes one operator at a time in a
# package (== to !=, < to <=, + to -, …) and runs that package's tests; a
# mutant the tests do not notice "lived". Usage:
#
#   bash bench/mutation.sh [PACKAGE ...]   # default: check model num kode table sign
#
# It is CPU-heavy (one go test per mutant): it runs one package at a time,
# one worker, one CPU per test run. Results: one JSON and one text report per
# package in $OUT (default /tmp/renja-mutation). gremlins maps a mutant to the
# coverage profile by position and leaves the conditions of tagless switches
# and loops unrun (gremlins#298); bench/mutants then runs those mutants too.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/renja-mutation}
mkdir -p "$out"
# gremlins v0.6.0 (go install reports its version as "dev").
gremlins=${GREMLINS:-$(go env GOPATH)/bin/gremlins}
[ -x "$gremlins" ] || go install github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(check model num kode table sign)
for p in "${pkgs[@]}"; do
  echo "== internal/$p"
  exclude=()
  # Of package sign, the parts that judge a signed PDF (verify, verdict,
  # DocMDP, who may sign, the published list); the signing side is left out.
  # (gremlins walks the folders below too: the test helpers signtest and
  # bsretest, blockid and provenance are left out.)
  [ "$p" != sign ] || exclude=(-E '^(signtest|bsretest|blockid|provenance)/|(appearance|imageap|block|bsre|bsrebox|bsreerr|pades|remote|sign|tsa|update|cms)\.go$')
  # --timeout-coefficient: a mutant's test run may take this many times the
  # clean run before it counts as TIMED OUT (a shared machine is slow).
  "$gremlins" unleash --workers 1 --test-cpu 1 --timeout-coefficient 10 "${exclude[@]}" \
    -o "$out/$p.json" "./internal/$p" 2>&1 | tee "$out/$p.txt" | grep -v '^\s*$' | tail -12
  # The mutants gremlins leaves NOT COVERED (gremlins#298), run the same way.
  go run ./bench/mutants -report "$out/$p.json" "./internal/$p" | tee -a "$out/$p.txt" | tail -1
done
