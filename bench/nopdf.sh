#!/usr/bin/env bash
# Times `renja build --no-pdf -q` of a copy of the bundled Renja as a process
# (wall time, and CPU time, which load from other work disturbs less):
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
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/new" ./cmd/renja
bins=(new)
if [ -n "${BASE:-}" ]; then
  mkdir "$tmp/base-src"
  git archive "$BASE" | tar -x -C "$tmp/base-src"
  (cd "$tmp/base-src" && go build -o "$tmp/base" ./cmd/renja)
  bins=(base new)
fi

for b in "${bins[@]}"; do
  mkdir -p "$tmp/proj-$b"
  cp -r renja.toml content data templates "$tmp/proj-$b/"
  "$tmp/$b" build --no-pdf -q "$tmp/proj-$b" >/dev/null 2>&1 || true # the last build
done

ms() { # wall and CPU (user + system) time of a command in ms: "WALL CPU"
  local TIMEFORMAT='%3R %3U %3S' t
  t=$({ time "$@" >/dev/null 2>&1 || true; } 2>&1)
  awk '{printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$t"
}
median() { # of column $1
  awk -v c="$1" '{print $c}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'
}
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
echo "renja build --no-pdf -q, median of $runs runs, ms of wall time (of CPU time, user + system):"
for b in "${bins[@]}"; do
  name=$b
  [ "$b" = new ] && name="this tree"
  [ "$b" = base ] && name="$BASE"
  printf '  %-12s nothing changed %7s (%6s)   one table changed %7s (%6s)\n' "$name" \
    "$(median 1 <"$tmp/$b.same")" "$(median 2 <"$tmp/$b.same")" "$(median 1 <"$tmp/$b.table")" "$(median 2 <"$tmp/$b.table")"
done
