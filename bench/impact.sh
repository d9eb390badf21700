#!/usr/bin/env bash
# Impact benchmark, against the impact issue's goals (it names no reference implementation):
#  - the community impact page with 100 indicators of 10 years of monthly measurements, server
#    time from the access log (goal ≤ 20 ms), median and 90th percentile of 50 requests;
#  - a CSV import of 1,000,000 measurements through the API on SQLite, wall clock including the
#    upload (goal ≤ 10 s).
#   bench/impact.sh PATH/TO/andel
set -Eeuo pipefail
. "$(dirname "$0")/lib.sh"
shopt -s inherit_errexit
# Fail loudly: a command that fails ends the run, named (a crash once showed up as a fast run).
trap 'echo "bench/impact.sh: \"$BASH_COMMAND\" failed (exit $?, line $LINENO)" >&2' ERR
andel=$1
work=$(mktemp -d)
andel_pid=
trap 'kill $andel_pid 2>/dev/null || true; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$andel" serve --db "sqlite:$work/bench.db" --port "$port" --demo >"$work/andel.log" 2>&1 &
andel_pid=$!
base="http://127.0.0.1:$port"
wait_for_server "$andel_pid" "$base/api/v1/health"
token=$(curl -sf -X POST "$base/api/v1/tokens" -H 'content-type: application/json' \
  -d '{"email":"admin@andel.example","password":"andel-admin-demo"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
api="$base/api/v1/communities/aarhus-partnerskab"
auth=(-H "authorization: Bearer $token")

# 100 indicators, each with 120 monthly measurements (December 2016 to November 2026).
for i in $(seq 100); do
  curl -sf "${auth[@]}" -H 'content-type: application/json' -X POST "$api/indicators" \
    -d "{\"name\":\"Indicator $i\",\"unit\":\"people\",\"baseline\":\"0\",\"baseline_date\":\"2016-12-01\",\"target\":\"5000\",\"target_due\":\"2027-12-31\"}" >/dev/null
done
python3 - "$work/months.csv" "$work/million.csv" <<'PY'
import calendar, sys
def month_rows(out, indicators, months):
    out.write("indicator,period_start,period_end,value,source\n")
    for i in range(1, indicators + 1):
        y, m = 2016, 12
        for k in range(months):
            last = calendar.monthrange(y, m)[1]
            out.write(f"Indicator {i},{y}-{m:02d}-01,{y}-{m:02d}-{last},{(i * 7 + k * 13) % 50 + 0.5},Register\n")
            m += 1
            if m == 13: y, m = y + 1, 1
with open(sys.argv[1], "w") as f: month_rows(f, 100, 120)
# A million: 100 indicators × 10,000 days.
import datetime
with open(sys.argv[2], "w") as f:
    f.write("indicator,period_start,period_end,value,source\n")
    start = datetime.date(1999, 1, 1)
    days = [(start + datetime.timedelta(d)).isoformat() for d in range(10000)]
    for i in range(1, 101):
        name = f"Indicator {i}"
        f.writelines(f"{name},{d},{d},{(i + k) % 17},Register\n" for k, d in enumerate(days))
PY
curl -sf "${auth[@]}" -H 'content-type: text/csv' --data-binary "@$work/months.csv" "$api/measurements" >/dev/null

page="/c/aarhus-partnerskab/impact"
for _ in $(seq 5); do curl -sf "$base$page" >/dev/null; done  # warm up
: >"$work/before"
lines_before=$(wc -l <"$work/andel.log")
for _ in $(seq 50); do curl -sf "$base$page" >/dev/null; done
tail -n +"$((lines_before + 1))" "$work/andel.log" | grep "path=$page " |
  sed 's/.*duration_us=\([0-9]*\).*/\1/' | sort -n >"$work/times"
median=$(awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}' "$work/times")
p90=$(awk '{a[NR]=$1} END {printf "%.1f", a[int(NR*0.9)]/1000}' "$work/times")
bytes=$(curl -sf "$base$page" | wc -c)

# Cold: before each view every indicator gets a correction of its latest month, so no card is
# in the render cache (as on the first view after a monthly import).
: >"$work/cold_times"
for round in $(seq 20); do
  python3 - "$work/fix.csv" "$round" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("indicator,period_start,period_end,value,source\n")
    for i in range(1, 101):
        f.write(f"Indicator {i},2026-11-01,2026-11-30,{int(sys.argv[2]) % 7 + 0.5},Register\n")
PY
  curl -sf "${auth[@]}" -H 'content-type: text/csv' --data-binary "@$work/fix.csv" "$api/measurements" >/dev/null
  lines_before=$(wc -l <"$work/andel.log")
  curl -sf "$base$page" >/dev/null
  for _ in $(seq 50); do  # the access log line follows the response
    tail -n +"$((lines_before + 1))" "$work/andel.log" | grep -q "path=$page " && break
    sleep 0.05
  done
  tail -n +"$((lines_before + 1))" "$work/andel.log" | grep "path=$page " |
    sed 's/.*duration_us=\([0-9]*\).*/\1/' >>"$work/cold_times"
done
sort -n -o "$work/cold_times" "$work/cold_times"
cold_median=$(awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}' "$work/cold_times")
cold_p90=$(awk '{a[NR]=$1} END {printf "%.1f", a[int(NR*0.9)]/1000}' "$work/cold_times")

start=$(date +%s.%N)
curl -sf "${auth[@]}" -H 'content-type: text/csv' --data-binary "@$work/million.csv" "$api/measurements" >"$work/import.json"
end=$(date +%s.%N)
imported=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["imported"])' "$work/import.json")
seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
mb=$(awk -v b="$(wc -c <"$work/million.csv")" 'BEGIN { printf "%.0f", b / 1e6 }')

echo
echo "| what | measured | goal | of the goal |"
echo "|---|---:|---:|---:|"
echo "| impact page, 100 indicators × 120 months ($((bytes / 1024)) KB of HTML), server time median | $median ms | 20 ms | $(awk -v t="$median" 'BEGIN { printf "%.2f", t / 20 }') |"
echo "| the same, 90th percentile | $p90 ms | 20 ms | $(awk -v t="$p90" 'BEGIN { printf "%.2f", t / 20 }') |"
echo "| the same with every card new (none cached), median of 20 | $cold_median ms | 20 ms | $(awk -v t="$cold_median" 'BEGIN { printf "%.2f", t / 20 }') |"
echo "| the same, 90th percentile | $cold_p90 ms | 20 ms | $(awk -v t="$cold_p90" 'BEGIN { printf "%.2f", t / 20 }') |"
echo "| CSV import of $imported measurements ($mb MB) on SQLite, wall clock | $seconds s | 10 s | $(awk -v t="$seconds" 'BEGIN { printf "%.2f", t / 10 }') |"
