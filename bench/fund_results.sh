#!/usr/bin/env bash
# Health checks while many clients ask for a large fund's result: imports the largest real
# Pabulib file (Kraków 2024, 65,101 ballots) into a demo server, then N clients hammer the
# fund's page and API result while a health check is sent every 50 ms, until the result is
# stored and for 3 s after. Prints the import time, when the result was there, and the latency
# of the health checks and of the result requests, as a Markdown table.
# Reference (the code before stored results, issue 13): every request computed the result,
# 2.4 s each, and with 8 clients a health check took 18 s. With BEFORE=PATH/TO/older/andel the
# same run measures that binary first, for a before/after comparison on one machine.
#   [BEFORE=old-andel] bench/fund_results.sh PATH/TO/andel [CLIENTS] [PABULIB_FILE]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
clients=${2:-8}
here=$(cd "$(dirname "$0")" && pwd)
file=${3:-$here/../../shared/data/pabulib/Poland_Krakow_2024.pb}
[ -r "$file" ] || { echo "fund_results.sh: cannot read $file" >&2; exit 1; }
work=
andel_pid=
trap '[ -n "$andel_pid" ] && kill $andel_pid 2>/dev/null; [ -n "$work" ] && rm -rf "$work"' EXIT

run() {  # ANDEL_BINARY LABEL
andel=$1
label=$2
work=$(mktemp -d)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$andel" serve --db "sqlite:$work/bench.db" --port "$port" --demo >"$work/andel.log" 2>"$work/andel.err" &
andel_pid=$!
wait_for_server "$andel_pid" "http://127.0.0.1:$port/api/v1/health" || { cat "$work/andel.err" >&2; exit 1; }

base="http://127.0.0.1:$port/api/v1"
token=$(curl -sf "$base/tokens" -H 'content-type: application/json' \
  -d '{"email":"admin@andel.example","password":"andel-admin-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
import_s=$(curl -sf -o "$work/fund.json" -w '%{time_total}' -H "authorization: Bearer $token" \
  --data-binary @"$file" "$base/communities/aarhus-partnerskab/funds/import?title=Bench") || {
  echo "fund_results.sh: the import failed" >&2; exit 1; }
fund=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/fund.json")

python3 - "$port" "$fund" "$clients" "$import_s" "$(basename "$file")" "$label" <<'PY'
import http.client, statistics, sys, threading, time
port, fund, clients, import_s, name, label = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
page = f"/c/aarhus-partnerskab/funds/{fund}"
api = f"/api/v1/communities/aarhus-partnerskab/funds/{fund}/result"
start = time.monotonic()
stored_at = None
stop = threading.Event()
lock = threading.Lock()
result_ms, health_ms, statuses, failures = [], [], {}, []

def get(conn, path):
    t = time.monotonic()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return r.status, body, (time.monotonic() - t) * 1000

def failing(loop):
    # A request that fails (the server gone, a reset) fails the benchmark, not just its thread.
    def run(*args):
        try:
            loop(*args)
        except Exception as error:
            with lock:
                failures.append(repr(error))
            stop.set()
    return run

@failing
def client(i):
    global stored_at
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while not stop.is_set():
        path = page if i % 2 else api
        status, body, ms = get(conn, path)
        computing = status == 202 or b"being computed" in body
        with lock:
            result_ms.append(ms)
            key = "being computed" if computing else str(status)
            statuses[key] = statuses.get(key, 0) + 1
            if status not in (200, 202):
                failures.append(status)
            if status == 200 and not computing and stored_at is None:
                stored_at = time.monotonic() - start

@failing
def health():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while not stop.is_set():
        status, _, ms = get(conn, "/api/v1/health")
        with lock:
            health_ms.append(ms)
            if status != 200:
                failures.append(status)
        time.sleep(0.05)

threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
threads.append(threading.Thread(target=health))
for t in threads:
    t.start()
while stored_at is None and not stop.is_set() and time.monotonic() - start < 300:
    time.sleep(0.05)
time.sleep(3)
stop.set()
for t in threads:
    t.join()
if stored_at is None or failures:
    print(f"fund_results.sh: result stored: {stored_at}; failed requests: {failures[:10]}", file=sys.stderr)
    sys.exit(1)
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
print()
print(f"{label}: {name} imported into a fund; {clients} clients asking for its result "
      f"(page and API) without pause, a health check every 50 ms")
print()
print("| what | figure |")
print("|---|---:|")
print(f"| import | {import_s:.2f} s |")
print(f"| first full result, after the import answered | {stored_at:.2f} s |")
print(f"| health checks during the run | {len(health_ms)} |")
print(f"| health check, median / p99 / max | {statistics.median(health_ms):.1f} / {q(health_ms, .99):.1f} / {max(health_ms):.1f} ms |")
print(f"| result requests answered | {len(result_ms)} ({', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))}) |")
print(f"| result request, median / p99 / max | {statistics.median(result_ms):.1f} / {q(result_ms, .99):.1f} / {max(result_ms):.1f} ms |")
print(f"| reference (issue 13: computed on every request, 8 clients) | health check 18 s |")
PY
kill "$andel_pid"
wait "$andel_pid" 2>/dev/null || true
andel_pid=
rm -rf "$work"
work=
}

if [ -n "${BEFORE:-}" ]; then run "$BEFORE" before; fi
run "$1" after
