#!/usr/bin/env bash
# Measures `renja build --no-pdf --timeout 15s` as a process on the inputs of
# issue 28 that used to take gigabytes or minutes: wall time, peak resident
# set size (GNU time's "Maximum resident set size"), exit status and the
# first line of the message. Each case is a generated project (gen.Write, 5
# sub kegiatan) with one thing changed:
#
#   doubling  a part doubles a 1 MB string ten times (print $a $a)
#   table50   data/t31.csv padded to 50 MB
#   four50    four tables padded to 50 MB each
#   cols8000  data/t31.toml declares 8,000 columns
#   brackets  a part of 900,000 brackets ([ ×450,000 then ] ×450,000)
#   runaway   a part loops without end and writes nothing
#   cap       the widest plan table under the size limit (gen.WriteWide,
#             240,000 rows, 31 MB): what an accepted table costs (slow)
#
#   bash bench/bounds.sh [CASE ...]     # default: all but cap
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/renja" ./cmd/renja
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(doubling table50 four50 cols8000 brackets runaway)

pad() { # pad FILE BYTES: repeat its last line until it is BYTES long
  local last; last=$(tail -n 1 "$1")
  yes "$last" | head -c $(($2 - $(stat -c %s "$1"))) >>"$1" || true
}

printf '%-9s %8s %10s %4s  %s\n' case seconds rss-KB exit message
for c in "${cases[@]}"; do
  dir="$tmp/$c"
  go run ./bench/genproject "$dir" 5
  bab1="$dir/content/10-bab-1.md"
  case $c in
  doubling) { echo; printf '{{ $a := printf "%%01000000d" 0 }}'; for _ in $(seq 10); do printf '{{ $a = print $a $a }}'; done; echo '{{ len $a }}'; } >>"$bab1" ;;
  table50) pad "$dir/data/t31.csv" 52428800 ;;
  four50) for t in $(cd "$dir/data" && ls *.csv | head -4); do pad "$dir/data/$t" 52428800; done ;;
  cols8000) for i in $(seq 8000); do printf '[[columns]]\nname = "c%d"\ntype = "text"\n' "$i"; done >>"$dir/data/t31.toml" ;;
  brackets) { echo; head -c 450000 /dev/zero | tr '\0' '['; head -c 450000 /dev/zero | tr '\0' ']'; echo; } >>"$bab1" ;;
  runaway) { echo; echo '{{ $n := len (printf "%0100000d" 0) }}{{ range $n }}{{ range $n }}{{ end }}{{ end }}'; } >>"$bab1" ;;
  cap) rm -rf "$dir"; go run ./bench/genproject -wide "$dir" 240000 ;;
  *) echo "unknown case $c" >&2; exit 2 ;;
  esac
  set +e
  /usr/bin/time -v "$tmp/renja" build --no-pdf -q --timeout 15s "$dir" >"$tmp/out" 2>"$tmp/err"
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/err")
  code=$(awk -F': ' '/Exit status/ {print $2}' "$tmp/err")
  first=$(grep -v '^\s*[A-Z][a-zA-Z ()/]*: \|^\s*Command being timed\|^$' "$tmp/err" | head -1 | cut -c1-110)
  printf '%-9s %8s %10s %4s  %s\n' "$c" "$wall" "$rss" "$code" "$first"
done
