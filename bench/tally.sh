#!/usr/bin/env bash
# `andel tally` end to end (reading the file included) on the real elections the decisions
# issue names: IRV on Meath 2002 (64,081 ballots, 14 candidates; goal ≤ 0.1 s) and Schulze on
# Minneapolis 2013 (477 candidates; goal ≤ 0.5 s). Best of 5 runs, wall-clock seconds.
#   bench/tally.sh PATH/TO/andel
set -Eeuo pipefail
shopt -s inherit_errexit
# Fail loudly: a command that fails ends the run, named (a crash once showed up as a fast run).
trap 'echo "bench/tally.sh: \"$BASH_COMMAND\" failed (exit $?, line $LINENO)" >&2' ERR
andel=$1
data=$(cd "$(dirname "$0")/../../shared/data/preflib" && pwd)

best_of_5() {
  local best=999
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    if ! "$andel" tally "$@" >/dev/null; then
      echo "bench/tally.sh: andel tally $* failed" >&2
      exit 1  # ends the command substitution with an error, and so the script
    fi
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v b="$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" \
      'BEGIN { print (b < a ? b : a) }')
  done
  printf "%.3f" "$best"
}

# Measured into variables first: a failure inside $(…) within an echo would not stop the script.
irv=$(best_of_5 --method irv "$data/00001-00000003.soi")
schulze=$(best_of_5 --method schulze "$data/00018-00000003.soi")
stv=$(best_of_5 --method stv --seats 5 "$data/00001-00000003.soi")
echo
echo "| andel tally | seconds (best of 5) | goal |"
echo "|---|---:|---:|"
echo "| irv, Meath 2002 (00001-00000003.soi) | $irv | 0.1 |"
echo "| schulze, Minneapolis (00018-00000003.soi) | $schulze | 0.5 |"
echo "| stv 5 seats, Meath 2002 | $stv | — |"
