#!/usr/bin/env bash
# Measures `renja check` as a process on generated projects whose plan is one
# 13-column table (gen.WriteWide) of N sub kegiatan: wall time, peak resident
# set size (GNU time's "Maximum resident set size") and that per row.
#
#   bash bench/checkmem.sh [N ...]        # default 1000 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/renja" ./cmd/renja
printf '%-8s %10s %8s %10s %8s  %s\n' rows csv-bytes seconds rss-KB B/row load
for n in "${@:-1000 10000 100000}"; do
  for m in $n; do
    dir="$tmp/p$m"
    go run ./bench/genproject -wide "$dir" "$m"
    /usr/bin/time -v "$tmp/renja" check "$dir" >"$tmp/out" 2>"$tmp/time" || { cat "$tmp/out" "$tmp/time"; exit 1; }
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time")
    printf '%-8s %10s %8s %10s %8s  %s\n' "$m" "$(stat -c %s "$dir/data/t31.csv")" "$wall" "$rss" "$((rss * 1024 / m))" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
