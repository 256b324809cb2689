#!/usr/bin/env bash
# Makes the page images of docs/panduan.md from the bundled Renja: builds
# it (a draft, with its findings), then the PDF's cover, a table page and
# the Daftar Temuan (pdftoppm) and the website's first screen on a phone,
# 360 px wide (headless Chromium), as small PNGs in docs/images/.
#
#   bash docs/images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/renja" ./cmd/renja
mkdir "$tmp/p"
cp -r renja.toml content data templates "$tmp/p/"
"$tmp/renja" build -q --date 2023-05-01 "$tmp/p" >/dev/null 2>&1 || true # a draft: the findings are the point
pdf=$(ls "$tmp"/p/output/*.pdf | head -1)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

# page WORDS: the first page after the table of contents whose text has WORDS
page() {
  for ((i = 8; i <= pages; i++)); do
    if pdftotext -f "$i" -l "$i" -layout "$pdf" - | grep -q "$1"; then
      echo "$i"
      return
    fi
  done
  echo 1
}

shot() { # NAME PAGE
  pdftoppm -r 40 -f "$2" -l "$2" -singlefile -png "$pdf" "$out/$1"
}
mkdir -p "$out"
shot sampul 1
shot tabel "$(page 'Tabel 2.2')"
shot daftar-temuan "$(page 'DAFTAR TEMUAN')"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=360,720 \
  --screenshot="$out/situs-360.png" "file://$tmp/p/output/index.html" >/dev/null 2>&1
ls -l "$out"/*.png
