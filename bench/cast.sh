#!/usr/bin/env bash
# Casting ballots over HTTP on SQLite: 256 voters, each on its own keep-alive connection,
# sending a ballot as soon as the last one is acknowledged; every acknowledgement comes after
# the ballot's transaction is durable (group commit, synchronous=FULL). Goal: ≥ 5,000 ballots/s.
# Then the crash test: the same load, `kill -9` of the server in the middle, and a check that
# every acknowledged ballot is in the database and none is doubled.
#   bench/cast.sh PATH/TO/andel PATH/TO/andel_cast_load [SECONDS]
set -Eeuo pipefail
shopt -s inherit_errexit
# Fail loudly: a command that fails ends the run, named (a crash once showed up as a fast run).
trap 'echo "bench/cast.sh: \"$BASH_COMMAND\" failed (exit $?, line $LINENO)" >&2' ERR
andel=$1
load=$2
seconds=${3:-10}
voters=256
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill -9 "$server" 2>/dev/null; rm -rf "$work"' EXIT

start_server() {  # DIR
  "$andel" serve --db "sqlite:$1/cast.db" --port 0 --workers 64 >"$1/serve.out" 2>&1 &
  server=$!
  for _ in $(seq 200); do
    port=$(grep -o "http://127.0.0.1:[0-9]*" "$1/serve.out" | head -n 1 | sed "s/.*://" || true)
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "the server did not start"; cat "$1/serve.out"; exit 1
}

mkdir -p "$work/throughput" "$work/crash"
"$load" prepare "sqlite:$work/throughput/cast.db" "$voters" "$work/throughput"
start_server "$work/throughput"
echo "throughput ($voters voters, $seconds s):"
"$load" run "$port" "$work/throughput" "$seconds"
kill -TERM "$server"
status=0
wait "$server" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; then  # 143: ended by the SIGTERM itself
  echo "bench/cast.sh: andel serve exited with $status during the throughput run" >&2
  exit 1
fi
server=""

"$load" prepare "sqlite:$work/crash/cast.db" "$voters" "$work/crash"
start_server "$work/crash"
"$load" run "$port" "$work/crash" 30 >"$work/crash/run.out" || true &
runner=$!
sleep 3
kill -9 "$server"; server=""
wait "$runner" || true
echo "after kill -9 under load:"
"$load" check "sqlite:$work/crash/cast.db" "$work/crash"
