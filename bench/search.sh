#!/usr/bin/env bash
# `search` over 10,000 site sheets, cold (no text index kept) and warm (index kept), side by side
# with an empty JVM and a search of the bundled sheets alone, in the same run (this machine is
# noisy: read the ratios).
#
#   bench/search.sh [ROUNDS]     default 7 rounds; needs java and bash
#
# The 10,000 sheets are copies of tofacitinib's; one of them (drug05000) gains a sentence with a
# word no other sheet has, so the search finds one hit among 10,000 sheets. A common word (one
# every copy has) is timed warm too: then every sheet must be read, whatever the index says.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
work=${BENCH_DIR:-/tmp/medcounsel-bench}
mkdir -p "$work"
bin/medcounsel --version >/dev/null            # builds the jar if needed
bin/medcounsel list >/dev/null; sleep 12        # and lets the class-data archive be made

mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"

site="$work/search10000"
if [ ! -d "$site/drugs" ]; then
  java bench/GenerateFormulary.java "$site" 10000 >/dev/null
  sed -i 's/^summary: /summary: A wombat once ate this sheet. /' "$site/drugs/drug05000.yaml"
fi
cache="$work/search-cache"
rm -rf "$cache"; mkdir -p "$cache"; chmod 700 "$cache"
export XDG_CACHE_HOME="$cache"
hits=$(bin/medcounsel search wombat --data "$site" | wc -l)
common=$(bin/medcounsel search shingles --data "$site" | wc -l)

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cold() { rm -f "$cache"/medcounsel/text-*; ms bin/medcounsel search wombat --data "$site"; }

declare -A t
names=(empty bundled cold warm)
for ((r = 0; r < rounds; r++)); do
  for k in $(printf '%s\n' "${names[@]}" | shuf); do
    case $k in
      empty) t[$k]+="$(ms java -cp "$work/empty" Empty) " ;;
      bundled) t[$k]+="$(ms bin/medcounsel search wombat) " ;;
      cold) t[$k]+="$(cold) " ;;
      warm) bin/medcounsel search wombat --data "$site" >/dev/null 2>&1 || true   # the index is kept
            t[$k]+="$(ms bin/medcounsel search wombat --data "$site") " ;;
    esac
  done
done
declare -A m
for k in "${names[@]}"; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
common_ms=$(ms bin/medcounsel search shingles --data "$site")
index_kb=$(du -sk "$cache/medcounsel" | cut -f1)

cat <<TABLE
Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); $rounds rounds, medians.

| measure | figure |
|---|---|
| empty JVM (\`java -cp . Empty\`) | ${m[empty]} ms |
| \`search wombat\`, bundled sheets only | ${m[bundled]} ms = $(ratio "${m[bundled]}" "${m[empty]}") x empty JVM |
| \`search wombat\` over 10,000 site sheets, cold (no index kept) | ${m[cold]} ms = $(ratio "${m[cold]}" "${m[empty]}") x empty JVM |
| \`search wombat\` over 10,000 site sheets, warm (index kept) | ${m[warm]} ms = $(ratio "${m[warm]}" "${m[empty]}") x empty JVM, $(ratio "${m[cold]}" "${m[warm]}") x faster than cold |
| hits | $hits line(s) |
| \`search shingles\` over 10,000 sheets, warm ($common hit lines: every sheet is read) | ${common_ms} ms |
| text index kept for 10,000 sheets | ${index_kb} KiB |
TABLE
