#!/usr/bin/env bash
# What a Tab press on a drug name costs in bash, with the completion table warm (read with bash
# builtins and one grep, no JVM) and cold (the table missing: `medcounsel __complete table`, a
# JVM, answers and keeps it), over the bundled sheets and over 10,000 site sheets, beside an
# empty JVM in the same run (this machine is noisy: read the ratios).
#
#   bench/complete.sh [ROUNDS]     default 15 rounds; needs java, bash and grep
#
# A Tab press is timed as the completion function's own run inside one interactive-like bash
# (COMP_WORDS, COMP_LINE and COMP_POINT set as readline sets them), so bash's start-up is not
# counted: that is what the person at the keyboard waits for.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-15}
work=${BENCH_DIR:-/tmp/medcounsel-bench}
mkdir -p "$work/empty" "$work/bin"
bin/medcounsel --version >/dev/null            # builds the jar if needed
ln -sfn "$root/bin/medcounsel" "$work/bin/medcounsel"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
site="$work/search10000"
[ -d "$site/drugs" ] || java bench/GenerateFormulary.java "$site" 10000 >/dev/null
cache="$work/complete-cache"
rm -rf "$cache"; mkdir -p "$cache"; chmod 700 "$cache"
export XDG_CACHE_HOME="$cache" PATH="$work/bin:$PATH"

# One bash that times each Tab press with $EPOCHREALTIME and prints milliseconds.
timer() {
  bash --norc --noprofile -s -- "$@" <<'BASH'
source completions/medcounsel.bash
compopt() { :; }                                  # only valid inside a real completion
what=$1 line=$2 table=$3
read -ra COMP_WORDS <<<"$line"
COMP_LINE=$line; COMP_POINT=${#line}; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
cur=${COMP_WORDS[COMP_CWORD]}
[[ $what == cold ]] && rm -f "$XDG_CACHE_HOME"/medcounsel/$table
s=$EPOCHREALTIME
_medcounsel medcounsel "$cur" "${COMP_WORDS[COMP_CWORD-1]}"
e=$EPOCHREALTIME
awk -v s="$s" -v e="$e" -v n="${#COMPREPLY[@]}" 'BEGIN {printf "%.1f %d\n", (e - s) * 1000, n}'
BASH
}
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); awk -v d=$((e - s)) 'BEGIN {printf "%.1f\n", d / 1e6}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A lines=(
  [bundled]="medcounsel info Olu"
  [site]="medcounsel info --data $site Brand0500"
  [site-all]="medcounsel info --data $site Bra"
)
declare -A tables=([bundled]="complete-.tsv" [site]="complete-_*.tsv")
declare -A t n
names=(empty warm-bundled warm-site warm-site-all cold-bundled cold-site)
timer warm "${lines[bundled]}" >/dev/null; timer warm "${lines[site]}" >/dev/null   # tables made
for ((r = 0; r < rounds; r++)); do
  for k in $(printf '%s\n' "${names[@]}" | shuf); do
    case $k in
      empty) t[$k]+="$(ms java -Xshare:auto -cp "$work/empty" Empty) " ;;
      warm-*|cold-*)
        read -r v c < <(timer "${k%%-*}" "${lines[${k#*-}]}" "${tables[${k#*-}]-}")
        t[$k]+="$v "; n[$k]=$c
        [[ $k == cold-* ]] && timer warm "${lines[${k#*-}]}" >/dev/null   # the table back
        ;;
    esac
  done
done
declare -A m
for k in "${names[@]}"; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
table_kb=$(du -k "$cache"/medcounsel/complete-*"${site//[^A-Za-z0-9]/_}"*.tsv 2>/dev/null | cut -f1 | head -1)

cat <<TABLE
Machine: $(nproc) cores, $(java -version 2>&1 | head -1), bash ${BASH_VERSION}, $(date -u +%Y-%m-%d); $rounds rounds, medians.

| Tab press | offered | ms | x empty JVM |
|---|---|---|---|
| empty JVM (java Empty), for scale | - | ${m[empty]} | 1.00 |
| warm, bundled sheets: \`info Olu\` | ${n[warm-bundled]} | ${m[warm-bundled]} | $(ratio "${m[warm-bundled]}" "${m[empty]}") |
| warm, 10,000 site sheets: \`info --data SITE Brand0500\` | ${n[warm-site]} | ${m[warm-site]} | $(ratio "${m[warm-site]}" "${m[empty]}") |
| warm, 10,000 site sheets, every brand: \`... Bra\` | ${n[warm-site-all]} | ${m[warm-site-all]} | $(ratio "${m[warm-site-all]}" "${m[empty]}") |
| cold (no table: the JVM), bundled sheets | ${n[cold-bundled]} | ${m[cold-bundled]} | $(ratio "${m[cold-bundled]}" "${m[empty]}") |
| cold (no table: the JVM), 10,000 site sheets | ${n[cold-site]} | ${m[cold-site]} | $(ratio "${m[cold-site]}" "${m[empty]}") |

The table for 10,000 site sheets takes ${table_kb:-?} KiB.
TABLE
