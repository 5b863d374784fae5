#!/usr/bin/env bash
# PDF leaflets: the batch rate over 200 site sheets (plus the 9 bundled), whole process, beside
# the same batch as HTML and an empty JVM in the same run (this machine is noisy: read the
# ratios); then the page count of every bundled drug's leaflet as a PDF on A4 and on letter, and
# as the HTML leaflet printed by headless Chromium on letter.
#
#   bench/leaflet-pdf.sh [ROUNDS]     default 3 rounds; needs java, bash, pdfinfo (poppler-utils),
#                                     and chromium for the last column
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
work=${BENCH_DIR:-/tmp/medcounsel-bench}
mkdir -p "$work/empty"
bin/medcounsel --version >/dev/null            # builds the jar if needed
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
site="$work/pdf200"
[ -d "$site/drugs" ] || java bench/GenerateFormulary.java "$site" 200 >/dev/null

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
batch() { rm -rf "$work/pdfout"; ms bin/medcounsel leaflet --all --data "$site" --format "$1" --out "$work/pdfout" -q; }

declare -A t
for ((r = 0; r < rounds; r++)); do
  t[empty]+="$(ms java -cp "$work/empty" Empty) "
  t[pdf]+="$(batch pdf) "
  t[html]+="$(batch html) "
done
declare -A m
for k in empty pdf html; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
batch pdf >/dev/null
n=$(ls "$work/pdfout"/*.pdf | wc -l)
rate() { awk -v n="$n" -v t="$1" 'BEGIN {printf "%.1f", n * 1000 / t}'; }

cat <<TABLE
Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); $rounds rounds, medians.

| batch of $n leaflets (whole process) | ms | leaflets/s |
|---|---|---|
| \`leaflet --all --format pdf\` | ${m[pdf]} | $(rate "${m[pdf]}") |
| \`leaflet --all --format html\` | ${m[html]} | $(rate "${m[html]}") |
| empty JVM, for scale | ${m[empty]} | - |

| drug | PDF, A4 | PDF, letter | HTML printed by Chromium, letter |
|---|---|---|---|
TABLE
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
rm -rf "$work/a4" "$work/letter" "$work/html"
bin/medcounsel leaflet --all --format pdf --out "$work/a4" -q
bin/medcounsel leaflet --all --format pdf --paper letter --out "$work/letter" -q
bin/medcounsel leaflet --all --paper letter --out "$work/html" -q
for f in "$work"/a4/*.pdf; do
  id=$(basename "$f" .pdf)
  printed=-
  if command -v chromium >/dev/null 2>&1; then
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
      --disable-sync --no-first-run --user-data-dir="$work/chromium" --no-pdf-header-footer \
      --print-to-pdf="$work/html/$id.pdf" "file://$work/html/$id.html" >/dev/null 2>&1 || true
    printed=$(pages "$work/html/$id.pdf")
  fi
  echo "| $id | $(pages "$f") | $(pages "$work/letter/$id.pdf") | $printed |"
done
