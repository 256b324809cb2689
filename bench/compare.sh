#!/usr/bin/env bash
# Times, in one run on this machine, `renja build` of the bundled Renja against
# the tools an officer would otherwise use on the same content: pandoc +
# WeasyPrint, and pandoc + Chromium's own --print-to-pdf. Prints medians of
# RUNS runs (default 3) and the ratios. Installs pandoc, weasyprint and
# chromium from Debian when missing (root).
#
#   bash bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v weasyprint >/dev/null || need+=(weasyprint)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
chrome=/usr/lib/chromium/chromium
[ -x "$chrome" ] || chrome=$(command -v chromium)
# renja prints with the headless shell when it is installed (pdf.FindChrome);
# the peer is then timed with it too, so that the browser is not the difference.
shell=/usr/lib/chromium/chromium-headless-shell
[ -x "$shell" ] || shell=

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/renja" ./cmd/renja

# The same content for every tool: the text and tables of the bundled Renja,
# as renja's website edition holds them.
"$tmp/renja" build --no-pdf -q -o "$tmp/site" .
cp "$tmp/site/index.html" "$tmp/content.html"

ms() { # run a command, print its wall time in ms
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# renja builds a copy of the project, so that the rebuild can edit BAB V's
# text (a new sentence each time: the paged HTML changes and must be printed).
proj="$tmp/proj"
mkdir -p "$proj"
cp -r renja.toml content data templates "$proj/"
edits=0
renja_cold() { rm -rf "$tmp/out"; "$tmp/renja" build -q --date 2023-05-01 -o "$tmp/out" "$proj"; }
renja_rebuild() {
  edits=$((edits + 1))
  printf '\nKalimat suntingan ke-%d untuk tolok ukur.\n' "$edits" >>"$proj/content/50-bab-5.md"
  "$tmp/renja" build -q --date 2023-05-01 -o "$tmp/out" "$proj"
}
renja_unchanged() { "$tmp/renja" build -q --date 2023-05-01 -o "$tmp/out" "$proj"; }
pandoc_weasy() { pandoc "$tmp/content.html" -s -o "$tmp/weasy.pdf" --pdf-engine=weasyprint --metadata title=Renja; }
pandoc_chrome() { pandoc_print "$chrome"; }
pandoc_shell() { pandoc_print "$shell"; }
pandoc_print() {
  pandoc "$tmp/content.html" -s -o "$tmp/page.html" --metadata title=Renja
  "$1" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
    --no-pdf-header-footer --print-to-pdf="$tmp/chrome.pdf" "file://$tmp/page.html"
}

declare -A t
names=(renja_cold renja_rebuild renja_unchanged pandoc_weasy pandoc_chrome)
if [ -n "$shell" ]; then names+=(pandoc_shell); fi
for name in "${names[@]}"; do
  [ "$name" = renja_rebuild ] && renja_cold >/dev/null 2>&1   # a previous build's page numbers
  [ "$name" = renja_unchanged ] && renja_unchanged >/dev/null 2>&1   # printed once: the print cache holds it
  t[$name]=$(for _ in $(seq "$runs"); do
    [ "$name" = renja_cold ] || true
    ms "$name"
  done | median)
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "median of $runs runs, ms:"
printf '  %-38s %6d\n' "renja build, cold (starts Chrome)" "${t[renja_cold]}" \
  "renja build, rebuild after an edit" "${t[renja_rebuild]}" \
  "renja build, nothing changed" "${t[renja_unchanged]}" \
  "pandoc + WeasyPrint" "${t[pandoc_weasy]}" \
  "pandoc + Chromium --print-to-pdf" "${t[pandoc_chrome]}"
if [ -n "$shell" ]; then printf '  %-38s %6d\n' "pandoc + headless shell --print-to-pdf" "${t[pandoc_shell]}"; fi
echo "renja printed with ${RENJA_CHROME:-${shell:-$chrome}}"
awk -v c="${t[renja_cold]}" -v r="${t[renja_rebuild]}" -v w="${t[pandoc_weasy]}" -v p="${t[pandoc_chrome]}" 'BEGIN {
  printf "ratios: cold / WeasyPrint %.2f, rebuild / WeasyPrint %.2f, cold / Chromium %.2f, rebuild / Chromium %.2f\n", c/w, r/w, c/p, r/p }'
if [ -n "$shell" ]; then
  awk -v c="${t[renja_cold]}" -v r="${t[renja_rebuild]}" -v s="${t[pandoc_shell]}" 'BEGIN {
  printf "ratios: cold / headless shell %.2f, rebuild / headless shell %.2f\n", c/s, r/s }'
fi
