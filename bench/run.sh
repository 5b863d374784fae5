#!/usr/bin/env bash
# Whole-process benchmarks for medcounsel, measured side by side with an empty JVM in the same
# run (this machine is noisy: compare ratios, not milliseconds).
#
#   bench/run.sh [ROUNDS]        default 15 rounds; needs java, bash and GNU time (/usr/bin/time)
#
# Prints a Markdown table: medians, ratios to the empty JVM, peak resident memory, leaflet
# throughput over 2,000 sheets, leaflet memory over 2,000 and 10,000 sheets, and check time over
# 2,500 / 5,000 / 10,000 sheets.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
work=${BENCH_DIR:-/tmp/medcounsel-bench}
mkdir -p "$work"

bin/medcounsel --version >/dev/null            # builds the jar if needed
bin/medcounsel list >/dev/null; sleep 12        # and lets the class-data archive be made

# An empty main, started the plain way.
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"

for n in 2000 2500 5000 10000; do
  [ -d "$work/f$n/drugs" ] || java bench/GenerateFormulary.java "$work/f$n" "$n" >/dev/null
done
# For the lookup rows, 10,000 copies of the sheet the bundled row shows, so only the lookup differs.
[ -d "$work/bari10000/drugs" ] || java bench/GenerateFormulary.java "$work/bari10000" 10000 data/drugs/baricitinib.yaml >/dev/null

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A t
names=(empty same-way info-id info-brand big-id big-brand)
export EMPTY_CP="$work/empty"
JAVA="$PWD/bench/empty-java" bin/medcounsel >/dev/null 2>&1 || true; sleep 3   # its own archive
run_one() {
  case $1 in
    empty) ms java -cp "$work/empty" Empty ;;
    same-way) JAVA="$PWD/bench/empty-java" ms bin/medcounsel info baricitinib ;;
    info-id) ms bin/medcounsel info baricitinib ;;
    info-brand) ms bin/medcounsel info olumiant ;;
    big-id) ms bin/medcounsel info drug05000 --data "$work/bari10000" ;;
    big-brand) ms bin/medcounsel info brand05000 --data "$work/bari10000" ;;
  esac
}
# Each round runs the commands in a new random order, so none always follows the same neighbour.
for ((r = 0; r < rounds; r++)); do
  for k in $(printf '%s\n' "${names[@]}" | shuf); do
    t[$k]+="$(run_one "$k") "
  done
done
declare -A m
for k in "${names[@]}"; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

rss=$(/usr/bin/time -f %M bin/medcounsel info baricitinib 2>&1 >/dev/null | tail -1)

rm -rf "$work/out"
leaflet_ms=$(ms bin/medcounsel leaflet --all --data "$work/f2000" --out "$work/out" -q)
leaflets=$(ls "$work/out" | grep -vc '^index' || true)
leaflet_rss=$( { rm -rf "$work/out2"; /usr/bin/time -f %M bin/medcounsel leaflet --all --data "$work/f2000" --out "$work/out2" -q; } 2>&1 | tail -1)
# The same batch five times larger: memory must not grow with the number of sheets.
rm -rf "$work/out3"
big_leaflet=$( { /usr/bin/time -f '%e %M' bin/medcounsel leaflet --all --data "$work/f10000" --out "$work/out3" -q; } 2>&1 | tail -1)
big_leaflets=$(ls "$work/out3" | grep -vc '^index' || true)
rm -rf "$work/out" "$work/out2" "$work/out3"

check() { ms bin/medcounsel check --data "$work/f$1"; }
c2500=$(check 2500); c5000=$(check 5000); c10000=$(check 10000)

cat <<TABLE
Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); $rounds rounds, medians.

| measure | figure | target |
|---|---|---|
| empty JVM (\`java -cp . Empty\`) | ${m[empty]} ms | |
| empty main started the same way (bin/medcounsel's script and JVM options) | ${m[same-way]} ms | |
| \`bin/medcounsel info baricitinib\` | ${m[info-id]} ms = $(ratio "${m[info-id]}" "${m[empty]}") x empty JVM, $(ratio "${m[info-id]}" "${m[same-way]}") x empty started the same way | <= 3.0 x |
| \`bin/medcounsel info olumiant\` (brand) | ${m[info-brand]} ms = $(ratio "${m[info-brand]}" "${m[empty]}") x empty | |
| peak resident memory of \`info baricitinib\` | $((rss / 1024)) MiB | <= 80 MiB |
| \`info drug05000\` with 10,000 sheets in --data (copies of baricitinib's) | ${m[big-id]} ms = $(ratio "${m[big-id]}" "${m[info-id]}") x bundled only | <= 1.25 x |
| \`info brand05000\` with 10,000 sheets (cached name index) | ${m[big-brand]} ms = $(ratio "${m[big-brand]}" "${m[info-brand]}") x bundled brand | <= 1.25 x |
| \`leaflet --all\` over $leaflets sheets (HTML), whole process | ${leaflet_ms} ms = $(awk -v n="$leaflets" -v t="$leaflet_ms" 'BEGIN {printf "%.0f", n * 1000 / t}') leaflets/s, peak $((leaflet_rss / 1024)) MiB | >= 1,000/s |
| \`leaflet --all\` over $big_leaflets sheets, whole process | $(awk -v n="$big_leaflets" -v t="${big_leaflet% *}" 'BEGIN {printf "%.0f", n / t}') leaflets/s, peak $((${big_leaflet#* } / 1024)) MiB | memory flat |
| \`check\` over 2,500 / 5,000 / 10,000 sheets | ${c2500} / ${c5000} / ${c10000} ms = $(awk -v a="$c2500" 'BEGIN {printf "%.2f", a / 2500}') / $(awk -v a="$c5000" 'BEGIN {printf "%.2f", a / 5000}') / $(awk -v a="$c10000" 'BEGIN {printf "%.2f", a / 10000}') ms per sheet | linear |
TABLE
