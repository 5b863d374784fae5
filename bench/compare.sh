#!/usr/bin/env bash
# Start-up before and after a change, side by side in one run (this machine is noisy: read the
# ratios). Builds REV (default: the first commit before today's session) in a worktree, then
# runs `bin/medcounsel info baricitinib` from both trees and an empty JVM, in a new random order
# each round.
#
#   bench/compare.sh [REV] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD~1}
rounds=${2:-21}
work=${BENCH_DIR:-/tmp/medcounsel-bench}
before="$work/before"
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"

rm -rf "$before"; git worktree prune
git worktree add -q --detach "$before" "$rev"
trap 'git worktree remove --force "$before" >/dev/null 2>&1 || true' EXIT
(cd "$before" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true package >/dev/null)
mvn -B -q -o -DskipTests -Dspotless.check.skip=true package >/dev/null
# Let each tree's launcher make its class-data archive.
"$before/bin/medcounsel" list >/dev/null; bin/medcounsel list >/dev/null; sleep 15

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A t
for ((r = 0; r < rounds; r++)); do
  for k in $(printf '%s\n' empty before after | shuf); do
    case $k in
      empty) t[$k]+="$(ms java -cp "$work/empty" Empty) " ;;
      before) t[$k]+="$(ms "$before/bin/medcounsel" info baricitinib) " ;;
      after) t[$k]+="$(ms bin/medcounsel info baricitinib) " ;;
    esac
  done
done
declare -A m
for k in empty before after; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); $rounds rounds, medians."
echo "| run | median | x empty JVM |"
echo "|---|---|---|"
echo "| empty JVM | ${m[empty]} ms | 1.00 |"
echo "| info baricitinib at $(git rev-parse --short "$rev") (before) | ${m[before]} ms | $(ratio "${m[before]}" "${m[empty]}") |"
echo "| info baricitinib at $(git rev-parse --short HEAD) (after) | ${m[after]} ms | $(ratio "${m[after]}" "${m[empty]}") |"
echo "after / before: $(ratio "${m[after]}" "${m[before]}")"
