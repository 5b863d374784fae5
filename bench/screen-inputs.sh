#!/usr/bin/env bash
# Hostile screening inputs cost what a plain screening costs (issue 26, "bounded work"): a
# 50,000-letter unknown medicine, 200 unknown names, a 900 KB FHIR valueString and a 1 MiB YAML
# patient file holding one name, each timed against `screen selumetinib -f medicines=paracetamol`
# and an empty JVM in the same run, in a new random order each round (read the ratios: this
# machine is noisy).
#
#   bench/screen-inputs.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
work=${BENCH_DIR:-/tmp/medcounsel-bench-inputs}
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
[ -f target/medcounsel.jar ] || mvn -B -q -DskipTests -Dspotless.check.skip=true package >/dev/null
export MEDCOUNSEL_CDS=off HOME="$work/home" XDG_CACHE_HOME="$work/home/cache" XDG_CONFIG_HOME="$work/home/cfg"

long=$(head -c 50000 /dev/zero | tr '\0' a)
many=$(for i in $(seq 1 199); do printf 'zq%05dxq, ' "$i"; done; printf 'zqlastxq')
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
open(w + "/one-name.yaml", "w").write("medicines: [\"" + "b" * (1024 * 1024 - 40) + "\"]\n")
PY
# A FHIR response with one 900 KB valueString, to the questionnaire this build exports.
java -jar target/medcounsel.jar screen selumetinib -f age=25 --format fhir > "$work/bundle.json" || true
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
r = json.load(open(w + "/bundle.json"))["entry"][1]["resource"]
r["item"] = [{"linkId": "medicines", "answer": [{"valueString": ", ".join(["zq%dxq" % i for i in range(150)]) + " " + "c" * 900000}]}]
json.dump(r, open(w + "/big.json", "w"))
PY

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mc=(java -jar target/medcounsel.jar screen selumetinib --format json)
declare -A t
cases=(empty plain long many fhir yaml)
for ((r = 0; r < rounds; r++)); do
  for k in $(printf '%s\n' "${cases[@]}" | shuf); do
    case $k in
      empty) t[$k]+="$(ms java -cp "$work/empty" Empty) " ;;
      plain) t[$k]+="$(ms "${mc[@]}" -f medicines=paracetamol) " ;;
      long) t[$k]+="$(ms "${mc[@]}" -f "medicines=$long") " ;;
      many) t[$k]+="$(ms "${mc[@]}" -f "medicines=$many") " ;;
      fhir) t[$k]+="$(ms "${mc[@]}" --patient "$work/big.json") " ;;
      yaml) t[$k]+="$(ms "${mc[@]}" --patient "$work/one-name.yaml") " ;;
    esac
  done
done
declare -A m
for k in "${cases[@]}"; do m[$k]=$(tr ' ' '\n' <<<"${t[$k]}" | grep . | median); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '%-40s %8s %10s %10s\n' case "ms" "x plain" "x empty"
for k in "${cases[@]}"; do
  printf '%-40s %8s %10s %10s\n' "$k" "${m[$k]}" "$(ratio "${m[$k]}" "${m[plain]}")" "$(ratio "${m[$k]}" "${m[empty]}")"
done
