#!/usr/bin/env bash
# Times one `renja build p1 … pN` of N copies of the bundled Renja (a
# district's offices, default 20) in one run on this machine: the first build
# (Chrome started, no page numbers known: two prints each), a rebuild after an
# edit of BAB V in every copy (one print each), and a build with nothing
# changed (the print cache: no print). With ENDPOINTS="ws://… ws://…" the
# same batch also runs on those running browsers (RENJA_CHROME_URL), for
# example two Chromium started with --remote-debugging-port.
#
#   bash bench/batch.sh            # N=20
#   N=5 bash bench/batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/renja" ./cmd/renja

ms() { # run a command, print its wall time in ms and its peak RSS in MB (of the largest process: renja or a browser's)
  local s e
  s=$(date +%s%N)
  /usr/bin/time -f %M -o "$tmp/rss" "$@" >"$tmp/log" 2>&1 || { echo "FAILED:"; cat "$tmp/log"; exit 1; }
  e=$(date +%s%N)
  echo "$(((e - s) / 1000000)) ms, $(($(tail -1 "$tmp/rss") / 1024)) MB"
}

run() { # label, then the environment for renja
  local label=$1 projects=()
  shift
  rm -rf "$tmp/p"
  for i in $(seq "$n"); do
    mkdir -p "$tmp/p/$i"
    cp -r renja.toml content data templates "$tmp/p/$i/"
    projects+=("$tmp/p/$i")
  done
  echo "$label, $n projects:"
  echo "  first build:                $(ms env "$@" "$tmp/renja" build -q --date 2023-05-01 "${projects[@]}")"
  for p in "${projects[@]}"; do printf '\nKalimat suntingan untuk tolok ukur.\n' >>"$p/content/50-bab-5.md"; done
  echo "  after an edit of BAB V:     $(ms env "$@" "$tmp/renja" build -q --date 2023-05-01 "${projects[@]}")"
  echo "  nothing changed:            $(ms env "$@" "$tmp/renja" build -q --date 2023-05-01 "${projects[@]}")"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run "own browser (${RENJA_CHROME:-the first that pdf.FindChrome finds})" RENJA_CHROME_URL=
if [ -n "${ENDPOINTS:-}" ]; then
  run "browsers at $ENDPOINTS" RENJA_CHROME_URL="${ENDPOINTS// /,}"
fi
