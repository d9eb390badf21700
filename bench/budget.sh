#!/usr/bin/env bash
# `andel budget` end to end (reading the file included) on every real instance in
# ../shared/data/pabulib: MES with cost utility (goal ≤ 0.25 s per file) and with the add1+greedy
# completion (goal ≤ 3 s per file). Wall-clock seconds: best of 3 runs for MES, one run with the
# completion (on some files it takes minutes). The reference is the
# figure the funds issue gives for pabutools 1.2.3 on Poland_Lodz_2022.pb on this kind of
# machine (26 s for MES, 8 s with identical ballots grouped); pabutools is not installed here.
#   bench/budget.sh PATH/TO/andel
set -Eeuo pipefail
shopt -s inherit_errexit
# Fail loudly: a command that fails ends the run, named (a crash once showed up as a fast run).
trap 'echo "bench/budget.sh: \"$BASH_COMMAND\" failed (exit $?, line $LINENO)" >&2' ERR
andel=$1
data=$(cd "$(dirname "$0")/../../shared/data/pabulib" && pwd)

best_of() {
  local runs=$1 best=999
  shift
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    if ! "$andel" budget "$@" >/dev/null; then
      echo "bench/budget.sh: andel budget $* failed" >&2
      exit 1  # ends the command substitution with an error, and so the script
    fi
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v s="$start" -v e="$end" 'BEGIN { t = e - s; print (t < a ? t : a) }')
  done
  printf "%.3f" "$best"
}

echo
echo "| file | voters | mes, cost (s) | add1+greedy (s) |"
echo "|---|---:|---:|---:|"
worst_mes=0
worst_add1=0
for file in "$data"/*.pb; do
  utility=cost
  mes=$(best_of 3 --rule mes --utility "$utility" "$file")
  add1=$(best_of 1 --rule mes --utility "$utility" --completion add1+greedy "$file")
  voters=$(grep -m1 '^num_votes;' "$file" | cut -d';' -f2 | tr -d '\r')
  echo "| $(basename "$file" .pb) | $voters | $mes | $add1 |"
  worst_mes=$(awk -v a="$worst_mes" -v b="$mes" 'BEGIN { print (b > a ? b : a) }')
  worst_add1=$(awk -v a="$worst_add1" -v b="$add1" 'BEGIN { print (b > a ? b : a) }')
  if [[ $(basename "$file") == Poland_Lodz_2022.pb ]]; then lodz=$mes; fi
done
echo
echo "Slowest file: mes ${worst_mes} s (goal 0.25), add1+greedy ${worst_add1} s (goal 3)."
awk -v t="$lodz" 'BEGIN { printf "Poland_Lodz_2022, mes with cost utility: %.3f s = 1/%.0f of pabutools (26 s), 1/%.0f of pabutools with grouped ballots (8 s).\n", t, 26 / t, 8 / t }'
