#!/usr/bin/env bash
# Times `renja build --no-pdf -q` of a copy of the bundled Renja as a process:
# the median of RUNS runs (default 11) when nothing changed since the last
# build, and when one cell of one table (data/t24.csv, a different note each
# run) changed. With BASE=REV (a git revision, e.g. BASE=main), renja built
# from that revision is timed too, its runs alternating with this tree's, so
# that both see the same load; the load average is printed before and after.
#
#   bash bench/nopdf.sh
#   BASE=main RUNS=21 bash bench/nopdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ -z "${wt:-}" ] || git worktree remove --force "$wt" >/dev/null 2>&1 || true' EXIT
go build -o "$tmp/new" ./cmd/renja
bins=(new)
if [ -n "${BASE:-}" ]; then
  wt="$tmp/base-src"
  git worktree add --detach "$wt" "$BASE" >/dev/null 2>&1
  (cd "$wt" && go build -o "$tmp/base" ./cmd/renja)
  bins=(base new)
fi

for b in "${bins[@]}"; do
  mkdir -p "$tmp/proj-$b"
  cp -r renja.toml content data templates "$tmp/proj-$b/"
  "$tmp/$b" build --no-pdf -q "$tmp/proj-$b" >/dev/null 2>&1 || true # the last build
done

ms() { # wall time of a command in tenths of ms
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(((e - s) / 100000))
}
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/10}'; }
# edit sets the note (the last column) of data/t24.csv's second row.
edit() { awk -F';' -v OFS=';' -v n="$2" 'NR == 2 { $NF = "catatan " n } { print }' "$1/data/t24.csv" >"$1/t24.tmp" && mv "$1/t24.tmp" "$1/data/t24.csv"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for b in "${bins[@]}"; do : >"$tmp/$b.same" && : >"$tmp/$b.table"; done
for i in $(seq "$runs"); do
  for b in "${bins[@]}"; do
    ms "$tmp/$b" build --no-pdf -q "$tmp/proj-$b" >>"$tmp/$b.same"
    edit "$tmp/proj-$b" "$i"
    ms "$tmp/$b" build --no-pdf -q "$tmp/proj-$b" >>"$tmp/$b.table"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "renja build --no-pdf -q, median of $runs runs, ms:"
for b in "${bins[@]}"; do
  name=$b
  [ "$b" = new ] && name="this tree"
  [ "$b" = base ] && name="$BASE"
  printf '  %-12s nothing changed %7s   one table changed %7s\n' "$name" "$(median <"$tmp/$b.same")" "$(median <"$tmp/$b.table")"
done
